import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressView } from '../src/progress-view';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

const finished = (agent: 'reporter' | 'retirement', ms: number) =>
  ({ agent, phase: 'finished', ok: true, ms, model: 'offline', error: null }) as const;

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('the progress view', () => {
  it('keeps one live line on a terminal with each running agent and its elapsed time', () => {
    const out = sink(true);
    const view = createProgressView(out, { redrawMs: 100 });
    view.onProgress({ agent: 'reporter', phase: 'started' });
    vi.advanceTimersByTime(2100);
    view.onProgress({ agent: 'retirement', phase: 'started' });
    vi.advanceTimersByTime(1100);
    expect(out.chunks.at(-1)).toBe('  … reporter 3.2s, retirement 1.1s');
    expect(out.chunks.at(-2)).toBe('\r\x1b[2K');
    view.onProgress(finished('reporter', 3200));
    vi.advanceTimersByTime(100);
    expect(out.text()).toContain('\r\x1b[2K  ✓ reporter finished in 3.20s (offline)\n');
    expect(out.chunks.at(-1)).toBe('  … retirement 1.2s');
    view.stop();
    expect(out.chunks.at(-1)).toBe('\r\x1b[2K');
    const after = out.chunks.length;
    vi.advanceTimersByTime(1000);
    expect(out.chunks).toHaveLength(after);
  });

  it('prints the per-event lines and a heartbeat every 10 s while something runs when not on a terminal', () => {
    const out = sink(false);
    const view = createProgressView(out);
    vi.advanceTimersByTime(10_000);
    view.onProgress({ agent: 'reporter', phase: 'started' });
    vi.advanceTimersByTime(20_000);
    view.onProgress(finished('reporter', 20_000));
    vi.advanceTimersByTime(30_000);
    view.stop();
    expect(out.text()).toBe(
      [
        '  … reporter started',
        '  … still working: reporter 10.0s',
        '  … still working: reporter 20.0s',
        '  ✓ reporter finished in 20.00s (offline)',
        '',
      ].join('\n'),
    );
  });
});
