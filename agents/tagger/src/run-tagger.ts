import type { AgentResponse, TaggerEvent, TaggerInstrument } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { createUsageMeter, type LanguageModel, runModelStep, type UsageMeter } from '@alex/llm';
import { type Clock, errorMessage, type Logger } from '@alex/runtime';
import { Agent, type Model, run } from '@openai/agents-core';
import { ModelClassification, type StorableClassification, toStorable } from './classification';
import { TAGGER_INSTRUCTIONS, taggerTask } from './prompts';

/** What the tagger core needs. */
export interface TaggerDeps {
  repos: Repositories;
  llm: LanguageModel;
  logger: Logger;
  clock: Clock;
}

async function classifyWithModel(
  model: Model,
  instrument: TaggerInstrument,
): Promise<StorableClassification> {
  const agent = new Agent({
    name: 'Instrument Tagger',
    instructions: TAGGER_INSTRUCTIONS,
    model,
    outputType: ModelClassification,
  });
  const result = await run(agent, taggerTask(instrument), { maxTurns: 3 });
  const output = ModelClassification.parse(result.finalOutput);
  const storable = toStorable(output);
  if (!storable.ok) throw new Error(`classification of ${instrument.symbol} rejected: ${storable.error}`);
  return storable.value;
}

async function tagOne(
  instrument: TaggerInstrument,
  deps: TaggerDeps,
  meter: UsageMeter,
): Promise<string | null> {
  const step = await runModelStep<StorableClassification | null>({
    llm: deps.llm,
    meter,
    step: (model) => classifyWithModel(model, instrument),
    fallback: () => null,
    onFailure: (error) =>
      deps.logger.warn('classification failed', { symbol: instrument.symbol, error: errorMessage(error) }),
  });
  if (!step.value) return step.fallbackReason ?? 'not classified';
  const stored = await deps.repos.instruments.classify(instrument.symbol, step.value);
  if (!stored) await deps.repos.instruments.upsertMany([{ ...instrument, ...step.value }]);
  return null;
}

/**
 * Classifies instruments lacking allocations and stores only classifications whose maps each sum to 100.
 * Offline, or when the model fails, an instrument stays unclassified and the response says why; prices are
 * never written here.
 */
export async function runTagger(event: TaggerEvent, deps: TaggerDeps): Promise<AgentResponse> {
  const unique = [
    ...new Map(
      event.instruments.map((i) => [i.symbol.toUpperCase(), { ...i, symbol: i.symbol.toUpperCase() }]),
    ).values(),
  ];
  const meter = createUsageMeter();
  const reasons = new Map<string, string>();
  // A few at a time: enough to overlap model latency without tripping provider rate limits.
  for (let start = 0; start < unique.length; start += 4) {
    const batch = unique.slice(start, start + 4);
    const outcomes = await Promise.all(batch.map((instrument) => tagOne(instrument, deps, meter)));
    batch.forEach((instrument, index) => {
      const reason = outcomes[index];
      if (reason) reasons.set(instrument.symbol, reason);
    });
  }
  const classified = unique.filter((i) => !reasons.has(i.symbol)).map((i) => i.symbol);
  const left = [...reasons].map(([symbol, reason]) => `${symbol} (${reason})`);
  const detail = [
    classified.length > 0 ? `classified ${classified.join(', ')}` : null,
    left.length > 0 ? `left unclassified: ${left.join('; ')}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  deps.logger.info('tagging finished', { classified, unclassified: [...reasons.keys()] });
  return { ok: true, agent: 'tagger', model: deps.llm.id, usage: meter.snapshot(), detail };
}
