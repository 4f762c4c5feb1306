import { MoreThan, type DataSource, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { BlockEntry, SessionFeatures } from '../../../ports/records.js';
import type { ClientIpRow, HttpLogRow, SesFeaturesRow } from '../../../storage/entities.js';
import { fromHttpLogRow } from '../../../storage/http-log-mapping.js';
import { fits, type MapResult, misfit } from '../../../storage/mongo/map-result.js';
import type { CollectionItem, CollectionName, ImportSource, ScannedItem } from './import-source.js';

interface Table<Row extends ObjectLiteral, Item> {
  entity: string;
  key: keyof Row & string;
  map(row: Row): Item;
}

const TABLES: { [C in CollectionName]: Table<ObjectLiteral, CollectionItem[C]> } = {
  httplogs: { entity: 'HttpLog', key: 'id', map: (row) => fromHttpLogRow(row as HttpLogRow) },
  sesfeatures: { entity: 'SesFeatures', key: 'sessionID', map: (row) => ({ ...(row as SesFeaturesRow) }) as SessionFeatures },
  clientips: { entity: 'ClientIp', key: 'clientIP', map: (row) => ({ ...(row as ClientIpRow) }) as BlockEntry },
};

/** Reads the SQL storage's tables in primary-key order (httplogs by id, the others by session ID / IP). */
export function sqlSource(description: string, dataSource: DataSource): ImportSource {
  return {
    description,
    total: (collection) => dataSource.getRepository(TABLES[collection].entity).count(),
    async scan<C extends CollectionName>(collection: C, afterKey: string | undefined, limit: number): Promise<ScannedItem<C>[]> {
      const table = TABLES[collection] as Table<ObjectLiteral, CollectionItem[C]>;
      const after = afterKey === undefined ? undefined : table.key === 'id' ? Number(afterKey) : afterKey;
      const where = (after === undefined ? {} : { [table.key]: MoreThan(after) }) as FindOptionsWhere<ObjectLiteral>;
      const rows = await dataSource.getRepository(table.entity).find({ where, order: { [table.key]: 'ASC' }, take: limit });
      return rows.map((row) => ({ key: String(row[table.key]), result: mapRow(table, row) }));
    },
  };
}

/** A row whose JSON columns do not parse is reported, not copied. */
function mapRow<Item>(table: Table<ObjectLiteral, Item>, row: ObjectLiteral): MapResult<Item> {
  try {
    return fits(table.map(row));
  } catch (err) {
    return misfit(`row does not map: ${(err as Error).message}`);
  }
}
