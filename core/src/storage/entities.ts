import { EntitySchema } from 'typeorm';
import type { Behavior, IpSource, ModelVerdict } from '../ports/records.js';
import { columnKit, type SqlDialect } from './sql-dialect.js';

/** Longest session ID / client IP the tables hold; longer ones are refused before they reach SQL. */
export const MAX_SESSION_ID_LENGTH = 255;
export const MAX_CLIENT_IP_LENGTH = 64;

/** A row of `httplogs`: one request. */
export interface HttpLogRow {
  id?: string | number;
  clientIP: string;
  ipSource: IpSource;
  sessionID: string;
  method: string;
  path: string;
  query: string;
  statusCode: number;
  timestamp: Date;
  durationMs: number;
  requestBytes: number;
  responseBytes: number;
  userAgent?: string;
  referer?: string;
  contentType?: string;
  /** JSON text; the store serialises once so it also knows the row's size for batching. */
  body?: string;
  flags?: string;
}

/** A row of `sesfeatures`: one classified session. */
export interface SesFeaturesRow {
  sessionID: string;
  clientIP: string;
  startTimestamp: Date;
  endTimestamp: Date;
  features: Record<string, number>;
  reqBodiesData: Record<string, string>;
  behavior: Behavior;
  active: boolean;
  verdicts: ModelVerdict[];
  classifiedAt: Date;
}

/** A row of `clientips`: one blocked IP. */
export interface ClientIpRow {
  clientIP: string;
  blockedAt: Date;
  blockedUntil: Date;
  reason: string;
  refusedCount: number;
}

/** The three tables of a database, spelled for its dialect (table names are the older tools'). */
export interface StorageEntities {
  httpLogs: EntitySchema<HttpLogRow>;
  sesFeatures: EntitySchema<SesFeaturesRow>;
  clientIps: EntitySchema<ClientIpRow>;
}

export function storageEntities(dialect: SqlDialect): StorageEntities {
  const c = columnKit(dialect);
  const httpLogs = new EntitySchema<HttpLogRow>({
    name: 'HttpLog',
    tableName: 'httplogs',
    columns: {
      id: c.autoId(),
      clientIP: c.key(MAX_CLIENT_IP_LENGTH),
      ipSource: c.shortText(32),
      sessionID: c.key(MAX_SESSION_ID_LENGTH),
      method: c.shortText(32),
      path: c.text(),
      query: c.text(),
      statusCode: c.int(),
      timestamp: c.dateTime(),
      durationMs: c.float(),
      requestBytes: c.int(),
      responseBytes: c.int(),
      userAgent: c.text(true),
      referer: c.text(true),
      contentType: c.text(true),
      body: c.text(true),
      flags: c.text(true),
    },
    // Only the indexes a query of ours uses (a session's requests; the retention purge): each
    // index is paid on every request recorded, about 2 µs per row on SQLite. An older database's
    // unused (clientIP, timestamp) index is dropped by the schema sync.
    indices: [
      { columns: ['sessionID'] },
      { columns: ['timestamp'] },
    ],
  });
  const sesFeatures = new EntitySchema<SesFeaturesRow>({
    name: 'SesFeatures',
    tableName: 'sesfeatures',
    columns: {
      sessionID: c.key(MAX_SESSION_ID_LENGTH, true),
      clientIP: c.key(MAX_CLIENT_IP_LENGTH),
      startTimestamp: c.dateTime(),
      endTimestamp: c.dateTime(),
      features: c.json(),
      reqBodiesData: c.json(),
      behavior: c.key(16),
      active: c.bool(),
      verdicts: c.json(),
      classifiedAt: c.dateTime(),
    },
    indices: [
      { columns: ['clientIP', 'active', 'behavior'] },
      { columns: ['endTimestamp'] },
    ],
  });
  const clientIps = new EntitySchema<ClientIpRow>({
    name: 'ClientIp',
    tableName: 'clientips',
    columns: {
      clientIP: c.key(MAX_CLIENT_IP_LENGTH, true),
      blockedAt: c.dateTime(),
      blockedUntil: c.dateTime(),
      reason: c.text(),
      refusedCount: c.int(),
    },
    indices: [{ columns: ['blockedUntil'] }],
  });
  return { httpLogs, sesFeatures, clientIps };
}
