import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../src/build/zip-archive';

const text = (value: string) => new TextEncoder().encode(value);
const bundle = text(`export const handler = async () => 'ok';\n${'// padding\n'.repeat(500)}`);
const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

describe('writeZip', () => {
  it('round-trips its entries through the reader', () => {
    const zip = writeZip([{ path: 'handler.mjs', data: bundle }]);
    expect(readZip(zip)).toEqual([{ path: 'handler.mjs', data: bundle }]);
    // Deflated: the repeated padding compresses well below the raw size.
    expect(zip.byteLength).toBeLessThan(bundle.byteLength / 4);
  });

  it('writes the same bytes for the same input, whatever the entry order', () => {
    const a = writeZip([
      { path: 'handler.mjs', data: bundle },
      { path: 'b.txt', data: text('b') },
    ]);
    const b = writeZip([
      { path: 'b.txt', data: text('b') },
      { path: 'handler.mjs', data: bundle },
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('rejects two entries with the same path', () => {
    expect(() =>
      writeZip([
        { path: 'handler.mjs', data: bundle },
        { path: 'handler.mjs', data: bundle },
      ]),
    ).toThrow(/duplicate/);
  });

  it.skipIf(!hasUnzip)('produces an archive unzip accepts, with a fixed date and rw-r--r-- mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alex-zip-'));
    try {
      const file = join(dir, 'demo.zip');
      writeFileSync(file, writeZip([{ path: 'handler.mjs', data: bundle }]));
      const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(test.status).toBe(0);
      const listing = spawnSync('zipinfo', [file], { encoding: 'utf8' }).stdout;
      expect(listing).toMatch(/-rw-r--r--.*80-Jan-01 00:00 handler\.mjs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
