import { unzipSync, type Zippable, zipSync } from 'fflate';

/** One file to store in a zip: its path inside the archive and its bytes. */
export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

// DOS timestamps are local wall-clock fields; building the date from local fields keeps the bytes
// identical in every time zone. 1980-01-01 is the earliest date a zip can carry.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
// Unix host, regular file, rw-r--r--: Lambda needs the handler world-readable.
const UNIX_HOST = 3;
const REGULAR_FILE_644 = (0o100644 << 16) >>> 0;

/** Writes a deterministic deflated zip: sorted entries, fixed timestamps and permissions. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of sorted) {
    if (entry.path in files) throw new Error(`duplicate zip entry ${entry.path}`);
    files[entry.path] = [
      entry.data,
      { level: 9, mtime: FIXED_MTIME, os: UNIX_HOST, attrs: REGULAR_FILE_644 },
    ];
  }
  return zipSync(files);
}

/** Reads a zip back into its entries, in archive order. */
export function readZip(zip: Uint8Array): ZipEntry[] {
  return Object.entries(unzipSync(zip)).map(([path, data]) => ({ path, data }));
}
