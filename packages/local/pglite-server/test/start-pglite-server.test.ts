import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PgliteServer, startPgliteServer } from '../src/index';
import { SSL_REQUEST_CODE, simpleQuery, wireMessage } from '../src/protocol';
import { bind, executeAndSync, firstColumns, parse, rawClient } from './support/raw-client';

let db: PGlite;
let server: PgliteServer;
const clients: pg.Client[] = [];
const urlOf = (running: PgliteServer) => `postgresql://postgres@127.0.0.1:${running.port}/postgres`;

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: urlOf(server) });
  c.on('error', () => {});
  await c.connect();
  clients.push(c);
  return c;
}

/** Connects a plain TCP socket: `connected`, or the error code. */
function tcpOutcome(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

beforeAll(async () => {
  db = await PGlite.create();
});

afterAll(async () => {
  await db.close();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => {})));
  await server.close();
});

describe('startPgliteServer', () => {
  it('keeps concurrent parameterised queries from different clients apart', async () => {
    server = await startPgliteServer({ db });
    const pool = new pg.Pool({ connectionString: urlOf(server), max: 4 });
    // A client that pauses between Parse and Bind: the gap where another client's Parse could land.
    const slow = await rawClient(server.port);
    const slowValues: string[] = [];
    const slowRun = (async () => {
      for (let n = 0; n < 20; n++) {
        slow.send(parse('select $1::int + 1000000 as v'));
        await sleep(10);
        slow.send(bind([String(n)]), ...executeAndSync());
        slowValues.push(...firstColumns(await slow.untilReady()));
      }
    })();
    // Every statement text differs, so a Bind landing on another client's Parse returns a wrong sum.
    const values = await Promise.all(
      Array.from({ length: 800 }, (_, j) =>
        pool.query<{ v: number }>(`select $1::int + ${j} as v`, [j * 7]).then((r) => r.rows[0]?.v),
      ),
    );
    await slowRun;
    slow.socket.destroy();
    await pool.end();
    expect(values).toEqual(Array.from({ length: 800 }, (_, j) => 8 * j));
    expect(slowValues).toEqual(Array.from({ length: 20 }, (_, n) => String(n + 1000000)));
  });

  it('makes another client wait for an open transaction and then see its committed rows', async () => {
    server = await startPgliteServer({ db });
    const [a, b] = [await client(), await client()];
    await a.query('create table tx_wait (id int primary key, who text)');
    await a.query('begin');
    await a.query("insert into tx_wait values (1, 'a')");
    let committed = false;
    const bWrite = b.query("insert into tx_wait values (2, 'b')").then(() => committed);
    await sleep(150);
    await a.query("insert into tx_wait values (3, 'a')");
    await a.query('commit');
    committed = true;
    expect(await bWrite).toBe(true);
    const seen = await b.query<{ id: number }>('select id from tx_wait order by id');
    expect(seen.rows.map((row) => row.id)).toEqual([1, 2, 3]);
  });

  it('rolls back the transaction of a client whose socket dies and lets the others continue', async () => {
    server = await startPgliteServer({ db });
    const [a, b] = [await client(), await client()];
    await a.query('create table killed (id int)');
    await a.query('begin');
    await a.query('insert into killed values ($1)', [1]);
    const bWrite = b.query('insert into killed values ($1)', [2]);
    a.connection.stream.destroy();
    await bWrite;
    const rows = await b.query<{ id: number }>('select id from killed');
    expect(rows.rows).toEqual([{ id: 2 }]);
    await until(() => server.connections() === 1);
    expect(db.isInTransaction()).toBe(false);
  });

  it('finishes the extended query and rolls back for a client that dies before its Sync', async () => {
    server = await startPgliteServer({ db });
    const b = await client();
    await b.query('create table unsynced (id int)');
    const raw = await rawClient(server.port);
    raw.send(simpleQuery('begin; insert into unsynced values (1)'));
    await raw.untilReady();
    raw.send(parse('insert into unsynced values (2)'), bind([]), wireMessage('E', new Uint8Array(5)));
    await sleep(100);
    raw.socket.destroy();
    const rows = await b.query('select id from unsynced');
    expect(rows.rows).toEqual([]);
    await b.query('insert into unsynced values (3)');
    expect((await b.query('select id from unsynced')).rows).toEqual([{ id: 3 }]);
  });

  it('ends a client that sits idle inside a transaction so the others are not blocked forever', async () => {
    server = await startPgliteServer({ db, idleInTransactionTimeoutMs: 200 });
    const [a, b] = [await client(), await client()];
    await a.query('begin');
    await a.query('select 1');
    const ended = new Promise((resolve) => a.once('end', resolve));
    expect((await b.query<{ v: number }>('select 2 as v')).rows).toEqual([{ v: 2 }]);
    await ended;
    expect(db.isInTransaction()).toBe(false);
  });

  it('ends every connection on close', async () => {
    server = await startPgliteServer({ db });
    const a = await client();
    const ended = new Promise((resolve) => a.once('end', resolve));
    expect(server.connections()).toBe(1);
    await server.close();
    await ended;
    expect(server.connections()).toBe(0);
    await expect(a.query('select 1')).rejects.toThrow();
  });

  it('answers a TLS request with N, so the client goes on without TLS', async () => {
    server = await startPgliteServer({ db });
    const socket = connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const request = Buffer.alloc(8);
    request.writeInt32BE(8, 0);
    request.writeInt32BE(SSL_REQUEST_CODE, 4);
    socket.write(request);
    const answer = await new Promise<Buffer>((resolve) => socket.once('data', resolve));
    socket.destroy();
    expect(answer.toString('latin1')).toBe('N');
  });

  it('listens on the loopback interface only', async () => {
    server = await startPgliteServer({ db });
    expect(await tcpOutcome('127.0.0.1', server.port)).toBe('connected');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) return;
    const outcome = await tcpOutcome(external.address, server.port);
    expect(outcome).toBe('ECONNREFUSED');
  });
});
