// First, so that it applies to every module the commands load (see the file).
import '@alex/local-stack/drizzle-resolve-hook';
import { writeFailure } from './failure';
import { nodeVersionProblem } from './node-version';

const argv = process.argv.slice(2);
// A reader that stops early (`pnpm alex --help | head`) is not a failure of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
// Checked before the commands load: the database layer imports `node:sqlite`, which Node 20 does not have.
const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  const failure = { message: problem, exitCode: 1, code: 'node_version' };
  process.exitCode = writeFailure(failure, argv.includes('--json'));
} else {
  const { runCli } = await import('./program');
  process.exitCode = await runCli(argv);
}
