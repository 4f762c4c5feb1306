import type { Classification } from '../pipeline/classifier-service.js';
import type { SessionFeatures } from '../ports/index.js';

/** A stored session as the API shows it; field names follow the older `sesfeatures` documents. */
export function sessionBody(s: SessionFeatures) {
  return {
    sessionID: s.sessionID,
    clientIP: s.clientIP,
    behavior: s.behavior,
    active: s.active,
    startTimestamp: s.startTimestamp.toISOString(),
    endTimestamp: s.endTimestamp.toISOString(),
    ...s.features,
    features: s.features,
    reqBodiesData: s.reqBodiesData,
    verdicts: s.verdicts,
    classifiedAt: s.classifiedAt.toISOString(),
  };
}

export function classificationBody(c: Classification) {
  return {
    ...sessionBody(c.session),
    blocked: c.block ? { until: c.block.blockedUntil.toISOString(), reason: c.block.reason } : null,
    ...(c.wouldBlock ? { wouldBlock: c.wouldBlock } : {}),
  };
}
