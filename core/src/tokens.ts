import type { InjectionToken } from 'tsyringe';
import type {
  BlacklistPolicy, FeatureClassifier, FeatureExtractor, Sessionizer, Storage, TextClassifier,
} from './ports/index.js';
import type { ResolvedOptions } from './config/options.js';

/** DI tokens; they live only in core so plugins never import each other. */
export const TOKENS = {
  Options: Symbol('Options') as InjectionToken<ResolvedOptions>,
  Storage: Symbol('Storage') as InjectionToken<Storage>,
  Sessionizer: Symbol('Sessionizer') as InjectionToken<Sessionizer>,
  FeatureExtractor: Symbol('FeatureExtractor') as InjectionToken<FeatureExtractor>,
  TextClassifier: Symbol('TextClassifier') as InjectionToken<TextClassifier>,
  FeatureClassifier: Symbol('FeatureClassifier') as InjectionToken<FeatureClassifier>,
  BlacklistPolicy: Symbol('BlacklistPolicy') as InjectionToken<BlacklistPolicy>,
} as const;

export type PortName = Exclude<keyof typeof TOKENS, 'Options'>;
export const PORT_NAMES = Object.keys(TOKENS).filter((k) => k !== 'Options') as PortName[];

/** Ports a config holds at most one of; the others (features, classifiers) stack. */
export const SINGLE_PORTS: readonly PortName[] = ['Storage', 'Sessionizer', 'BlacklistPolicy'];
