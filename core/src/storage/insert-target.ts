import type { DataSource, EntitySchema } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata.js';

/** The entity's table (schema-qualified where it has one), each part escaped by the driver. */
export function escapedTable(dataSource: DataSource, metadata: EntityMetadata): string {
  return metadata.tablePath.split('.').map((part) => dataSource.driver.escape(part)).join('.');
}

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
  const table = escapedTable(dataSource, metadata);
  const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  return { columns, table, names };
}
