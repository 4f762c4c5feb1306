import { ValidationError } from '../../../errors.js';
import type { RequestRecord } from '../../../ports/records.js';
import type { Storage } from '../../../ports/stores.js';
import type { CollectionItem, CollectionName } from './import-source.js';
import type { Misfit } from './import-state.js';

export interface Keyed<T> {
  key: string;
  item: T;
}

export interface WriteOutcome {
  written: number;
  /** Items the target refused as invalid (e.g. a session ID longer than a SQL column). */
  refused: Misfit[];
}

/** Runs `write`; a ValidationError makes the item a misfit, any other error stops the import. */
async function refusedAsMisfit(collection: CollectionName, key: string, write: () => Promise<void>): Promise<Misfit | undefined> {
  try {
    await write();
    return undefined;
  } catch (err) {
    if (err instanceof ValidationError) return { collection, key, reason: `refused by the target: ${err.message}` };
    throw err;
  }
}

/** Same request: what a re-run of an interrupted batch would write twice. */
function sameRequest(a: RequestRecord, b: RequestRecord): boolean {
  return a.timestamp.getTime() === b.timestamp.getTime() && a.method === b.method && a.path === b.path
    && a.query === b.query && a.clientIP === b.clientIP && a.statusCode === b.statusCode;
}

/** Leaves out records the target already holds (only for the batch an interrupted run was writing). */
async function notYetWritten(target: Storage, records: Keyed<RequestRecord>[]): Promise<Keyed<RequestRecord>[]> {
  const bySession = new Map<string, RequestRecord[]>();
  const fresh: Keyed<RequestRecord>[] = [];
  for (const entry of records) {
    const id = entry.item.sessionID;
    if (!bySession.has(id)) bySession.set(id, await target.requests.findBySession(id));
    const existing = bySession.get(id)!;
    const index = existing.findIndex((r) => sameRequest(r, entry.item));
    if (index >= 0) existing.splice(index, 1); // each stored copy answers for one source record
    else fresh.push(entry);
  }
  return fresh;
}

async function writeRequests(target: Storage, records: Keyed<RequestRecord>[], dedupe: boolean): Promise<WriteOutcome> {
  const todo = dedupe ? await notYetWritten(target, records) : records;
  // Records found in the target were written by the interrupted run: they count as copied.
  const alreadyThere = records.length - todo.length;
  try {
    await target.requests.append(todo.map((r) => r.item));
    return { written: records.length, refused: [] };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
  }
  // The target refused the batch (and wrote none of it): one by one, to find the records it refuses.
  const refused: Misfit[] = [];
  for (const { key, item } of todo) {
    const misfit = await refusedAsMisfit('httplogs', key, () => target.requests.append([item]));
    if (misfit) refused.push(misfit);
  }
  return { written: alreadyThere + todo.length - refused.length, refused };
}

async function writeEach<T>(collection: CollectionName, items: Keyed<T>[], write: (item: T) => Promise<void>): Promise<WriteOutcome> {
  const refused: Misfit[] = [];
  for (const { key, item } of items) {
    const misfit = await refusedAsMisfit(collection, key, () => write(item));
    if (misfit) refused.push(misfit);
  }
  return { written: items.length - refused.length, refused };
}

/** Writes one batch of mapped items to the target through the Storage port. */
export async function writeBatch(
  collection: CollectionName, target: Storage, items: Keyed<NonNullable<CollectionItem[CollectionName]>>[], dedupe: boolean,
): Promise<WriteOutcome> {
  switch (collection) {
    case 'httplogs':
      return writeRequests(target, items as Keyed<CollectionItem['httplogs']>[], dedupe);
    case 'sesfeatures': // upserts: a repeated batch changes nothing
      return writeEach('sesfeatures', items as Keyed<CollectionItem['sesfeatures']>[], (s) => target.sessions.upsert(s));
    default:
      return writeEach('clientips', items as Keyed<NonNullable<CollectionItem['clientips']>>[], (b) => target.blocklist.block(b));
  }
}
