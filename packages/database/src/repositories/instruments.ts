import type {
  AssetClassAllocation,
  Instrument,
  InstrumentType,
  RegionAllocation,
  SectorAllocation,
} from '@alex/contracts';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AlexDatabase } from '../drivers/alex-database';
import { InstrumentRow, parseRow } from '../rows';
import { instruments } from '../schema';

/** Instrument fields that can be written; omitted optional fields keep their stored value. */
export interface InstrumentInput {
  symbol: string;
  name: string;
  instrumentType?: InstrumentType;
  currentPrice?: number;
  /** The trading date of `currentPrice`; a price given without it is stored with an unknown date. */
  priceAsOf?: string | null;
  allocationAssetClass?: AssetClassAllocation;
  allocationRegions?: RegionAllocation;
  allocationSectors?: SectorAllocation;
  /** Net expense ratio as a fraction a year; null sets it to unknown. */
  expenseRatio?: number | null;
}

/** A tagger's classification of one instrument. */
export interface Classification {
  instrumentType: InstrumentType;
  allocationAssetClass: AssetClassAllocation;
  allocationRegions: RegionAllocation;
  allocationSectors: SectorAllocation;
}

/** What a tagger's classification did to the shared row. */
export type ClassifyOutcome = 'classified' | 'already_classified' | 'not_found';

/**
 * Reads and writes the global instrument reference data, shared by every user. Its writers are trusted paths
 * only: the seed and `alex instruments import` (`upsertMany`, via `seedDatabase` and `importInstruments`),
 * market data (`updatePrice`), placeholders for unknown symbols in a user's import (`createPlaceholders`, which
 * never changes an existing row) and the tagger (`classify`, which only fills maps that are still empty).
 */
export interface InstrumentsRepository {
  list(): Promise<Instrument[]>;
  findMany(symbols: readonly string[]): Promise<Instrument[]>;
  /** Creates or updates instruments; only the supplied fields of an existing one change. */
  upsertMany(inputs: readonly InstrumentInput[]): Promise<void>;
  /** Creates bare rows (name = symbol, no price, no allocations) for symbols not known yet. */
  createPlaceholders(symbols: readonly string[]): Promise<string[]>;
  /** Instruments missing at least one allocation map. */
  listUnclassified(): Promise<Instrument[]>;
  /**
   * Fills the allocation maps (and type) the instrument does not have yet; maps already set, by the seed, an
   * administrator or an earlier job, are never overwritten, so one user's job cannot reclassify shared data.
   */
  classify(symbol: string, classification: Classification): Promise<ClassifyOutcome>;
  /** Writes a price and the trading date (`YYYY-MM-DD`) it is from; false when the symbol has no row. */
  updatePrice(symbol: string, price: number, asOf: string): Promise<boolean>;
  /** Stored prices by symbol (null when an instrument has none; unknown symbols are absent). */
  storedPrices(symbols: readonly string[]): Promise<Map<string, number | null>>;
}

function parseAll(rows: unknown[]): Instrument[] {
  return rows.map((row) => parseRow(InstrumentRow, row, 'instruments'));
}

/** Creates the instruments repository over a database. */
export function instrumentsRepository(db: AlexDatabase): InstrumentsRepository {
  const repository: InstrumentsRepository = {
    async storedPrices(symbols) {
      const found = await repository.findMany(symbols);
      return new Map(found.map((instrument) => [instrument.symbol, instrument.currentPrice]));
    },
    async list() {
      return parseAll(await db.select().from(instruments).orderBy(asc(instruments.symbol)));
    },
    async findMany(symbols) {
      if (symbols.length === 0) return [];
      const rows = await db
        .select()
        .from(instruments)
        .where(inArray(instruments.symbol, [...symbols]))
        .orderBy(asc(instruments.symbol));
      return parseAll(rows);
    },
    async upsertMany(inputs) {
      for (const given of inputs) {
        // A new price replaces the old one's date too: unknown unless the input gives it.
        const input =
          given.currentPrice === undefined ? given : { ...given, priceAsOf: given.priceAsOf ?? null };
        const { symbol, ...fields } = input;
        await db
          .insert(instruments)
          .values(input)
          .onConflictDoUpdate({ target: instruments.symbol, set: fields });
      }
    },
    async createPlaceholders(symbols) {
      if (symbols.length === 0) return [];
      const rows = await db
        .insert(instruments)
        .values(symbols.map((symbol) => ({ symbol, name: symbol })))
        .onConflictDoNothing({ target: instruments.symbol })
        .returning({ symbol: instruments.symbol });
      return rows.map((row) => row.symbol);
    },
    async listUnclassified() {
      const empty = sql`'{}'::jsonb`;
      const rows = await db
        .select()
        .from(instruments)
        .where(
          or(
            sql`coalesce(${instruments.allocationAssetClass}, ${empty}) = ${empty}`,
            sql`coalesce(${instruments.allocationRegions}, ${empty}) = ${empty}`,
            sql`coalesce(${instruments.allocationSectors}, ${empty}) = ${empty}`,
          ),
        )
        .orderBy(asc(instruments.symbol));
      return parseAll(rows);
    },
    async classify(symbol, classification) {
      const empty = sql`'{}'::jsonb`;
      const isEmpty = (column: AnyPgColumn) => sql`coalesce(${column}, ${empty}) = ${empty}`;
      const fill = (column: AnyPgColumn, map: Record<string, number>) =>
        sql`CASE WHEN ${isEmpty(column)} THEN ${JSON.stringify(map)}::jsonb ELSE ${column} END`;
      const rows = await db
        .update(instruments)
        .set({
          instrumentType: sql`coalesce(${instruments.instrumentType}, ${classification.instrumentType})`,
          allocationAssetClass: fill(instruments.allocationAssetClass, classification.allocationAssetClass),
          allocationRegions: fill(instruments.allocationRegions, classification.allocationRegions),
          allocationSectors: fill(instruments.allocationSectors, classification.allocationSectors),
        })
        .where(
          and(
            eq(instruments.symbol, symbol),
            or(
              isEmpty(instruments.allocationAssetClass),
              isEmpty(instruments.allocationRegions),
              isEmpty(instruments.allocationSectors),
            ),
          ),
        )
        .returning({ symbol: instruments.symbol });
      if (rows.length === 1) return 'classified';
      return (await repository.findMany([symbol])).length === 1 ? 'already_classified' : 'not_found';
    },
    async updatePrice(symbol, price, asOf) {
      const rows = await db
        .update(instruments)
        .set({ currentPrice: price, priceAsOf: asOf })
        .where(eq(instruments.symbol, symbol))
        .returning({ symbol: instruments.symbol });
      return rows.length === 1;
    },
  };
  return repository;
}
