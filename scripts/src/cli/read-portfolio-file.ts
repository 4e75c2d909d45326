import { readFile, stat } from 'node:fs/promises';
import { MAX_PORTFOLIO_FILE_BYTES, PortfolioImportFile } from '@alex/contracts';
import { CliError } from './cli-error';

/** Reads and validates a portfolio file, naming every offending field path when it is malformed. */
export async function readPortfolioFile(path: string): Promise<PortfolioImportFile> {
  const info = await stat(path).catch(() => {
    throw new CliError(`cannot read ${path}: no such file`);
  });
  if (!info.isFile()) throw new CliError(`cannot read ${path}: not a file`);
  if (info.size > MAX_PORTFOLIO_FILE_BYTES) {
    throw new CliError(
      `${path} is ${info.size} bytes; portfolio files are limited to ${MAX_PORTFOLIO_FILE_BYTES} bytes`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = PortfolioImportFile.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
  );
  throw new CliError(`${path} is not a valid portfolio file: ${problems.join('; ')}`);
}
