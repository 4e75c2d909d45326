// Request codes a client sends in place of a protocol version, before (or instead of) starting up.
/** Asks for TLS; answered 'N' (no). */
export const SSL_REQUEST_CODE = 80877103;
/** Asks for GSSAPI encryption; answered 'N' (no). */
const GSSENC_REQUEST_CODE = 80877104;
/** Asks to cancel another connection's query; PGlite cannot, so the connection is just closed. */
export const CANCEL_REQUEST_CODE = 80877102;
/** Startup packets carry the protocol version as `major << 16 | minor`; PGlite speaks major version 3. */
const PROTOCOL_MAJOR = 3;

// PostgreSQL itself refuses startup packets over 10 000 bytes.
const MAX_STARTUP_LENGTH = 10_000;

/** One framed frontend message: the startup packet (no type byte) or a typed message ('Q', 'P', 'S', ...). */
export type FrontendMessage =
  | { kind: 'ssl-request' | 'gssenc-request' | 'cancel-request'; bytes: Uint8Array }
  | { kind: 'startup'; bytes: Uint8Array }
  | { kind: 'unsupported-startup'; code: number }
  | { kind: 'malformed' }
  | { kind: 'typed'; type: string; bytes: Uint8Array };

/**
 * Takes the next complete message off the front of `buffer`, or returns null when more bytes are needed.
 * Before startup every packet is `int32 length, int32 code, ...`; afterwards `byte type, int32 length, ...`.
 */
export function nextMessage(
  buffer: Buffer,
  started: boolean,
): { message: FrontendMessage; rest: Buffer } | null {
  if (!started) {
    if (buffer.length < 8) return null;
    const length = buffer.readInt32BE(0);
    const code = buffer.readInt32BE(4);
    if (length < 8 || length > MAX_STARTUP_LENGTH) return { message: { kind: 'malformed' }, rest: buffer };
    if (buffer.length < length) return null;
    const bytes = new Uint8Array(buffer.subarray(0, length));
    const rest = buffer.subarray(length);
    if (code === SSL_REQUEST_CODE) return { message: { kind: 'ssl-request', bytes }, rest };
    if (code === GSSENC_REQUEST_CODE) return { message: { kind: 'gssenc-request', bytes }, rest };
    if (code === CANCEL_REQUEST_CODE) return { message: { kind: 'cancel-request', bytes }, rest };
    if (code >> 16 === PROTOCOL_MAJOR) return { message: { kind: 'startup', bytes }, rest };
    return { message: { kind: 'unsupported-startup', code }, rest };
  }
  if (buffer.length < 5) return null;
  const total = 1 + buffer.readInt32BE(1);
  if (total < 5) return { message: { kind: 'malformed' }, rest: buffer };
  if (buffer.length < total) return null;
  const type = String.fromCharCode(buffer[0] as number);
  return {
    message: { kind: 'typed', type, bytes: new Uint8Array(buffer.subarray(0, total)) },
    rest: buffer.subarray(total),
  };
}

/**
 * The transaction status of the ReadyForQuery message that ends a backend response ('I' idle, 'T' in a
 * transaction, 'E' in a failed transaction), or null when the response does not end with one.
 */
export function readyStatus(response: Uint8Array): 'I' | 'T' | 'E' | null {
  const view = new DataView(response.buffer, response.byteOffset, response.byteLength);
  let offset = 0;
  let last: number | null = null;
  while (offset + 5 <= response.length) {
    last = offset;
    offset += 1 + view.getInt32(offset + 1);
  }
  // ReadyForQuery is 'Z', length 5, one status byte.
  if (last === null || offset !== response.length || response[last] !== 0x5a) return null;
  const status = String.fromCharCode(response[last + 5] as number);
  return status === 'I' || status === 'T' || status === 'E' ? status : null;
}

/** Message types of the extended query protocol: after any of them the backend expects a Sync. */
export const EXTENDED_QUERY_TYPES = new Set(['P', 'B', 'D', 'E', 'C', 'H']);

/** A wire message of the given type and body: `byte type, int32 length, body`. */
export function wireMessage(type: string, body: Uint8Array = new Uint8Array(0)): Uint8Array {
  const bytes = Buffer.alloc(5 + body.length);
  bytes.write(type, 0, 'latin1');
  bytes.writeInt32BE(4 + body.length, 1);
  bytes.set(body, 5);
  return new Uint8Array(bytes);
}

/** A simple-query ('Q') message. */
export function simpleQuery(sql: string): Uint8Array {
  return wireMessage('Q', new Uint8Array(Buffer.from(`${sql}\0`, 'utf8')));
}

/** A FATAL ErrorResponse with the given SQLSTATE and message, for ending a connection. */
export function fatalError(sqlState: string, text: string): Uint8Array {
  const fields = ['SFATAL', 'VFATAL', `C${sqlState}`, `M${text}`].map((field) => `${field}\0`).join('');
  return wireMessage('E', new Uint8Array(Buffer.from(`${fields}\0`, 'utf8')));
}
