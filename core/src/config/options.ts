import type { BlockEntry, SessionFeatures, Sessionizer } from '../ports/index.js';
import type { WardenPlugin } from '../plugin/plugin.js';
import type { RedactionOptions } from '../capture/capture-options.js';

/** Where records go: the embedded SQLite file by default, or a database URL. */
export type StorageOptions =
  | { type: 'sqlite'; database?: string }
  | { type: 'postgres' | 'mysql' | 'mariadb' | 'mongodb'; url: string }
  | { url: string };

/** Which peers' forwarding headers are believed. */
export type TrustProxy = readonly string[] | 'loopback' | ((peerIP: string) => boolean);

import type { Mode } from '../ports/mode.js';

export type { Mode };

/** Options as a user writes them; every one is optional. Names and defaults are the older tools'. */
export interface WardenOptions {
  storage?: StorageOptions | string;
  plugins?: readonly WardenPlugin[];
  blockIP?: boolean;
  maxAbnormal?: number;
  blockDuration?: number;
  groupToSessions?: boolean;
  sessTimeThres?: number;
  maxReqsPerSess?: number;
  custGroupToSess?: Sessionizer;
  useModels?: boolean;
  modelFile?: string;
  textModelFile?: string;
  dir_path?: string;
  customIPHeader?: string;
  trustProxy?: TrustProxy;
  classifier?: 'in-process' | { url: string; timeoutMs?: number; retries?: number };
  /** The older middleware's remote classifier option; mapped to `classifier: { url }`. */
  pythonAPIOpt?: { useAPI?: boolean; host?: string; port?: number };
  allowIPs?: readonly string[];
  mode?: Mode;
  onVerdict?: (session: SessionFeatures) => void | Promise<void>;
  onBlock?: (entry: BlockEntry) => void | Promise<void>;
  /** Records older than this many days are purged; unset keeps everything. */
  retentionDays?: number;
  maxBodyBytes?: number;
  /** More keys and value patterns to redact before anything is stored (the built-in ones always apply unless replaced). */
  redact?: RedactionOptions;
  blockStatus?: 403 | 429;
  loginPaths?: readonly string[];
  /** LRU cap on clients whose open session is tracked in memory. */
  maxTrackedClients?: number;
  queueLimit?: number;
  flushIntervalMs?: number;
  batchSize?: number;
  classifyConcurrency?: number;
  /** Flush queued records on SIGTERM. */
  handleSignals?: boolean;
}

type Callbacks = 'onVerdict' | 'onBlock' | 'custGroupToSess' | 'retentionDays' | 'modelFile' | 'textModelFile'
  | 'dir_path' | 'customIPHeader' | 'trustProxy' | 'pythonAPIOpt' | 'redact';

/** Options after defaults and validation: what the rest of the code reads. */
export type ResolvedOptions = Required<Omit<WardenOptions, Callbacks | 'storage'>>
  & Pick<WardenOptions, Exclude<Callbacks, 'pythonAPIOpt'>>
  & { storage: StorageOptions };

export const DEFAULTS = {
  storage: { type: 'sqlite', database: 'warden.db' } as StorageOptions,
  plugins: [] as readonly WardenPlugin[],
  blockIP: false,
  maxAbnormal: 2,
  blockDuration: 60,
  groupToSessions: true,
  sessTimeThres: 15,
  maxReqsPerSess: 180,
  useModels: true,
  classifier: 'in-process' as const,
  allowIPs: [] as readonly string[],
  mode: 'live' as Mode,
  maxBodyBytes: 8192,
  blockStatus: 403 as 403 | 429,
  loginPaths: ['/login'] as readonly string[],
  maxTrackedClients: 100_000,
  queueLimit: 50_000,
  flushIntervalMs: 100,
  batchSize: 2000,
  classifyConcurrency: 4,
  handleSignals: false,
};
