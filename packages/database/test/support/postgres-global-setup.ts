import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../../scripts/ci/start-postgres.sh', import.meta.url));

/** Starts the test PostgreSQL server unless ALEX_TEST_POSTGRES_URL names one; stops what it started. */
export default function setup(): () => void {
  if (process.env.ALEX_TEST_POSTGRES_URL) return () => {};
  const url = execFileSync('bash', [script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  process.env.ALEX_TEST_POSTGRES_URL = url;
  return () => {
    execFileSync('bash', [script, 'stop'], { stdio: 'inherit' });
  };
}
