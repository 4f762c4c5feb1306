export { openStorage, type StorageInternals } from './open-storage.js';
export { maskUrl } from './mask-url.js';
export { storageEntities, type StorageEntities, type HttpLogRow, type SesFeaturesRow, type ClientIpRow } from './entities.js';
export type { SqlDialect } from './sql-dialect.js';
