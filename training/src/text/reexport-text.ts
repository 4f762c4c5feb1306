import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TextLabel } from '@session-warden/core';
import { textModelToOnnx, type TextModelMetadata } from './export-text.js';
import type { DenseLayer, TextModel } from './text-model.js';

/**
 * Reads a text model back from its tfjs folder (model.json + weights.bin, as exportTextModel wrote it), so a
 * shipped model can be exported again in a newer graph form from the same trained weights, without retraining.
 */
export async function readTextModelFromTfjs(dir: string): Promise<{ model: TextModel; card?: Record<string, unknown> }> {
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
    weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
    userDefinedMetadata: TextModelMetadata;
  };
  const meta = json.userDefinedMetadata;
  const bytes = Buffer.concat(await Promise.all(json.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(dir, p)))));
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const tensors = new Map<string, { shape: number[]; data: Float32Array }>();
  let at = 0;
  for (const w of json.weightsManifest.flatMap((g) => g.weights)) {
    if (w.dtype !== 'float32') throw new Error(`${dir}: weight ${w.name} is ${w.dtype}; text models store float32 weights.`);
    const size = w.shape.reduce((a, b) => a * b, 1);
    tensors.set(w.name, { shape: w.shape, data: floats.slice(at, at + size) });
    at += size;
  }
  const embedding = tensors.get('embedding/embeddings');
  if (!embedding) throw new Error(`${dir} has no embedding/embeddings weight: not a Session Warden text model.`);
  const dense: DenseLayer[] = [];
  for (let l = 0; tensors.has(`dense${l}/kernel`); l++) {
    const w = tensors.get(`dense${l}/kernel`)!;
    dense.push({ inputs: w.shape[0]!, outputs: w.shape[1]!, w: w.data, b: tensors.get(`dense${l}/bias`)!.data });
  }
  const model: TextModel = {
    kind: meta.kind, labels: meta.labels as TextLabel[], featuriser: meta.featuriser, normaliserVersion: meta.normaliserVersion,
    embeddingWidth: embedding.shape[1]!, embedding: embedding.data, dense,
  };
  return { model, ...(meta.card ? { card: meta.card } : {}) };
}

/** Writes `onnxFile` from the tfjs folder's weights and metadata (model card included). */
export async function reexportTextOnnx(tfjsDir: string, onnxFile: string): Promise<void> {
  const { model, card } = await readTextModelFromTfjs(tfjsDir);
  await writeFile(onnxFile, textModelToOnnx(model, card));
}
