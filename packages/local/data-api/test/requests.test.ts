import { BeginTransactionCommand, ExecuteStatementCommand } from '@aws-sdk/client-rds-data';
import { describe, expect, it } from 'vitest';
import { toDataApiError } from '../src/errors';
import { failureOf, useLocalDataApi } from './support/local-data-api';

const api = useLocalDataApi();

async function post(path: string, body: string) {
  const response = await fetch(`${api.server.endpoint}${path}`, { method: 'POST', body });
  const json = (await response.json()) as { __type?: string; message?: string };
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: json };
}

describe('request validation', () => {
  it('answers a body without sql with a BadRequestException naming the field', async () => {
    const { resourceArn, secretArn } = api.target;
    const answer = await post('/Execute', JSON.stringify({ resourceArn, secretArn }));
    expect(answer).toEqual({
      status: 400,
      type: 'BadRequestException',
      body: { __type: 'BadRequestException', message: 'Invalid ExecuteStatement request: sql: is required' },
    });
  });

  it('answers a body that is not JSON with a BadRequestException', async () => {
    const answer = await post('/BeginTransaction', '{"resourceArn":');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('The request body is not valid JSON');
  });

  it('refuses a Field with two members set', async () => {
    const error = await failureOf(
      api.execute('SELECT :x', [{ name: 'x', value: { stringValue: 'a', longValue: 1 } as never }]),
    );
    expect(error.name).toBe('BadRequestException');
    expect(error.message).toContain('parameters.0.value: exactly one of isNull, booleanValue');
  });

  it('refuses a resourceArn or secretArn other than the server’s', async () => {
    const wrongCluster = await failureOf(
      api.client.send(
        new ExecuteStatementCommand({
          ...api.target,
          resourceArn: 'arn:aws:rds:us-east-1:1:cluster:other',
          sql: 'SELECT 1',
        }),
      ),
    );
    expect(wrongCluster.name).toBe('BadRequestException');
    expect(wrongCluster.message).toContain(
      '"arn:aws:rds:us-east-1:1:cluster:other" is not this local Data API',
    );
    const wrongSecret = await failureOf(
      api.client.send(new BeginTransactionCommand({ ...api.target, secretArn: 'arn:aws:secretsmanager:x' })),
    );
    expect(wrongSecret.name).toBe('BadRequestException');
  });

  it('refuses request members it does not emulate, naming them', async () => {
    const format = await failureOf(api.execute('SELECT 1', [], { formatRecordsAs: 'JSON' }));
    expect([format.name, format.message]).toEqual([
      'BadRequestException',
      'Invalid ExecuteStatement request: (body): Unrecognized key: "formatRecordsAs"',
    ]);
    const blob = await failureOf(
      api.execute('SELECT :b', [{ name: 'b', value: { blobValue: new Uint8Array([1]) } }]),
    );
    expect(blob.message).toMatch(
      /^Invalid ExecuteStatement request: parameters\.0\.value: Unrecognized key: "blobValue"; /,
    );
  });

  it('refuses a database other than the server’s like the current service', async () => {
    const database = await failureOf(api.execute('SELECT 1', [], { database: 'elsewhere' }));
    expect(database.name).toBe('DatabaseErrorException');
    expect(database.message).toBe('FATAL: database "elsewhere" does not exist; SQLState: 3D000');
  });

  it('answers an operation it does not serve with UnknownOperationException', async () => {
    const answer = await post('/BatchExecute', '{}');
    expect([answer.status, answer.type]).toEqual([404, 'UnknownOperationException']);
    expect(answer.body.message).toBe('No Data API operation at POST /BatchExecute');
  });

  it('reports a failure that is neither a Data API nor a Postgres error as a 500 internal error', () => {
    const failure = toDataApiError(new TypeError('cannot read properties of undefined'));
    expect([failure.status, failure.type, failure.message]).toEqual([
      500,
      'InternalServerErrorException',
      'Internal error in the local Data API: cannot read properties of undefined',
    ]);
  });
});

describe('statements the Data API refuses', () => {
  it('refuses more than one statement in one call, but accepts a trailing semicolon', async () => {
    const error = await failureOf(api.execute('SELECT 1; SELECT 2'));
    expect([error.name, error.message]).toEqual(['ValidationException', "Multistatements aren't supported."]);
    const single = await api.execute("SELECT ';' AS text; -- done");
    expect(single.records).toEqual([[{ stringValue: ';' }]]);
  });

  it('refuses a placeholder without a parameter, naming it', async () => {
    const error = await failureOf(api.execute('SELECT :missing'));
    expect(error.name).toBe('BadRequestException');
    expect(error.message).toContain('The SQL uses :missing but no parameter named "missing" was given');
  });

  it('refuses transaction control statements, which belong to the transaction operations', async () => {
    const error = await failureOf(api.execute('BEGIN'));
    expect(error.name).toBe('BadRequestException');
    expect(error.message).toContain('BeginTransaction');
  });
});
