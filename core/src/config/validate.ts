import { compileIpList, compileTrustProxy } from '../capture/ip-matcher.js';
import { WardenConfigError } from '../errors.js';
import { DEFAULTS, type ResolvedOptions, type StorageOptions, type WardenOptions } from './options.js';

/** A check returns undefined when the value is fine, or what was expected. */
type Check = (value: unknown) => string | undefined;

const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const int = (min: number, max = Number.MAX_SAFE_INTEGER): Check => (v) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `an integer from ${min} to ${max}`;
const positive: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'a positive number';
const text: Check = (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'a non-empty string');
const fn: Check = (v) => (typeof v === 'function' ? undefined : 'a function');
const stringList: Check = (v) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0) ? undefined : 'an array of strings';
const oneOf = (...allowed: unknown[]): Check => (v) =>
  allowed.includes(v) ? undefined : `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;

const CHECKS: Record<keyof WardenOptions, Check> = {
  storage: (v) => (typeof v === 'string' || (typeof v === 'object' && v !== null) ? undefined
    : "a database URL, a SQLite file name, or { type: 'sqlite', database } / { url }"),
  plugins: (v) => (Array.isArray(v) ? undefined : 'an array of plugins'),
  blockIP: bool,
  maxAbnormal: int(0),
  blockDuration: positive,
  groupToSessions: bool,
  sessTimeThres: positive,
  maxReqsPerSess: int(1),
  custGroupToSess: (v) => (typeof v === 'object' && v !== null && typeof (v as { assign?: unknown }).assign === 'function'
    ? undefined : 'a Sessionizer (an object with assign(), onSessionClosed(), sweep() and closeAll())'),
  useModels: bool,
  modelFile: text,
  textModelFile: text,
  dir_path: text,
  customIPHeader: (v) => (typeof v === 'string' && /^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(v) ? undefined : 'an HTTP header name'),
  trustProxy: (v) => (v === 'loopback' || typeof v === 'function' || stringList(v) === undefined ? undefined
    : "'loopback', an array of IPs/CIDRs, or a function (peerIP) => boolean"),
  classifier: (v) => (v === 'in-process' || (typeof v === 'object' && v !== null && typeof (v as { url?: unknown }).url === 'string')
    ? undefined : "'in-process' or { url: 'http://host:port' }"),
  pythonAPIOpt: (v) => (typeof v === 'object' && v !== null ? undefined : '{ useAPI, host, port }'),
  allowIPs: stringList,
  mode: oneOf('live', 'monitor'),
  onVerdict: fn,
  onBlock: fn,
  retentionDays: positive,
  maxBodyBytes: int(0, 10 * 1024 * 1024),
  redact: (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : '{ keys?, valuePatterns?, replaceDefaults? }'),
  blockStatus: oneOf(403, 429),
  loginPaths: stringList,
  maxTrackedClients: int(1),
  queueLimit: int(1),
  flushIntervalMs: int(1, 60_000),
  batchSize: int(1, 100_000),
  classifyConcurrency: int(1, 1024),
  handleSignals: bool,
};

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Turns `storage` as written (URL, file name or object) into one shape. */
export function normaliseStorage(value: WardenOptions['storage']): StorageOptions {
  if (value === undefined) return DEFAULTS.storage;
  if (typeof value === 'string') {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
    if (!scheme) return { type: 'sqlite', database: value };
    const type = ({ postgres: 'postgres', postgresql: 'postgres', mysql: 'mysql', mariadb: 'mariadb', mongodb: 'mongodb', 'mongodb+srv': 'mongodb' } as const)[scheme];
    if (!type) {
      throw new WardenConfigError(`Option "storage" has an unsupported URL scheme "${scheme}://"; expected postgres://, mysql://, mariadb://, mongodb:// or a SQLite file name.`);
    }
    return { type, url: value };
  }
  if ('type' in value && value.type === 'sqlite') return { type: 'sqlite', database: value.database ?? 'warden.db' };
  if (typeof (value as { url?: unknown }).url === 'string') {
    return 'type' in value ? value : normaliseStorage((value as { url: string }).url);
  }
  throw new WardenConfigError(`Option "storage" got ${describe(value)}; expected a database URL, a SQLite file name, or { type: 'sqlite', database } / { url }.`);
}

/** Maps the older middleware's `pythonAPIOpt` onto `classifier`. */
function classifierFrom(options: WardenOptions): ResolvedOptions['classifier'] {
  if (options.classifier !== undefined) return options.classifier;
  const old = options.pythonAPIOpt;
  if (old?.useAPI) return { url: `http://${old.host ?? 'localhost'}:${old.port ?? 5000}` };
  return DEFAULTS.classifier;
}

/** Applies defaults and checks every option; throws a WardenConfigError naming the option, the value and what is expected. */
export function resolveOptions(options: WardenOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new WardenConfigError(`Session Warden options must be an object; got ${describe(options)}.`);
  }
  for (const [key, value] of Object.entries(options)) {
    const check = CHECKS[key as keyof WardenOptions];
    if (!check) {
      throw new WardenConfigError(`Unknown option "${key}". Known options: ${Object.keys(CHECKS).join(', ')}.`, 'WARDEN_UNKNOWN_OPTION');
    }
    if (value === undefined) continue;
    const expected = check(value);
    if (expected) throw new WardenConfigError(`Option "${key}" got ${describe(value)}; expected ${expected}.`, 'WARDEN_BAD_OPTION');
  }
  // Malformed IPs/CIDRs fail here, at start-up, not on the first request that needs them.
  if (options.allowIPs) compileIpList(options.allowIPs, 'allowIPs');
  if (options.trustProxy) compileTrustProxy(options.trustProxy);
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const { pythonAPIOpt: _old, ...rest } = defined as WardenOptions;
  return { ...DEFAULTS, ...rest, storage: normaliseStorage(options.storage), classifier: classifierFrom(options) } as ResolvedOptions;
}
