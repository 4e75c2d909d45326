import type { MarketNotesRepository } from '@alex/database';
import type { Knowledge } from '@alex/runtime';

/** Knowledge from the market notes in the database, found with Postgres full-text search. */
export function localKnowledge(notes: MarketNotesRepository): Knowledge {
  return {
    async search(symbols, limit = 3) {
      const found = await notes.search(symbols.length > 0 ? symbols : ['market', 'allocation'], limit);
      return found.map((note) => ({ title: note.title, text: note.body, source: note.source }));
    },
  };
}
