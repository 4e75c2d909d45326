import { CHART_KEYS, type ChartChoiceItem } from '@alex/analytics';
import { ChartsPayload, type StepFocus } from '@alex/contracts';
import { OFFLINE } from '@alex/llm';
import { agentDeps, createRunningJob, recordedEvent, scriptedLlm, useSeededDatabase } from '@alex/testing';
import type { ScriptedModel } from '@openai/agents-core/testing';
import { describe, expect, it } from 'vitest';
import { type CharterDeps, createCharterHandler } from '../src';

const event = recordedEvent(new URL('./events/job.json', import.meta.url));
const sum = (chart: ChartsPayload[string] | undefined) =>
  Math.round((chart?.data ?? []).reduce((total, d) => total + d.value, 0) * 100) / 100;

const database = useSeededDatabase();
const deps = (model: ScriptedModel | null): CharterDeps => ({
  ...agentDeps(database, 'charter'),
  llm: model ? { id: 'scripted', model } : OFFLINE,
});

async function chartsOf(jobId: string) {
  return ChartsPayload.parse((await database.repos.jobs.find(jobId))?.chartsPayload);
}

/** The stored charts' keys by their `order`. */
const byOrder = (charts: ChartsPayload) =>
  Object.entries(charts)
    .sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0))
    .map(([key]) => key);

/**
 * Runs the charter on a new job of test_user_001 with a model that answers `choice` once (offline when null),
 * and reads back what it stored.
 */
async function chartJob(choice: ChartChoiceItem[] | null, focus?: StepFocus) {
  const job = await createRunningJob(database.repos);
  const model = choice ? scriptedLlm([JSON.stringify({ charts: choice })]).model : null;
  const response = await createCharterHandler(deps(model))({ job_id: job.id, ...(focus ? { focus } : {}) });
  return { response, charts: await chartsOf(job.id), prompt: JSON.stringify(model?.calls[0]?.request.input) };
}

describe('charter handler', () => {
  it('stores the computed charts offline, each reconciling to the value it covers', async () => {
    const job = await createRunningJob(database.repos, { id: event.job_id as string });
    expect(await createCharterHandler(deps(null))(event)).toMatchObject({ ok: true, model: 'offline' });
    const charts = await chartsOf(job.id);
    expect(sum(charts.asset_allocation)).toBe(99437.5);
    expect(sum(charts.account_breakdown)).toBe(99437.5);
    expect(sum(charts.geographic_exposure)).toBe(90937.5);
    expect(sum(charts.top_holdings)).toBe(90937.5);
    expect(charts.asset_allocation).toMatchObject({ type: 'pie', model: 'offline', order: 0 });
  });

  it("keeps the model's choice, order and wording but the computed data", async () => {
    const { charts } = await chartJob([
      { key: 'top_holdings', title: 'Your **biggest** holdings', description: 'Where the money is.' },
      { key: 'asset_allocation', title: 'Mix', description: 'Stocks, bonds, gold and cash.' },
    ]);
    expect(Object.keys(charts).sort()).toEqual(['asset_allocation', 'top_holdings']);
    expect(charts.top_holdings).toMatchObject({
      title: 'Your biggest holdings',
      order: 0,
      model: 'scripted',
    });
    expect(charts.asset_allocation?.order).toBe(1);
    expect(sum(charts.asset_allocation)).toBe(99437.5);
  });

  it('falls back to the computed set when the model picks a chart that does not exist', async () => {
    const { response, charts } = await chartJob([{ key: 'crypto_moonshots', title: 'x', description: 'y' }]);
    expect(response.ok && response.detail).toMatch(/no computed chart "crypto_moonshots"/);
    expect(Object.keys(charts)).toContain('sector_breakdown');
    expect(charts.sector_breakdown?.model).toBe('offline');
  });

  it('refuses chart text with a figure its data does not hold, keeping the computed charts and saying why', async () => {
    const { response, charts } = await chartJob([
      { key: 'asset_allocation', title: 'Mix', description: 'Worth $5,000,000, 91.2% in stocks.' },
    ]);
    expect(response.ok && response.detail).toMatch(
      /chart text rejected: figures not in the charts: \$5,000,000, 91\.2%/,
    );
    expect(charts.asset_allocation?.model).toBe('offline');
    expect(charts.asset_allocation?.description).not.toContain('5,000,000');
  });

  it('refuses a dollar value of the chart written as a percentage', async () => {
    const { response } = await chartJob([
      { key: 'asset_allocation', title: 'Mix', description: 'Equity is 71,545% of it.' },
    ]);
    expect(response.ok && response.detail).toMatch(/chart text rejected: figures not in the charts: 71,545%/);
  });

  it("accepts chart text whose figures are the chart's own values and shares", async () => {
    const computedShare = (await chartJob(null)).charts.asset_allocation;
    const equity = computedShare?.data.find((datum) => datum.name === 'Equity');
    expect(equity?.value).toBeGreaterThan(50_000);
    const share = (((equity?.value ?? 0) / 99_437.5) * 100).toFixed(1);
    const { charts } = await chartJob([
      { key: 'asset_allocation', title: 'Mix', description: `Equity is ${share}% of $99,437.50.` },
    ]);
    expect(charts.asset_allocation?.model).toBe('scripted');
    expect(charts.asset_allocation?.description).toContain(`Equity is ${share}%`);
  });

  it('keeps the catalog order offline when the plan names no charts', async () => {
    const order = byOrder((await chartJob(null, { question: 'How am I doing?' })).charts);
    expect(order).toEqual(CHART_KEYS.filter((key) => order.includes(key)));
    expect(order.slice(0, 2)).toEqual(['asset_allocation', 'geographic_exposure']);
  });

  it("leads offline with the plan's charts, in its order, ignoring keys it does not know", async () => {
    const focus = { charts: ['crypto_moonshots', 'sector_breakdown', 'top_holdings', 'sector_breakdown'] };
    const { response, charts } = await chartJob(null, focus);
    expect(response).toMatchObject({ ok: true, model: 'offline' });
    const rest = CHART_KEYS.filter(
      (key) => charts[key] && key !== 'sector_breakdown' && key !== 'top_holdings',
    );
    expect(byOrder(charts)).toEqual(['sector_breakdown', 'top_holdings', ...rest]);
    expect(Object.keys(charts)).not.toContain('crypto_moonshots');
    expect(sum(charts.top_holdings)).toBe(90937.5);
  });

  it('tells the model which charts answer the question and keeps them first in its choice', async () => {
    const choice = [
      { key: 'asset_allocation', title: 'Mix', description: 'Stocks, bonds, gold and cash.' },
      { key: 'top_holdings', title: 'Biggest', description: 'Where the money is.' },
    ];
    const { prompt, charts } = await chartJob(choice, { charts: ['top_holdings', 'sector_breakdown'] });
    expect(prompt).toMatch(/top_holdings, sector_breakdown/);
    expect(byOrder(charts)).toEqual(['top_holdings', 'sector_breakdown', 'asset_allocation']);
    expect(charts.top_holdings).toMatchObject({ title: 'Biggest', model: 'scripted' });
    expect(charts.sector_breakdown?.title).toBe('Sector Breakdown');
  });
});
