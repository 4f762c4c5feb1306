import type { EntitySchema, MongoEntityManager } from 'typeorm';
import type { SessionFeatures } from '../../ports/records.js';
import type { SessionStore } from '../../ports/stores.js';
import { filterDate, filterString, filterStrings } from './filter-values.js';
import { sesFeaturesToSession, sessionToSesFeatures } from './legacy-sesfeatures.js';
import { idString } from './map-result.js';
import type { MisfitHandler } from './misfit-report.js';

/** `sesfeatures` in the older classifier API's document shape. */
export class MongoSessionStore implements SessionStore {
  constructor(
    private readonly manager: MongoEntityManager,
    private readonly entity: EntitySchema,
    private readonly onMisfit: MisfitHandler,
  ) {}

  async upsert(row: SessionFeatures): Promise<void> {
    const sessionID = filterString(row.sessionID, 'sessionID');
    // A replacement, not $set: features that a new classification no longer has must not linger.
    await this.manager.replaceOne(this.entity, { sessionID }, sessionToSesFeatures(row), { upsert: true });
  }

  /** Read, then replace: the test server this store runs against has no update pipelines. */
  async saveClassification(row: SessionFeatures): Promise<boolean> {
    const previous = await this.get(row.sessionID);
    const active = row.active && (previous?.active ?? true);
    await this.upsert(active === row.active ? row : { ...row, active });
    return active;
  }

  async get(sessionID: string): Promise<SessionFeatures | null> {
    const id = filterString(sessionID, 'sessionID');
    const [doc] = await this.manager.createCursor(this.entity, { sessionID: id }).sort({ _id: -1 }).limit(1).toArray();
    return doc ? this.map(doc) : null;
  }

  async activeAbnormal(clientIP: string): Promise<SessionFeatures[]> {
    const ip = filterString(clientIP, 'clientIP');
    const docs = await this.manager.createCursor(this.entity, { clientIP: ip, active: true, behavior: 'Abnormal' })
      .sort({ endTimestamp: 1, _id: 1 }).toArray();
    return docs.map((d) => this.map(d)).filter((s): s is SessionFeatures => s !== null);
  }

  async deactivate(sessionIDs: readonly string[]): Promise<void> {
    const ids = filterStrings(sessionIDs, 'sessionIDs');
    if (ids.length === 0) return;
    await this.manager.updateMany(this.entity, { sessionID: { $in: ids } }, { $set: { active: false } });
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const result = await this.manager.deleteMany(this.entity, { endTimestamp: { $lt: filterDate(cutoff, 'cutoff') } });
    return result.deletedCount;
  }

  private map(doc: Record<string, unknown>): SessionFeatures | null {
    const mapped = sesFeaturesToSession(doc);
    if (mapped.ok) return mapped.value;
    this.onMisfit('sesfeatures', idString(doc._id), mapped.reason);
    return null;
  }
}
