import { describe, expect, it } from 'vitest';
import { successReading } from '../src';

describe('successReading', () => {
  it('judges the rate as shown, so the words never contradict the printed figure', () => {
    // 89.96% prints as 90.0%: it reaches a 90% confidence, and the text must not say it falls short.
    expect(successReading(0.8996, 0.9)).toBeNull();
    expect(successReading(0.8994, 0.9)).toBe('works in more simulated markets than not, short of 90.0%');
  });

  it('says "most" markets run out only when more than half do', () => {
    // The old wording said "runs out before 95 in most simulated markets" at a 53.6% success rate.
    expect(successReading(0.536, 0.9)).toBe('works in more simulated markets than not, short of 90.0%');
    expect(successReading(0.5004, 0.9)).toBe('runs out in as many simulated markets as it lasts');
    expect(successReading(0.4994, 0.9)).toBe('runs out before the end in most simulated markets');
    expect(successReading(0, 0.75)).toBe('runs out before the end in most simulated markets');
  });
});
