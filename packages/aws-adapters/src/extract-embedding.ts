import type { Result } from '@alex/runtime';
/** The vector read from an embedding endpoint response, or why none could be read. */
export type EmbeddingResult = Result<number[]>;

/**
 * Reads the query vector from a HuggingFace feature-extraction response with the rule of the existing
 * index (reference §7), so queries stay comparable with the stored vectors:
 * - `[[[...]]]` (batch, tokens, dims): `response[0][0]`, the first token's vector, as the reference does;
 * - `[[...]]` (batch, dims, a pooled sentence vector): `response[0]`; here the reference's rule would take
 *   `response[0][0]`, a single number (reference bug 33), so this shape follows the ingest side instead;
 * - `[...]` (one flat vector): the response itself.
 */
export function extractEmbedding(response: unknown): EmbeddingResult {
  if (!Array.isArray(response) || response.length === 0)
    return { ok: false, error: 'response is not a non-empty list' };
  const first: unknown = response[0];
  const candidate: unknown = Array.isArray(first) ? (Array.isArray(first[0]) ? first[0] : first) : response;
  if (!Array.isArray(candidate) || candidate.length === 0) return { ok: false, error: 'embedding is empty' };
  if (!candidate.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    return { ok: false, error: 'embedding is not a list of finite numbers' };
  }
  return { ok: true, value: candidate as number[] };
}
