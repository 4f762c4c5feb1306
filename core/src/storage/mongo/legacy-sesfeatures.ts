import { ValidationError } from '../../errors.js';
import type { Behavior, ModelVerdict, SessionFeatures } from '../../ports/records.js';
import { escapeKey, unescapeKey } from './escape-keys.js';
import { describeValue, fits, isRecord, type MapResult, misfit, readDate } from './map-result.js';

/**
 * One `sesfeatures` document in the older classifier API's shape: the feature values are top-level
 * fields (`numOfReqs`, `sesDuration`, ...). What the older tools did not have sits under `warden`.
 */
export interface SesFeaturesDoc {
  sessionID: string;
  clientIP: string;
  active: boolean;
  behavior: Behavior;
  endTimestamp: Date;
  /** Flattened body keys (escaped) → strings. */
  reqBodiesData: Record<string, string>;
  warden: {
    startTimestamp: Date;
    classifiedAt: Date;
    verdicts: ModelVerdict[];
    /** Which top-level fields are features, so a feature named like nothing else still round-trips. */
    featureNames: string[];
  };
  [feature: string]: unknown;
}

/** Top-level fields that are not features. */
export const SESSION_FIELDS: ReadonlySet<string> = new Set(['_id', '__v', 'sessionID', 'clientIP', 'active', 'behavior',
  'endTimestamp', 'startTimestamp', 'reqBodiesData', 'warden', 'classifiedAt', 'createdAt', 'updatedAt']);

const BEHAVIORS: readonly Behavior[] = ['Normal', 'Abnormal', 'newSession'];

/** SessionFeatures → `sesfeatures` document (without `_id`). Throws when a feature name would overwrite a session field. */
export function sessionToSesFeatures(row: SessionFeatures): SesFeaturesDoc {
  const doc: SesFeaturesDoc = {
    sessionID: row.sessionID,
    clientIP: row.clientIP,
    active: row.active,
    behavior: row.behavior,
    endTimestamp: row.endTimestamp,
    reqBodiesData: Object.fromEntries(Object.entries(row.reqBodiesData).map(([k, v]) => [escapeKey(k), v])),
    warden: {
      startTimestamp: row.startTimestamp,
      classifiedAt: row.classifiedAt,
      verdicts: row.verdicts,
      featureNames: [],
    },
  };
  for (const [name, value] of Object.entries(row.features)) {
    const field = escapeKey(name);
    if (SESSION_FIELDS.has(field)) {
      throw new ValidationError(`Feature "${name}" has the name of a sesfeatures field; rename the feature.`, 'WARDEN_FEATURE_NAME');
    }
    doc[field] = value;
    doc.warden.featureNames.push(field);
  }
  return doc;
}

function readFeatures(doc: Record<string, unknown>, named: unknown): MapResult<Record<string, number>> {
  const features: Record<string, number> = {};
  // Our documents list their features; the older API's documents: every other numeric top-level field.
  const names = Array.isArray(named) ? named.filter((n): n is string => typeof n === 'string')
    : Object.keys(doc).filter((k) => !SESSION_FIELDS.has(k) && typeof doc[k] === 'number');
  for (const name of names) {
    const value = doc[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) return misfit(`feature ${name} is ${describeValue(value)}, expected a number`);
    features[unescapeKey(name)] = value;
  }
  return fits(features);
}

function readBodiesData(value: unknown): MapResult<Record<string, string>> {
  if (value === undefined || value === null) return fits({});
  if (!isRecord(value)) return misfit(`reqBodiesData is ${describeValue(value)}, expected an object`);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    // The older API flattened values to strings; numbers and booleans are kept as their text.
    if (typeof v === 'string') out[unescapeKey(key)] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[unescapeKey(key)] = String(v);
    else return misfit(`reqBodiesData.${key} is ${describeValue(v)}, expected a string`);
  }
  return fits(out);
}

/** `sesfeatures` document (ours or the older API's) → SessionFeatures, or why it does not fit. */
export function sesFeaturesToSession(doc: unknown): MapResult<SessionFeatures> {
  if (!isRecord(doc)) return misfit(`not a document (${describeValue(doc)})`);
  if (typeof doc.sessionID !== 'string' || doc.sessionID === '') return misfit(`sessionID is ${describeValue(doc.sessionID)}, expected a string`);
  if (typeof doc.clientIP !== 'string' || doc.clientIP === '') return misfit(`clientIP is ${describeValue(doc.clientIP)}, expected a string`);
  if (!BEHAVIORS.includes(doc.behavior as Behavior)) return misfit(`behavior is ${describeValue(doc.behavior)}, expected Normal, Abnormal or newSession`);
  if (typeof doc.active !== 'boolean') return misfit(`active is ${describeValue(doc.active)}, expected true or false`);
  const endTimestamp = readDate(doc.endTimestamp);
  if (!endTimestamp) return misfit(`endTimestamp is ${describeValue(doc.endTimestamp)}, expected a Date`);
  const warden = isRecord(doc.warden) ? doc.warden : {};
  const features = readFeatures(doc, warden.featureNames);
  if (!features.ok) return features;
  const bodies = readBodiesData(doc.reqBodiesData);
  if (!bodies.ok) return bodies;
  // The older API did not store the start; sesDuration (ms) gives it back when present.
  const duration = features.value.sesDuration;
  const startTimestamp = readDate(warden.startTimestamp) ?? readDate(doc.startTimestamp)
    ?? new Date(endTimestamp.getTime() - (typeof duration === 'number' && duration >= 0 ? duration : 0));
  return fits({
    sessionID: doc.sessionID,
    clientIP: doc.clientIP,
    startTimestamp,
    endTimestamp,
    features: features.value,
    reqBodiesData: bodies.value,
    behavior: doc.behavior as Behavior,
    active: doc.active,
    verdicts: Array.isArray(warden.verdicts) ? warden.verdicts as ModelVerdict[] : [],
    classifiedAt: readDate(warden.classifiedAt) ?? endTimestamp,
  });
}
