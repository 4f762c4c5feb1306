import { definePlugin, TOKENS, type WardenPlugin } from '@session-warden/core';
import { behaviourFeatures } from './behaviour-features.js';
import { compatFeatures } from './compat-features.js';

export { compatFeatures, COMPAT_FEATURES, COMPAT5_ORDER } from './compat-features.js';
export { behaviourFeatures, BEHAVIOUR_FEATURES } from './behaviour-features.js';
export { defineFeature, defineFeatures } from './define-feature.js';
export { isSensitivePath, isStaticAsset } from './paths.js';

export interface DefaultFeaturesOptions {
  /** Paths whose POSTs count as login attempts; default: the config's `loginPaths` (`['/login']`). */
  loginPaths?: readonly string[];
}

/** The older tool's six features plus the behaviour features, as one plugin. */
export function defaultFeatures(overrides: DefaultFeaturesOptions = {}): WardenPlugin {
  return definePlugin({
    name: 'features-default',
    provides: ['FeatureExtractor'],
    register(container, options) {
      const loginPaths = overrides.loginPaths ?? options.loginPaths;
      container.register(TOKENS.FeatureExtractor, { useValue: compatFeatures(loginPaths) });
      container.register(TOKENS.FeatureExtractor, { useValue: behaviourFeatures(loginPaths) });
    },
  });
}

export default defaultFeatures;
