import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, run } from '@openai/agents-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BedrockModel, ModelRetriesExhaustedError } from '../src/bedrock';

interface Exchange {
  path: string;
  body: Record<string, unknown>;
}

// A local Converse fake over plain HTTP/1.1: the real client, serializer and deserializer run end to end.
let server: Server;
let endpoint: string;
const exchanges: Exchange[] = [];
let respond: (res: ServerResponse) => void = () => {};

function recorded(name: string): string {
  const { $metadata: _metadata, ...wire } = JSON.parse(
    readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'),
  );
  return JSON.stringify(wire);
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      exchanges.push({ path: req.url ?? '', body: JSON.parse(body) });
      respond(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const model = (timeoutMs = 5_000) =>
  new BedrockModel({
    modelId: 'us.amazon.nova-pro-v1:0',
    endpoint,
    timeoutMs,
    credentials: { accessKeyId: 'AKIDLOCALFAKE', secretAccessKey: 'local-fake-secret' },
    retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
  });

describe('BedrockModel against a local HTTP/1.1 Converse fake', () => {
  it('sends the Converse wire request and reads the recorded structured reply', async () => {
    respond = (res) =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'local-1' })
        .end(recorded('converse-structured-output'));
    const Classification = z.object({
      instrument_type: z.string(),
      allocation_asset_class: z.object({ equity: z.number(), fixed_income: z.number(), cash: z.number() }),
      allocation_regions: z.object({ north_america: z.number(), europe: z.number(), asia: z.number() }),
    });
    const agent = new Agent({
      name: 'Tagger',
      instructions: 'Classify.',
      model: model(),
      outputType: Classification,
    });

    const result = await run(agent, 'Classify VTI.');

    expect(result.finalOutput?.allocation_regions.north_america).toBe(100);
    const sent = exchanges.at(-1);
    expect(sent?.path).toBe(`/model/${encodeURIComponent('us.amazon.nova-pro-v1:0')}/converse`);
    expect(sent?.body).toMatchObject({
      system: [{ text: 'Classify.' }],
      messages: [{ role: 'user', content: [{ text: 'Classify VTI.' }] }],
      toolConfig: { toolChoice: { tool: { name: 'final_output' } } },
    });
  });

  it('times out an attempt that gets no answer and reports the spent retries', async () => {
    exchanges.length = 0;
    respond = () => {};

    const error = await run(new Agent({ name: 'Writer', model: model(100) }), 'Summarise.').catch((e) => e);

    expect(error).toBeInstanceOf(ModelRetriesExhaustedError);
    expect(error.message).toMatch(/after 2 attempt\(s\), out of retries: ModelCallTimeoutError/);
    expect(exchanges).toHaveLength(2);
  });
});
