import type {
  ContentBlock,
  Message,
  SystemContentBlock,
  ToolResultContentBlock,
  ToolUseBlock,
} from '@aws-sdk/client-bedrock-runtime';
import type { AgentInputItem, ModelRequest } from '@openai/agents-core';
import { LlmError } from '../errors';
import type { ToolNames } from './tool-names';

/** The conversation in Converse form: system blocks, alternating messages, and whether tool blocks occur. */
export interface ConverseConversation {
  system: SystemContentBlock[];
  messages: Message[];
  /** True when the history holds toolUse/toolResult blocks, which makes Bedrock require a toolConfig. */
  hasToolBlocks: boolean;
}

type Role = 'user' | 'assistant';
type ToolInput = NonNullable<ToolUseBlock['input']>;
type FunctionCallResult = Extract<AgentInputItem, { type: 'function_call_result' }>;

// Bedrock rejects blank text blocks, so empty strings never become blocks.
function textBlocks(texts: string[]): ContentBlock[] {
  return texts.filter((text) => text.trim().length > 0).map((text) => ({ text }));
}

function parseArguments(raw: string): ToolInput {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as ToolInput;
  } catch {
    // The SDK reports unparsable arguments to the model itself; replaying them as an empty object keeps the
    // toolUse/toolResult pairing intact.
  }
  return {};
}

function toolResultContent(output: FunctionCallResult['output']): ToolResultContentBlock[] {
  const parts = Array.isArray(output) ? output : [output];
  const texts = parts.map((part) => {
    if (typeof part === 'string') return part;
    if (part.type === 'text' || part.type === 'input_text') return part.text;
    return JSON.stringify(part);
  });
  const blocks = texts.filter((text) => text.trim().length > 0).map((text) => ({ text }));
  return blocks.length > 0 ? blocks : [{ text: '(no output)' }];
}

function userTexts(content: Extract<AgentInputItem, { role: 'user' }>['content']): string[] {
  if (typeof content === 'string') return [content];
  return content.map((part) => {
    if (part.type === 'input_text') return part.text;
    throw new LlmError(`the Bedrock model accepts text input only, got ${part.type}`);
  });
}

function assistantTexts(content: Extract<AgentInputItem, { role: 'assistant' }>['content']): string[] {
  return content.flatMap((part) => {
    if (part.type === 'output_text') return [part.text];
    if (part.type === 'refusal') return [part.refusal];
    return [];
  });
}

/** One item as a role and content blocks, or null for items Bedrock has no equivalent for (reasoning). */
function toBlocks(
  item: AgentInputItem,
  names: ToolNames,
  system: SystemContentBlock[],
): [Role, ContentBlock[]] | null {
  if (item.type === 'function_call') {
    const toolUse = {
      toolUseId: item.callId,
      name: names.toBedrock(item.name),
      input: parseArguments(item.arguments),
    };
    return ['assistant', [{ toolUse }]];
  }
  if (item.type === 'function_call_result') {
    return ['user', [{ toolResult: { toolUseId: item.callId, content: toolResultContent(item.output) } }]];
  }
  if (item.type === 'reasoning') return null;
  if ('role' in item && (item.type === undefined || item.type === 'message')) {
    if (item.role === 'system') {
      if (item.content.trim().length > 0) system.push({ text: item.content });
      return null;
    }
    if (item.role === 'user') return ['user', textBlocks(userTexts(item.content))];
    return ['assistant', textBlocks(assistantTexts(item.content))];
  }
  throw new LlmError(`the Bedrock model does not support input items of type ${item.type}`);
}

/**
 * Converts the SDK's instructions and input items into Converse system blocks and messages, merging
 * consecutive same-role turns because Bedrock requires user and assistant to alternate; tool results travel
 * in user messages.
 */
export function toConverseConversation(request: ModelRequest, names: ToolNames): ConverseConversation {
  const system: SystemContentBlock[] = request.systemInstructions
    ? [{ text: request.systemInstructions }]
    : [];
  const items: AgentInputItem[] =
    typeof request.input === 'string' ? [{ role: 'user', content: request.input }] : request.input;
  const messages: Message[] = [];
  let hasToolBlocks = false;
  for (const item of items) {
    const converted = toBlocks(item, names, system);
    if (!converted || converted[1].length === 0) continue;
    const [role, content] = converted;
    hasToolBlocks ||= content.some((block) => block.toolUse !== undefined || block.toolResult !== undefined);
    const last = messages.at(-1);
    if (last?.role === role) last.content = [...(last.content ?? []), ...content];
    else messages.push({ role, content });
  }
  return { system, messages, hasToolBlocks };
}
