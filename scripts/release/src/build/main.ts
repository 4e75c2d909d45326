import { parseArgs } from 'node:util';
import { workspaceRoot } from '../repo-root';
import { buildLambdas } from './build-lambdas';
import { isLambdaName, LAMBDA_NAMES, lambdaTarget } from './lambdas';

// `pnpm build [lambda...]`: bundle, guard, zip and size-check the Lambdas (the five agents and the API by default).
const log = (line: string) => process.stdout.write(`${line}\n`);
const { positionals } = parseArgs({ allowPositionals: true, strict: true });
const unknown = positionals.filter((name) => !isLambdaName(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown Lambda ${unknown.join(', ')}; expected one of ${LAMBDA_NAMES.join(', ')}\n`);
  process.exit(2);
}
const root = workspaceRoot();
const names = positionals.length > 0 ? positionals : LAMBDA_NAMES;
const started = performance.now();
try {
  const built = await buildLambdas({ root, targets: names.map((name) => lambdaTarget(root, name)), log });
  log(`built ${built.length} Lambda zips in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
