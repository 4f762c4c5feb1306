import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  definePlugin, TOKENS, TEXT_LABELS, type FeatureClassifier, type TextClassifier, type TextLabel, type WardenPlugin,
} from '../../src/index.js';

/** Test double: counts requests and login POSTs (the real extractors live in features-default). */
export const countingFeaturesDouble: WardenPlugin = definePlugin({
  name: 'test-double-features',
  provides: ['FeatureExtractor'],
  register(container) {
    container.register(TOKENS.FeatureExtractor, {
      useValue: {
        name: 'test-double-features',
        features: ['numOfReqs', 'numOfLoginAttempts'],
        extract: (s) => ({
          numOfReqs: s.requests.length,
          numOfLoginAttempts: s.requests.filter((r) => r.method === 'POST' && r.path === '/login').length,
        }),
      },
    });
  },
});

/** Test double: labels an input sqli when it contains "or 1=1", xss when it contains "<script". */
export const keywordTextDouble: TextClassifier = {
  name: 'test-double-text',
  async classify(inputs) {
    return inputs.map((text) => {
      const lower = decodeURIComponent(text).toLowerCase();
      const label: TextLabel = lower.includes('or 1=1') ? 'sqli' : lower.includes('<script') ? 'xss' : 'benign';
      const scores = Object.fromEntries(TEXT_LABELS.map((l) => [l, l === label ? 0.9 : 0.025])) as Record<TextLabel, number>;
      return { label, scores };
    });
  },
};

/** Test double: abnormal when a session has more than 10 login attempts. */
export const loginFeatureDouble: FeatureClassifier = {
  name: 'test-double-feature-model',
  featureNames: ['numOfLoginAttempts', 'numOfReqs'],
  async classify(rows) {
    return rows.map((r) => (r.numOfLoginAttempts! > 10 ? { label: 'abnormal', score: 0.95 } : { label: 'normal', score: 0.05 }));
  },
};

export const modelsDouble: WardenPlugin = definePlugin({
  name: 'test-double-models',
  provides: ['TextClassifier', 'FeatureClassifier'],
  register(container) {
    container.register(TOKENS.TextClassifier, { useValue: keywordTextDouble });
    container.register(TOKENS.FeatureClassifier, { useValue: loginFeatureDouble });
  },
});

/** A fresh directory for SQLite files, removed after the suite. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
