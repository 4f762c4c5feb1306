import { definePlugin, TOKENS, type FeatureValue, type SessionView, type WardenPlugin } from '@session-warden/core';

/** A custom feature in one line: `defineFeature('numOfGetReqs', (s) => s.requests.filter((r) => r.method === 'GET').length)`. */
export function defineFeature(name: string, compute: (session: SessionView) => FeatureValue): WardenPlugin {
  return defineFeatures(`feature:${name}`, [name], (session) => ({ [name]: compute(session) }));
}

/** Several related features computed in one pass, registered as one plugin. */
export function defineFeatures(
  pluginName: string, features: readonly string[], extract: (session: SessionView) => Record<string, FeatureValue>,
): WardenPlugin {
  return definePlugin({
    name: pluginName,
    provides: ['FeatureExtractor'],
    register(container) {
      container.register(TOKENS.FeatureExtractor, { useValue: { name: pluginName, features, extract } });
    },
  });
}
