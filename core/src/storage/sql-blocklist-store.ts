import { MoreThan, MoreThanOrEqual } from 'typeorm';
import type { BlockEntry } from '../ports/records.js';
import type { BlocklistStore } from '../ports/stores.js';
import type { ClientIpRow } from './entities.js';
import { checkClientIp, checkCount, checkDate } from './record-checks.js';
import type { SqlContext } from './sql-context.js';
import { SqliteBlocklistRead } from './sqlite-blocklist-read.js';

function fromRow(row: ClientIpRow): BlockEntry {
  return {
    clientIP: row.clientIP,
    blockedAt: row.blockedAt,
    blockedUntil: row.blockedUntil,
    reason: row.reason,
    refusedCount: row.refusedCount,
  };
}

/** `clientips` on a SQL database. */
export class SqlBlocklistStore implements BlocklistStore {
  /** SQLite only: the active blocks read by a prepared statement (the blocklist cache reads them often). */
  private readonly fastRead: SqliteBlocklistRead | null;

  /** `fastPath: false` keeps SQLite on TypeORM's `find` (tests run the store suite both ways). */
  constructor(private readonly ctx: SqlContext, options: { fastPath?: boolean } = {}) {
    this.fastRead = options.fastPath === false ? null : SqliteBlocklistRead.create(ctx.dataSource, ctx.entities.clientIps);
  }

  private get repo() {
    return this.ctx.dataSource.getRepository(this.ctx.entities.clientIps);
  }

  async block(entry: BlockEntry): Promise<void> {
    const where = 'BlocklistStore.block';
    const row: ClientIpRow = {
      clientIP: checkClientIp(entry.clientIP, where),
      blockedAt: checkDate(entry.blockedAt, `${where}: blockedAt`),
      blockedUntil: checkDate(entry.blockedUntil, `${where}: blockedUntil`),
      reason: String(entry.reason),
      refusedCount: checkCount(entry.refusedCount ?? 0, `${where}: refusedCount`),
    };
    await this.ctx.guard.run('block an IP', () => this.repo.upsert(row, { conflictPaths: ['clientIP'] }));
  }

  async unblock(clientIP: string): Promise<boolean> {
    const ip = checkClientIp(clientIP, 'BlocklistStore.unblock');
    const result = await this.ctx.guard.run('unblock an IP', () => this.repo.delete({ clientIP: ip }));
    return (result.affected ?? 0) > 0;
  }

  async get(clientIP: string): Promise<BlockEntry | null> {
    const ip = checkClientIp(clientIP, 'BlocklistStore.get');
    const row = await this.ctx.guard.run('read a blocklist entry', () => this.repo.findOneBy({ clientIP: ip }));
    return row ? fromRow(row) : null;
  }

  async listActive(now: Date, blockedSince?: Date): Promise<BlockEntry[]> {
    const at = checkDate(now, 'BlocklistStore.listActive: now');
    const since = blockedSince === undefined ? undefined : checkDate(blockedSince, 'BlocklistStore.listActive: blockedSince');
    const fast = this.fastRead;
    if (fast) return this.ctx.guard.run('list blocked IPs', async () => fast.active(at, since));
    const where = since ? { blockedUntil: MoreThan(at), blockedAt: MoreThanOrEqual(since) } : { blockedUntil: MoreThan(at) };
    const rows = await this.ctx.guard.run('list blocked IPs', () =>
      this.repo.find({ where, order: { blockedUntil: 'ASC', clientIP: 'ASC' } }));
    return rows.map(fromRow);
  }

  /** Adds in the database (not read-modify-write), so several processes can flush counts safely. */
  async addRefused(clientIP: string, count: number): Promise<void> {
    const ip = checkClientIp(clientIP, 'BlocklistStore.addRefused');
    const n = checkCount(count, 'BlocklistStore.addRefused: count');
    if (n === 0) return;
    const column = this.ctx.dataSource.driver.escape('refusedCount');
    await this.ctx.guard.run('count refused requests', () =>
      this.repo.createQueryBuilder().update()
        .set({ refusedCount: () => `${column} + :refused` })
        .where({ clientIP: ip })
        .setParameter('refused', n)
        .execute());
  }
}
