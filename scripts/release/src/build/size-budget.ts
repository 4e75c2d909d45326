/**
 * Largest zip a Lambda may ship: 600 KB (600 x 1024 bytes, the KB every size report prints). Issue 13 bounds it
 * because a smaller bundle also imports faster: parsing the bundle is most of a cold start.
 */
export const ZIP_BUDGET_BYTES = 600 * 1024;

/** The outcome of a budget check: within budget, or the excess in bytes. */
export type BudgetResult = { ok: true } | { ok: false; overBy: number };

/** Checks a zip size against the budget (inclusive: exactly the budget passes). */
export function checkZipBudget(zipBytes: number, budget: number = ZIP_BUDGET_BYTES): BudgetResult {
  return zipBytes <= budget ? { ok: true } : { ok: false, overBy: zipBytes - budget };
}
