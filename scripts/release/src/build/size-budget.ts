/** Largest zip a Lambda may ship: 1 MB (10^6 bytes), far below Lambda's 50 MB direct-upload limit. */
export const ZIP_BUDGET_BYTES = 1_000_000;

/** The outcome of a budget check: within budget, or the excess in bytes. */
export type BudgetResult = { ok: true } | { ok: false; overBy: number };

/** Checks a zip size against the budget (inclusive: exactly the budget passes). */
export function checkZipBudget(zipBytes: number, budget: number = ZIP_BUDGET_BYTES): BudgetResult {
  return zipBytes <= budget ? { ok: true } : { ok: false, overBy: zipBytes - budget };
}
