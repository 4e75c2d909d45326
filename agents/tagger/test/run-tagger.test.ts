import { OFFLINE } from '@alex/llm';
import { agentDeps, taggerAnswer, useSeededDatabase } from '@alex/testing';
import { Usage } from '@openai/agents-core';
import { assistantMessage, ScriptedModel } from '@openai/agents-core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTaggerHandler, runTagger, type TaggerDeps } from '../src';

const stock = taggerAnswer({
  instrumentType: 'stock',
  assetClass: 'equity',
  region: 'north_america',
  sector: 'technology',
});
const classification = (overrides: Record<string, Record<string, number>> = {}) => ({
  ...stock,
  allocation_asset_class: { ...stock.allocation_asset_class, ...overrides.asset },
  allocation_regions: { ...stock.allocation_regions, ...overrides.regions },
  allocation_sectors: { ...stock.allocation_sectors, ...overrides.sectors },
});
const reply = (value: unknown) => ({
  output: [assistantMessage(typeof value === 'string' ? value : JSON.stringify(value))],
  usage: new Usage({ requests: 1, inputTokens: 50, outputTokens: 40, totalTokens: 90 }),
});

const database = useSeededDatabase();
beforeAll(() => database.repos.instruments.createPlaceholders(['AAPL', 'MSFT', 'ZZZ']));

const deps = (model: ScriptedModel | null): TaggerDeps => ({
  ...agentDeps(database, 'tagger'),
  llm: model ? { id: 'scripted', model } : OFFLINE,
});

describe('runTagger', () => {
  it('leaves instruments unclassified offline and says so', async () => {
    const response = await runTagger({ instruments: [{ symbol: 'ZZZ', name: 'Zzz Corp' }] }, deps(null));
    expect(response).toMatchObject({ ok: true, agent: 'tagger', model: 'offline' });
    expect(response.ok && response.detail).toBe('left unclassified: ZZZ (no model configured)');
    const [zzz] = await database.repos.instruments.findMany(['ZZZ']);
    expect(zzz?.allocationAssetClass).toEqual({});
  });

  it('stores a valid classification without zero entries and never a price', async () => {
    const model = new ScriptedModel([
      reply(classification({ sectors: { technology: 60, communication: 40 } })),
    ]);
    const response = await runTagger({ instruments: [{ symbol: 'AAPL', name: 'Apple Inc.' }] }, deps(model));
    expect(response).toMatchObject({ ok: true, model: 'scripted', usage: { requests: 1, input_tokens: 50 } });
    const [aapl] = await database.repos.instruments.findMany(['AAPL']);
    expect(aapl).toMatchObject({
      instrumentType: 'stock',
      currentPrice: null,
      allocationAssetClass: { equity: 100 },
      allocationRegions: { north_america: 100 },
      allocationSectors: { technology: 60, communication: 40 },
    });
  });

  it('rejects maps that do not sum to 100 and leaves the instrument unclassified', async () => {
    const model = new ScriptedModel([reply(classification({ regions: { north_america: 60, europe: 30 } }))]);
    const response = await runTagger({ instruments: [{ symbol: 'MSFT', name: 'Microsoft' }] }, deps(model));
    expect(response.ok && response.detail).toMatch(/left unclassified: MSFT .*allocationRegions.*sum to 100/);
    const [msft] = await database.repos.instruments.findMany(['MSFT']);
    expect(msft?.allocationRegions).toEqual({});
  });

  it('treats output that is not the schema as a model failure, not a crash', async () => {
    const model = new ScriptedModel([reply('Sure! MSFT is a tech company.')]);
    const response = await runTagger({ instruments: [{ symbol: 'MSFT', name: 'Microsoft' }] }, deps(model));
    expect(response.ok && response.detail).toMatch(/left unclassified: MSFT \(model scripted failed/);
  });

  it('classifies each symbol once when the event repeats it', async () => {
    const model = new ScriptedModel([reply(classification())]);
    await runTagger(
      {
        instruments: [
          { symbol: 'msft', name: 'Microsoft' },
          { symbol: 'MSFT', name: 'Microsoft' },
        ],
      },
      deps(model),
    );
    expect(model.calls).toHaveLength(1);
    const [msft] = await database.repos.instruments.findMany(['MSFT']);
    expect(msft?.allocationSectors).toEqual({ technology: 100 });
  });

  it('rejects an event without instruments with a clear error', async () => {
    const handler = createTaggerHandler(deps(null));
    await expect(handler({ instruments: [] })).rejects.toThrow(/invalid tagger event: instruments/);
    await expect(handler('AAPL')).rejects.toThrow(/invalid tagger event/);
  });
});
