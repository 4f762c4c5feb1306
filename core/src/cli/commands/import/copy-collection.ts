import type { Storage } from '../../../ports/stores.js';
import type { CollectionItem, CollectionName, ImportSource } from './import-source.js';
import type { ImportCheckpoint, Misfit } from './import-state.js';
import { ProgressDisplay } from './progress.js';
import type { ImportRedactor } from './redact-imported.js';
import { type Keyed, writeBatch } from './target-writers.js';

export interface CopySettings {
  batchSize: number;
  redactor: ImportRedactor;
  stderr: NodeJS.WritableStream;
}

type AnyItem = NonNullable<CollectionItem[CollectionName]>;

function redact(collection: CollectionName, item: AnyItem, redactor: ImportRedactor): AnyItem {
  if (collection === 'httplogs') return redactor.request(item as CollectionItem['httplogs']);
  if (collection === 'sesfeatures') return redactor.session(item as CollectionItem['sesfeatures']);
  return item;
}

/**
 * Copies one collection in batches, in the source's key order, saving a checkpoint after each batch.
 * Returns how many source items were not reached by the key-ordered scan (0 unless, e.g., some
 * MongoDB `_id`s are not ObjectIds), so nothing is left behind unreported.
 */
export async function copyCollection(
  collection: CollectionName, source: ImportSource, target: Storage, checkpoint: ImportCheckpoint, settings: CopySettings,
): Promise<number> {
  const progress = checkpoint.state.collections[collection];
  const processed = () => progress.copied + progress.misfits + progress.skipped;
  if (progress.done) return 0;
  const total = await source.total(collection);
  const display = new ProgressDisplay(settings.stderr, collection, total);
  // The batch an interrupted run was writing may be partly in the target: copy it without duplicates.
  let interruptedUpTo = progress.writingUpTo;

  for (;;) {
    const batch = await source.scan(collection, progress.after, settings.batchSize);
    if (batch.length === 0) break;
    const misfits: Misfit[] = [];
    const items: Keyed<AnyItem>[] = [];
    for (const { key, result } of batch) {
      if (!result.ok) misfits.push({ collection, key, reason: result.reason });
      else if (result.value === null) progress.skipped++;
      else items.push({ key, item: redact(collection, result.value, settings.redactor) });
    }
    const lastKey = batch[batch.length - 1]!.key;
    progress.writingUpTo = lastKey;
    checkpoint.save();

    const outcome = await writeBatch(collection, target, items, interruptedUpTo !== undefined);
    if (interruptedUpTo !== undefined && batch.some((b) => b.key === interruptedUpTo)) interruptedUpTo = undefined;
    misfits.push(...outcome.refused);
    checkpoint.recordMisfits(misfits);
    progress.copied += outcome.written;
    progress.misfits += misfits.length;
    progress.after = lastKey;
    delete progress.writingUpTo;
    checkpoint.save();
    display.update(processed());
  }
  progress.done = true;
  checkpoint.save();
  display.finish(processed());
  return Math.max(0, (await source.total(collection)) - processed());
}
