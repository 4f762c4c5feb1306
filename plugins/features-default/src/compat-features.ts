import { inputsByField, type FeatureExtractor, type SessionView } from '@session-warden/core';
import { normalisePath } from './paths.js';

/** The older classifier API's features, same names and units (sesDuration in milliseconds). */
export const COMPAT_FEATURES = ['numOfLoginAttempts', 'numOfPostReqs', 'numOfReqs', 'reqBodiesData', 'sesCodes4xx', 'sesDuration'] as const;

/** The older feature model's input order. */
export const COMPAT5_ORDER = ['numOfLoginAttempts', 'numOfPostReqs', 'numOfReqs', 'sesCodes4xx', 'sesDuration'] as const;

export function compatFeatures(loginPaths: readonly string[]): FeatureExtractor {
  const logins = new Set(loginPaths.map(normalisePath));
  return {
    name: 'features-default/compat',
    features: COMPAT_FEATURES,
    extract(session: SessionView) {
      let loginAttempts = 0;
      let posts = 0;
      let codes4xx = 0;
      for (const r of session.requests) {
        const isPost = r.method === 'POST';
        if (isPost) posts++;
        if (isPost && logins.has(normalisePath(r.path))) loginAttempts++;
        if (r.statusCode >= 400 && r.statusCode <= 499) codes4xx++;
      }
      const reqs = session.requests;
      const duration = reqs.length ? reqs[reqs.length - 1]!.timestamp.getTime() - reqs[0]!.timestamp.getTime() : 0;
      return {
        numOfLoginAttempts: loginAttempts,
        numOfPostReqs: posts,
        numOfReqs: reqs.length,
        reqBodiesData: inputsByField(session.inputs),
        sesCodes4xx: codes4xx,
        sesDuration: duration,
      };
    },
  };
}
