import type { EntitySchemaColumnOptions, ValueTransformer } from 'typeorm';

/** The SQL families we support; MariaDB and MySQL share one. */
export type SqlDialect = 'sqlite' | 'postgres' | 'mysql';

type Column = EntitySchemaColumnOptions;

/** JSON kept as text we write ourselves: exact round-trip of key order, `$`/`.` keys and unicode on every database. */
const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value)),
  from: (value: unknown) => (value === null || value === undefined ? undefined : JSON.parse(String(value))),
};

/** Absent optional fields are NULL in the table and missing (not null) in the record. */
const optional: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? null : value),
  from: (value: unknown) => (value === null ? undefined : value),
};

/**
 * Column types that behave the same on the three databases. Each database needs its own spelling:
 * - datetimes keep milliseconds: MariaDB `datetime(3)` (plain `datetime` drops them), PostgreSQL
 *   `timestamptz(3)`, SQLite TypeORM's `datetime` text with ms (always UTC);
 * - strings compared as keys are binary on MariaDB (its default collation would match 'A' to 'a'
 *   and ignore trailing spaces, merging distinct session IDs);
 * - long text is `mediumtext` on MariaDB, whose `text` stops at 64 KB.
 */
export interface ColumnKit {
  autoId(): Column;
  key(length: number, primary?: boolean): Column;
  shortText(length: number): Column;
  text(nullable?: boolean): Column;
  json(nullable?: boolean): Column;
  dateTime(): Column;
  int(): Column;
  float(): Column;
  bool(): Column;
}

export function columnKit(dialect: SqlDialect): ColumnKit {
  const mysql = dialect === 'mysql';
  const utf8 = mysql ? { charset: 'utf8mb4' } : {};
  const binary = mysql ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
  const longText = mysql ? 'mediumtext' : 'text';
  return {
    autoId: () => ({
      type: dialect === 'sqlite' ? 'integer' : 'bigint',
      primary: true,
      generated: 'increment',
      ...(mysql ? { unsigned: true } : {}),
    }),
    key: (length, primary = false) => ({ type: 'varchar', length, primary, ...binary }),
    shortText: (length) => ({ type: 'varchar', length, ...utf8 }),
    text: (nullable = false) => ({ type: longText, nullable, ...utf8, ...(nullable ? { transformer: optional } : {}) }),
    json: (nullable = false) => ({ type: mysql ? 'longtext' : 'text', nullable, transformer: jsonText, ...utf8 }),
    dateTime: () => ({
      type: ({ sqlite: 'datetime', postgres: 'timestamptz', mysql: 'datetime' } as const)[dialect],
      ...(dialect === 'sqlite' ? {} : { precision: 3 }),
    }),
    int: () => ({ type: 'integer' }),
    float: () => ({ type: ({ sqlite: 'real', postgres: 'double precision', mysql: 'double' } as const)[dialect] }),
    bool: () => ({ type: 'boolean' }),
  };
}
