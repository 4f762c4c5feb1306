import { randomBytes } from 'node:crypto';

const processPart = randomBytes(5).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

/**
 * A 24-hex-digit ID shaped like a MongoDB ObjectId (seconds, per-process random, counter), so
 * IDs sort by creation time and fit the older tools' `sessionID` field. No syscall per call.
 */
export function newSessionId(now: number): string {
  counter = (counter + 1) & 0xffffff;
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, '0');
  return seconds + processPart + counter.toString(16).padStart(6, '0');
}
