/**
 * Annual US market history (stocks, 10-year government bonds, inflation) derived from Robert Shiller's
 * monthly series.
 *
 * Source: Robert Shiller, "U.S. Stock Markets 1871-Present and CAPE Ratio"; data package "s-and-p-500",
 * ODC-PDDL-1.0. The shipped copy is packages/analytics/data/shiller-sp500-monthly.csv.
 *
 * Method (the one FIRECalc and cFIREsim use, so results can be compared), all nominal, January to January:
 * - stocks: S&P composite total return, the product over the 12 months m of (P[m+1] + D[m] / 12) / P[m],
 *   minus 1, where P is the monthly average index level and D the annualised dividend per share.
 * - bonds: each month buy a 10-year par bond at that month's yield y, collect its coupon c = y / 12, and
 *   price it the next month at the next month's yield y' with 119 months left, compounding monthly:
 *   price = c (1 - (1 + r)^-n) / r + (1 + r)^-n with r = y' / 12, n = 119. The month's return is
 *   price + c - 1; the 12 monthly returns are chained.
 * - inflation: CPI[January of year + 1] / CPI[January of year] - 1.
 * A month is complete when its price, dividend, CPI and yield are all positive: from 2023-07 the file has
 * only the price, with 0 in the other columns, which means missing, never zero. A year is produced only when
 * all 13 months from its January to the next January are complete.
 */
import { formatIssues } from '@alex/errors';
import { z } from 'zod';

/** One year of US market history, January of `year` to January of `year + 1`, nominal, as fractions. */
export interface AnnualMarketYear {
  year: number;
  stocks: number;
  bonds: number;
  inflation: number;
}

/** Months to maturity of the 10-year bond a month after it is bought. */
const BOND_MONTHS_LEFT = 119;

const Decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'not a number')
  .transform(Number);

/** One row of the Shiller CSV, by column name; columns the derivation does not use are ignored. */
const ShillerRow = z.object({
  Date: z
    .string()
    .regex(/^\d{4}-\d{2}-01$/, 'expected a date YYYY-MM-01')
    .transform((date) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) })),
  SP500: Decimal,
  Dividend: Decimal,
  'Consumer Price Index': Decimal,
  'Long Interest Rate': Decimal,
});

/** One month of the series: index level, annualised dividend, CPI and the 10-year yield as a fraction. */
interface MonthRow {
  price: number;
  dividend: number;
  cpi: number;
  yield: number;
}

const REQUIRED_COLUMNS = Object.keys(ShillerRow.shape);

/** Reads the complete months of the CSV, keyed by year * 12 + (month - 1); throws naming the bad line. */
function parseCompleteMonths(csvText: string): Map<number, MonthRow> {
  const lines = csvText.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((name) => name.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(`Shiller CSV line 1: missing column ${missing.map((c) => `"${c}"`).join(', ')}`);
  }
  const months = new Map<number, MonthRow>();
  const seen = new Set<number>();
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = index + 2;
    const fields = line.split(',');
    if (fields.length !== header.length) {
      throw new Error(
        `Shiller CSV line ${lineNumber}: expected ${header.length} fields, got ${fields.length}`,
      );
    }
    const parsed = ShillerRow.safeParse(
      Object.fromEntries(header.map((name, i) => [name, fields[i]?.trim()])),
    );
    if (!parsed.success) throw new Error(`Shiller CSV line ${lineNumber}: ${formatIssues(parsed.error)}`);
    const row = parsed.data;
    const month: MonthRow = {
      price: row.SP500,
      dividend: row.Dividend,
      cpi: row['Consumer Price Index'],
      yield: row['Long Interest Rate'] / 100,
    };
    const key = row.Date.year * 12 + row.Date.month - 1;
    if (seen.has(key)) throw new Error(`Shiller CSV line ${lineNumber}: the month appears twice`);
    seen.add(key);
    if (Object.values(month).every((value) => value > 0)) months.set(key, month);
  });
  return months;
}

/** Price per unit face value of a bond paying `coupon` a month for `months` months, at monthly rate `rate`. */
function bondPrice(coupon: number, rate: number, months: number): number {
  const discount = (1 + rate) ** -months;
  return (coupon * (1 - discount)) / rate + discount;
}

/** One month's nominal returns from `month` to `next`. */
function monthlyReturns(month: MonthRow, next: MonthRow): { stocks: number; bonds: number } {
  const coupon = month.yield / 12;
  return {
    stocks: (next.price + month.dividend / 12) / month.price - 1,
    bonds: bondPrice(coupon, next.yield / 12, BOND_MONTHS_LEFT) + coupon - 1,
  };
}

/** The year starting at `januaryKey`, or null when any of its 13 months is missing. */
function deriveYear(months: Map<number, MonthRow>, januaryKey: number): AnnualMarketYear | null {
  let stocksGrowth = 1;
  let bondsGrowth = 1;
  for (let key = januaryKey; key < januaryKey + 12; key++) {
    const month = months.get(key);
    const next = months.get(key + 1);
    if (!month || !next) return null;
    const returns = monthlyReturns(month, next);
    stocksGrowth *= 1 + returns.stocks;
    bondsGrowth *= 1 + returns.bonds;
  }
  const january = months.get(januaryKey) as MonthRow;
  const nextJanuary = months.get(januaryKey + 12) as MonthRow;
  return {
    year: januaryKey / 12,
    stocks: stocksGrowth - 1,
    bonds: bondsGrowth - 1,
    inflation: nextJanuary.cpi / january.cpi - 1,
  };
}

/** Derives one row per calendar year with complete data from the Shiller monthly CSV, in year order. */
export function deriveAnnualHistory(csvText: string): AnnualMarketYear[] {
  const months = parseCompleteMonths(csvText);
  const keys = [...months.keys()];
  if (keys.length === 0) return [];
  const firstYear = Math.floor(Math.min(...keys) / 12);
  const lastYear = Math.floor(Math.max(...keys) / 12);
  const years: AnnualMarketYear[] = [];
  for (let year = firstYear; year < lastYear; year++) {
    const derived = deriveYear(months, year * 12);
    if (derived) years.push(derived);
  }
  return years;
}
