import { describe, expect, it } from 'vitest';
import { isTransientError } from '../src';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('isTransientError', () => {
  it.each([
    ['pg: the server closed the connection', new Error('Connection terminated unexpectedly')],
    ['pg: the pool ended a client', new Error('Connection terminated')],
    ['pg: a broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['pg-pool: no connection in time', new Error('timeout exceeded when trying to connect')],
    ['admin shutdown (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['crash shutdown (57P02)', withCode('terminating connection due to crash of another server', '57P02')],
    ['starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['connection exception (08000)', withCode('connection exception', '08000')],
    ['connection does not exist (08003)', withCode('connection does not exist', '08003')],
    ['connection failure (08006)', withCode('connection failure', '08006')],
    ['protocol violation (08P01)', withCode('protocol violation', '08P01')],
    ['refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['Aurora resuming', named('DatabaseResumingException', 'The Aurora DB instance is resuming')],
    ['Aurora unavailable', named('DatabaseUnavailableException')],
    ['throttling', named('ThrottlingException', 'Rate exceeded')],
    ['HTTP 429', Object.assign(new Error('slow down'), { $metadata: { httpStatusCode: 429 } })],
    ['HTTP 503', Object.assign(new Error('unavailable'), { $metadata: { httpStatusCode: 503 } })],
  ])('treats %s as transient', (_, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it('finds a transient cause behind a wrapper (drizzle wraps driver errors)', () => {
    const cause = new Error('Connection terminated unexpectedly');
    expect(isTransientError(new Error('Failed query: select 1', { cause }))).toBe(true);
  });

  it('finds a refused connection inside an AggregateError (Node connecting to several addresses)', () => {
    const error = new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], '');
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ['a missing column (42703)', withCode('column "x" does not exist', '42703')],
    ['a check violation (23514)', withCode('new row violates check constraint', '23514')],
    ['a validation error', named('ValidationException')],
    ['an HTTP 400', Object.assign(new Error('bad request'), { $metadata: { httpStatusCode: 400 } })],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['a thrown string', 'Connection terminated'],
  ])('treats %s as permanent', (_, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
