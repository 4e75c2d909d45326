import { PROJECTION_END_AGE } from '@alex/contracts';

/** Years of retirement simulated when the person's age is unknown: the reference assumed a 30-year retirement. */
export const RETIREMENT_YEARS_WITHOUT_AGE = 30;

/** The span a projection covers: by age when the age is known, otherwise by years from now, and what was assumed. */
export interface RetirementHorizon {
  basis: 'age' | 'years_from_now';
  /** Age now, or 0 ("now") on the years-from-now basis. */
  start: number;
  /** Age (or year from now) withdrawals begin. */
  retirement: number;
  /** Last age (or year from now) with a withdrawal, inclusive. */
  end: number;
  /** The default used in place of a missing age, in words; null when nothing was assumed. */
  assumption: string | null;
}

/**
 * The horizon of a retirement projection. Without an age no age is invented: the projection runs over the
 * years until retirement and then a 30-year retirement, counted in years from now, and says so.
 */
export function retirementHorizon(goals: {
  currentAge: number | null;
  yearsUntilRetirement: number;
  /** The person's own end age; null for PROJECTION_END_AGE. */
  endAge?: number | null;
}): RetirementHorizon {
  const { currentAge, yearsUntilRetirement } = goals;
  if (currentAge !== null) {
    const end = goals.endAge ?? PROJECTION_END_AGE;
    return {
      basis: 'age',
      start: currentAge,
      retirement: currentAge + yearsUntilRetirement,
      end,
      assumption: null,
    };
  }
  return {
    basis: 'years_from_now',
    start: 0,
    retirement: yearsUntilRetirement,
    end: yearsUntilRetirement + RETIREMENT_YEARS_WITHOUT_AGE - 1,
    assumption: `Your age is not set, so the retirement projection assumes a ${RETIREMENT_YEARS_WITHOUT_AGE}-year retirement starting in ${yearsUntilRetirement} years (ages are shown as years from now); set your age for a projection to age ${PROJECTION_END_AGE}.`,
  };
}
