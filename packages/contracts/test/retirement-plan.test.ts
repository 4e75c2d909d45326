import { describe, expect, it } from 'vitest';
import {
  InstrumentsFile,
  OtherIncome,
  OtherIncomeList,
  PortfolioImportFile,
  User,
  UserUpdateRequest,
} from '../src';
import { failure, issuePaths, messages, validFile } from './support/import-files';

const SOCIAL_SECURITY = { name: 'Social Security', annual_amount: 24_000.5, start_age: 67 };

const issuesOf = (schema: { safeParse(value: unknown): { error?: { issues: unknown[] } } }, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []) as { path: PropertyKey[]; message: string }[];
const pathsOf = (schema: Parameters<typeof issuesOf>[0], value: unknown) =>
  issuesOf(schema, value).map((issue) => issue.path.join('.'));

describe('OtherIncome', () => {
  it('parses an income, trimming the name and defaulting inflation_adjusted to true', () => {
    expect(OtherIncome.parse({ ...SOCIAL_SECURITY, name: '  Social Security ' })).toEqual({
      ...SOCIAL_SECURITY,
      inflation_adjusted: true,
    });
    const pension = {
      name: 'Pension',
      annual_amount: 0,
      start_age: 0,
      end_age: 0,
      inflation_adjusted: false,
    };
    expect(OtherIncome.parse(pension)).toEqual(pension);
  });

  it('accepts the edges: a 100-character name, 10,000,000.00 a year, ages 0 to 120', () => {
    const edges = { name: 'x'.repeat(100), annual_amount: 10_000_000, start_age: 120, end_age: 120 };
    expect(OtherIncome.parse(edges).annual_amount).toBe(10_000_000);
    expect(OtherIncome.parse({ ...edges, annual_amount: 0.01, start_age: 0 }).annual_amount).toBe(0.01);
  });

  it('refuses hostile and out-of-range values with the field path', () => {
    const refused: [Record<string, unknown>, string][] = [
      [{ annual_amount: -1 }, 'annual_amount'],
      [{ annual_amount: 10_000_000.01 }, 'annual_amount'],
      [{ annual_amount: 1.005 }, 'annual_amount'],
      [{ annual_amount: Number.NaN }, 'annual_amount'],
      [{ annual_amount: '24000' }, 'annual_amount'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'Pension\u0000' }, 'name'],
      [{ name: '\uD800' }, 'name'],
      [{ start_age: -1 }, 'start_age'],
      [{ start_age: 121 }, 'start_age'],
      [{ start_age: 66.5 }, 'start_age'],
      [{ start_age: 70, end_age: 69 }, 'end_age'],
      [{ end_age: 121 }, 'end_age'],
      [{ end_age: null }, 'end_age'],
      [{ inflation_adjusted: 'yes' }, 'inflation_adjusted'],
      [{ owner: 'someone else' }, ''],
    ];
    for (const [change, path] of refused) {
      expect([change, pathsOf(OtherIncome, { ...SOCIAL_SECURITY, ...change })]).toEqual([change, [path]]);
    }
  });

  it('says that end_age is the last age paid when it comes before start_age', () => {
    const [issue] = issuesOf(OtherIncome, { ...SOCIAL_SECURITY, end_age: 66 });
    expect(issue?.message).toBe('must be at least start_age (67): end_age is the last age paid');
  });

  it('holds at most ten incomes', () => {
    const incomes = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ ...SOCIAL_SECURITY, name: `I${i}` }));
    expect(OtherIncomeList.parse(incomes(10))).toHaveLength(10);
    expect(OtherIncomeList.parse([])).toEqual([]);
    expect(pathsOf(OtherIncomeList, incomes(11))).toEqual(['']);
    expect(pathsOf(OtherIncomeList, { 0: SOCIAL_SECURITY })).toEqual(['']);
  });
});

describe('the retirement plan in the import file, the API body and the User contract', () => {
  const fileWith = (plan: Record<string, unknown>) => {
    const raw = validFile();
    return { ...raw, user: { ...raw.user, ...plan } };
  };

  it('accepts other income, an advisory fee and an end age in the import file, absent or null alike', () => {
    const file = PortfolioImportFile.parse(
      fileWith({ other_income: [SOCIAL_SECURITY], advisory_fee: 0.0125, end_age: 100 }),
    );
    expect(file.user).toMatchObject({
      other_income: [{ ...SOCIAL_SECURITY, inflation_adjusted: true }],
      advisory_fee: 0.0125,
      end_age: 100,
    });
    const absent = PortfolioImportFile.parse(validFile()).user;
    expect([absent.other_income, absent.advisory_fee, absent.end_age]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const cleared = PortfolioImportFile.parse(fileWith({ advisory_fee: null, end_age: null })).user;
    expect([cleared.advisory_fee, cleared.end_age]).toEqual([null, null]);
  });

  it('refuses a bad plan in the import file with every path', () => {
    const eleven = Array.from({ length: 11 }, () => SOCIAL_SECURITY);
    const error = failure(
      fileWith({
        other_income: [{ ...SOCIAL_SECURITY, annual_amount: -5, name: 'n'.repeat(101) }],
        advisory_fee: 0.0501,
        end_age: 121,
      }),
    );
    expect(issuePaths(error).sort()).toEqual([
      'user.advisory_fee: too_big',
      'user.end_age: too_big',
      'user.other_income.0.annual_amount: too_small',
      'user.other_income.0.name: custom',
    ]);
    expect(issuePaths(failure(fileWith({ other_income: eleven })))).toEqual(['user.other_income: too_big']);
    expect(issuePaths(failure(fileWith({ advisory_fee: 0.0000001 })))).toEqual(['user.advisory_fee: custom']);
    expect(issuePaths(failure(fileWith({ end_age: 0, current_age: null })))).toEqual([
      'user.end_age: too_small',
    ]);
  });

  it('refuses an end age not above the current age, naming both fields', () => {
    // validFile's user is 40.
    for (const end_age of [40, 39]) {
      expect(messages(failure(fileWith({ end_age })))).toEqual([
        `user.end_age: end_age (${end_age}) must be above current_age (40): the plan has to end after today`,
      ]);
    }
    expect(PortfolioImportFile.parse(fileWith({ end_age: 41, years_until_retirement: 1 })).user.end_age).toBe(
      41,
    );
    expect(PortfolioImportFile.parse(fileWith({ end_age: 30, current_age: null })).user.end_age).toBe(30);
  });

  it('refuses retiring past the projections and an early end age together, in the file and in PUT /api/user', () => {
    // 90 + 10 = 100 is past 95; an end age of 80 is before 90.
    const ages = { current_age: 90, years_until_retirement: 10, end_age: 80 };
    expect(messages(failure(fileWith(ages)))).toEqual([
      'user.years_until_retirement: retiring at 100 is past 95, the age projections run to',
      'user.end_age: end_age (80) must be above current_age (90): the plan has to end after today',
    ]);
    expect(pathsOf(UserUpdateRequest, ages)).toEqual(['years_until_retirement', 'end_age']);
    expect(pathsOf(UserUpdateRequest, { ...ages, current_age: null })).toEqual([]);
    expect(pathsOf(UserUpdateRequest, { current_age: 85, years_until_retirement: 10, end_age: 86 })).toEqual(
      [],
    );
  });

  it('takes the same fields in PUT /api/user, null clearing the fee and end age', () => {
    expect(UserUpdateRequest.parse({ other_income: [], advisory_fee: null, end_age: null })).toEqual({
      other_income: [],
      advisory_fee: null,
      end_age: null,
    });
    expect(pathsOf(UserUpdateRequest, { current_age: 50, end_age: 50 })).toEqual(['end_age']);
    expect(pathsOf(UserUpdateRequest, { other_income: null })).toEqual(['other_income']);
    expect(pathsOf(UserUpdateRequest, { advisory_fee: -0.01 })).toEqual(['advisory_fee']);
  });

  it('types the User contract’s new fields: income items keep their snake_case keys', () => {
    const user = {
      clerkUserId: 'u',
      displayName: null,
      yearsUntilRetirement: null,
      targetRetirementIncome: null,
      currentAge: null,
      annualContribution: null,
      assetClassTargets: {},
      regionTargets: {},
      targetsSet: false,
      otherIncome: [{ ...SOCIAL_SECURITY, inflation_adjusted: false }],
      advisoryFee: 0.01,
      endAge: 95,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
    expect(User.parse(user).otherIncome).toEqual([{ ...SOCIAL_SECURITY, inflation_adjusted: false }]);
    expect(pathsOf(User, { ...user, advisoryFee: 0.06, endAge: 0 }).sort()).toEqual([
      'advisoryFee',
      'endAge',
    ]);
  });

  it('accepts an expense ratio in an instruments file from 0 to 0.1 with six decimals, or null', () => {
    const file = (expense_ratio: unknown) => ({
      instruments: [{ symbol: 'spy', name: 'S&P', expense_ratio }],
    });
    expect(InstrumentsFile.parse(file(0.000945)).instruments[0]?.expense_ratio).toBe(0.000945);
    expect(InstrumentsFile.parse(file(0.1)).instruments[0]?.expense_ratio).toBe(0.1);
    expect(InstrumentsFile.parse(file(null)).instruments[0]?.expense_ratio).toBeNull();
    for (const bad of [-0.0001, 0.100001, 0.0000001, '0.001', 9.45]) {
      expect([bad, pathsOf(InstrumentsFile, file(bad))]).toEqual([bad, ['instruments.0.expense_ratio']]);
    }
  });
});
