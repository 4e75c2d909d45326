import { type AgentResponse, isClassified, type TaggerEvent, type TaggerInstrument } from '@alex/contracts';
import type { Repositories } from '@alex/database';
import { errorMessage } from '@alex/errors';
import { createUsageMeter, type LanguageModel, runModelStep, type UsageMeter } from '@alex/llm';
import type { AgentCoreDeps } from '@alex/runtime';
import { Agent, type Model, run } from '@openai/agents-core';
import { ModelClassification, type StorableClassification, toStorable } from './classification';
import { TAGGER_INSTRUCTIONS, taggerTask } from './prompts';

/** What the tagger core needs. */
export type TaggerDeps = AgentCoreDeps<Repositories, LanguageModel>;

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
  const outcome = await deps.repos.instruments.classify(instrument.symbol, step.value);
  // The tagger never creates instruments: only placeholders made by an import or the seed are classified.
  return outcome === 'not_found' ? 'no such instrument' : null;
}

/**
 * Classifies instruments lacking allocations and stores only classifications whose maps each sum to 100.
 * Offline, or when the model fails, an instrument stays unclassified and the response says why; prices are
 * never written here.
 */
export async function runTagger(event: TaggerEvent, deps: TaggerDeps): Promise<AgentResponse> {
  const symbols = [...new Set(event.instruments.map((i) => i.symbol.toUpperCase()))];
  const stored = new Map((await deps.repos.instruments.findMany(symbols)).map((i) => [i.symbol, i]));
  const reasons = new Map<string, string>();
  const todo: TaggerInstrument[] = [];
  for (const symbol of symbols) {
    const instrument = stored.get(symbol);
    if (!instrument) reasons.set(symbol, 'no such instrument');
    // The stored name, not the event's: the shared row is what gets classified.
    else if (!isClassified(instrument)) todo.push({ symbol, name: instrument.name });
  }
  const meter = createUsageMeter();
  // A few at a time: enough to overlap model latency without tripping provider rate limits.
  for (let start = 0; start < todo.length; start += 4) {
    const batch = todo.slice(start, start + 4);
    const outcomes = await Promise.all(batch.map((instrument) => tagOne(instrument, deps, meter)));
    batch.forEach((instrument, index) => {
      const reason = outcomes[index];
      if (reason) reasons.set(instrument.symbol, reason);
    });
  }
  const classified = todo.filter((i) => !reasons.has(i.symbol)).map((i) => i.symbol);
  const left = [...reasons].map(([symbol, reason]) => `${symbol} (${reason})`);
  const detail = [
    classified.length > 0 ? `classified ${classified.join(', ')}` : null,
    left.length > 0 ? `left unclassified: ${left.join('; ')}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  deps.logger.info('tagging finished', { classified, unclassified: [...reasons.keys()] });
  // When a configured model classified nothing it was asked, the result was written without it.
  const model =
    deps.llm.model !== null && todo.length > 0 && classified.length === 0 ? 'offline' : deps.llm.id;
  return {
    ok: true,
    agent: 'tagger',
    model,
    usage: meter.snapshot(),
    usage_model: deps.llm.id,
    detail: detail || null,
  };
}
