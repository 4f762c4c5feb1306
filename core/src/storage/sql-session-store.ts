import { In, LessThan } from 'typeorm';
import { ValidationError } from '../errors.js';
import type { SessionFeatures } from '../ports/records.js';
import type { SessionStore } from '../ports/stores.js';
import type { SesFeaturesRow } from './entities.js';
import { GroupedWrites } from './grouped-writes.js';
import { KeepInactiveUpsert } from './keep-inactive-upsert.js';
import { SqliteSessionUpsert } from './sqlite-session-upsert.js';
import type { SqliteWriterThread } from './sqlite-writer-thread.js';
import { checkClientIp, checkDate, checkSessionId } from './record-checks.js';
import type { SqlContext } from './sql-context.js';

/** The operation's name in errors, whichever path saves it. */
const SAVE_CLASSIFICATION = 'save a classified session';

/** IDs per `IN (...)` list, far below every database's parameter cap. */
const IDS_PER_STATEMENT = 1000;

function toRow(s: SessionFeatures): SesFeaturesRow {
  const where = 'SessionStore.upsert';
  return {
    sessionID: checkSessionId(s.sessionID, where),
    clientIP: checkClientIp(s.clientIP, where),
    startTimestamp: checkDate(s.startTimestamp, `${where}: startTimestamp`),
    endTimestamp: checkDate(s.endTimestamp, `${where}: endTimestamp`),
    features: s.features,
    reqBodiesData: s.reqBodiesData,
    behavior: s.behavior,
    active: s.active,
    verdicts: s.verdicts,
    classifiedAt: checkDate(s.classifiedAt, `${where}: classifiedAt`),
  };
}

function fromRow(row: SesFeaturesRow): SessionFeatures {
  return {
    sessionID: row.sessionID,
    clientIP: row.clientIP,
    startTimestamp: row.startTimestamp,
    endTimestamp: row.endTimestamp,
    features: row.features,
    reqBodiesData: row.reqBodiesData,
    behavior: row.behavior,
    active: row.active,
    verdicts: row.verdicts,
    classifiedAt: row.classifiedAt,
  };
}

/** `sesfeatures` on a SQL database. */
export class SqlSessionStore implements SessionStore {
  private readonly keepInactive: KeepInactiveUpsert;
  /** SQLite only: classifications saved by a prepared statement, those made close together in one commit. */
  private readonly grouped: GroupedWrites<SesFeaturesRow, boolean> | null;

  /**
   * `returning: false`: MariaDB reads `active` back as MySQL does; `fastPath: false`: SQLite saves
   * each classification through TypeORM (tests run the store suite both ways); `writer`: the
   * request log's SQLite writer thread, which then makes those commits off the event loop.
   */
  constructor(private readonly ctx: SqlContext, options: { returning?: boolean; fastPath?: boolean; writer?: SqliteWriterThread | null } = {}) {
    const upsert = new KeepInactiveUpsert(ctx.dataSource, ctx.entities.sesFeatures, options);
    this.keepInactive = upsert;
    const fast = options.fastPath === false ? null : SqliteSessionUpsert.create(ctx.dataSource, upsert);
    const writer = fast && options.writer;
    this.grouped = fast && new GroupedWrites(
      (write) => ctx.guard.run(SAVE_CLASSIFICATION, write),
      async (rows) => {
        if (!writer?.running) return fast.run(rows);
        const results = await writer.runEach(upsert.sql, rows.map((row) => upsert.params(row)));
        return results.map((stored) => upsert.storedActive(stored));
      },
      (error) => ctx.guard.wrap(SAVE_CLASSIFICATION, error),
    );
  }

  private get repo() {
    return this.ctx.dataSource.getRepository(this.ctx.entities.sesFeatures);
  }

  async upsert(session: SessionFeatures): Promise<void> {
    const row = toRow(session);
    await this.ctx.guard.run('save a classified session', () =>
      this.repo.upsert(row, { conflictPaths: ['sessionID'] }));
  }

  async saveClassification(session: SessionFeatures): Promise<boolean> {
    const row = toRow(session);
    if (this.grouped) return this.grouped.add(row);
    return this.ctx.guard.run(SAVE_CLASSIFICATION, () => this.keepInactive.run(row));
  }

  async get(sessionID: string): Promise<SessionFeatures | null> {
    const id = checkSessionId(sessionID, 'SessionStore.get');
    const row = await this.ctx.guard.run('read a classified session', () => this.repo.findOneBy({ sessionID: id }));
    return row ? fromRow(row) : null;
  }

  async activeAbnormal(clientIP: string): Promise<SessionFeatures[]> {
    const ip = checkClientIp(clientIP, 'SessionStore.activeAbnormal');
    const rows = await this.ctx.guard.run('read active abnormal sessions', () =>
      this.repo.find({ where: { clientIP: ip, active: true, behavior: 'Abnormal' }, order: { endTimestamp: 'ASC' } }));
    return rows.map(fromRow);
  }

  async deactivate(sessionIDs: readonly string[]): Promise<void> {
    if (!Array.isArray(sessionIDs)) throw new ValidationError('SessionStore.deactivate expects an array of session IDs.');
    const ids = sessionIDs.map((id) => checkSessionId(id, 'SessionStore.deactivate'));
    if (ids.length === 0) return;
    await this.ctx.guard.run('deactivate sessions', () =>
      this.ctx.dataSource.transaction(async (manager) => {
        for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
          const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
          await manager.update(this.ctx.entities.sesFeatures, { sessionID: In(chunk) }, { active: false });
        }
      }));
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const before = checkDate(cutoff, 'SessionStore.purgeOlderThan: cutoff');
    const result = await this.ctx.guard.run('purge old sessions', () =>
      this.repo.delete({ endTimestamp: LessThan(before) }));
    return result.affected ?? 0;
  }
}
