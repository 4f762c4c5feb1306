import { LessThan } from 'typeorm';
import { ValidationError } from '../errors.js';
import type { RequestRecord } from '../ports/records.js';
import type { RequestLogStore } from '../ports/stores.js';
import { chunkForInsert, MAX_PARAMS } from './batching.js';
import { fromHttpLogRow, httpLogRowSize, toHttpLogRow } from './http-log-mapping.js';
import { checkCount, checkDate, checkSessionId } from './record-checks.js';
import type { HttpLogRow } from './entities.js';
import { MultiRowInsert } from './multi-row-insert.js';
import { PostgresUnnestInsert } from './postgres-unnest-insert.js';
import type { SqlContext } from './sql-context.js';
import { betterSqliteConnection } from './sqlite-connection.js';
import { SqliteFastInsert } from './sqlite-fast-insert.js';
import { SqliteWriterThread } from './sqlite-writer-thread.js';
import { SqliteSessionRead } from './sqlite-session-read.js';
import { pushRecordWriterParams } from './writer-params.js';

/** SQLite's own default: a checkpoint once the WAL holds this many pages. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** `httplogs` on a SQL database. */
export class SqlRequestLogStore implements RequestLogStore {
  private readonly insert: MultiRowInsert<HttpLogRow>;
  /** PostgreSQL only: one INSERT ... SELECT FROM unnest(arrays) per batch instead of a VALUES list. */
  private readonly unnestInsert: PostgresUnnestInsert<HttpLogRow> | null;
  /** SQLite only: prepared INSERT on the driver's connection, bypassing TypeORM's per-value mapping. */
  private readonly fastInsert: SqliteFastInsert | null;
  /** SQLite only: prepared SELECT for a session's rows, bypassing TypeORM's query builder. */
  private readonly fastRead: SqliteSessionRead | null;

  /** SQLite file only: appends run in a worker thread on its own connection, off the event loop. */
  readonly writer: SqliteWriterThread | null;

  /**
   * `fastPath: false` keeps SQLite and PostgreSQL on TypeORM's generic path, `writerThread: false` keeps the
   * prepared INSERT on the event loop (tests run the store suite all three ways).
   */
  constructor(private readonly ctx: SqlContext, options: { fastPath?: boolean; writerThread?: boolean } = {}) {
    this.insert = new MultiRowInsert(ctx.dataSource, ctx.entities.httpLogs);
    const fast = options.fastPath !== false;
    this.unnestInsert = fast ? PostgresUnnestInsert.create(ctx.dataSource, ctx.entities.httpLogs) : null;
    this.fastInsert = fast ? SqliteFastInsert.create(ctx.dataSource, ctx.entities.httpLogs) : null;
    this.fastRead = fast ? SqliteSessionRead.create(ctx.dataSource, ctx.entities.httpLogs) : null;
    const file = this.fastInsert?.file;
    this.writer = file && options.writerThread !== false ? this.startWriter(file, this.fastInsert!.sql) : null;
  }

  /**
   * The writer thread also takes over the WAL checkpoints from the main connection (whose commits
   * would otherwise stop the event loop for a checkpoint's page copies and file sync now and then);
   * they come back to the main connection when the thread ends.
   */
  private startWriter(file: string, sql: string): SqliteWriterThread {
    const main = betterSqliteConnection(this.ctx.dataSource)!; // the writer thread runs only beside a better-sqlite3 connection
    main.pragma('wal_autocheckpoint = 0');
    return new SqliteWriterThread(file, sql, () => {
      if (main.open) main.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    });
  }

  /** Which path `append` takes (on SQLite, `findBySession` too); tests check that each is exercised. */
  get accessPath(): 'sqlite-writer-thread' | 'sqlite-prepared' | 'postgres-unnest' | 'typeorm' {
    if (this.unnestInsert) return 'postgres-unnest';
    if (!this.fastInsert || !this.fastRead) return 'typeorm';
    return this.writer ? 'sqlite-writer-thread' : 'sqlite-prepared';
  }

  /**
   * True when `append` runs its INSERTs on the event loop (SQLite without a writer thread): the
   * Recorder then keeps each append short. With the thread, big batches are cheaper per row.
   */
  get writesOnEventLoop(): boolean {
    return this.ctx.dialect === 'sqlite' && !this.writer;
  }

  /** Ends the writer thread (SQLite); the DataSource is closed by the storage. */
  async close(): Promise<void> {
    await this.writer?.close();
  }

  private get repo() {
    return this.ctx.dataSource.getRepository(this.ctx.entities.httpLogs);
  }

  /** One transaction per call; multi-row INSERTs sized to the database's parameter cap. */
  async append(records: readonly RequestRecord[]): Promise<void> {
    if (!Array.isArray(records)) throw new ValidationError('RequestLogStore.append expects an array of request records.');
    if (records.length === 0) return;
    const writer = this.writer;
    if (writer) {
      // Still inside the guard: the main connection's own writes never wait on the thread's lock.
      await this.ctx.guard.run('append request records', () =>
        writer.writeInParts(records.length, (out, i) => pushRecordWriterParams(out, records[i]!, i)));
      return;
    }
    const rows = records.map(toHttpLogRow);
    const fast = this.fastInsert;
    if (fast) {
      // Inside the guard, so no TypeORM transaction of ours is open on the shared connection.
      await this.ctx.guard.run('append request records', async () => fast.run(rows));
      return;
    }
    const unnest = this.unnestInsert;
    if (unnest) {
      // Arrays are bound parameters of any length: only the size budget splits a batch.
      const chunks = chunkForInsert(rows, 1, Number.MAX_SAFE_INTEGER, httpLogRowSize);
      await this.ctx.guard.run('append request records', () => (chunks.length === 1
        ? unnest.run(this.ctx.dataSource, chunks[0]!)
        : this.ctx.dataSource.transaction(async (manager) => {
          for (const chunk of chunks) await unnest.run(manager, chunk);
        })));
      return;
    }
    const chunks = chunkForInsert(rows, this.insert.paramsPerRow, MAX_PARAMS[this.ctx.dialect], httpLogRowSize);
    await this.ctx.guard.run('append request records', () =>
      this.ctx.dataSource.transaction(async (manager) => {
        for (const chunk of chunks) await this.insert.run(manager, chunk);
      }));
  }

  async findBySession(sessionID: string): Promise<RequestRecord[]> {
    const id = checkSessionId(sessionID, 'RequestLogStore.findBySession');
    const fast = this.fastRead;
    if (fast) return fast.records(id, (read) => this.ctx.guard.run('read a session\'s requests', async () => read()));
    const rows = await this.ctx.guard.run('read a session\'s requests', () =>
      this.repo.createQueryBuilder('r').where('r.sessionID = :id', { id })
        .orderBy('r.timestamp', 'ASC').addOrderBy('r.id', 'ASC').getMany());
    return rows.map(fromHttpLogRow);
  }

  async listSessionIds(limit: number): Promise<string[]> {
    const max = checkCount(limit, 'RequestLogStore.listSessionIds: limit', 1);
    const rows = await this.ctx.guard.run('list session IDs', () =>
      this.repo.createQueryBuilder('r').select('r.sessionID', 'sessionID').groupBy('r.sessionID')
        .orderBy('MAX(r.timestamp)', 'DESC').addOrderBy('r.sessionID', 'ASC').limit(max)
        .getRawMany<{ sessionID: string }>());
    return rows.map((row) => row.sessionID);
  }

  count(): Promise<number> {
    return this.ctx.guard.run('count request records', () => this.repo.count());
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const before = checkDate(cutoff, 'RequestLogStore.purgeOlderThan: cutoff');
    const result = await this.ctx.guard.run('purge old request records', () =>
      this.repo.delete({ timestamp: LessThan(before) }));
    return result.affected ?? 0;
  }
}
