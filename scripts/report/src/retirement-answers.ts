import type { SolvedFigure } from '@alex/contracts';
import { escapeHtml } from './escape-html';
import { formatWholeDollars } from './page-format';
import type { StoredPlan } from './simulated-plan';

const LABELS: Record<SolvedFigure['target'], string> = {
  income: 'Income sustainable',
  contribution: 'Saving needed',
  retirement_age: 'Earliest retirement age',
};

/** The solved value as shown, and the plan's own figure to compare it with (when the plan was stored). */
function figures(solved: SolvedFigure & { value: number }, plan: StoredPlan | null): [string, string | null] {
  switch (solved.target) {
    case 'income':
      return [
        `${formatWholeDollars(solved.value)} a year`,
        plan && `${formatWholeDollars(plan.target_income)} a year`,
      ];
    case 'contribution':
      return [
        `${formatWholeDollars(solved.value)} a year`,
        plan && `${formatWholeDollars(plan.annual_contribution)} a year`,
      ];
    case 'retirement_age':
      if (plan && solved.value >= plan.end_age)
        return [`not before the plan's end age (${plan.end_age})`, `${plan.retirement_age}`];
      return [`${solved.value}`, plan && `${plan.retirement_age}`];
  }
}

function answer(solved: SolvedFigure, plan: StoredPlan | null): string {
  const label = LABELS[solved.target];
  if (solved.value === null)
    return `<li>${label}: ${escapeHtml(solved.note ?? 'no value in range gets there')}</li>`;
  const [value, planned] = figures({ ...solved, value: solved.value }, plan);
  const comparison = planned === null ? '' : ` (plan: ${planned})`;
  return `<li>${label}: <strong>${value}</strong>${comparison}</li>`;
}

function confidenceLabel(solves: readonly SolvedFigure[]): string {
  const levels = [...new Set(solves.map((solved) => solved.confidence))];
  const shown = levels.map((level) => `${Math.round(level * 1000) / 10}%`);
  return shown.join(' / ');
}

/** "To reach 90% confidence": each solved figure against the plan's, or the note when nothing gets there. */
export function renderAnswers(solves: readonly SolvedFigure[], plan: StoredPlan | null): string {
  if (solves.length === 0) return '';
  return [
    `<h3>To reach ${confidenceLabel(solves)} confidence</h3>`,
    `<ul class="answers">${solves.map((solved) => answer(solved, plan)).join('')}</ul>`,
    '<p class="note">Each figure on its own, the rest of the plan unchanged; confidence is the share of simulated markets in which spending meets the target income every retirement year.</p>',
  ].join('');
}
