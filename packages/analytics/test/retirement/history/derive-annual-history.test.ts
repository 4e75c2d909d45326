import { describe, expect, it } from 'vitest';
import { deriveAnnualHistory } from '../../../src/retirement/history/derive-annual-history';

const HEADER =
  'Date,SP500,Dividend,Earnings,Consumer Price Index,Long Interest Rate,Real Price,Real Dividend,Real Earnings,PE10';

// One full year, 2000-01 to 2001-01, then 2001-02 and a row in the post-2023-06 form (only SP500 filled).
// Dividend 12 a year pays 1 a month. The price steps from 100 to 110 in July; the yield from 6% to 12% in
// December; CPI goes from 100 to 103 between the two Januaries.
const TINY_CSV = [
  HEADER,
  '2000-01-01,100,12,5,100,6,0,0,0,0',
  '2000-02-01,100,12,5,100.5,6,0,0,0,0',
  '2000-03-01,100,12,5,101,6,0,0,0,0',
  '2000-04-01,100,12,5,101,6,0,0,0,0',
  '2000-05-01,100,12,5,101,6,0,0,0,0',
  '2000-06-01,100,12,5,101.5,6,0,0,0,0',
  '2000-07-01,110,12,5,102,6,0,0,0,0',
  '2000-08-01,110,12,5,102,6,0,0,0,0',
  '2000-09-01,110,12,5,102,6,0,0,0,0',
  '2000-10-01,110,12,5,102.5,6,0,0,0,0',
  '2000-11-01,110,12,5,102.5,6,0,0,0,0',
  '2000-12-01,110,12,5,103,12,0,0,0,0',
  '2001-01-01,110,12,5,103,12,0,0,0,0',
  '2001-02-01,111,12,5,103.5,12,0,0,0,0',
  '2001-03-01,112,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0',
  '',
].join('\n');

describe('deriveAnnualHistory', () => {
  it('derives stock, bond and inflation returns for a year whose 13 months are complete', () => {
    const [year, ...rest] = deriveAnnualHistory(TINY_CSV);
    expect(rest).toEqual([]);
    expect(year?.year).toBe(2000);
    // Stocks: Jan->Jun are 5 months of (100 + 1) / 100 = 1.01; Jun->Jul is (110 + 1) / 100 = 1.11; Jul->Jan
    // are 6 months of 111 / 110. 1.01^5 = 1.05101005, (111/110)^6 = 1.05580025, product with 1.11 is
    // 1.23171891, so the year returns 0.23171891.
    expect(year?.stocks).toBeCloseTo(0.23171891, 8);
    // Bonds: Jan->Nov are 10 months at an unchanged 6% yield, so the bond is still at par and returns its
    // coupon 0.005: 1.005^10 = 1.05114013. Nov->Dec: coupon c = 0.005, repriced at r = 0.12 / 12 = 0.01 with
    // 119 months left: price = 0.005 (1 - v) / 0.01 + v = 0.5 + 0.5 v, v = 1.01^-119 = 0.30602473, so
    // price = 0.65301236 and the gross return is 0.65801236. Dec->Jan: bought at 12%, still 12%: gross 1.01.
    // 1.05114013 * 0.65801236 * 1.01 = 0.69857983, so the year returns -0.30142017.
    expect(year?.bonds).toBeCloseTo(-0.30142017, 8);
    // Inflation: 103 / 100 - 1.
    expect(year?.inflation).toBeCloseTo(0.03, 12);
  });

  it('produces no year when a month between the two Januaries is missing', () => {
    // A 0 dividend in May 2000 marks the month as missing, as the file's post-2023-06 rows are.
    const gap = TINY_CSV.replace('2000-05-01,100,12,5,101,6', '2000-05-01,100,0,5,101,6');
    expect(deriveAnnualHistory(gap)).toEqual([]);
  });

  it('names the line of a non-number', () => {
    const bad = TINY_CSV.replace('2000-02-01,100,12,5,100.5', '2000-02-01,100,12,5,n/a');
    expect(() => deriveAnnualHistory(bad)).toThrow(/line 3: Consumer Price Index: not a number/);
  });

  it('names the header line when a column is missing', () => {
    const bad = TINY_CSV.replace(',Long Interest Rate', '');
    expect(() => deriveAnnualHistory(bad)).toThrow(/line 1: missing column "Long Interest Rate"/);
  });

  it('names the line of a row with a field missing', () => {
    const bad = TINY_CSV.replace('2000-04-01,100,12,5,101,6,0,0,0,0', '2000-04-01,100,12,5,101,6,0,0,0');
    expect(() => deriveAnnualHistory(bad)).toThrow(/line 5: expected 10 fields, got 9/);
  });

  it('names the line of a month that appears twice', () => {
    const bad = TINY_CSV.replace('2000-03-01', '2000-02-01');
    expect(() => deriveAnnualHistory(bad)).toThrow(/line 4: the month appears twice/);
  });
});
