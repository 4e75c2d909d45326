import { QUOTED_DATA_RULE } from '@alex/contracts';
import { markdownOutput } from '@alex/llm';
import { Agent, type Model, run } from '@openai/agents-core';

/** The retirement specialist's standing instructions. */
const RETIREMENT_INSTRUCTIONS = `You are a retirement planning specialist writing for a retail investor.
Explain the simulation results you are given: readiness, how much the answer depends on the assumptions (the
range across methods and fees), the main risks (sequence of returns, inflation, longevity), what the spending
strategies trade off, and 3-5 concrete actions sized with the solved figures given (income, saving, retirement
age). Use only the figures given; do not invent returns, balances or probabilities. ${QUOTED_DATA_RULE}
Answer in markdown starting with a level-1 heading.`;

/** What the model's analysis must look like before it is stored. */
const AnalysisMarkdown = markdownOutput('analysis', 30_000);

/** Lets the model write the analysis from the simulation's facts. */
export async function writeRetirementAnalysis(model: Model, facts: string): Promise<string> {
  const agent = new Agent({ name: 'Retirement Specialist', instructions: RETIREMENT_INSTRUCTIONS, model });
  const result = await run(agent, `Simulation results:\n${facts}`, { maxTurns: 3 });
  return AnalysisMarkdown.parse(result.finalOutput);
}
