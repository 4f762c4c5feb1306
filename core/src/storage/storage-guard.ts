import { StorageUnavailableError, WardenError } from '../errors.js';

/**
 * Runs every store operation: turns driver errors into StorageUnavailableError (so the API can
 * answer 503 and retry later) and, for SQLite, runs operations one at a time.
 *
 * SQLite needs the queue because TypeORM shares its single connection between callers: a second
 * transaction started while one is open would silently nest inside it as a savepoint, and a plain
 * write issued meanwhile would be rolled back with it. better-sqlite3 is synchronous anyway, so
 * nothing is lost by queueing.
 */
export class StorageGuard {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly description: string, private readonly serial: boolean) {}

  run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    const guarded = async (): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        throw this.wrap(operation, error);
      }
    };
    if (!this.serial) return guarded();
    const result = this.tail.then(guarded, guarded);
    this.tail = result.catch(() => undefined);
    return result;
  }

  wrap(operation: string, error: unknown): Error {
    if (error instanceof WardenError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new StorageUnavailableError(
      `Storage ${this.description} failed to ${operation}: ${reason}. `
      + 'Check that the database is running and reachable; the operation can be retried once it is back.',
      error,
    );
  }
}
