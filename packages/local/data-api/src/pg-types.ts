import { plainStatement, type SqlSession } from './backend';

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

const TYPE_COLUMNS = 'oid::int4, typname::text, typcategory::text, typelem::int4, typdelim::text';

/** OID-keyed knowledge of pg_type, read over the endpoint's own sessions (every value in text form). */
export class TypeCatalog {
  private readonly types = new Map<number, PgType>();

  private add(rows: Array<Array<string | null>>): void {
    for (const [oid, name, category, elem, delimiter] of rows) {
      this.types.set(Number(oid), {
        oid: Number(oid),
        name: name ?? '',
        category: category ?? 'X',
        elem: Number(elem),
        delimiter: delimiter ?? ',',
      });
    }
  }

  /** Reads the whole of pg_type once, so later lookups are synchronous. */
  static async load(session: SqlSession): Promise<TypeCatalog> {
    const catalog = new TypeCatalog();
    catalog.add((await session.run(plainStatement(`SELECT ${TYPE_COLUMNS} FROM pg_type`))).rows);
    return catalog;
  }

  /**
   * Fetches types created after startup (enums, domains, composites) that a result refers to, on the session
   * that produced the result, so a type created inside a transaction is visible.
   */
  async ensure(session: SqlSession, oids: number[]): Promise<void> {
    const missing = [...new Set(oids)].filter((oid) => !this.types.has(oid));
    if (missing.length === 0) return;
    // OIDs come from Postgres's own row description, so they are integers and safe to inline.
    const sql = `SELECT ${TYPE_COLUMNS} FROM pg_type WHERE oid IN (${missing.join(',')})`;
    this.add((await session.run(plainStatement(sql))).rows);
  }

  /** The type for an OID, or a stand-in treated as text when the OID is unknown. */
  get(oid: number): PgType {
    return this.types.get(oid) ?? { oid, name: `oid_${oid}`, category: 'X', elem: 0, delimiter: ',' };
  }
}
