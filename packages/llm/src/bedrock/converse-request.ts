import type {
  ConverseCommandInput,
  InferenceConfiguration,
  Message,
  Tool,
  ToolChoice,
  ToolConfiguration,
} from '@aws-sdk/client-bedrock-runtime';
import type { ModelRequest, ModelSettings } from '@openai/agents-core';
import { LlmError } from '../errors';
import { toConverseConversation } from './converse-messages';
import { createToolNames, FINAL_OUTPUT_TOOL, type ToolNames } from './tool-names';

/** A Converse request plus what is needed to read its response back. */
export interface PreparedConverse {
  input: ConverseCommandInput;
  names: ToolNames;
  /** True when the agent has an outputType: the final answer arrives as the final_output tool's input. */
  structured: boolean;
}

type Schema = Record<string, unknown>;

// Bedrock validates tool schemas itself; the draft marker the SDK adds only risks a rejection.
function inputSchema(schema: unknown): NonNullable<Tool['toolSpec']>['inputSchema'] {
  const { $schema: _ignored, ...rest } = (schema ?? { type: 'object', properties: {} }) as Schema;
  return { json: rest as never };
}

function toolSpec(name: string, description: string, schema: unknown): Tool {
  return {
    toolSpec: {
      name,
      // Bedrock requires a non-empty description when one is given.
      ...(description.trim() ? { description } : {}),
      inputSchema: inputSchema(schema),
    },
  };
}

function offeredTools(request: ModelRequest, names: ToolNames, structured: boolean): Tool[] {
  const tools: Tool[] = [];
  if (structured && request.outputType !== 'text') {
    const description = `Deliver your final answer (${request.outputType.name}) as this tool's input. Call it exactly once, when you are done.`;
    tools.push(toolSpec(names.toBedrock(FINAL_OUTPUT_TOOL), description, request.outputType.schema));
  }
  for (const tool of request.tools) {
    if (tool.type !== 'function') {
      throw new LlmError(`the Bedrock model supports function tools only, got ${tool.type} (${tool.name})`);
    }
    tools.push(toolSpec(names.toBedrock(tool.name), tool.description, tool.parameters));
  }
  for (const handoff of request.handoffs) {
    tools.push(toolSpec(names.toBedrock(handoff.toolName), handoff.toolDescription, handoff.inputJsonSchema));
  }
  return tools;
}

/** Declares tools seen only in the history: Bedrock rejects toolUse blocks naming undeclared tools. */
function historyOnlyTools(messages: Message[], declared: Tool[]): Tool[] {
  const known = new Set(declared.map((tool) => tool.toolSpec?.name));
  const extra = new Map<string, Tool>();
  for (const block of messages.flatMap((message) => message.content ?? [])) {
    const name = block.toolUse?.name;
    if (name && !known.has(name) && !extra.has(name)) {
      extra.set(name, toolSpec(name, 'A tool used earlier in this conversation.', undefined));
    }
  }
  return [...extra.values()];
}

function toolChoice(
  settings: ModelSettings,
  structured: boolean,
  functionToolCount: number,
  names: ToolNames,
): ToolChoice | undefined {
  // Structured output: force the final tool, or when real tools exist make the model call some tool.
  if (structured) {
    return functionToolCount === 0 ? { tool: { name: names.toBedrock(FINAL_OUTPUT_TOOL) } } : { any: {} };
  }
  const choice = settings.toolChoice;
  if (choice === undefined || choice === 'auto' || choice === 'none') return undefined;
  if (choice === 'required') return { any: {} };
  return { tool: { name: names.toBedrock(choice) } };
}

function inferenceConfig(settings: ModelSettings): InferenceConfiguration | undefined {
  const config: InferenceConfiguration = {
    ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
    ...(settings.topP !== undefined ? { topP: settings.topP } : {}),
    ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
  };
  return Object.keys(config).length > 0 ? config : undefined;
}

/**
 * Builds the Converse request for an Agents SDK request. Bedrock has no switch for parallel tool calls
 * (`parallelToolCalls` is ignored: models may return several toolUse blocks in one turn either way), and
 * `toolChoice: 'none'` is expressed by not offering tools unless the history forces a toolConfig.
 */
export function toConverseInput(request: ModelRequest, modelId: string): PreparedConverse {
  const names = createToolNames();
  const structured = request.outputType !== 'text';
  const settings = request.modelSettings;
  // Registered first so final_output keeps its plain name even if a user tool sanitizes to the same.
  const declared =
    settings.toolChoice === 'none' && !structured ? [] : offeredTools(request, names, structured);
  const conversation = toConverseConversation(request, names);
  const tools = [...declared, ...historyOnlyTools(conversation.messages, declared)];
  const choice = toolChoice(settings, structured, request.tools.length + request.handoffs.length, names);
  const toolConfig: ToolConfiguration | undefined =
    tools.length > 0 || conversation.hasToolBlocks
      ? { tools, ...(choice && declared.length > 0 ? { toolChoice: choice } : {}) }
      : undefined;
  const config = inferenceConfig(settings);
  return {
    input: {
      modelId,
      messages: conversation.messages,
      ...(conversation.system.length > 0 ? { system: conversation.system } : {}),
      ...(toolConfig ? { toolConfig } : {}),
      ...(config ? { inferenceConfig: config } : {}),
    },
    names,
    structured,
  };
}
