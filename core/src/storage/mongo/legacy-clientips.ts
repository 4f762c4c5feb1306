import type { BlockEntry } from '../../ports/records.js';
import { describeValue, fits, isRecord, type MapResult, misfit, readDate, readNumber } from './map-result.js';

/**
 * One `clientips` document in the older middleware's shape. The older middleware blocks while
 * now − blacklistTime < its blockDuration; Session Warden also stores its own end of block.
 */
export interface ClientIpDoc {
  clientIP: string;
  blacklisted: boolean;
  blacklistTime: Date;
  warden: { blockedUntil: Date; reason: string; refusedCount: number };
}

export function blockToClientIp(entry: BlockEntry): ClientIpDoc {
  return {
    clientIP: entry.clientIP,
    blacklisted: true,
    blacklistTime: entry.blockedAt,
    warden: { blockedUntil: entry.blockedUntil, reason: entry.reason, refusedCount: entry.refusedCount ?? 0 },
  };
}

/**
 * `clientips` document → BlockEntry; null when the document says the IP is not blacklisted.
 * `blockDurationSec` dates the end of a block the older middleware wrote (it stored only the start).
 */
export function clientIpToBlock(doc: unknown, blockDurationSec: number): MapResult<BlockEntry | null> {
  if (!isRecord(doc)) return misfit(`not a document (${describeValue(doc)})`);
  if (typeof doc.clientIP !== 'string' || doc.clientIP === '') return misfit(`clientIP is ${describeValue(doc.clientIP)}, expected a string`);
  if (typeof doc.blacklisted !== 'boolean') return misfit(`blacklisted is ${describeValue(doc.blacklisted)}, expected true or false`);
  if (!doc.blacklisted) return fits(null);
  const blockedAt = readDate(doc.blacklistTime);
  if (!blockedAt) return misfit(`blacklistTime is ${describeValue(doc.blacklistTime)}, expected a Date`);
  const warden = isRecord(doc.warden) ? doc.warden : {};
  const entry: BlockEntry = {
    clientIP: doc.clientIP,
    blockedAt,
    blockedUntil: readDate(warden.blockedUntil) ?? new Date(blockedAt.getTime() + blockDurationSec * 1000),
    reason: typeof warden.reason === 'string' ? warden.reason : 'blacklisted by the older middleware',
  };
  const refused = readNumber(warden.refusedCount);
  if (refused !== undefined) entry.refusedCount = refused;
  return fits(entry);
}
