import type { ConverseCommandOutput, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';
import { type AgentOutputItem, ModelBehaviorError, type ModelResponse, Usage } from '@openai/agents-core';
import { FINAL_OUTPUT_TOOL, type ToolNames } from './tool-names';

/** What the response reader needs from the request that produced it. */
export interface ResponseContext {
  names: ToolNames;
  structured: boolean;
}

type FunctionCall = Extract<AgentOutputItem, { type: 'function_call' }>;

const MALFORMED_STOPS = new Set(['malformed_tool_use', 'malformed_model_output']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkedInput(block: ToolUseBlock): Record<string, unknown> {
  if (!isPlainObject(block.input)) {
    throw new ModelBehaviorError(
      `Bedrock tool call ${block.name ?? '(unnamed)'} has input ${JSON.stringify(block.input)}, not a JSON object`,
    );
  }
  return block.input;
}

function toFunctionCall(block: ToolUseBlock, names: ToolNames): FunctionCall {
  const name = block.name ? names.fromBedrock(block.name) : undefined;
  if (!name || !block.toolUseId) {
    throw new ModelBehaviorError(
      `Bedrock model called a tool it was not offered: ${block.name ?? '(unnamed)'}`,
    );
  }
  return {
    type: 'function_call',
    callId: block.toolUseId,
    name,
    arguments: JSON.stringify(checkedInput(block)),
    status: 'completed',
  };
}

function message(text: string): AgentOutputItem {
  return {
    type: 'message',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text }],
  };
}

function usageOf(output: ConverseCommandOutput): Usage {
  const inputTokens = output.usage?.inputTokens ?? 0;
  const outputTokens = output.usage?.outputTokens ?? 0;
  return new Usage({
    requests: 1,
    inputTokens,
    outputTokens,
    totalTokens: output.usage?.totalTokens ?? inputTokens + outputTokens,
  });
}

/**
 * Converts a Converse response into SDK output items: text becomes one assistant message, toolUse blocks
 * become function calls (callId = toolUseId, arguments = JSON string). For structured output the
 * final_output call becomes the assistant message text (the JSON the SDK parses into the outputType); when
 * real tool calls come in the same turn, final_output is premature and dropped so the tools run first.
 * Malformed tool calls throw ModelBehaviorError, which callers treat as a model failure, not a transient one.
 */
export function fromConverseOutput(output: ConverseCommandOutput, context: ResponseContext): ModelResponse {
  if (output.stopReason && MALFORMED_STOPS.has(output.stopReason)) {
    throw new ModelBehaviorError(`Bedrock stopped with ${output.stopReason}`);
  }
  const blocks = output.output?.message?.content ?? [];
  const texts: string[] = [];
  const calls: FunctionCall[] = [];
  let finalOutput: string | undefined;
  for (const block of blocks) {
    if (block.text !== undefined) texts.push(block.text);
    else if (block.toolUse && context.structured && block.toolUse.name === FINAL_OUTPUT_TOOL) {
      finalOutput = JSON.stringify(checkedInput(block.toolUse));
    } else if (block.toolUse) calls.push(toFunctionCall(block.toolUse, context.names));
  }
  const items: AgentOutputItem[] = [];
  if (calls.length === 0 && finalOutput !== undefined) {
    // Models such as Nova think aloud in text blocks before a tool call; the final output is the JSON alone.
    items.push(message(finalOutput));
  } else {
    const text = texts.join('');
    if (text.trim().length > 0) items.push(message(text));
    items.push(...calls);
  }
  return {
    usage: usageOf(output),
    output: items,
    ...(output.$metadata.requestId ? { requestId: output.$metadata.requestId } : {}),
    providerData: { stopReason: output.stopReason, latencyMs: output.metrics?.latencyMs },
  };
}
