import type { StorageOptions } from '../../src/config/options.js';
import { expect } from 'chai';
import { StorageUnavailableError } from '../../src/errors.js';
import type { Storage } from '../../src/ports/stores.js';
import { openStorage } from '../../src/storage/index.js';
import { SqlStorage } from '../../src/storage/sql-storage.js';

export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const MARIADB_URL = 'mysql://root@127.0.0.1:3306/test';

/** A table prefix of our own, so engineers testing on the same database at once never collide. */
export function testTablePrefix(): string {
  return `sw${process.pid.toString(36)}${Math.random().toString(36).slice(2, 7)}_`;
}

export function openTestStorage(options: StorageOptions | string, tablePrefix = testTablePrefix()): Promise<Storage> {
  return openStorage(options, { tablePrefix });
}

/** Drops the prefixed tables the run created. */
export async function dropTestTables(storage: Storage): Promise<void> {
  if (!(storage instanceof SqlStorage)) throw new Error(`not a SQL storage: ${storage.kind}`);
  await storage.dropTables();
}

/** SQL that TypeORM would run if the storage were synchronised again (empty when the schema is stable). */
export async function pendingSchemaChanges(storage: Storage): Promise<string[]> {
  if (!(storage instanceof SqlStorage)) throw new Error(`not a SQL storage: ${storage.kind}`);
  const log = await storage.dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}

/**
 * After the server dropped the storage's connections: reading the one stored request may fail a few
 * times, but only with StorageUnavailableError, and then succeeds without any reconnect by the caller.
 */
export async function expectRecoveryAfterDroppedConnections(storage: Storage, sessionID: string): Promise<void> {
  const failures: unknown[] = [];
  let found: unknown[] | undefined;
  for (let attempt = 0; attempt < 5 && !found; attempt += 1) {
    try {
      found = await storage.requests.findBySession(sessionID);
    } catch (error) {
      failures.push(error);
    }
  }
  for (const failure of failures) expect(failure).to.be.instanceOf(StorageUnavailableError);
  expect(found).to.have.length(1);
  await storage.ping();
}

/** Opens a fresh schema, then opens it again: the second open must want no schema change. */
export async function expectSchemaUnchangedOnReopen(url: string): Promise<void> {
  const prefix = testTablePrefix();
  const first = await openTestStorage(url, prefix);
  await first.close();
  const again = await openTestStorage(url, prefix);
  try {
    expect(await pendingSchemaChanges(again)).to.deep.equal([]);
  } finally {
    await dropTestTables(again);
    await again.close();
  }
}

/**
 * Opening storage on a closed port must fail with StorageUnavailableError naming `maskedUrl` and
 * never `password`; returns the message for further checks.
 */
export async function expectUnreachableError(options: StorageOptions | string, maskedUrl: string, password: string): Promise<string> {
  try {
    await openStorage(options);
  } catch (error) {
    expect(error).to.be.instanceOf(StorageUnavailableError);
    const message = (error as Error).message;
    expect(message).to.include(maskedUrl);
    expect(message).to.not.include(password);
    return message;
  }
  return expect.fail('connecting to a closed port should fail');
}
