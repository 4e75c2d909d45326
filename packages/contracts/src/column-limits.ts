import { z } from 'zod';

/** The precision (total digits) and scale (digits after the point) of a PostgreSQL `numeric` column. */
export interface DecimalShape {
  readonly precision: number;
  readonly scale: number;
}

/** `positions.quantity`: numeric(20, 8). */
export const QUANTITY = { precision: 20, scale: 8 } as const satisfies DecimalShape;

/** Money columns (`accounts.cash_balance`, `users.target_retirement_income`, ...): numeric(12, 2). */
export const MONEY = { precision: 12, scale: 2 } as const satisfies DecimalShape;

/** `instruments.current_price`: numeric(12, 4). */
export const PRICE = { precision: 12, scale: 4 } as const satisfies DecimalShape;

/** `accounts.cash_interest`, a rate (0.045 = 4.5%): numeric(5, 4). */
export const CASH_INTEREST = { precision: 5, scale: 4 } as const satisfies DecimalShape;

/** Lengths, in characters, of the `varchar(n)` columns that user and reference data are written to. */
export const VARCHAR_LENGTH = {
  clerkUserId: 255,
  displayName: 255,
  accountName: 255,
  symbol: 20,
  instrumentName: 255,
  instrumentType: 50,
} as const;

/** The largest value a numeric column of this shape holds, as decimal text ("9999999999.99"). */
export function largestStored(shape: DecimalShape): string {
  const whole = '9'.repeat(shape.precision - shape.scale);
  return shape.scale > 0 ? `${whole}.${'9'.repeat(shape.scale)}` : whole;
}

/** The smallest positive value a numeric column of this shape holds, as decimal text ("0.01"). */
export function smallestStep(shape: DecimalShape): string {
  return shape.scale > 0 ? `0.${'0'.repeat(shape.scale - 1)}1` : '1';
}

/**
 * Decimal text as JSON and `String(number)` write it (sign, point and exponent allowed: "-1.5", "1e-9",
 * "1e+21") split into its digits and the power of ten they are divided by: value = ±digits × 10^-scale.
 */
export function splitDecimal(text: string): { negative: boolean; digits: string; scale: number } {
  const [mantissa = '0', exponent = '0'] = text.toLowerCase().split('e');
  const [whole = '', fraction = ''] = mantissa.replace(/^[-+]/, '').split('.');
  return {
    negative: mantissa.startsWith('-'),
    digits: `${whole}${fraction}`,
    scale: fraction.length - Number(exponent),
  };
}

/**
 * Digits before and after the point of the text the drivers send for a number (`String(value)`, which may
 * use exponent notation: 1e-9, 1e+21), counted the way PostgreSQL reads that text into a numeric.
 */
export function decimalDigits(value: number): { integer: number; fraction: number } {
  const { digits, scale } = splitDecimal(String(Math.abs(value)));
  const point = digits.length - scale;
  const integerPart = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '';
  return { integer: integerPart.replace(/^0+/, '').length, fraction: Math.max(0, scale) };
}

/** Bounds of a stored decimal beyond what its column type imposes (check constraints). */
export interface StoredDecimalBounds {
  min: number;
  /** True when `min` itself is refused (`quantity > 0`). */
  minExclusive?: boolean;
  /** An upper bound below the column's own limit (`cash_interest BETWEEN 0 AND 1`). */
  max?: number;
}

/**
 * A number that a numeric column of `shape` stores exactly: within `bounds`, fewer whole digits than the
 * precision leaves, and no more decimal places than the scale (PostgreSQL would round those away silently,
 * turning 1e-9 into a 0 that `quantity > 0` then refuses).
 */
export function storedDecimal(shape: DecimalShape, bounds: StoredDecimalBounds) {
  const column = `numeric(${shape.precision}, ${shape.scale})`;
  const ceiling = 10 ** (shape.precision - shape.scale);
  let schema = bounds.minExclusive
    ? z.number().gt(bounds.min, `must be greater than ${bounds.min}`)
    : z.number().min(bounds.min, `must be at least ${bounds.min}`);
  schema =
    bounds.max !== undefined && bounds.max < ceiling
      ? schema.max(bounds.max, `must be at most ${bounds.max}`)
      : schema.lt(ceiling, `must be at most ${largestStored(shape)} (the largest a ${column} column holds)`);
  return schema.superRefine((value, ctx) => {
    if (decimalDigits(value).fraction <= shape.scale) return;
    const step = smallestStep(shape);
    const message =
      bounds.min === 0 && bounds.minExclusive && Math.abs(value) < Number(step)
        ? `must be at least ${step}, the smallest amount a ${column} column holds (${value} would be stored as 0)`
        : `must have at most ${shape.scale} decimal places (a ${column} column), got ${value}`;
    ctx.addIssue({ code: 'custom', message });
  });
}

// A lone UTF-16 surrogate has no UTF-8 form: the drivers would silently replace it with U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text a PostgreSQL text or varchar(`maxChars`) column stores as given: trimmed, at least `minChars` and at
 * most `maxChars` characters (counted as PostgreSQL counts them, by code point), no NUL character
 * (PostgreSQL text cannot hold \u0000) and no unpaired surrogate.
 */
export function storedText(maxChars: number, { minChars = 0 }: { minChars?: number } = {}) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const chars = [...value].length;
      if (chars < minChars) {
        ctx.addIssue({
          code: 'custom',
          message: minChars === 1 ? 'must not be empty' : `must have at least ${minChars} characters`,
        });
      }
      if (chars > maxChars) {
        ctx.addIssue({ code: 'custom', message: `must have at most ${maxChars} characters, got ${chars}` });
      }
      if (value.includes('\u0000')) {
        ctx.addIssue({ code: 'custom', message: 'must not contain a NUL character (\\u0000)' });
      }
      if (LONE_SURROGATE.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be valid Unicode (an unpaired surrogate was found)' });
      }
    });
}
