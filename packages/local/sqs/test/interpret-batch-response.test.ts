import { describe, expect, it } from 'vitest';
import { interpretBatchResponse } from '../src/interpret-batch-response';

const ids = ['id-1', 'id-2', 'id-3'];

describe('interpretBatchResponse', () => {
  it.each([
    ['undefined (a handler that returns nothing)', undefined],
    ['null', null],
    ['an empty object', {}],
    ['an empty batchItemFailures list', { batchItemFailures: [] }],
    ['a null batchItemFailures list', { batchItemFailures: null }],
  ])('treats %s as complete success', (_name, response) => {
    expect(interpretBatchResponse(response, ids)).toEqual({ kind: 'success' });
  });

  it('reports only the listed records as failed, once each', () => {
    const response = {
      batchItemFailures: [{ itemIdentifier: 'id-2' }, { itemIdentifier: 'id-3' }, { itemIdentifier: 'id-2' }],
    };
    expect(interpretBatchResponse(response, ids)).toEqual({
      kind: 'partial',
      failedMessageIds: ['id-2', 'id-3'],
    });
  });

  it.each([
    ['an empty string itemIdentifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null itemIdentifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['an itemIdentifier with a bad key name', { batchItemFailures: [{ itemId: 'id-1' }] }],
    ['an itemIdentifier that is not in the batch', { batchItemFailures: [{ itemIdentifier: 'id-9' }] }],
    ['batchItemFailures that is not a list', { batchItemFailures: 'id-1' }],
    ['a string response', 'id-1'],
    ['an array response', [{ itemIdentifier: 'id-1' }]],
  ])('treats %s as complete failure', (_name, response) => {
    expect(interpretBatchResponse(response, ids)).toMatchObject({ kind: 'failure' });
  });

  it('treats a response that cannot be serialised to JSON as complete failure', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(interpretBatchResponse(cyclic, ids)).toEqual({
      kind: 'failure',
      reason: 'the response is not valid JSON',
    });
  });

  it('judges the JSON the handler result serialises to', () => {
    const response = { toJSON: () => ({ batchItemFailures: [{ itemIdentifier: 'id-1' }] }) };
    expect(interpretBatchResponse(response, ids)).toEqual({ kind: 'partial', failedMessageIds: ['id-1'] });
  });
});
