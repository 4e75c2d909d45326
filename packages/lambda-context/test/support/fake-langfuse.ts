import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** One request the fake Langfuse received: where it went and the credentials it carried. */
export interface LangfuseRequest {
  path: string;
  authorization: string | undefined;
}

/** A local stand-in for Langfuse's OTLP endpoint, for this test file; its requests are cleared per test. */
export function useFakeLangfuse(): { url(): string; requests: LangfuseRequest[] } {
  const requests: LangfuseRequest[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests.push({
        path: `${request.method} ${request.url}`,
        authorization: request.headers.authorization,
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  beforeEach(() => {
    requests.length = 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}
