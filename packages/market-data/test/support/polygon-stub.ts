import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** A scripted reply: a status with a JSON body or raw text, or `hang` to never answer. */
export type StubReply = { status?: number; body?: unknown; text?: string } | 'hang';

/** A request the stub received: its path with the query decoded, and its Authorization header. */
interface StubRequest {
  path: string;
  authorization: string | null;
}

/**
 * A Polygon stand-in on 127.0.0.1 (a free port) answering each request from `route`; it closes itself, with
 * any open connection, when the test that started it finishes.
 */
export async function polygonStub(route: (url: URL) => StubReply) {
  const requests: StubRequest[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({
      path: decodeURIComponent(`${url.pathname}${url.search}`),
      authorization: request.headers.authorization ?? null,
    });
    const reply = route(url);
    if (reply === 'hang') return;
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    response.end(reply.text ?? JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, requests, paths: () => requests.map((r) => r.path) };
}

/** A grouped daily response (`/v2/aggs/grouped/…/{date}`) with these closes; none for a day without a session. */
export function groupedDaily(closes: Record<string, unknown>): StubReply {
  const results = Object.entries(closes).map(([T, c]) => ({
    T,
    c,
    h: 1,
    l: 1,
    o: 1,
    t: 1,
    v: 100,
    vw: 1,
    n: 3,
  }));
  return {
    body: {
      adjusted: true,
      queryCount: results.length,
      resultsCount: results.length,
      status: 'OK',
      request_id: 'r-1',
      ...(results.length > 0 ? { results } : {}),
    },
  };
}

/** A snapshots response (`/v2/snapshot/…/tickers?tickers=…`) holding these ticker entries. */
export function snapshots(tickers: Record<string, unknown>[]): StubReply {
  return { body: { status: 'OK', request_id: 'r-2', count: tickers.length, tickers } };
}
