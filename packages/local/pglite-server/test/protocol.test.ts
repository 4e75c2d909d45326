import { describe, expect, it } from 'vitest';
import {
  CANCEL_REQUEST_CODE,
  nextMessage,
  readyStatus,
  SSL_REQUEST_CODE,
  simpleQuery,
  wireMessage,
} from '../src/protocol';

const ready = (status: string) => wireMessage('Z', new Uint8Array(Buffer.from(status, 'latin1')));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

function request(code: number, extra = 0): Buffer {
  const bytes = Buffer.alloc(8 + extra);
  bytes.writeInt32BE(8 + extra, 0);
  bytes.writeInt32BE(code, 4);
  return bytes;
}

describe('readyStatus', () => {
  it('reads the transaction status of the ReadyForQuery that ends a response', () => {
    const complete = wireMessage('C', new Uint8Array(Buffer.from('SELECT 1\0')));
    expect(readyStatus(concat(complete, ready('I')))).toBe('I');
    expect(readyStatus(concat(complete, ready('T')))).toBe('T');
    expect(readyStatus(ready('E'))).toBe('E');
  });

  it('finds none when the response stops before ReadyForQuery or ends mid-message', () => {
    expect(readyStatus(new Uint8Array(0))).toBeNull();
    expect(readyStatus(concat(ready('I'), wireMessage('1')))).toBeNull();
    expect(readyStatus(concat(ready('I')).subarray(0, 5))).toBeNull();
  });
});

describe('nextMessage', () => {
  it('waits for a whole message before returning it', () => {
    const query = Buffer.from(simpleQuery('select 1'));
    expect(nextMessage(query.subarray(0, 4), true)).toBeNull();
    expect(nextMessage(query.subarray(0, query.length - 1), true)).toBeNull();
    const next = nextMessage(Buffer.concat([query, query.subarray(0, 3)]), true);
    expect(next?.message).toMatchObject({ kind: 'typed', type: 'Q' });
    expect(next?.rest.length).toBe(3);
  });

  it('tells the startup requests apart before startup', () => {
    expect(nextMessage(request(SSL_REQUEST_CODE), false)?.message.kind).toBe('ssl-request');
    expect(nextMessage(request(CANCEL_REQUEST_CODE, 8), false)?.message.kind).toBe('cancel-request');
    expect(nextMessage(request(3 << 16, 4), false)?.message.kind).toBe('startup');
    expect(nextMessage(request(2 << 16), false)?.message).toEqual({
      kind: 'unsupported-startup',
      code: 2 << 16,
    });
  });

  it('flags lengths no valid message has', () => {
    const short = Buffer.from([0x51, 0, 0, 0, 2]);
    expect(nextMessage(short, true)?.message.kind).toBe('malformed');
    const huge = request(3 << 16);
    huge.writeInt32BE(1_000_000, 0);
    expect(nextMessage(huge, false)?.message.kind).toBe('malformed');
  });
});
