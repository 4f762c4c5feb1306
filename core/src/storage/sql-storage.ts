import type { DataSource } from 'typeorm';
import type { BlocklistStore, SessionStore, Storage } from '../ports/stores.js';
import type { SqlContext } from './sql-context.js';
import { SqlBlocklistStore } from './sql-blocklist-store.js';
import { SqlRequestLogStore } from './sql-request-log-store.js';
import { SqlSessionStore } from './sql-session-store.js';

/** The three stores on one TypeORM DataSource (SQLite, PostgreSQL or MariaDB/MySQL). */
export class SqlStorage implements Storage {
  readonly requests: SqlRequestLogStore;
  readonly sessions: SessionStore;
  readonly blocklist: BlocklistStore;

  constructor(readonly kind: string, readonly description: string, private readonly ctx: SqlContext) {
    this.requests = new SqlRequestLogStore(ctx);
    this.sessions = new SqlSessionStore(ctx, { writer: this.requests.writer });
    this.blocklist = new SqlBlocklistStore(ctx);
  }

  get dataSource(): DataSource {
    return this.ctx.dataSource;
  }

  async ping(): Promise<void> {
    await this.ctx.guard.run('answer a health check', () => this.ctx.dataSource.query('SELECT 1'));
  }

  async close(): Promise<void> {
    await this.requests.close();
    if (this.ctx.dataSource.isInitialized) await this.ctx.dataSource.destroy();
  }

  /** Drops this storage's three tables (tests use it to clean up their prefixed tables). */
  async dropTables(): Promise<void> {
    await this.ctx.guard.run('drop tables', async () => {
      const runner = this.ctx.dataSource.createQueryRunner();
      try {
        for (const metadata of this.ctx.dataSource.entityMetadatas) await runner.dropTable(metadata.tablePath, true);
      } finally {
        await runner.release();
      }
    });
  }
}
