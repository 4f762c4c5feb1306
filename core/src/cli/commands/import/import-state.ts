import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { ValidationError } from '../../../errors.js';
import { COLLECTIONS, type CollectionName } from './import-source.js';

/** Progress of one collection's copy. */
export interface CollectionProgress {
  /** Key of the last source item whose batch is written to the target. */
  after?: string;
  /** Key of the last item of the batch being written; set until that batch is known to be written. */
  writingUpTo?: string;
  copied: number;
  misfits: number;
  /** Items with nothing to copy (a `clientips` entry whose IP is not blocked). */
  skipped: number;
  done: boolean;
}

export interface ImportState {
  version: 1;
  from: string;
  to: string;
  collections: Record<CollectionName, CollectionProgress>;
}

export interface Misfit {
  collection: CollectionName;
  key: string;
  reason: string;
}

/** A state file per (from, to) pair, in the working directory, unless the user names one. */
export function defaultStatePath(from: string, to: string): string {
  const digest = createHash('sha256').update(`${from}\n${to}`).digest('hex').slice(0, 12);
  return `.warden-import-${digest}.json`;
}

function freshState(from: string, to: string): ImportState {
  const collections = Object.fromEntries(COLLECTIONS.map((c) => [c, { copied: 0, misfits: 0, skipped: 0, done: false }]));
  return { version: 1, from, to, collections: collections as ImportState['collections'] };
}

/**
 * The checkpoint of an import: written (atomically, by rename) after every batch, so an interrupted
 * import resumes after the last written batch. Documents that do not fit are appended to a
 * `.misfits.jsonl` file beside it, so the full list survives restarts.
 */
export class ImportCheckpoint {
  readonly misfitsPath: string;

  private constructor(readonly path: string, readonly state: ImportState, readonly resumed: boolean) {
    this.misfitsPath = path.replace(/\.json$/, '') + '.misfits.jsonl';
  }

  /** `from`/`to` are the masked descriptions: the state file never holds a password. */
  static open(path: string, from: string, to: string, restart: boolean): ImportCheckpoint {
    if (restart) ImportCheckpoint.remove(path);
    if (!existsSync(path)) return new ImportCheckpoint(path, freshState(from, to), false);
    let state: ImportState;
    try {
      state = JSON.parse(readFileSync(path, 'utf8')) as ImportState;
    } catch (err) {
      throw new ValidationError(`Import state file ${path} is unreadable (${(err as Error).message}); delete it or pass --restart.`);
    }
    if (state.version !== 1 || state.from !== from || state.to !== to) {
      throw new ValidationError(`Import state file ${path} belongs to an import from ${state.from} to ${state.to}; `
        + 'pass another --state file, or --restart to start this one over.');
    }
    return new ImportCheckpoint(path, state, true);
  }

  static remove(path: string): void {
    rmSync(path, { force: true });
    rmSync(path.replace(/\.json$/, '') + '.misfits.jsonl', { force: true });
  }

  save(): void {
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.state, null, 2)}\n`);
    renameSync(tmp, this.path);
  }

  recordMisfits(misfits: readonly Misfit[]): void {
    if (misfits.length === 0) return;
    appendFileSync(this.misfitsPath, misfits.map((m) => `${JSON.stringify(m)}\n`).join(''));
  }

  /** The first `n` misfits of this import, including those of earlier, interrupted runs. */
  firstMisfits(n: number): Misfit[] {
    if (n <= 0 || !existsSync(this.misfitsPath)) return [];
    return readFileSync(this.misfitsPath, 'utf8').split('\n').filter(Boolean).slice(0, n).map((line) => JSON.parse(line) as Misfit);
  }
}
