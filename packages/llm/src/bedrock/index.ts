// `@alex/llm/bedrock`: the Bedrock provider on its own. A Lambda bundle that only talks to Bedrock imports
// this subpath (not `@alex/llm/factory`, which also loads the OpenAI client and `@openai/agents-openai`).
export * from '../errors';
export * from './bedrock-model';
export * from './bedrock-retry';
export { FINAL_OUTPUT_TOOL } from './tool-names';
