import type { SqlDialect } from './sql-dialect.js';

/**
 * Most bound parameters one statement may carry: SQLite 32766 (SQLITE_MAX_VARIABLE_NUMBER since
 * 3.32), PostgreSQL 65535 (a 16-bit count in the wire protocol), MariaDB 65535 for prepared
 * statements (TypeORM escapes client-side there, but the same cap keeps statements reasonable).
 */
export const MAX_PARAMS: Record<SqlDialect, number> = { sqlite: 32766, postgres: 65535, mysql: 65535 };

/** Characters of data per statement; keeps a multi-row INSERT well below MariaDB's default 16 MB packet. */
export const MAX_STATEMENT_CHARS = 2_000_000;

/**
 * Splits rows into multi-row INSERT statements that respect the parameter cap and a size budget.
 * A single row larger than the budget still gets its own statement.
 */
export function chunkForInsert<T>(
  rows: readonly T[],
  paramsPerRow: number,
  maxParams: number,
  sizeOf: (row: T) => number,
  maxChars = MAX_STATEMENT_CHARS,
): T[][] {
  const maxRows = Math.max(1, Math.floor(maxParams / paramsPerRow));
  const chunks: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const row of rows) {
    const size = sizeOf(row);
    if (current.length > 0 && (current.length >= maxRows || chars + size > maxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(row);
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
