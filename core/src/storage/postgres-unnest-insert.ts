import type { DataSource, EntityManager, EntitySchema } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { insertTarget } from './insert-target.js';

/**
 * PostgreSQL: many rows in one `INSERT ... SELECT * FROM unnest($1::type[], $2::type[], ...)`,
 * one array parameter per column.
 *
 * Why not a multi-row `VALUES` list: with 16 columns a 2000-row batch is 32,000 bound parameters,
 * which the server parses and plans afresh for every distinct row count and the client serialises
 * one by one. Here the statement text is the same whatever the batch size (the server plans a
 * handful of parameters), the row count is limited only by the message size, and every value is
 * still a bound parameter: the arrays travel as parameters, never as SQL text.
 */
export class PostgresUnnestInsert<T> {
  private readonly columns: ColumnMetadata[];
  readonly sql: string;

  constructor(private readonly dataSource: DataSource, target: EntitySchema<T>) {
    const { columns, table, names } = insertTarget(dataSource, target);
    this.columns = columns;
    const driver = dataSource.driver;
    // The element type without length or precision: the INSERT's assignment cast applies those
    // (an over-long varchar is refused, a timestamp rounded to the column's precision), as for VALUES.
    const arrays = this.columns.map((column, i) => `$${i + 1}::${driver.normalizeType(column)}[]`).join(', ');
    this.sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`;
  }

  /** Null unless the DataSource is PostgreSQL (other databases keep the multi-row VALUES insert). */
  static create<T>(dataSource: DataSource, target: EntitySchema<T>): PostgresUnnestInsert<T> | null {
    return dataSource.driver.options.type === 'postgres' ? new PostgresUnnestInsert(dataSource, target) : null;
  }

  /** One statement: all rows or none, so no transaction is needed around it. */
  async run(runner: Pick<EntityManager, 'query'>, rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return;
    await runner.query(this.sql, this.params(rows));
  }

  /** One array per column; each value converted by the driver exactly as for a single-row INSERT. */
  params(rows: readonly T[]): unknown[][] {
    const driver = this.dataSource.driver;
    return this.columns.map((column) => {
      const values: unknown[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const value = driver.preparePersistentValue(column.getEntityValue(rows[i] as object), column);
        values[i] = value instanceof Date ? isoTimestamp(value) : value === undefined ? null : value;
      }
      return values;
    });
  }
}

/**
 * A Date as ISO 8601 UTC text, which PostgreSQL reads exactly (ms kept). pg would otherwise send
 * the process's local time with its offset: the same instant, built more slowly. Years outside
 * 0–9999, which ISO text spells differently, are left to pg's own conversion.
 */
function isoTimestamp(date: Date): Date | string {
  const year = date.getUTCFullYear();
  return year < 0 || year > 9999 ? date : date.toISOString();
}
