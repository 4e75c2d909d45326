import { type AgentName, SpecialistName, type SummaryPayload, type TerminalJobStatus } from '@alex/contracts';

/** What a finished job must look like, given which agents were deliberately broken. */
export interface JobExpectation {
  status: TerminalJobStatus;
  outcome: SummaryPayload['outcome'];
  /** Specialists replaced by a failing bundle: their payload stays empty and the summary marks them failed. */
  failing: SpecialistName[];
  /** Specialists that must have written a valid payload. */
  working: SpecialistName[];
  /** Whether the tagger was broken (it only runs when instruments lack allocations, so it may not be called). */
  taggerBroken: boolean;
}

/** Agents the failure drill may break: the planner is the job's owner, so breaking it is the poison drill's job. */
export const BREAKABLE_AGENTS = ['tagger', 'reporter', 'charter', 'retirement'] as const;
export type BreakableAgent = (typeof BREAKABLE_AGENTS)[number];

/**
 * Applies the planner's rules for test_user_001 (every specialist required): every specialist succeeding is
 * `completed`/`complete`, some failing is `completed`/`partial`, all failing is `failed`/`failed`.
 */
export function expectationFor(broken: readonly AgentName[]): JobExpectation {
  const failing = SpecialistName.options.filter((name) => broken.includes(name));
  const working = SpecialistName.options.filter((name) => !broken.includes(name));
  const taggerBroken = broken.includes('tagger');
  if (working.length === 0) return { status: 'failed', outcome: 'failed', failing, working, taggerBroken };
  if (failing.length > 0) return { status: 'completed', outcome: 'partial', failing, working, taggerBroken };
  return { status: 'completed', outcome: 'complete', failing, working, taggerBroken };
}
