import type { DataSource, EntitySchema } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { SesFeaturesRow } from './entities.js';
import { insertTarget } from './insert-target.js';

/**
 * A classified session written in one statement: inserted, or replacing the stored row, except
 * that `active` becomes `stored.active AND new.active`, so a session already counted towards a
 * block is never re-activated by a later classification. The statement returns the stored
 * `active` (MySQL, which has no RETURNING, reads it back with a second statement).
 *
 * Why one statement: the classifier used to read the previous row only to keep its `active`, then
 * upsert; that was two round trips per session and, between them, a window in which a concurrent
 * deactivation could be overwritten.
 */
export class KeepInactiveUpsert {
  private readonly columns: ColumnMetadata[];
  private readonly active: ColumnMetadata;
  /** The statement; on SQLite, PostgreSQL and MariaDB it returns one row: the stored `active`. */
  readonly sql: string;
  private readonly readBack: string | null;

  /** `returning: false` makes MariaDB read `active` back as MySQL must (tests exercise that path on MariaDB). */
  constructor(private readonly dataSource: DataSource, target: EntitySchema<SesFeaturesRow>, options: { returning?: boolean } = {}) {
    const metadata = dataSource.getMetadata(target);
    const driver = dataSource.driver;
    const type = driver.options.type;
    const q = (name: string) => driver.escape(name);
    const { columns, table, names } = insertTarget(dataSource, target);
    this.columns = columns;
    const key = metadata.primaryColumns;
    const active = metadata.findColumnWithPropertyName('active');
    if (key.length !== 1 || !active) throw new Error('sesfeatures needs one primary key column and an "active" column');
    this.active = active;
    const marks = this.columns.map((_, i) => (type === 'postgres' ? `$${i + 1}` : '?'));
    const a = q(active.databaseName);
    const replaced = this.columns.filter((c) => c !== active && c !== key[0]).map((c) => q(c.databaseName));
    const head = `INSERT INTO ${table} (${names}) VALUES (${marks.join(', ')})`;
    if (type === 'mysql' || type === 'mariadb') {
      // In ON DUPLICATE KEY UPDATE a bare column name is the stored value, VALUES(c) the new one.
      const set = [...replaced.map((n) => `${n} = VALUES(${n})`), `${a} = ${a} AND VALUES(${a})`].join(', ');
      const upsert = `${head} ON DUPLICATE KEY UPDATE ${set}`;
      const returning = type === 'mariadb' && options.returning !== false;
      this.sql = returning ? `${upsert} RETURNING ${a}` : upsert;
      this.readBack = returning ? null : `SELECT ${a} FROM ${table} WHERE ${q(key[0]!.databaseName)} = ?`;
    } else {
      const set = [...replaced.map((n) => `${n} = excluded.${n}`), `${a} = ${table}.${a} AND excluded.${a}`].join(', ');
      this.sql = `${head} ON CONFLICT (${q(key[0]!.databaseName)}) DO UPDATE SET ${set} RETURNING ${a}`;
      this.readBack = null;
    }
  }

  /** The row's values in bind order, converted by the driver as TypeORM's own upsert converts them. */
  params(row: SesFeaturesRow): unknown[] {
    const driver = this.dataSource.driver;
    return this.columns.map((column) => {
      const value = driver.preparePersistentValue(column.getEntityValue(row), column);
      return value === undefined ? null : value;
    });
  }

  /** Writes the row through TypeORM; resolves with the `active` now stored. */
  async run(row: SesFeaturesRow): Promise<boolean> {
    const params = this.params(row);
    if (this.readBack === null) return this.storedActive(await this.dataSource.query(this.sql, params));
    return this.dataSource.transaction(async (manager) => {
      await manager.query(this.sql, params);
      return this.storedActive(await manager.query(this.readBack!, [row.sessionID]));
    });
  }

  /** The stored `active` from the statement's result rows. */
  storedActive(rows: unknown): boolean {
    const first = Array.isArray(rows) ? (rows[0] as Record<string, unknown> | undefined) : undefined;
    if (!first) throw new Error('the session upsert returned no row');
    return this.dataSource.driver.prepareHydratedValue(first[this.active.databaseName], this.active) === true;
  }
}
