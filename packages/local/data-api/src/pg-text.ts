import { unsupportedResult } from './errors';

/** Thrown for nested array literals, which the Data API cannot return. */
function multidimensional(): Error {
  return unsupportedResult('The result contains a multidimensional array');
}

function readQuotedElement(text: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (c === '"') {
      return [value, i + 1];
    } else {
      value += c;
      i += 1;
    }
  }
  return [value, i];
}

/**
 * Parses Postgres's text output of a one-dimensional array (`{1,NULL,"a b"}`) into its elements.
 * Elements stay in their text form; NULL becomes null. Nested arrays are refused like the Data API does.
 */
export function parseArrayLiteral(text: string, delimiter = ','): Array<string | null> {
  // A non-default lower bound is printed as a "[2:3]=" prefix before the braces.
  const body = text.startsWith('[') ? text.slice(text.indexOf('=') + 1) : text;
  if (body === '{}') return [];
  const elements: Array<string | null> = [];
  let i = 1;
  while (i < body.length - 1) {
    if (body[i] === '{') throw multidimensional();
    if (body[i] === '"') {
      const [value, next] = readQuotedElement(body, i);
      elements.push(value);
      i = next + 1;
      continue;
    }
    let end = body.indexOf(delimiter, i);
    if (end === -1 || end > body.length - 1) end = body.length - 1;
    const raw = body.slice(i, end).trim();
    elements.push(raw === 'NULL' ? null : raw);
    i = end + 1;
  }
  return elements;
}

const TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * Turns Postgres's timestamptz output (`2024-01-02 12:04:05.5+09`) into the UTC wall-clock string
 * the Data API returns (`2024-01-02 03:04:05.5`), without depending on the process time zone.
 */
export function timestamptzToUtc(text: string): string {
  const m = TIMESTAMPTZ.exec(text);
  if (!m) return text;
  const [, year, month, day, hour, minute, second, fraction = '', sign, offH, offM = '0', offS = '0'] = m;
  const offsetSeconds = (sign === '-' ? -1 : 1) * (Number(offH) * 3600 + Number(offM) * 60 + Number(offS));
  const local = new Date(0);
  local.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  local.setUTCHours(Number(hour), Number(minute), Number(second) - offsetSeconds, 0);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date} ${time}${fraction}`;
}

/** Postgres prints bytea as `\x0a1b...`; the Data API returns the bytes, base64-encoded on the wire. */
export function byteaToBase64(text: string): string {
  return Buffer.from(text.slice(2), 'hex').toString('base64');
}
