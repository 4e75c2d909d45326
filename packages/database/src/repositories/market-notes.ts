import { desc, sql } from 'drizzle-orm';
import type { AlexDatabase } from '../drivers/alex-database';
import { marketNotes } from '../schema';

/** A market note as stored and retrieved. */
export interface MarketNote {
  id: string;
  title: string;
  tags: string;
  body: string;
  source: string;
}

/** Stores and searches local market notes with Postgres full-text search. */
export interface MarketNotesRepository {
  upsertMany(notes: readonly MarketNote[]): Promise<void>;
  /** Notes matching any of the terms, best first. */
  search(terms: readonly string[], limit: number): Promise<MarketNote[]>;
}

const document = sql`to_tsvector('english', ${marketNotes.title} || ' ' || ${marketNotes.tags} || ' ' || ${marketNotes.body})`;

/** Turns free terms into an OR tsquery of plain words, so user text cannot inject query syntax. */
export function toOrQuery(terms: readonly string[]): string {
  const words = terms.flatMap((term) => term.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 1);
  return [...new Set(words)].join(' | ');
}

/** Creates the market notes repository over a database. */
export function marketNotesRepository(db: AlexDatabase): MarketNotesRepository {
  return {
    async upsertMany(notes) {
      for (const note of notes) {
        const { id, ...fields } = note;
        await db.insert(marketNotes).values(note).onConflictDoUpdate({ target: marketNotes.id, set: fields });
      }
    },
    async search(terms, limit) {
      const query = toOrQuery(terms);
      if (query === '') return [];
      const tsquery = sql`to_tsquery('english', ${query})`;
      return db
        .select({
          id: marketNotes.id,
          title: marketNotes.title,
          tags: marketNotes.tags,
          body: marketNotes.body,
          source: marketNotes.source,
        })
        .from(marketNotes)
        .where(sql`${document} @@ ${tsquery}`)
        .orderBy(desc(sql`ts_rank(${document}, ${tsquery})`), marketNotes.id)
        .limit(limit);
    },
  };
}
