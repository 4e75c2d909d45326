import { createMemoryLogger } from '@alex/runtime';
import { AccessDeniedException, QueryVectorsCommand, S3VectorsClient } from '@aws-sdk/client-s3vectors';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { Uint8ArrayBlobAdapter } from '@smithy/core/serde';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { knowledgeQuery, s3VectorsKnowledge } from '../src';

const sagemaker = mockClient(SageMakerRuntimeClient);
const s3vectors = mockClient(S3VectorsClient);
afterEach(() => {
  sagemaker.reset();
  s3vectors.reset();
});

const embedding = (response: unknown) => ({
  Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(response)),
});

function knowledge() {
  const logger = createMemoryLogger();
  const adapter = s3VectorsKnowledge({
    sagemaker: new SageMakerRuntimeClient({ region: 'us-east-1' }),
    s3vectors: new S3VectorsClient({ region: 'us-east-1' }),
    endpointName: 'alex-embedding-endpoint',
    bucket: 'alex-vectors-123456789012',
    logger,
  });
  return { adapter, logger };
}

describe('knowledgeQuery', () => {
  it('names the first five symbols, or asks for the outlook without symbols', () => {
    expect(knowledgeQuery(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('market analysis A B C D E');
    expect(knowledgeQuery([])).toBe('market outlook');
  });
});

describe('s3VectorsKnowledge', () => {
  it('embeds the query, searches the index and maps hits to insights', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves(
      embedding([
        [
          [0.1, 0.2, 0.3],
          [0.9, 0.9, 0.9],
        ],
      ]),
    );
    s3vectors.on(QueryVectorsCommand).resolves({
      distanceMetric: 'cosine',
      vectors: [
        {
          key: 'k1',
          metadata: {
            text: 'Apple reported record services revenue.',
            company_name: 'Apple Inc.',
            source: 'ingest-test',
          },
        },
        { key: 'k2', metadata: { text: `${'Rates '.repeat(100)}end`, topic: 'Interest rates' } },
        { key: 'k3', metadata: { timestamp: '2026-01-01' } },
      ],
    });
    const { adapter } = knowledge();

    const insights = await adapter.search(['AAPL', 'SPY']);

    expect(sagemaker.commandCalls(InvokeEndpointCommand)[0]?.args[0].input).toMatchObject({
      EndpointName: 'alex-embedding-endpoint',
      ContentType: 'application/json',
    });
    const body = sagemaker.commandCalls(InvokeEndpointCommand)[0]?.args[0].input.Body as Uint8Array;
    expect(JSON.parse(new TextDecoder().decode(body))).toEqual({ inputs: 'market analysis AAPL SPY' });
    expect(s3vectors.commandCalls(QueryVectorsCommand)[0]?.args[0].input).toEqual({
      vectorBucketName: 'alex-vectors-123456789012',
      indexName: 'financial-research',
      queryVector: { float32: [0.1, 0.2, 0.3] },
      topK: 3,
      returnMetadata: true,
    });
    expect(insights).toHaveLength(2);
    expect(insights[0]).toEqual({
      title: 'Apple Inc.',
      text: 'Apple reported record services revenue.',
      source: 'ingest-test',
    });
    expect(insights[1]?.title).toBe('Interest rates');
    expect(insights[1]?.text).toHaveLength(400);
    expect(insights[1]?.text.endsWith('…')).toBe(true);
    expect(insights[1]?.source).toBe('s3vectors://alex-vectors-123456789012/financial-research/k2');
  });

  it('queries with the pooled vector of a double-nested embedding and the requested limit', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves(embedding([[0.4, 0.5]]));
    s3vectors.on(QueryVectorsCommand).resolves({ distanceMetric: 'cosine', vectors: [] });
    const { adapter } = knowledge();

    expect(await adapter.search([], 5)).toEqual([]);
    expect(s3vectors.commandCalls(QueryVectorsCommand)[0]?.args[0].input).toMatchObject({
      queryVector: { float32: [0.4, 0.5] },
      topK: 5,
    });
  });

  it('returns no insights and warns with the error name when the query is denied', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves(embedding([[[0.1]]]));
    s3vectors
      .on(QueryVectorsCommand)
      .rejects(new AccessDeniedException({ message: 'not authorized', $metadata: {} }));
    const { adapter, logger } = knowledge();

    expect(await adapter.search(['AAPL'])).toEqual([]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', stage: 'query', errorName: 'AccessDeniedException' }),
    );
  });

  it('returns no insights and warns when the embedding response has no vector', async () => {
    sagemaker.on(InvokeEndpointCommand).resolves(embedding({ error: 'model loading' }));
    const { adapter, logger } = knowledge();

    expect(await adapter.search(['AAPL'])).toEqual([]);
    expect(s3vectors.commandCalls(QueryVectorsCommand)).toHaveLength(0);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', stage: 'embed', errorName: 'TypeError' }),
    );
  });
});
