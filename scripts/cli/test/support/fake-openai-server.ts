import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat completion request as the fake endpoint received it. */
export interface RecordedRequest {
  model: string;
  /** The request's system message, which names the agent's task. */
  system: string;
  stream: boolean;
}

/** A local OpenAI-compatible endpoint on 127.0.0.1 that records every request and answers `reply`. */
export interface FakeOpenAiServer {
  /** The base URL to give as `LLM_BASE_URL`, e.g. `http://127.0.0.1:40123/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

interface ChatBody {
  model?: unknown;
  stream?: unknown;
  messages?: { role?: unknown; content?: unknown }[];
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function systemText(body: ChatBody): string {
  const system = body.messages?.find((message) => message.role === 'system')?.content;
  return typeof system === 'string' ? system : JSON.stringify(system ?? '');
}

function answer(response: ServerResponse, model: string, stream: boolean, reply: string): void {
  const base = { id: 'chatcmpl-fake', created: 1_700_000_000, model };
  const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
  if (!stream) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
        usage,
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (choice: object, extra: object = {}) =>
    `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [choice], ...extra })}\n\n`;
  response.write(chunk({ index: 0, delta: { role: 'assistant', content: reply }, finish_reason: null }));
  response.write(chunk({ index: 0, delta: {}, finish_reason: 'stop' }, { usage }));
  response.end('data: [DONE]\n\n');
}

/** Starts the fake endpoint; every chat completion gets `reply` as the assistant's whole answer. */
export async function startFakeOpenAiServer(reply: string): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const text = await readBody(request);
      if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `no route ${request.method} ${request.url}` } }));
        return;
      }
      const body = JSON.parse(text) as ChatBody;
      const model = typeof body.model === 'string' ? body.model : '';
      const stream = body.stream === true;
      requests.push({ model, system: systemText(body), stream });
      answer(response, model, stream, reply);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
