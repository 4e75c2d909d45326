import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../src';

afterEach(() => {
  vi.useRealTimers();
});

describe('systemClock', () => {
  it('reads the current time on every call', () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T12:00:00Z') });
    const first = systemClock.now();
    vi.setSystemTime(new Date('2025-03-01T12:00:05Z'));

    expect(first.toISOString()).toBe('2025-03-01T12:00:00.000Z');
    expect(systemClock.now().toISOString()).toBe('2025-03-01T12:00:05.000Z');
  });

  it('returns a new Date each time, so a caller cannot move the clock', () => {
    const first = systemClock.now();
    first.setFullYear(1999);

    expect(systemClock.now().getFullYear()).toBeGreaterThan(2000);
  });
});
