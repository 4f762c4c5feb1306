import type { BlockEntry, RequestRecord, SessionFeatures } from '../../../src/ports/records.js';

export const T0 = new Date('2026-03-01T10:00:00Z');
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

export function request(over: Partial<RequestRecord> = {}): RequestRecord {
  return {
    clientIP: '203.0.113.9', ipSource: 'socket', sessionID: 's-1', method: 'GET', path: '/', query: '',
    statusCode: 200, timestamp: T0, durationMs: 1, requestBytes: 0, responseBytes: 100, ...over,
  };
}

export function session(over: Partial<SessionFeatures> = {}): SessionFeatures {
  return {
    sessionID: 's-1', clientIP: '203.0.113.9', startTimestamp: T0, endTimestamp: at(4),
    features: { numOfReqs: 5, sesDuration: 4000 }, reqBodiesData: {}, behavior: 'Normal', active: true,
    verdicts: [], classifiedAt: at(5), ...over,
  };
}

export function block(over: Partial<BlockEntry> = {}): BlockEntry {
  return { clientIP: '203.0.113.9', blockedAt: T0, blockedUntil: at(60), reason: 'test', ...over };
}
