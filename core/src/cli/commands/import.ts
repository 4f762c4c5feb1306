import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../config/options.js';
import { ValidationError } from '../../errors.js';
import type { Storage } from '../../ports/stores.js';
import { openStorage } from '../../storage/index.js';
import { SqlStorage } from '../../storage/sql-storage.js';
import type { CliIo } from '../io.js';
import { importData, type ImportReport } from './import/import-data.js';
import { COLLECTIONS, type CollectionName, type ImportSource } from './import/import-source.js';
import { defaultStatePath, ImportCheckpoint } from './import/import-state.js';
import { isRawDocumentStorage, mongoSource } from './import/mongo-source.js';
import { importRedactor } from './import/redact-imported.js';
import { sqlSource } from './import/sql-source.js';

export const importHelp = `warden import --from <url|file> --to <url|file> [options]
  Copies httplogs, sesfeatures and clientips between databases, in batches, resumably:
  MongoDB (the older tools' documents) → SQLite/PostgreSQL/MariaDB, or back.
  --only httplogs,sesfeatures,clientips   collections to copy (default: all three)
  --batch <n>            records per batch (default 1000)
  --state <file>         checkpoint file (default .warden-import-<hash>.json here); re-run to resume
  --restart              forget the checkpoint and copy from the start
  --show-misfits <n>     how many records that do not fit to list (default 20; all go to <state>.misfits.jsonl)
  --legacy-block-duration <s>  end of blocks the older middleware wrote (default 60)
  Exit code 0: all copied; 3: copied, but some records did not fit (listed); 1: error.`;

const isUrl = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
const isMongo = (value: string): boolean => /^mongodb(\+srv)?:\/\//i.test(value);

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError(`--${name} must be a whole number; got "${value}".`);
  return n;
}

function collectionsFrom(only: string | undefined): CollectionName[] {
  if (only === undefined) return [...COLLECTIONS];
  const names = only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !COLLECTIONS.includes(n as CollectionName));
  if (unknown.length > 0 || names.length === 0) {
    throw new ValidationError(`--only takes ${COLLECTIONS.join(', ')}; got "${only}".`);
  }
  return COLLECTIONS.filter((c) => names.includes(c));
}

/** Opens a MongoDB source without creating indexes: the user importing may only have read access. */
async function openSourceStorage(from: string): Promise<Storage> {
  if (!isUrl(from) && !existsSync(from)) throw new ValidationError(`--from ${from}: no such SQLite file.`);
  if (!isMongo(from)) return openStorage(from);
  const { openMongoStorage } = await import('../../storage/mongo/open-mongo.js');
  return openMongoStorage(from, { createIndexes: false });
}

function sourceOf(storage: Storage, legacyBlockDuration: number): ImportSource {
  if (isRawDocumentStorage(storage)) return mongoSource(storage, legacyBlockDuration);
  if (storage instanceof SqlStorage) return sqlSource(storage.description, storage.dataSource);
  throw new ValidationError(`Cannot read ${storage.description} (a ${storage.kind} storage) as an import source.`);
}

function printReport(report: ImportReport, from: string, to: string, io: CliIo): void {
  io.stdout.write(`Imported from ${from} to ${to}\n`);
  for (const [name, c] of Object.entries(report.collections)) {
    io.stdout.write(`  ${name.padEnd(12)} copied ${c.copied.toLocaleString('en')}, did not fit ${c.misfits.toLocaleString('en')}`
      + `, not blocked (skipped) ${c.skipped.toLocaleString('en')}\n`);
    if (c.unreached > 0) {
      io.stderr.write(`  ${name}: ${c.unreached} record(s) in the source were not reached by the _id-ordered scan `
        + '(an _id that is not an ObjectId, or records added during the import); re-run the import to pick up new ones.\n');
    }
  }
  if (report.misfitCount === 0) return;
  io.stdout.write(`${report.misfitCount} record(s) did not fit and were not copied; `
    + `the first ${report.firstMisfits.length} (all are in ${report.misfitsPath}):\n`);
  for (const m of report.firstMisfits) io.stdout.write(`  ${m.collection} ${m.key}: ${m.reason}\n`);
}

/** `warden import`: returns the exit code. */
export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' }, to: { type: 'string' }, only: { type: 'string' }, batch: { type: 'string' },
      state: { type: 'string' }, restart: { type: 'boolean' }, 'show-misfits': { type: 'string' },
      'legacy-block-duration': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${importHelp}\n`);
    return 0;
  }
  if (!values.from || !values.to) {
    io.stderr.write(`warden import needs --from and --to.\n\n${importHelp}\n`);
    return 2;
  }
  if (values.from === values.to) throw new ValidationError('--from and --to name the same database; nothing to import.');
  const batchSize = positiveInt(values.batch, 'batch', 1000);
  if (batchSize < 1) throw new ValidationError('--batch must be at least 1.');
  const collections = collectionsFrom(values.only);
  const showMisfits = positiveInt(values['show-misfits'], 'show-misfits', 20);
  const legacyBlockDuration = positiveInt(values['legacy-block-duration'], 'legacy-block-duration', DEFAULTS.blockDuration);

  const source = await openSourceStorage(values.from);
  let target: Storage | undefined;
  try {
    target = await openStorage(values.to);
    const statePath = values.state ?? defaultStatePath(source.description, target.description);
    const checkpoint = ImportCheckpoint.open(statePath, source.description, target.description, values.restart === true);
    if (checkpoint.resumed) io.stderr.write(`Resuming the import recorded in ${statePath}.\n`);
    const report = await importData(sourceOf(source, legacyBlockDuration), target, checkpoint, {
      collections, batchSize, showMisfits, stderr: io.stderr, redactor: importRedactor(DEFAULTS.maxBodyBytes),
    });
    printReport(report, source.description, target.description, io);
    return report.misfitCount > 0 ? 3 : 0;
  } finally {
    await target?.close();
    await source.close();
  }
}
