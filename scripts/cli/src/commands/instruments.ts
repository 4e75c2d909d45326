import { importInstruments } from '@alex/database';
import { withConfiguredDatabase } from '../local-database';
import { readInstrumentsFile } from '../read-portfolio-file';
import { type CommandContext, onlyPositional } from './command';

/**
 * `alex instruments import FILE`: an administrator loads shared instrument reference data (names, prices,
 * classifications every user's analysis reads). Validates the whole file first, then writes it in one
 * transaction; a user's portfolio file can no longer carry instruments.
 */
export async function instrumentsImport({ positionals, output }: CommandContext): Promise<void> {
  const path = onlyPositional(positionals, 'usage: alex instruments import FILE [--json]');
  const file = await readInstrumentsFile(path);
  await withConfiguredDatabase(output, { requireSchema: true }, async (handle) => {
    const summary = await importInstruments(handle.db, file);
    output.result({ imported: true, created: summary.created, updated: summary.updated }, () =>
      [
        `loaded ${file.instruments.length} instruments`,
        ...(summary.created.length > 0 ? [`created: ${summary.created.join(', ')}`] : []),
        ...(summary.updated.length > 0 ? [`updated: ${summary.updated.join(', ')}`] : []),
      ].join('\n'),
    );
  });
}
