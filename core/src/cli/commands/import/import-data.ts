import type { Storage } from '../../../ports/stores.js';
import { copyCollection, type CopySettings } from './copy-collection.js';
import type { CollectionName, ImportSource } from './import-source.js';
import type { CollectionProgress, ImportCheckpoint, Misfit } from './import-state.js';

export interface ImportReport {
  collections: Partial<Record<CollectionName, CollectionProgress & { unreached: number }>>;
  misfitCount: number;
  firstMisfits: Misfit[];
  misfitsPath: string;
}

/** Copies the chosen collections from source to target, resuming from the checkpoint. */
export async function importData(
  source: ImportSource, target: Storage, checkpoint: ImportCheckpoint,
  settings: CopySettings & { collections: readonly CollectionName[]; showMisfits: number },
): Promise<ImportReport> {
  const collections: ImportReport['collections'] = {};
  let misfitCount = 0;
  for (const name of settings.collections) {
    const unreached = await copyCollection(name, source, target, checkpoint, settings);
    const progress = checkpoint.state.collections[name];
    collections[name] = { ...progress, unreached };
    misfitCount += progress.misfits;
  }
  return { collections, misfitCount, firstMisfits: checkpoint.firstMisfits(settings.showMisfits), misfitsPath: checkpoint.misfitsPath };
}
