import type { MapResult } from '../../../src/storage/mongo/map-result.js';

/** The mapped value; fails the test with the mapper's reason when the document did not fit. */
export function mustFit<T>(result: MapResult<T>): T {
  if (!result.ok) throw new Error(`expected the document to fit, but: ${result.reason}`);
  return result.value;
}
