import type { MaybePromise } from './session.js';
import type { SessionFeatures } from './records.js';
import type { Mode } from './mode.js';

/** What a policy sees of a client when one of its sessions was classified. */
export interface ClientHistory {
  clientIP: string;
  /** The client's active sessions classified Abnormal, newest last. */
  activeAbnormal: readonly SessionFeatures[];
  /** The session just classified. */
  latest: SessionFeatures;
  now: Date;
}

export interface BlockDecision {
  block: boolean;
  /** Seconds; only meaningful when `block` is true. */
  durationSec: number;
  reason: string;
  score: number;
  /** Sessions to mark inactive once the block is written. */
  deactivate: readonly string[];
}

export interface BlacklistPolicy {
  readonly name: string;
  /** Unset means `live`; `monitor`: its blocks are reported as `wouldBlock`, not applied. */
  readonly mode?: Mode;
  decide(history: ClientHistory): MaybePromise<BlockDecision>;
}
