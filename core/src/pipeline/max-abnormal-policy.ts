import type { BlacklistPolicy, BlockDecision, ClientHistory } from '../ports/index.js';

/** The older middleware's rule: more than `maxAbnormal` active abnormal sessions → block for `blockDuration` seconds. */
export function maxAbnormalPolicy(maxAbnormal: number, blockDuration: number): BlacklistPolicy {
  return {
    name: 'max-abnormal',
    decide(history: ClientHistory): BlockDecision {
      const count = history.activeAbnormal.length;
      const block = count > maxAbnormal;
      return {
        block,
        durationSec: blockDuration,
        score: Math.min(1, count / (maxAbnormal + 1)),
        reason: `${count} active abnormal session${count === 1 ? '' : 's'}; the limit is ${maxAbnormal}`,
        deactivate: block ? history.activeAbnormal.map((s) => s.sessionID) : [],
      };
    },
  };
}
