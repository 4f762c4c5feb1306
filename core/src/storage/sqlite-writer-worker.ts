/**
 * Worker thread that appends `httplogs` rows on its own better-sqlite3 connection to the same
 * file (see sqlite-writer-thread.ts). workerData: WriterData. Messages in: { id, values, more? }
 * with the rows' values in one flat list, `paramsPerRow` per row in bind order, each timestamp as
 * epoch milliseconds (`more`: further parts of the same append follow; `discard`: drop the parts
 * sent); out: { id } when committed, { id, error } when rolled back. Other writes: { id, sql, each }
 * runs the statement once per parameter list in one transaction and answers { id, results } with
 * each run's result rows (a session's verdict: see SqlSessionStore).
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { sqliteDateTimeOfEpoch } from './sqlite-datetime.js';

export interface WriterData {
  file: string;
  /** The one-row INSERT. */
  sql: string;
  paramsPerRow: number;
  /** Where the timestamp sits among a row's values. */
  timestampParam: number;
}

interface Statement { run(...params: unknown[]): unknown; all(params: unknown[]): unknown[] }
interface Connection {
  prepare(sql: string): Statement;
  pragma(text: string): unknown;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}
type Open = new (file: string, options: { timeout: number }) => Connection;

const Database = createRequire(__filename)('better-sqlite3') as Open;
const { file, sql, paramsPerRow, timestampParam } = workerData as WriterData;
// The main connection may hold the write lock briefly (a session's verdict): wait for it, here, off the event loop.
const db = new Database(file, { timeout: 10_000 });
db.pragma('synchronous = NORMAL'); // as the main connection; WAL mode is a property of the file
/** Rows per multi-row INSERT: one statement step per group costs a third less per row than one per row. */
const GROUP = 16;
const oneRow = db.prepare(sql);
const valuesGroup = sql.slice(sql.lastIndexOf('('));
const groupOfRows = db.prepare(sql + `, ${valuesGroup}`.repeat(GROUP - 1));

const datetimeText = sqliteDateTimeOfEpoch();

/**
 * Inserts one part's rows, GROUP at a time, the rest one by one (a part that more parts follow
 * holds 128 rows: whole groups). Values are bound as separate arguments, not as one array: for an
 * array better-sqlite3 reads each element through V8's API, a fifth of the thread's work per row.
 * The timestamp becomes the datetime text TypeORM's SQLite driver writes here, off the event loop.
 */
function insertPart(values: unknown[]): void {
  for (let at = timestampParam; at < values.length; at += paramsPerRow) values[at] = datetimeText(values[at] as number);
  const groupLength = GROUP * paramsPerRow;
  let next = 0;
  for (; next + groupLength <= values.length; next += groupLength) groupOfRows.run(...values.slice(next, next + groupLength));
  for (; next < values.length; next += paramsPerRow) oneRow.run(...values.slice(next, next + paramsPerRow));
}

const insertAll = db.transaction((parts: unknown[][]) => {
  for (const values of parts) insertPart(values);
});

// Checkpoints for both connections happen here: the main connection's automatic checkpoint is off
// while this thread runs (a checkpoint copies pages back into the file and syncs it, milliseconds
// that would otherwise stall the application's event loop every thousand WAL pages). PASSIVE
// never waits for readers or writers; when nothing is new it costs next to nothing.
const CHECKPOINT_EVERY_MS = 200;
const checkpoints = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failing now: the next tick tries again, and the file stays consistent either way.
  }
}, CHECKPOINT_EVERY_MS);

/** Statements of `{ sql, each }` messages, prepared once each (a handful: the stores' few write statements). */
const prepared = new Map<string, Statement>();
const runEach = db.transaction((statement: Statement, each: unknown[][]) => each.map((params) => statement.all(params)));

function statementFor(sql: string): Statement {
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, statement = db.prepare(sql));
  return statement;
}

/** Parts of appends whose last part has not come yet, by append id. */
const pending = new Map<number, unknown[][]>();

interface Message { id: number; values?: unknown[]; more?: true; discard?: true; close?: true; sql?: string; each?: unknown[][] }

parentPort!.on('message', (message: Message) => {
  if (message.close) {
    clearInterval(checkpoints);
    db.close();
    parentPort!.postMessage({ id: message.id });
    parentPort!.close();
    return;
  }
  const sql = message.sql;
  if (sql !== undefined) {
    answer(message.id, () => ({ results: runEach(statementFor(sql), message.each ?? []) }));
    return;
  }
  // An append may come in parts (the event loop posts a big batch piecewise); the last part commits all.
  const parts = pending.get(message.id) ?? [];
  if (message.values) parts.push(message.values);
  if (message.more) {
    pending.set(message.id, parts);
    return;
  }
  pending.delete(message.id);
  if (message.discard) {
    parentPort!.postMessage({ id: message.id });
    return;
  }
  answer(message.id, () => {
    insertAll(parts);
    return {};
  });
});

/** Posts `{ id, ...what work returns }`, or `{ id, error }` when it throws (its transaction rolled back). */
function answer(id: number, work: () => object): void {
  let reply: object;
  try {
    reply = { id, ...work() };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
}
