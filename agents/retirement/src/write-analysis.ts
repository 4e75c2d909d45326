import { Agent, type Model, run } from '@openai/agents-core';
import { z } from 'zod';

/** The retirement specialist's standing instructions. */
export const RETIREMENT_INSTRUCTIONS = `You are a retirement planning specialist writing for a retail investor.
Explain the Monte Carlo results you are given: readiness, the main risks (sequence of returns, inflation,
longevity), and 3-5 concrete actions that would raise the success rate. Use only the figures given; do not
invent returns, balances or probabilities. Answer in markdown starting with a level-1 heading.`;

/** What the model's analysis must look like before it is stored. */
export const AnalysisMarkdown = z
  .string()
  .transform((text) => text.replace(/<think>[\s\S]*?<\/think>/g, '').trim())
  .pipe(
    z
      .string()
      .min(200, 'analysis is too short')
      .max(30_000)
      .regex(/^#\s/m, 'analysis has no markdown heading'),
  );

/** Lets the model write the analysis from the simulation's facts. */
export async function writeRetirementAnalysis(model: Model, facts: string): Promise<string> {
  const agent = new Agent({ name: 'Retirement Specialist', instructions: RETIREMENT_INSTRUCTIONS, model });
  const result = await run(agent, `Simulation results:\n${facts}`, { maxTurns: 3 });
  return AnalysisMarkdown.parse(result.finalOutput);
}
