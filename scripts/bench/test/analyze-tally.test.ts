import { describe, expect, it } from 'vitest';
import { type AnalyzeAnswer, type TalliedJob, tallyAnalyze } from '../src/analyze-tally';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
const job = (
  id: string,
  user: string,
  status: string,
  started: number | null,
  done: number | null,
): TalliedJob => ({
  id,
  clerkUserId: user,
  status,
  startedAt: started === null ? null : at(started),
  completedAt: done === null ? null : at(done),
});
const answer = (user: string, jobId: string | null, status = 200): AnalyzeAnswer => ({
  userId: user,
  status,
  jobId,
});

describe('tallyAnalyze', () => {
  it('counts one job per user, answered many times, as neither lost nor duplicated', () => {
    const answers = [answer('a', 'j1'), answer('a', 'j1'), answer('b', 'j2'), answer('b', null, 503)];
    const rows = [job('j1', 'a', 'completed', 0, 5), job('j2', 'b', 'failed', 0, 3)];
    expect(tallyAnalyze(answers, rows)).toEqual({
      posts: 4,
      refused: 1,
      jobIdsReturned: 2,
      jobsCreated: 2,
      completed: 1,
      failed: 1,
      lost: 0,
      duplicated: 0,
      repeats: 0,
      unannounced: 0,
    });
  });

  it('counts an answered job that never finished or has no row as lost', () => {
    const answers = [answer('a', 'j1'), answer('b', 'missing')];
    const tally = tallyAnalyze(answers, [
      job('j1', 'a', 'running', 0, null),
      job('j2', 'b', 'pending', null, null),
    ]);
    expect(tally).toMatchObject({ lost: 2, duplicated: 0, unannounced: 1 });
  });

  it('counts a job that ran while the same user had one running as duplicated, and one run after it as a repeat', () => {
    const rows = [
      job('j1', 'a', 'completed', 0, 10),
      job('j2', 'a', 'completed', 4, 12),
      job('j3', 'a', 'completed', 20, 25),
      job('j4', 'b', 'completed', 4, 9),
    ];
    const tally = tallyAnalyze([answer('a', 'j1'), answer('a', 'j3'), answer('b', 'j4')], rows);
    expect(tally).toMatchObject({
      jobsCreated: 4,
      jobIdsReturned: 3,
      duplicated: 1,
      repeats: 2,
      unannounced: 1,
    });
  });

  it('counts two jobs of one user claimed at the same instant as one duplicate', () => {
    const rows = [job('j1', 'a', 'completed', 3, 10), job('j2', 'a', 'completed', 3, 8)];
    expect(tallyAnalyze([], rows).duplicated).toBe(1);
  });
});
