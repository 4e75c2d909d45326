import { describe, expect, it } from 'vitest';
import { checkText, factFigures, ModelTextRejectedError, writeVerifiedText } from '../../src';

const rules = { allowed: factFigures(['Total value $99,437.50.']), sections: ['Summary'], minLength: 40 };
const good = '# Report\n\n## Summary\nTotal value $99,437.50, held in index funds.';
const invented = '# Report\n\n## Summary\nTotal value $7,654,321, held in index funds today.';

function scripted(...answers: string[]) {
  const prompts: (string | null)[] = [];
  const write = async (feedback: string | null) => {
    prompts.push(feedback);
    return answers[prompts.length - 1] ?? '';
  };
  return { prompts, write, check: (text: string) => checkText(text, rules) };
}

describe('writeVerifiedText', () => {
  it('returns a text that passes its check after one call', async () => {
    const model = scripted(good);
    expect(await writeVerifiedText(model)).toBe(good);
    expect(model.prompts).toEqual([null]);
  });

  it('asks once more with the exact problems and returns the corrected text', async () => {
    const model = scripted(invented, good);
    expect(await writeVerifiedText(model)).toBe(good);
    expect(model.prompts).toHaveLength(2);
    expect(model.prompts[1]).toContain('These figures are not in the facts: $7,654,321');
  });

  it('gives up after the second failing answer, saying what was rejected and why', async () => {
    const model = scripted(invented, '# Report');
    const error = await writeVerifiedText(model).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelTextRejectedError);
    expect((error as Error).message).toBe(
      'model text rejected: sections missing: Summary; too short: 8 characters (at least 40)',
    );
    expect(model.prompts).toHaveLength(2);
  });
});
