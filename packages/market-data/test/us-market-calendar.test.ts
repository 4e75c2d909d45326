import { describe, expect, it } from 'vitest';
import { isTradingDay, lastTradingDay, nyseHolidays, previousTradingDay } from '../src';

// Expected dates are the NYSE's published holiday schedules for these years.
describe('nyseHolidays', () => {
  it.each([
    [
      2024,
      [
        '2024-01-01',
        '2024-01-15',
        '2024-02-19',
        '2024-03-29',
        '2024-05-27',
        '2024-06-19',
        '2024-07-04',
        '2024-09-02',
        '2024-11-28',
        '2024-12-25',
      ],
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-01-20',
        '2025-02-17',
        '2025-04-18',
        '2025-05-26',
        '2025-06-19',
        '2025-07-04',
        '2025-09-01',
        '2025-11-27',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-04-03',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-01-18',
        '2027-02-15',
        '2027-03-26',
        '2027-05-31',
        '2027-06-18',
        '2027-07-05',
        '2027-09-06',
        '2027-11-25',
        '2027-12-24',
      ],
    ],
  ])('computes the %i schedule by rule', (year, expected) => {
    expect(nyseHolidays(year)).toEqual(expected);
  });

  it('closes nothing for a Saturday New Year and has no Juneteenth before 2022', () => {
    expect(nyseHolidays(2022)).toEqual([
      '2022-01-17',
      '2022-02-21',
      '2022-04-15',
      '2022-05-30',
      '2022-06-20',
      '2022-07-04',
      '2022-09-05',
      '2022-11-24',
      '2022-12-26',
    ]);
    expect(isTradingDay('2021-12-31')).toBe(true);
    expect(nyseHolidays(2021)).not.toContain('2021-06-18');
  });
});

describe('isTradingDay and previousTradingDay', () => {
  it('skips weekends, holidays and announced closures', () => {
    expect(isTradingDay('2026-11-27')).toBe(true);
    expect(isTradingDay('2026-11-26')).toBe(false);
    expect(isTradingDay('2026-11-28')).toBe(false);
    expect(isTradingDay('2025-01-09')).toBe(false);
    expect(previousTradingDay('2026-11-30')).toBe('2026-11-27');
    expect(previousTradingDay('2026-11-27')).toBe('2026-11-25');
    expect(previousTradingDay('2026-01-20')).toBe('2026-01-16');
    expect(previousTradingDay('2025-01-10')).toBe('2025-01-08');
  });
});

describe('lastTradingDay', () => {
  it.each([
    ['Monday morning after Thanksgiving week', '2026-11-30T11:30:00Z', '2026-11-27'],
    ['a minute before Friday close (EST)', '2026-11-27T20:59:00Z', '2026-11-25'],
    ['Friday at the close (EST)', '2026-11-27T21:00:00Z', '2026-11-27'],
    ['a Saturday', '2026-11-28T15:00:00Z', '2026-11-27'],
    ['Thanksgiving evening', '2026-11-27T01:00:00Z', '2026-11-25'],
    ['a minute before close after the July 3 holiday (EDT)', '2026-07-06T19:59:00Z', '2026-07-02'],
    ['the close after the July 3 holiday (EDT)', '2026-07-06T20:00:00Z', '2026-07-06'],
    ['New Year morning in UTC, still December 31 in New York', '2027-01-01T03:00:00Z', '2026-12-31'],
  ])('is the last closed session on %s', (_, at, expected) => {
    expect(lastTradingDay(new Date(at))).toBe(expected);
  });
});
