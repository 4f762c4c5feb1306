/**
 * A boosted ensemble of oblivious trees for binary classification: score = sigmoid(base + Σ leaf).
 * An oblivious tree asks the same question at every node of a level: "is x[feature[d]] < threshold[d]?".
 * Its leaf is then `Σ_d right_d · 2^(depth-1-d)` (right_d = 1 when the answer is no). The fixed
 * shape lets a tensor backend score every tree of every row with one matrix product and a lookup,
 * and the `<` test compared in float32 is exactly what ONNX's BRANCH_LT does.
 */
export interface ObliviousTree {
  feature: number[];
  threshold: number[];
  /** 2^depth leaf values. */
  leaf: number[];
}

export interface TreeEnsemble {
  depth: number;
  baseScore: number;
  trees: ObliviousTree[];
}

/** Threshold of a level that asks nothing (a tree that stopped early): every finite value is below it. */
export const ALWAYS_LEFT = 3.4028234663852886e38;

export function leafIndex(tree: ObliviousTree, row: Float32Array | readonly number[]): number {
  let idx = 0;
  for (let d = 0; d < tree.feature.length; d++) idx = idx * 2 + (Math.fround(row[tree.feature[d]!]!) < tree.threshold[d]! ? 0 : 1);
  return idx;
}

/** Raw score (log-odds) of one row. */
export function treeLogit(model: TreeEnsemble, row: Float32Array | readonly number[]): number {
  let sum = model.baseScore;
  for (const t of model.trees) sum += t.leaf[leafIndex(t, row)]!;
  return sum;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function treeProbability(model: TreeEnsemble, row: Float32Array | readonly number[]): number {
  return sigmoid(treeLogit(model, row));
}

/** The same ensemble with its base score added to the first tree's leaves, for formats without a base value. */
export function foldBaseScore(model: TreeEnsemble): TreeEnsemble {
  if (model.baseScore === 0 || model.trees.length === 0) return model;
  const [first, ...rest] = model.trees;
  return { ...model, baseScore: 0, trees: [{ ...first!, leaf: first!.leaf.map((v) => Math.fround(v + model.baseScore)) }, ...rest] };
}
