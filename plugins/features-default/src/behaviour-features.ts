import type { FeatureExtractor, SessionView } from '@session-warden/core';
import { isSensitivePath, isStaticAsset, normalisePath } from './paths.js';

/** Extra features that separate people from tools better than the older five (documented in the README). */
export const BEHAVIOUR_FEATURES = [
  'distinctPaths', 'distinctPathRatio', 'reqRatePerSec', 'ratio4xx', 'ratio404', 'codes5xx',
  'sensitivePathShare', 'staticShare', 'inputShare', 'numOfInputs', 'maxInputLength',
  'failedLoginRatio', 'meanInterReqMs', 'cvInterReq', 'distinctUserAgents',
] as const;

function interArrival(session: SessionView): { mean: number; cv: number } {
  const reqs = session.requests;
  if (reqs.length < 2) return { mean: 0, cv: 0 };
  let sum = 0;
  let sumSq = 0;
  for (let i = 1; i < reqs.length; i++) {
    const gap = reqs[i]!.timestamp.getTime() - reqs[i - 1]!.timestamp.getTime();
    sum += gap;
    sumSq += gap * gap;
  }
  const n = reqs.length - 1;
  const mean = sum / n;
  const variance = Math.max(0, sumSq / n - mean * mean);
  return { mean, cv: mean > 0 ? Math.sqrt(variance) / mean : 0 };
}

export function behaviourFeatures(loginPaths: readonly string[]): FeatureExtractor {
  const logins = new Set(loginPaths.map(normalisePath));
  return {
    name: 'features-default/behaviour',
    features: BEHAVIOUR_FEATURES,
    extract(session: SessionView) {
      const reqs = session.requests;
      const n = reqs.length || 1;
      // Requests per path: a session asks for the same few paths again and again, so each
      // distinct path is matched against the path patterns once.
      const paths = new Map<string, number>();
      const agents = new Set<string>();
      let c4xx = 0, c404 = 0, c5xx = 0, sensitive = 0, statics = 0, withInputs = 0, logins_ = 0, failedLogins = 0;
      for (const r of reqs) {
        paths.set(r.path, (paths.get(r.path) ?? 0) + 1);
        agents.add(r.userAgent ?? '');
        if (r.statusCode >= 400 && r.statusCode <= 499) c4xx++;
        if (r.statusCode === 404) c404++;
        if (r.statusCode >= 500 && r.statusCode <= 599) c5xx++;
        if (r.query || r.body !== undefined) withInputs++;
        if (r.method === 'POST' && logins.has(normalisePath(r.path))) {
          logins_++;
          if (r.statusCode >= 400) failedLogins++;
        }
      }
      for (const [path, count] of paths) {
        if (isSensitivePath(path)) sensitive += count;
        if (isStaticAsset(path)) statics += count;
      }
      const durationSec = reqs.length > 1 ? (reqs[reqs.length - 1]!.timestamp.getTime() - reqs[0]!.timestamp.getTime()) / 1000 : 0;
      const timing = interArrival(session);
      return {
        distinctPaths: paths.size,
        distinctPathRatio: paths.size / n,
        // A session shorter than a second counts as one second, so bursts don't divide by ~0.
        reqRatePerSec: reqs.length / Math.max(durationSec, 1),
        ratio4xx: c4xx / n,
        ratio404: c404 / n,
        codes5xx: c5xx,
        sensitivePathShare: sensitive / n,
        staticShare: statics / n,
        inputShare: withInputs / n,
        numOfInputs: session.inputs.length,
        maxInputLength: session.inputs.reduce((m, i) => Math.max(m, i.value.length), 0),
        failedLoginRatio: logins_ ? failedLogins / logins_ : 0,
        meanInterReqMs: timing.mean,
        cvInterReq: timing.cv,
        distinctUserAgents: agents.size,
      };
    },
  };
}
