/** What one `POST /api/analyze` answered: its HTTP status and, on 200, the job id. */
export interface AnalyzeAnswer {
  userId: string;
  status: number;
  jobId: string | null;
}

/** The part of a job row the tally reads. */
export interface TalliedJob {
  id: string;
  clerkUserId: string;
  status: string;
  startedAt: Date | null;
  completedAt: Date | null;
}

/** The outcome of a burst of analysis requests, from the answers and the job rows of the same users. */
export interface AnalyzeTally {
  posts: number;
  /** Answers other than 200 (a refused or failed request: no job was promised). */
  refused: number;
  /** Distinct job ids the 200 answers named. */
  jobIdsReturned: number;
  /** Job rows of these users. */
  jobsCreated: number;
  completed: number;
  failed: number;
  /** Job ids answered with 200 whose row is missing or never finished. */
  lost: number;
  /**
   * Jobs that ran while another job of the same user was running (a breach of one active analysis per user;
   * a lower bound, since a duplicate that waited its turn in the queue is not seen).
   */
  duplicated: number;
  /** Jobs beyond the first of each user: started by a POST that came after the user's previous job finished. */
  repeats: number;
  /** Rows no answer named: created, but nobody was told about them. */
  unannounced: number;
}

const FINISHED = new Set(['completed', 'failed']);

// Timestamps are the database's now() of each statement's transaction: a job's claim starts after its row
// committed and its finish after its claim. If two jobs' [startedAt, completedAt] windows overlap, at the later
// claim both rows were committed and neither finished: two active analyses of one user at once. (createdAt is
// no witness: an insert that waited on the user's row lock is stamped with the time it began waiting.)
function ranAlongside(job: TalliedJob, other: TalliedJob): boolean {
  if (!job.startedAt || !other.startedAt) return false;
  const ends = (row: TalliedJob) => row.completedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  // Of two jobs claimed at the same instant, the one with the greater id is counted, so a pair counts once.
  const earlier =
    other.startedAt < job.startedAt ||
    (other.startedAt.getTime() === job.startedAt.getTime() && other.id < job.id);
  return earlier && job.startedAt.getTime() < ends(other);
}

function countOverlaps(rows: readonly TalliedJob[]): number {
  return rows.filter((job) =>
    rows.some((other) => other !== job && other.clerkUserId === job.clerkUserId && ranAlongside(job, other)),
  ).length;
}

/** Counts created, finished, lost and duplicated jobs of a burst of `POST /api/analyze`. */
export function tallyAnalyze(answers: readonly AnalyzeAnswer[], rows: readonly TalliedJob[]): AnalyzeTally {
  const returned = new Set(answers.flatMap((a) => (a.status === 200 && a.jobId ? [a.jobId] : [])));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const finished = (id: string) => FINISHED.has(byId.get(id)?.status ?? '');
  return {
    posts: answers.length,
    refused: answers.filter((a) => a.status !== 200).length,
    jobIdsReturned: returned.size,
    jobsCreated: rows.length,
    completed: rows.filter((row) => row.status === 'completed').length,
    failed: rows.filter((row) => row.status === 'failed').length,
    lost: [...returned].filter((id) => !finished(id)).length,
    duplicated: countOverlaps(rows),
    repeats: rows.length - new Set(rows.map((row) => row.clerkUserId)).size,
    unannounced: rows.filter((row) => !returned.has(row.id)).length,
  };
}
