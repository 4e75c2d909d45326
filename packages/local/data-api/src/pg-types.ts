import type { PGlite } from '@electric-sql/pglite';

/** What the result mapping needs to know about one Postgres type. */
export interface PgType {
  oid: number;
  name: string;
  /** pg_type.typcategory: 'A' array, 'E' enum, 'N' numeric, ... */
  category: string;
  /** Element type of an array type, 0 otherwise. */
  elem: number;
  /** Field delimiter inside array literals of this element type. */
  delimiter: string;
}

type Parser = (value: string) => string;

const TYPE_COLUMNS = 'oid::int4 AS oid, typname, typcategory, typelem::int4 AS elem, typdelim';

interface TypeRow {
  oid: number;
  typname: string;
  typcategory: string;
  elem: number;
  typdelim: string;
}

/** OID-keyed knowledge of pg_type, plus PGlite parser overrides that keep every value in its text form. */
export class TypeCatalog {
  private readonly types = new Map<number, PgType>();
  /** Passed to PGlite's query options so no value is turned into a JS Date, number or object. */
  readonly textParsers: Record<number, Parser> = {};

  private add(rows: TypeRow[]): void {
    const identity: Parser = (value) => value;
    for (const row of rows) {
      this.types.set(row.oid, {
        oid: row.oid,
        name: row.typname,
        category: row.typcategory,
        elem: row.elem,
        delimiter: row.typdelim,
      });
      this.textParsers[row.oid] = identity;
    }
  }

  /** Reads the whole of pg_type once, so later lookups are synchronous. */
  static async load(db: PGlite): Promise<TypeCatalog> {
    const catalog = new TypeCatalog();
    const result = await db.query<TypeRow>(`SELECT ${TYPE_COLUMNS} FROM pg_type`);
    catalog.add(result.rows);
    return catalog;
  }

  /** Fetches types created after startup (enums, domains, composites) that a result refers to. */
  async ensure(db: PGlite, oids: number[]): Promise<void> {
    const missing = [...new Set(oids)].filter((oid) => !this.types.has(oid));
    if (missing.length === 0) return;
    // OIDs come from Postgres's own row description, so they are integers and safe to inline.
    const result = await db.query<TypeRow>(
      `SELECT ${TYPE_COLUMNS} FROM pg_type WHERE oid IN (${missing.join(',')})`,
    );
    this.add(result.rows);
  }

  /** The type for an OID, or a stand-in treated as text when the OID is unknown. */
  get(oid: number): PgType {
    return this.types.get(oid) ?? { oid, name: `oid_${oid}`, category: 'X', elem: 0, delimiter: ',' };
  }
}
