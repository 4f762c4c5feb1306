import type { DataSource, EntitySchema } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** What a hand-built INSERT for an entity names: its written columns, escaped table and column list. */
export interface InsertTarget {
  /** Every column but generated ones (the auto-increment id), in metadata order. */
  columns: ColumnMetadata[];
  table: string;
  names: string;
}

/** Identifiers come from TypeORM's metadata, escaped by the driver: never from data. */
export function insertTarget<T>(dataSource: DataSource, target: EntitySchema<T>): InsertTarget {
  const metadata = dataSource.getMetadata(target);
  const driver = dataSource.driver;
  const columns = metadata.columns.filter((column) => !column.isGenerated);
  const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
  const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  return { columns, table, names };
}
