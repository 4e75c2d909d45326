import type { Portfolio } from '@alex/contracts';
import { fromCents, MAX_VALUED_CENTS, toCents } from './money';

/** One position valued at its stored price; `value` is null when it is not valued (no price, out of range). */
export interface PositionValuation {
  accountId: string;
  accountName: string;
  symbol: string;
  name: string;
  quantity: number;
  price: number | null;
  value: number | null;
}

/** A priced position left out of every total because its value does not fit the valuation's ceiling. */
export interface OutOfRangePosition extends PositionValuation {
  price: number;
  value: null;
  reason: 'value out of range';
}

/** One account's cash, valued positions and total. */
export interface AccountValuation {
  id: string;
  name: string;
  cash: number;
  positionsValue: number;
  total: number;
  positions: PositionValuation[];
}

/**
 * A whole portfolio's value. Positions without a price are listed in `unpriced`, positions whose value is
 * out of range (see MAX_VALUED_CENTS) in `outOfRange`; neither is in any total.
 */
export interface PortfolioValuation {
  clerkUserId: string;
  total: number;
  cash: number;
  positionsValue: number;
  accounts: AccountValuation[];
  unpriced: PositionValuation[];
  outOfRange: OutOfRangePosition[];
}

interface Candidate {
  position: PositionValuation;
  /** Whole cents, or null when there is no price or the value alone is beyond the ceiling. */
  cents: number | null;
}

function candidateCents(quantity: number, price: number): number | null {
  const cents = toCents(quantity * price);
  return Number.isSafeInteger(cents) && cents <= MAX_VALUED_CENTS ? cents : null;
}

/**
 * Leaves out the largest values until cash plus the rest fits MAX_VALUED_CENTS (the fewest positions that
 * must go; of equal values the later goes first), so the portfolio total and every partial sum stay exact.
 * Keeps the smallest first rather than subtracting from an oversized sum, which would not be exact.
 */
function fitToCeiling(candidates: readonly Candidate[], cashCents: number): Set<Candidate> {
  const smallestFirst = candidates
    .map((candidate, order) => ({ candidate, order }))
    .filter(({ candidate }) => candidate.cents !== null)
    .sort((a, b) => (a.candidate.cents ?? 0) - (b.candidate.cents ?? 0) || a.order - b.order);
  const left = new Set<Candidate>();
  let total = cashCents;
  for (const { candidate } of smallestFirst) {
    const cents = candidate.cents ?? 0;
    if (left.size === 0 && total + cents <= MAX_VALUED_CENTS) total += cents;
    else left.add(candidate);
  }
  return left;
}

/**
 * Values a portfolio at stored prices, summing in whole cents so totals reconcile exactly. A position whose
 * value alone exceeds MAX_VALUED_CENTS, or that would carry the portfolio total beyond it, is not valued:
 * it is listed in `outOfRange` with its reason, as a data gap, instead of breaking every figure after it.
 */
export function valuePortfolio(portfolio: Portfolio): PortfolioValuation {
  const cashCents = portfolio.accounts.map((account) => toCents(account.cashBalance));
  const totalCash = cashCents.reduce((sum, cents) => sum + cents, 0);
  // Stored cash is at most $9,999,999,999.99 per account: only thousands of full accounts could get here.
  if (!(totalCash <= MAX_VALUED_CENTS)) throw new RangeError(`cash of ${totalCash} cents is out of range`);
  const candidates = portfolio.accounts.map((account) =>
    account.positions.map((position): Candidate => {
      const price = position.instrument.currentPrice;
      return {
        position: {
          accountId: account.id,
          accountName: account.accountName,
          symbol: position.symbol,
          name: position.instrument.name,
          quantity: position.quantity,
          price,
          value: null,
        },
        cents: price === null ? null : candidateCents(position.quantity, price),
      };
    }),
  );
  const leftOut = fitToCeiling(candidates.flat(), totalCash);
  const unpriced: PositionValuation[] = [];
  const outOfRange: OutOfRangePosition[] = [];
  let positionsCents = 0;
  const accounts = portfolio.accounts.map((account, i): AccountValuation => {
    let accountPositionsCents = 0;
    const positions = (candidates[i] ?? []).map((candidate): PositionValuation => {
      const { position, cents } = candidate;
      if (position.price === null) {
        unpriced.push(position);
        return position;
      }
      if (cents === null || leftOut.has(candidate)) {
        outOfRange.push({ ...position, price: position.price, value: null, reason: 'value out of range' });
        return position;
      }
      accountPositionsCents += cents;
      return { ...position, value: fromCents(cents) };
    });
    const accountCashCents = cashCents[i] ?? 0;
    positionsCents += accountPositionsCents;
    return {
      id: account.id,
      name: account.accountName,
      cash: fromCents(accountCashCents),
      positionsValue: fromCents(accountPositionsCents),
      total: fromCents(accountCashCents + accountPositionsCents),
      positions,
    };
  });
  return {
    clerkUserId: portfolio.user.clerkUserId,
    total: fromCents(totalCash + positionsCents),
    cash: fromCents(totalCash),
    positionsValue: fromCents(positionsCents),
    accounts,
    unpriced,
    outOfRange,
  };
}
