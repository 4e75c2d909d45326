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

const JSON_WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Drops the whitespace between JSON tokens (`{"a": [1, 2]}` becomes `{"a":[1,2]}`), the compact form Aurora
 * Serverless v2 returns for json and jsonb; strings and number literals are kept exactly as they are.
 */
export function compactJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 1;
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (!JSON_WHITESPACE.has(c)) {
      out += c;
    }
  }
  return out;
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Writes Postgres's numeric text the way Java's BigDecimal.toString does, as the service's JDBC layer is
 * assumed to: plain unless the value's adjusted exponent is below -6, then in exponent notation
 * (`0.0000001` becomes `1E-7`, `0.00000000` becomes `0E-8`). NaN and infinities pass unchanged.
 */
export function javaDecimalString(text: string): string {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return text;
  const [, sign = '', whole = '', fraction = ''] = m;
  const scale = fraction.length;
  const coefficient = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  const adjusted = coefficient.length - 1 - scale;
  if (adjusted >= -6) return text;
  const mantissa = coefficient.length > 1 ? `${coefficient[0]}.${coefficient.slice(1)}` : coefficient;
  return `${sign}${mantissa}E${adjusted}`;
}
