const warned = new Set<string>();

/** Warnings go to stderr once per key, so a persistent fault can't flood an app's logs. */
export const log = {
  warnOnce(key: string, message: string): void {
    if (warned.has(key)) return;
    warned.add(key);
    process.emitWarning(message, { code: 'SESSION_WARDEN' });
  },
};
