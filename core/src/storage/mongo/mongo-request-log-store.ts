import { ObjectId } from 'mongodb';
import type { EntitySchema, MongoEntityManager } from 'typeorm';
import type { RequestRecord } from '../../ports/records.js';
import type { RequestLogStore } from '../../ports/stores.js';
import { filterCount, filterDate, filterString } from './filter-values.js';
import { httpLogToRecord, NOT_GROUPED, recordToHttpLog } from './legacy-httplog.js';
import { idString } from './map-result.js';
import type { MisfitHandler } from './misfit-report.js';

const INSERT_CHUNK = 1000;
const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** The fields later used in filters must be what they claim, or a lookup could never find them. */
function checkRecord(r: RequestRecord, i: number): void {
  filterString(r.sessionID, `record ${i}: sessionID`);
  filterString(r.clientIP, `record ${i}: clientIP`);
  filterString(r.method, `record ${i}: method`);
  filterDate(r.timestamp, `record ${i}: timestamp`);
}

/** `httplogs` in the older middleware's document shape. */
export class MongoRequestLogStore implements RequestLogStore {
  constructor(
    private readonly manager: MongoEntityManager,
    private readonly entity: EntitySchema,
    private readonly onMisfit: MisfitHandler,
  ) {}

  async append(records: readonly RequestRecord[]): Promise<void> {
    // Checked before the first insert, so a bad record in a batch writes nothing.
    records.forEach(checkRecord);
    for (let i = 0; i < records.length; i += INSERT_CHUNK) {
      const docs = records.slice(i, i + INSERT_CHUNK).map((r) => {
        const doc: Record<string, unknown> = { ...recordToHttpLog(r) };
        // An id in ObjectId form is kept, so an imported request keeps the _id its session is named after.
        doc._id = r.id !== undefined && OBJECT_ID.test(r.id) ? new ObjectId(r.id) : new ObjectId();
        return doc;
      });
      await this.manager.insertMany(this.entity, docs, { ordered: true });
    }
  }

  async findBySession(sessionID: string): Promise<RequestRecord[]> {
    const id = filterString(sessionID, 'sessionID');
    const docs = await this.manager.createCursor(this.entity, { sessionID: id }).sort({ timestamp: 1, _id: 1 }).toArray();
    const records: RequestRecord[] = [];
    for (const doc of docs) {
      const mapped = httpLogToRecord(doc);
      if (mapped.ok) records.push(mapped.value);
      else this.onMisfit('httplogs', idString(doc._id), mapped.reason);
    }
    return records;
  }

  async listSessionIds(limit: number): Promise<string[]> {
    const n = filterCount(limit, 'limit');
    if (n === 0) return [];
    const rows = await this.manager.aggregate(this.entity, [
      { $match: { sessionID: { $type: 'string', $ne: NOT_GROUPED } } },
      { $group: { _id: '$sessionID', last: { $max: '$timestamp' } } },
      { $sort: { last: -1, _id: 1 } },
      { $limit: n },
    ]).toArray();
    return rows.map((r) => String(r._id));
  }

  count(): Promise<number> {
    return this.manager.countDocuments(this.entity, {});
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const result = await this.manager.deleteMany(this.entity, { timestamp: { $lt: filterDate(cutoff, 'cutoff') } });
    return result.deletedCount;
  }
}
