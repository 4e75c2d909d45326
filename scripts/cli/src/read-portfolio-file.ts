import { readFile, stat } from 'node:fs/promises';
import {
  InstrumentsFile,
  MAX_PORTFOLIO_FILE_BYTES,
  PortfolioImportFile,
  splitDecimal,
} from '@alex/contracts';
import { formatIssues } from '@alex/errors';
import type { z } from 'zod';
import { CliError, NotFoundError } from './errors';

/** A decimal's digits without sign, leading or trailing zeros, and the power of ten they are scaled by. */
function canonicalDecimal(text: string): string {
  const { digits, scale } = splitDecimal(text);
  const significant = digits.replace(/^0+/, '');
  const trimmed = significant.replace(/0+$/, '');
  return trimmed === '' ? '0' : `${trimmed}e${significant.length - trimmed.length - scale}`;
}

/**
 * Parses JSON, refusing numbers a JavaScript number cannot hold exactly (more than about 15 significant
 * digits): they would be stored as a different value, silently.
 */
function parseExactJson(text: string): unknown {
  const inexact: string[] = [];
  const value = JSON.parse(text, (_key, parsed: unknown, context?: { source?: string }) => {
    if (typeof parsed === 'number' && context?.source !== undefined) {
      if (canonicalDecimal(context.source) !== canonicalDecimal(String(parsed))) inexact.push(context.source);
    }
    return parsed;
  });
  if (inexact.length > 0) {
    throw new CliError(
      `numbers with more digits than can be held exactly: ${inexact.slice(0, 5).join(', ')} (each would be stored as a different value; write at most 15 significant digits)`,
    );
  }
  return value;
}

/**
 * Reads a JSON file of at most MAX_PORTFOLIO_FILE_BYTES and validates it with `schema`, naming every
 * offending field path when it is malformed; `kind` names the file in messages ("portfolio file").
 */
async function readImportFile<S extends z.ZodType>(
  path: string,
  schema: S,
  kind: string,
): Promise<z.output<S>> {
  const info = await stat(path).catch(() => {
    throw new NotFoundError(`cannot read ${path}: no such file`);
  });
  if (!info.isFile()) throw new CliError(`cannot read ${path}: not a file`);
  if (info.size > MAX_PORTFOLIO_FILE_BYTES) {
    throw new CliError(
      `${path} is ${info.size} bytes; ${kind}s are limited to ${MAX_PORTFOLIO_FILE_BYTES} bytes`,
    );
  }
  let raw: unknown;
  try {
    raw = parseExactJson(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`${path}: ${error.message}`);
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new CliError(`${path} is not a valid ${kind}: ${formatIssues(parsed.error, { root: '(file)' })}`);
}

/** Reads and validates a user's portfolio file (`alex portfolio import`, `alex analyze --portfolio`). */
export function readPortfolioFile(path: string): Promise<PortfolioImportFile> {
  return readImportFile(path, PortfolioImportFile, 'portfolio file');
}

/** Reads and validates an administrator's instruments file (`alex instruments import`). */
export function readInstrumentsFile(path: string): Promise<InstrumentsFile> {
  return readImportFile(path, InstrumentsFile, 'instruments file');
}
