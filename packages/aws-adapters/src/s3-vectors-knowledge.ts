import { describeError, errorName, truncate } from '@alex/errors';
import type { Insight, Knowledge, Logger } from '@alex/runtime';
import { type QueryOutputVector, QueryVectorsCommand, type S3VectorsClient } from '@aws-sdk/client-s3vectors';
import { InvokeEndpointCommand, type SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { extractEmbedding } from './extract-embedding';

/** Options of {@link s3VectorsKnowledge}. */
export interface S3VectorsKnowledgeOptions {
  sagemaker: SageMakerRuntimeClient;
  s3vectors: S3VectorsClient;
  /** The SageMaker embedding endpoint (all-MiniLM-L6-v2, 384 dimensions). */
  endpointName: string;
  /** The vector bucket name, passed in (the reference derived it from the account id on every call). */
  bucket: string;
  index?: string;
  topK?: number;
  logger: Logger;
}

const MAX_TEXT = 400;
// QueryVectors accepts topK up to 100; the reporter needs a handful.
const MAX_TOP_K = 30;

/** The query text of the reference: the first five symbols after "market analysis", or "market outlook". */
export function knowledgeQuery(symbols: readonly string[]): string {
  return symbols.length > 0 ? `market analysis ${symbols.slice(0, 5).join(' ')}` : 'market outlook';
}

/**
 * {@link Knowledge} over a SageMaker embedding endpoint and an S3 Vectors index: any failure is logged as
 * a warning with the error name and yields no insights, so the reporter proceeds without them.
 */
export function s3VectorsKnowledge(options: S3VectorsKnowledgeOptions): Knowledge {
  const index = options.index ?? 'financial-research';
  const defaultTopK = options.topK ?? 3;

  async function embed(query: string): Promise<number[]> {
    const output = await options.sagemaker.send(
      new InvokeEndpointCommand({
        EndpointName: options.endpointName,
        ContentType: 'application/json',
        Accept: 'application/json',
        Body: new TextEncoder().encode(JSON.stringify({ inputs: query })),
      }),
    );
    const text = output.Body ? new TextDecoder().decode(output.Body) : '';
    const vector = extractEmbedding(JSON.parse(text));
    if (!vector.ok) throw new TypeError(`unexpected embedding response: ${vector.error}`);
    return vector.value;
  }

  return {
    async search(symbols, limit) {
      const topK = Math.min(MAX_TOP_K, Math.max(1, Math.trunc(limit ?? defaultTopK)));
      let stage: 'embed' | 'query' = 'embed';
      try {
        const vector = await embed(knowledgeQuery(symbols));
        stage = 'query';
        const output = await options.s3vectors.send(
          new QueryVectorsCommand({
            vectorBucketName: options.bucket,
            indexName: index,
            queryVector: { float32: vector },
            topK,
            returnMetadata: true,
          }),
        );
        return (output.vectors ?? []).flatMap((hit) => toInsight(hit, options.bucket, index));
      } catch (error) {
        options.logger.warn('knowledge search failed: proceeding without insights', {
          stage,
          errorName: errorName(error),
          error: describeError(error),
        });
        return [];
      }
    },
  };
}

/** One hit as an insight; hits without a `text` metadata value carry nothing to show and are dropped. */
function toInsight(hit: QueryOutputVector, bucket: string, index: string): Insight[] {
  const metadata = (typeof hit.metadata === 'object' && hit.metadata !== null ? hit.metadata : {}) as Record<
    string,
    unknown
  >;
  const text = stringField(metadata, 'text');
  if (!text) return [];
  const title =
    stringField(metadata, 'company_name') ??
    stringField(metadata, 'topic') ??
    stringField(metadata, 'ticker');
  const source = stringField(metadata, 'source') ?? `s3vectors://${bucket}/${index}/${hit.key ?? 'unknown'}`;
  return [{ title: title ?? 'Market research', text: truncate(text.trim(), MAX_TEXT), source }];
}

function stringField(metadata: Record<string, unknown>, key: string): string | undefined {
  const value = metadata[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
