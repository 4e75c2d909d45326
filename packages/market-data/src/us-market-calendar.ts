/**
 * The US stock market's trading days, by rule: weekdays except the NYSE holidays of NYSE Rule 7.2 and the
 * exchange's published holiday schedule (New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Good
 * Friday, Memorial Day, Juneteenth from 2022, Independence Day, Labor Day, Thanksgiving, Christmas). A holiday on
 * a Saturday closes the Friday before and one on a Sunday the Monday after, except that a Saturday New Year's
 * Day closes nothing (the rule keeps the market open at the end of the yearly accounting period). Closures
 * announced one at a time (national days of mourning, storms) cannot be computed and are listed below; early
 * closes (1 p.m.) are still trading days.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** Closures no rule predicts, as the NYSE announced them. */
const SPECIAL_CLOSURES: ReadonlySet<IsoDate> = new Set([
  '2012-10-29', // Hurricane Sandy
  '2012-10-30',
  '2018-12-05', // President George H. W. Bush's day of mourning
  '2025-01-09', // President Jimmy Carter's day of mourning
]);

// The regular session closes at 4 p.m. New York time; a day's close exists only after it.
const CLOSE_MINUTE = 16 * 60;
const DAY_MS = 86_400_000;

const NEW_YORK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function iso(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The `n`th (1-based) given weekday of a month, or the last one when `n` is -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  if (n === -1) {
    const last = iso(year, month + 1, 0);
    return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
  }
  const first = iso(year, month, 1);
  return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + (n - 1) * 7);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, as given by Meeus). */
function easter(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** A fixed-date holiday moved off the weekend: Saturday to Friday, Sunday to Monday. */
function observed(date: IsoDate): IsoDate {
  const weekday = dayOfWeek(date);
  return weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, 1) : date;
}

/** The NYSE full-day holidays of a year, computed by rule (see the module comment), sorted. */
export function nyseHolidays(year: number): IsoDate[] {
  const newYear = iso(year, 1, 1);
  const days = [
    ...(dayOfWeek(newYear) === 6 ? [] : [observed(newYear)]),
    nthWeekday(year, 1, 1, 3),
    nthWeekday(year, 2, 1, 3),
    addDays(easter(year), -2),
    nthWeekday(year, 5, 1, -1),
    ...(year >= 2022 ? [observed(iso(year, 6, 19))] : []),
    observed(iso(year, 7, 4)),
    nthWeekday(year, 9, 1, 1),
    nthWeekday(year, 11, 4, 4),
    observed(iso(year, 12, 25)),
  ];
  return days.sort();
}

const holidayCache = new Map<number, ReadonlySet<IsoDate>>();

/** True when US stocks trade a regular session on `date`. */
export function isTradingDay(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6 || SPECIAL_CLOSURES.has(date)) return false;
  const year = Number(date.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = new Set(nyseHolidays(year));
    holidayCache.set(year, holidays);
  }
  return !holidays.has(date);
}

/** The last trading day strictly before `date`. */
export function previousTradingDay(date: IsoDate): IsoDate {
  let day = addDays(date, -1);
  while (!isTradingDay(day)) day = addDays(day, -1);
  return day;
}

/** The calendar date and minute of the day in New York at an instant. */
export function newYorkTime(at: Date): { date: IsoDate; minute: number } {
  const parts = Object.fromEntries(NEW_YORK.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * The last trading day whose regular session had closed at `now` (4 p.m. New York time): on a trading day
 * before the close, the trading day before it. A price from this day or later is current.
 */
export function lastTradingDay(now: Date): IsoDate {
  const { date, minute } = newYorkTime(now);
  return isTradingDay(date) && minute >= CLOSE_MINUTE ? date : previousTradingDay(date);
}
