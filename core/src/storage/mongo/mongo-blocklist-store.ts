import type { EntitySchema, MongoEntityManager } from 'typeorm';
import type { BlockEntry } from '../../ports/records.js';
import type { BlocklistStore } from '../../ports/stores.js';
import { filterCount, filterDate, filterString } from './filter-values.js';
import { blockToClientIp, clientIpToBlock } from './legacy-clientips.js';
import { idString } from './map-result.js';
import type { MisfitHandler } from './misfit-report.js';

/**
 * `clientips` in the older middleware's document shape, so an older middleware reading the same
 * collection honours Session Warden's blocks (it blocks while now − blacklistTime < its blockDuration).
 */
export class MongoBlocklistStore implements BlocklistStore {
  constructor(
    private readonly manager: MongoEntityManager,
    private readonly entity: EntitySchema,
    private readonly onMisfit: MisfitHandler,
    /** Dates the end of blocks written by the older middleware, which stored only their start. */
    private readonly legacyBlockDurationSec: number,
  ) {}

  async block(entry: BlockEntry): Promise<void> {
    const clientIP = filterString(entry.clientIP, 'clientIP');
    await this.manager.replaceOne(this.entity, { clientIP }, blockToClientIp(entry), { upsert: true });
  }

  async unblock(clientIP: string): Promise<boolean> {
    const ip = filterString(clientIP, 'clientIP');
    // Kept with blacklisted: false, which is how the older middleware lifts a block.
    const result = await this.manager.updateMany(this.entity, { clientIP: ip, blacklisted: true }, { $set: { blacklisted: false } });
    return result.matchedCount > 0;
  }

  async get(clientIP: string): Promise<BlockEntry | null> {
    const ip = filterString(clientIP, 'clientIP');
    const [doc] = await this.manager.createCursor(this.entity, { clientIP: ip }).sort({ _id: -1 }).limit(1).toArray();
    return doc ? this.map(doc) : null;
  }

  async listActive(now: Date, blockedSince?: Date): Promise<BlockEntry[]> {
    const at = filterDate(now, 'now');
    const legacyStart = new Date(at.getTime() - this.legacyBlockDurationSec * 1000);
    const since = blockedSince === undefined ? {} : { blacklistTime: { $gte: filterDate(blockedSince, 'blockedSince') } };
    const docs = await this.manager.createCursor(this.entity, {
      blacklisted: true,
      ...since,
      $or: [
        { 'warden.blockedUntil': { $gt: at } },
        { 'warden.blockedUntil': { $exists: false }, blacklistTime: { $gt: legacyStart } },
      ],
    }).sort({ clientIP: 1 }).toArray();
    return docs.map((d) => this.map(d)).filter((e): e is BlockEntry => e !== null && e.blockedUntil > at);
  }

  async addRefused(clientIP: string, count: number): Promise<void> {
    const ip = filterString(clientIP, 'clientIP');
    const n = filterCount(count, 'count');
    if (n === 0) return;
    await this.manager.updateMany(this.entity, { clientIP: ip, blacklisted: true }, { $inc: { 'warden.refusedCount': n } });
  }

  private map(doc: Record<string, unknown>): BlockEntry | null {
    const mapped = clientIpToBlock(doc, this.legacyBlockDurationSec);
    if (mapped.ok) return mapped.value;
    this.onMisfit('clientips', idString(doc._id), mapped.reason);
    return null;
  }
}
