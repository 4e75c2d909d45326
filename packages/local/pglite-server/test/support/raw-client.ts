import { connect, type Socket } from 'node:net';
import { wireMessage } from '../../src/protocol';

/** A hand-driven wire-protocol client: sends exactly the messages a test chooses, when it chooses. */
export interface RawClient {
  socket: Socket;
  send(...messages: Uint8Array[]): void;
  /** Backend messages (type and body) up to and including the next ReadyForQuery. */
  untilReady(): Promise<{ type: string; body: Buffer }[]>;
}

/** Connects and completes the startup handshake. */
export async function rawClient(port: number): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let buffer = Buffer.alloc(0);
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    waiting?.();
  });
  const client: RawClient = {
    socket,
    send: (...messages) => {
      for (const message of messages) socket.write(message);
    },
    async untilReady() {
      const messages: { type: string; body: Buffer }[] = [];
      for (;;) {
        while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
          const end = 1 + buffer.readInt32BE(1);
          const message = { type: String.fromCharCode(buffer[0] as number), body: buffer.subarray(5, end) };
          buffer = buffer.subarray(end);
          messages.push(message);
          if (message.type === 'Z') return messages;
        }
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
      }
    },
  };
  const startup = Buffer.from('\0\0\0\0\0\x03\0\0user\0postgres\0database\0postgres\0\0', 'latin1');
  startup.writeInt32BE(startup.length, 0);
  socket.write(startup);
  await client.untilReady();
  return client;
}

/** Parse of the unnamed statement. */
export function parse(sql: string): Uint8Array {
  return wireMessage('P', Buffer.from(`\0${sql}\0\0\0`, 'utf8'));
}

/** Bind of the unnamed portal to the unnamed statement with text parameters. */
export function bind(params: string[]): Uint8Array {
  const parts = [Buffer.from('\0\0\0\0', 'latin1'), int16(params.length)];
  for (const param of params) parts.push(int32(Buffer.byteLength(param)), Buffer.from(param));
  parts.push(int16(0));
  return wireMessage('B', Buffer.concat(parts));
}

/** Execute of the unnamed portal, then Sync. */
export function executeAndSync(): Uint8Array[] {
  return [wireMessage('E', Buffer.from('\0\0\0\0\0', 'latin1')), wireMessage('S')];
}

/** The text of the first column of each DataRow among `messages`. */
export function firstColumns(messages: { type: string; body: Buffer }[]): string[] {
  return messages
    .filter((message) => message.type === 'D')
    .map((message) => message.body.subarray(6, 6 + message.body.readInt32BE(2)).toString('utf8'));
}

function int16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeInt16BE(value);
  return bytes;
}

function int32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
}
