/** Reported when a stored document does not fit the shape a store reads; the store skips it. */
export type MisfitHandler = (collection: string, id: string | undefined, reason: string) => void;

/** Default: one process warning per collection, so bad legacy data is seen but does not flood the log. */
export function warnOncePerCollection(): MisfitHandler {
  const warned = new Set<string>();
  return (collection, id, reason) => {
    if (warned.has(collection)) return;
    warned.add(collection);
    process.emitWarning(`Skipped a ${collection} document that does not fit (${id ?? 'no _id'}: ${reason}); `
      + 'run `warden import` from this database to list every such document.', { code: 'WARDEN_MONGO_MISFIT' });
  };
}
