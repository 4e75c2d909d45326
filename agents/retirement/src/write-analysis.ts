import { QUOTED_DATA_RULE } from '@alex/contracts';
import { checkText, factFigures, withoutReasoning, writeVerifiedText } from '@alex/llm';
import { Agent, type Model, run } from '@openai/agents-core';

/** The sections every model analysis must have, as level-2 headings; checked before it is stored. */
const ANALYSIS_SECTIONS = ['Readiness', 'Assumptions', 'Risks', 'Spending Strategies', 'Actions'] as const;

/** The retirement specialist's standing instructions. */
const RETIREMENT_INSTRUCTIONS = `You are a retirement planning specialist writing for a retail investor.
Explain the simulation results you are given, in these level-2 sections: Readiness; Assumptions (how much the
answer depends on them: the range across methods and fees); Risks (sequence of returns, inflation, longevity);
Spending Strategies (what they trade off); Actions (3-5 concrete actions sized with the solved figures given:
income, saving, retirement age). Use only the figures given, as given or rounded (72.0% as 72%); do not invent
or compute returns, balances or probabilities: every figure is checked against the results, and an analysis
with any other figure is discarded. ${QUOTED_DATA_RULE}
Answer in markdown starting with a level-1 heading.`;

/** The length a model's analysis must have: five sections say more than a few lines. */
const ANALYSIS_LENGTH = { minLength: 500, maxLength: 30_000 };

/**
 * Lets the model write the analysis from the simulation's facts and checks it (every figure in the facts,
 * every section, a sane length); one retry with the problems, then {@link ModelTextRejectedError}.
 */
export async function writeRetirementAnalysis(model: Model, facts: string): Promise<string> {
  const agent = new Agent({ name: 'Retirement Specialist', instructions: RETIREMENT_INSTRUCTIONS, model });
  const task = `Simulation results:\n${facts}`;
  const allowed = factFigures([facts]);
  return writeVerifiedText({
    write: async (feedback) =>
      withoutReasoning(
        (await run(agent, feedback ? `${task}\n\n${feedback}` : task, { maxTurns: 3 })).finalOutput,
      ),
    check: (text) => checkText(text, { allowed, sections: ANALYSIS_SECTIONS, ...ANALYSIS_LENGTH }),
  });
}
