/** Where the client IP of a request was read from. */
export type IpSource = 'socket' | 'forwarded' | 'x-forwarded-for' | 'x-real-ip' | 'cf-connecting-ip'
  | 'true-client-ip' | 'fastly-client-ip' | 'x-client-ip' | 'x-cluster-client-ip' | 'custom-header';

/** Things that happened to a request, kept with its record so they can be audited. */
export interface RequestFlags {
  aborted?: boolean;        // the client went away before the response finished
  failed?: boolean;         // the handler threw or the response errored
  blocked?: boolean;        // refused by the blocklist; the handler never ran
  urlTruncated?: boolean;   // path or query longer than the stored limit
  bodyTruncated?: boolean;  // body larger than maxBodyBytes
  bytesUncounted?: boolean; // HTTP/2: Node counts no stream's own bytes, so responseBytes is 0 and requestBytes not a wire count
}

/**
 * One request, as stored in `httplogs`. Built by the adapters, already redacted:
 * it never holds cookies, authorization headers or secrets.
 */
export interface RequestRecord {
  id?: string;
  clientIP: string;
  ipSource: IpSource;
  sessionID: string;
  method: string;
  path: string;
  /** Raw query string without the leading `?`. */
  query: string;
  statusCode: number;
  /** When the request arrived. */
  timestamp: Date;
  durationMs: number;
  requestBytes: number;
  responseBytes: number;
  userAgent?: string;
  referer?: string;
  contentType?: string;
  /** Parsed, redacted, truncated request body (JSON value) or undefined when there was none. */
  body?: unknown;
  flags?: RequestFlags;
}

export type Behavior = 'Normal' | 'Abnormal' | 'newSession';

/** One model's say on a session; every verdict carries a score and a reason. */
export interface ModelVerdict {
  model: string;
  kind: 'text' | 'feature';
  abnormal: boolean;
  score: number;
  reason: string;
  /** Text models: the inputs that were labelled as attacks, with their label. */
  triggers?: { field: string; value: string; label: string; score: number }[];
  /** Set when the model runs in monitor mode: recorded, but it did not make the session abnormal. */
  monitor?: true;
}

/** One classified session, as stored in `sesfeatures`. */
export interface SessionFeatures {
  sessionID: string;
  clientIP: string;
  startTimestamp: Date;
  endTimestamp: Date;
  features: Record<string, number>;
  reqBodiesData: Record<string, string>;
  behavior: Behavior;
  active: boolean;
  verdicts: ModelVerdict[];
  classifiedAt: Date;
}

/** One blocklist entry, as stored in `clientips`. */
export interface BlockEntry {
  clientIP: string;
  blockedAt: Date;
  blockedUntil: Date;
  reason: string;
  /** Requests refused while blocked (counted in memory, flushed with the entry). */
  refusedCount?: number;
}
