import {
  AccountResponse,
  AnalyzeResponse,
  InstrumentListItem,
  JobResponse,
  JobsResponse,
  MessageResponse,
  PopulateTestDataResponse,
  PositionResponse,
  PositionsResponse,
  ResetAccountsResponse,
  UserResponse,
  UserWithCreatedResponse,
} from '@alex/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApi } from './support/test-api';

const USER = 'responses_user';

describe('response shapes', () => {
  const api = useTestApi();
  const expectShape = async (schema: z.ZodType, method: string, path: string, json?: unknown) => {
    const reply = await api.call(method, path, { as: USER, ...(json === undefined ? {} : { json }) });
    expect([method, path, reply.status]).toEqual([method, path, 200]);
    const parsed = z.strictObject({ body: schema }).safeParse({ body: reply.body });
    expect(parsed.error?.issues ?? []).toEqual([]);
    return reply.body;
  };

  it('answers every route with the contracts’ response schema', async () => {
    await expectShape(UserWithCreatedResponse, 'GET', '/api/user');
    await expectShape(UserResponse, 'PUT', '/api/user', { current_age: 35 });
    const account = await expectShape(AccountResponse, 'POST', '/api/accounts', { account_name: 'Shapes' });
    await expectShape(AccountResponse, 'PUT', `/api/accounts/${account.id}`, { cash_balance: 5 });
    await expectShape(z.array(AccountResponse), 'GET', '/api/accounts');
    const position = await expectShape(PositionResponse, 'POST', '/api/positions', {
      account_id: account.id,
      symbol: 'VEA',
      quantity: 2,
    });
    expect(position.instrument.asset_class_allocation).toEqual({ equity: 100 });
    await expectShape(PositionResponse, 'PUT', `/api/positions/${position.id}`, { quantity: 3 });
    await expectShape(PositionsResponse, 'GET', `/api/accounts/${account.id}/positions`);
    await expectShape(MessageResponse, 'DELETE', `/api/positions/${position.id}`);
    await expectShape(z.array(InstrumentListItem), 'GET', '/api/instruments');
    const started = await expectShape(AnalyzeResponse, 'POST', '/api/analyze', {
      analysis_type: 'portfolio',
      options: {},
    });
    await api.database.repos.jobs.finish(started.job_id, 'failed', 'The planner gave up');
    await expectShape(JobsResponse, 'GET', '/api/jobs');
    const job = await expectShape(JobResponse, 'GET', `/api/jobs/${started.job_id}`);
    expect([job.error, job.error_message]).toEqual(['The planner gave up', 'The planner gave up']);
    await expectShape(PopulateTestDataResponse, 'POST', '/api/populate-test-data');
    await expectShape(MessageResponse, 'DELETE', `/api/accounts/${account.id}`);
    await expectShape(ResetAccountsResponse, 'DELETE', '/api/reset-accounts');
  });
});
