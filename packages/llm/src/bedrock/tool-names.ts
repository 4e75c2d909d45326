const VALID_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_LENGTH = 64;

/** The tool the model must call to deliver structured output; its input is the final answer. */
export const FINAL_OUTPUT_TOOL = 'final_output';

/** Two-way mapping between the SDK's tool names and names Bedrock accepts (`[a-zA-Z0-9_-]{1,64}`). */
export interface ToolNames {
  /** The Bedrock name for an SDK tool name, registering it if it is new. */
  toBedrock(name: string): string;
  /** The SDK name for a Bedrock name, or undefined when no such tool was offered or seen in the history. */
  fromBedrock(name: string): string | undefined;
}

function sanitize(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, MAX_LENGTH);
  return cleaned.length > 0 ? cleaned : 'tool';
}

/**
 * Creates a name mapping; names are registered in order, so the first holder of a sanitized name keeps it
 * and later colliding names get a numeric suffix.
 */
export function createToolNames(): ToolNames {
  const toBedrockNames = new Map<string, string>();
  const fromBedrockNames = new Map<string, string>();
  return {
    toBedrock(name) {
      const known = toBedrockNames.get(name);
      if (known) return known;
      const base = VALID_NAME.test(name) ? name : sanitize(name);
      let candidate = base;
      for (let n = 2; fromBedrockNames.has(candidate); n++) {
        const suffix = `_${n}`;
        candidate = `${base.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
      }
      toBedrockNames.set(name, candidate);
      fromBedrockNames.set(candidate, name);
      return candidate;
    },
    fromBedrock: (name) => fromBedrockNames.get(name),
  };
}
