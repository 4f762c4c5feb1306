import * as tf from '@tensorflow/tfjs';
import { ValidationError, WardenConfigError, type FeatureClassifier, type FeatureVerdict } from '@session-warden/core';

/** The older feature model's input order (its `model.h5` reads these five numbers). */
const COMPAT5 = ['numOfLoginAttempts', 'numOfPostReqs', 'numOfReqs', 'sesCodes4xx', 'sesDuration'];

/**
 * A session classifier over a Keras/TensorFlow.js layers model, such as the older tool's
 * `model.h5`: one sigmoid output is P(abnormal); two softmax outputs are [normal, abnormal].
 * Feature names come from the model's metadata (`warden import-keras --features`), else a
 * five-input model is taken to read the older five features in their older order.
 */
export class LayersFeatureClassifier implements FeatureClassifier {
  readonly threshold = 0.5;
  readonly featureNames: readonly string[];

  constructor(readonly name: string, private readonly model: tf.LayersModel, featureNames?: readonly string[]) {
    const shape = model.inputs[0]!.shape;
    const width = shape.length === 2 ? shape[1] : undefined;
    const outputs = model.outputs[0]!.shape[1];
    if (width == null || model.inputs.length !== 1 || shape.length !== 2) {
      throw new WardenConfigError(`${name} reads input shape [${shape.slice(1).join(', ')}]; a session model reads one flat row of numbers.`);
    }
    if (outputs !== 1 && outputs !== 2) throw new WardenConfigError(`${name} has ${String(outputs)} outputs; a session model has 1 (sigmoid) or 2 (softmax normal/abnormal).`);
    const names = featureNames ?? (width === 5 ? COMPAT5 : undefined);
    if (!names || names.length !== width) {
      throw new WardenConfigError(`${name} reads ${width} numbers but does not say which features; import it with "warden import-keras model.h5 --out dir --features a,b,…".`);
    }
    this.featureNames = names;
  }

  async scores(rows: readonly Readonly<Record<string, number>>[]): Promise<Float32Array> {
    const n = rows.length, f = this.featureNames.length;
    if (n === 0) return new Float32Array(0);
    const x = new Float32Array(n * f);
    rows.forEach((row, i) => {
      for (let j = 0; j < f; j++) {
        const v = row[this.featureNames[j]!];
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(`Session features are missing "${this.featureNames[j]}"; this model reads: ${this.featureNames.join(', ')}.`);
        x[i * f + j] = v;
      }
    });
    const out = tf.tidy(() => {
      const y = this.model.predict(tf.tensor2d(x, [n, f])) as tf.Tensor2D;
      return y.shape[1] === 2 ? y.slice([0, 1], [n, 1]).reshape([n]) : y.reshape([n]);
    });
    const scores = (await out.data()) as Float32Array;
    out.dispose();
    return scores;
  }

  async classify(rows: readonly Readonly<Record<string, number>>[]): Promise<FeatureVerdict[]> {
    return Array.from(await this.scores(rows), (score) => ({ label: score >= this.threshold ? 'abnormal' : 'normal', score }));
  }

  dispose(): void {
    this.model.dispose();
  }
}
