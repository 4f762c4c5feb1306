import type { DependencyContainer } from 'tsyringe';
import type { ResolvedOptions } from '../config/options.js';
import { inMode } from '../pipeline/in-mode.js';
import type { WardenPlugin } from '../plugin/plugin.js';
import type { FeatureClassifier, TextClassifier } from '../ports/classifiers.js';
import type { Mode } from '../ports/mode.js';
import { TOKENS, type PortName } from '../tokens.js';
import type { FeatureModelVariant, ModelLocation, SessionModelLocation } from './model-path.js';

/** What every model backend's plugin factory takes (a backend may add options of its own). */
export interface ModelPluginOptions {
  /** Overrides the config's textModelFile for this plugin. */
  textModelFile?: string;
  dir_path?: string;
  /** Overrides the config's modelFile (the session model) for this plugin. */
  modelFile?: string;
  /** Which shipped session model when no modelFile is given: 'default' or 'compat5'. */
  variant?: FeatureModelVariant;
  /** 'monitor': both models run and their verdicts are recorded, marked monitored, but never make a session abnormal. */
  mode?: Mode;
}

/** How a backend loads its two models from a location (plus, for the session model, a shipped variant). */
export interface ModelLoaders {
  text(location: ModelLocation): Promise<TextClassifier>;
  feature(location: SessionModelLocation): Promise<FeatureClassifier>;
}

/**
 * Loads the session model named by the config (`modelFile`, `dir_path`; else the shipped model,
 * or `overrides`) and binds it as the FeatureClassifier, in `mode`.
 */
export async function registerFeatureModel<C extends FeatureClassifier>(
  container: DependencyContainer, load: (location: SessionModelLocation) => Promise<C>,
  options: Pick<ResolvedOptions, 'modelFile' | 'dir_path'>, overrides: SessionModelLocation = {}, mode?: Mode,
): Promise<C> {
  const classifier = await load({ modelFile: options.modelFile, dir_path: options.dir_path, ...overrides });
  container.register(TOKENS.FeatureClassifier, { useValue: inMode(classifier, mode) });
  return classifier;
}

/**
 * A model backend's plugin: registers its text classifier as the TextClassifier and its session
 * model as the FeatureClassifier, each read from the plugin's options, else the config's.
 */
export function modelPlugin(name: string, pluginOptions: ModelPluginOptions, load: ModelLoaders): WardenPlugin {
  const provides: PortName[] = ['TextClassifier', 'FeatureClassifier'];
  return {
    name,
    provides,
    async register(container, options: ResolvedOptions) {
      const dir_path = pluginOptions.dir_path ?? options.dir_path;
      const text = await load.text({ modelFile: pluginOptions.textModelFile ?? options.textModelFile, dir_path });
      container.register(TOKENS.TextClassifier, { useValue: inMode(text, pluginOptions.mode) });
      await registerFeatureModel(container, load.feature, { modelFile: pluginOptions.modelFile ?? options.modelFile, dir_path }, { variant: pluginOptions.variant }, pluginOptions.mode);
    },
  };
}
