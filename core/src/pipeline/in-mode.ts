import type { BlacklistPolicy, FeatureClassifier, Mode, TextClassifier } from '../ports/index.js';

/**
 * The same classifier or policy, answering `mode` as given; everything else is the original's
 * (methods run on the original, so its private state stays its own). Plugins use it to honour a
 * `mode` option without each model class carrying one.
 */
export function inMode<T extends TextClassifier | FeatureClassifier | BlacklistPolicy>(component: T, mode: Mode | undefined): T {
  if (mode === undefined || mode === (component.mode ?? 'live')) return component;
  return new Proxy(component, {
    get(target, key) {
      if (key === 'mode') return mode;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
