/** A `:name` placeholder found in SQL text, with its offsets in that text. */
export interface Placeholder {
  name: string;
  start: number;
  end: number;
}

/** What the scanner learned about one SQL string. */
export interface SqlScan {
  /** Placeholders outside string literals, quoted identifiers, comments and dollar-quoted bodies. */
  placeholders: Placeholder[];
  /** Placeholders inside dollar-quoted bodies, which the real Data API would substitute as well. */
  dollarQuotedPlaceholders: Placeholder[];
  /** Non-empty statements separated by top-level semicolons. */
  statementCount: number;
}

interface RawScan {
  placeholders: Placeholder[];
  dollarBodies: Array<{ start: number; end: number }>;
  statementCount: number;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const PLACEHOLDER_NAME = /[A-Za-z0-9_]+/y;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

function skipLineComment(sql: string, i: number): number {
  const end = sql.indexOf('\n', i);
  return end === -1 ? sql.length : end + 1;
}

/** Postgres block comments nest, so this counts depth. */
function skipBlockComment(sql: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth += 1;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth -= 1;
      j += 2;
      if (depth === 0) return j;
    } else {
      j += 1;
    }
  }
  return sql.length;
}

/** Skips a quoted literal or identifier; a doubled quote is an escaped quote. */
function skipQuoted(sql: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslashEscapes && c === '\\') {
      j += 2;
    } else if (c === quote) {
      if (sql[j + 1] !== quote) return j + 1;
      j += 2;
    } else {
      j += 1;
    }
  }
  return sql.length;
}

/** `E'...'` strings treat backslash as an escape; `e` must be a token of its own. */
function isEscapeString(sql: string, quoteIndex: number): boolean {
  const prefix = sql[quoteIndex - 1];
  if (prefix !== 'E' && prefix !== 'e') return false;
  const before = sql[quoteIndex - 2];
  return before === undefined || !IDENTIFIER_CHAR.test(before);
}

function skipIdentifier(sql: string, i: number): number {
  let j = i;
  while (j < sql.length && IDENTIFIER_CHAR.test(sql[j] ?? '')) j += 1;
  return j;
}

function scanRaw(sql: string, dollarAware: boolean): RawScan {
  const placeholders: Placeholder[] = [];
  const dollarBodies: RawScan['dollarBodies'] = [];
  let statementCount = 0;
  let statementHasContent = false;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] ?? '';
    if (c === '-' && sql[i + 1] === '-') {
      i = skipLineComment(sql, i);
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      i = skipBlockComment(sql, i);
      continue;
    }
    if (c === ';') {
      if (statementHasContent) statementCount += 1;
      statementHasContent = false;
      i += 1;
      continue;
    }
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    statementHasContent = true;
    if (c === "'") {
      i = skipQuoted(sql, i, "'", isEscapeString(sql, i));
    } else if (c === '"') {
      i = skipQuoted(sql, i, '"', false);
    } else if (c === '$' && dollarAware && matchAt(DOLLAR_TAG, sql, i)) {
      const tag = matchAt(DOLLAR_TAG, sql, i) ?? '';
      const close = sql.indexOf(tag, i + tag.length);
      const bodyEnd = close === -1 ? sql.length : close;
      dollarBodies.push({ start: i + tag.length, end: bodyEnd });
      i = close === -1 ? sql.length : close + tag.length;
    } else if (c === ':' && sql[i + 1] === ':') {
      i += 2;
    } else if (c === ':' && matchAt(PLACEHOLDER_NAME, sql, i + 1)) {
      const name = matchAt(PLACEHOLDER_NAME, sql, i + 1) ?? '';
      placeholders.push({ name, start: i, end: i + 1 + name.length });
      i += 1 + name.length;
    } else if (IDENTIFIER_CHAR.test(c) && c !== '$') {
      i = skipIdentifier(sql, i);
    } else {
      i += 1;
    }
  }
  if (statementHasContent) statementCount += 1;
  return { placeholders, dollarBodies, statementCount };
}

function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0];
}

/**
 * Scans SQL the way Postgres tokenizes it, to find `:name` placeholders and statement boundaries.
 * Dollar-quoted bodies are scanned separately, with quotes and comments still respected, because
 * the real Data API does not know dollar quoting and substitutes placeholders inside them too.
 */
export function scanSql(sql: string): SqlScan {
  const top = scanRaw(sql, true);
  const dollarQuotedPlaceholders = top.dollarBodies.flatMap((body) =>
    scanRaw(sql.slice(body.start, body.end), false).placeholders.map((p) => ({
      name: p.name,
      start: p.start + body.start,
      end: p.end + body.start,
    })),
  );
  return { placeholders: top.placeholders, dollarQuotedPlaceholders, statementCount: top.statementCount };
}

const LEADING_NOISE = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

/** The first two words of the SQL, upper-cased, after leading whitespace and comments. */
export function leadingKeywords(sql: string): [string, string] {
  const rest = sql.replace(LEADING_NOISE, '');
  const words = /^([A-Za-z]+)(?:\s+([A-Za-z]+))?/.exec(rest);
  return [(words?.[1] ?? '').toUpperCase(), (words?.[2] ?? '').toUpperCase()];
}
