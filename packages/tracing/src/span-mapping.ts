import type { LangfuseObservationAttributes, LangfuseObservationType } from '@langfuse/tracing';
import type { SpanData } from '@openai/agents-core';

/** How one Agents SDK span appears in Langfuse: observation name, type and the attributes known at its end. */
export interface ObservationMapping {
  name: string;
  type: LangfuseObservationType;
  attributes: LangfuseObservationAttributes;
}

type Json = Record<string, unknown>;
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Maps SDK token counts (`input_tokens`, `output_tokens`, numeric `details`) to Langfuse usage details. */
export function toUsageDetails(usage: unknown): Record<string, number> | undefined {
  if (!isRecord(usage)) return undefined;
  const details: Record<string, number> = {};
  const input = usage.input_tokens;
  const output = usage.output_tokens;
  if (typeof input === 'number') details.input = input;
  if (typeof output === 'number') details.output = output;
  if (details.input === undefined && details.output === undefined) return undefined;
  details.total = (details.input ?? 0) + (details.output ?? 0);
  const extra = isRecord(usage.details) ? usage.details : {};
  for (const [key, value] of Object.entries(extra)) {
    if (typeof value === 'number') details[key] = value;
  }
  return details;
}

// Langfuse accepts only scalar model parameters; nested provider settings are kept as JSON text.
function toModelParameters(config: unknown): Record<string, string | number> | undefined {
  if (!isRecord(config)) return undefined;
  const entries = Object.entries(config)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => [
      key,
      typeof value === 'number' || typeof value === 'string' ? value : String(JSON.stringify(value)),
    ]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function compact(attributes: Loose<LangfuseObservationAttributes>): LangfuseObservationAttributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}

/** What a provider model adds to its generation span beyond the SDK's fields (the Bedrock model does). */
interface GenerationExtras {
  stop_reason?: unknown;
  latency_ms?: unknown;
}

function generation(data: Extract<SpanData, { type: 'generation' }> & GenerationExtras): ObservationMapping {
  const metadata: Json = {
    ...(typeof data.stop_reason === 'string' ? { stopReason: data.stop_reason } : {}),
    ...(typeof data.latency_ms === 'number' ? { latencyMs: data.latency_ms } : {}),
  };
  return {
    name: data.model ?? 'generation',
    type: 'generation',
    attributes: compact({
      input: data.input,
      output: data.output,
      model: data.model,
      modelParameters: toModelParameters(data.model_config),
      usageDetails: toUsageDetails(data.usage),
      metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    }),
  };
}

/**
 * The mapping without what the person, their portfolio or a model wrote: inputs and outputs of generations,
 * tools and responses, and custom spans' data. Names, models, token counts, timings and errors stay.
 */
export function withoutContent(mapping: ObservationMapping, data: SpanData): ObservationMapping {
  const { input: _input, output: _output, metadata, ...rest } = mapping.attributes;
  // A custom span's metadata is whatever its author put in it: kept only with content.
  return { ...mapping, attributes: data.type === 'custom' || !metadata ? rest : { ...rest, metadata } };
}

function response(data: Extract<SpanData, { type: 'response' }>): ObservationMapping {
  const body = isRecord(data._response) ? data._response : {};
  const model = typeof body.model === 'string' ? body.model : undefined;
  return {
    name: model ?? 'response',
    type: 'generation',
    attributes: compact({
      input: data._input,
      output: body.output,
      model,
      usageDetails: toUsageDetails(body.usage),
      metadata: data.response_id ? { responseId: data.response_id } : undefined,
    }),
  };
}

/** Maps an Agents SDK span's data to a Langfuse observation: agents, tools, generations, turns and the rest. */
export function mapSpanData(data: SpanData): ObservationMapping {
  switch (data.type) {
    case 'agent':
      return {
        name: data.name,
        type: 'agent',
        attributes: {
          metadata: { tools: data.tools, handoffs: data.handoffs, outputType: data.output_type },
        },
      };
    case 'function':
      return {
        name: data.name,
        type: 'tool',
        attributes: compact({ input: data.input, output: data.output, metadata: mcpMetadata(data.mcp_data) }),
      };
    case 'generation':
      return generation(data);
    case 'response':
      return response(data);
    case 'task':
      return { name: data.name, type: 'chain', attributes: { metadata: { usage: data.usage } } };
    case 'turn':
      return {
        name: `turn ${data.turn}`,
        type: 'chain',
        attributes: { metadata: { agent: data.agent_name, usage: data.usage } },
      };
    case 'handoff':
      return {
        name: `handoff ${data.from_agent ?? '?'} -> ${data.to_agent ?? '?'}`,
        type: 'span',
        attributes: { metadata: { from: data.from_agent, to: data.to_agent } },
      };
    case 'guardrail':
      return { name: data.name, type: 'guardrail', attributes: { output: { triggered: data.triggered } } };
    case 'custom':
      return { name: data.name, type: 'span', attributes: { metadata: data.data } };
    case 'mcp_tools':
      return { name: 'mcp list tools', type: 'span', attributes: compact({ output: data.result }) };
    default:
      return { name: data.type, type: 'span', attributes: {} };
  }
}

function mcpMetadata(mcpData: string | undefined): Json | undefined {
  return mcpData === undefined ? undefined : { mcp: mcpData };
}
