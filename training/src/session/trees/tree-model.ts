/**
 * A boosted tree ensemble for binary classification: score = sigmoid(base + Σ leaf value).
 * A node goes left when `x[feature] <= threshold` (ONNX BRANCH_LEQ), compared in float32 as
 * both serving backends do; `left[i] === -1` marks a leaf whose value is `value[i]`.
 */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export interface TreeEnsemble {
  baseScore: number;
  trees: Tree[];
}

/** Raw score (log-odds) of one row, given as float32 values. */
export function treeLogit(model: TreeEnsemble, row: Float32Array | readonly number[]): number {
  let sum = model.baseScore;
  for (const t of model.trees) {
    let i = 0;
    while (t.left[i]! >= 0) i = Math.fround(row[t.feature[i]!]!) <= t.threshold[i]! ? t.left[i]! : t.right[i]!;
    sum += t.value[i]!;
  }
  return sum;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function treeProbability(model: TreeEnsemble, row: Float32Array | readonly number[]): number {
  return sigmoid(treeLogit(model, row));
}

export function maxDepth(tree: Tree, node = 0): number {
  return tree.left[node]! < 0 ? 0 : 1 + Math.max(maxDepth(tree, tree.left[node]!), maxDepth(tree, tree.right[node]!));
}

/** The same ensemble with its base score added to the first tree's leaves, for formats without a base value. */
export function foldBaseScore(model: TreeEnsemble): TreeEnsemble {
  if (model.baseScore === 0 || model.trees.length === 0) return model;
  const [first, ...rest] = model.trees;
  const shifted = { ...first!, value: first!.value.map((v, i) => (first!.left[i]! < 0 ? Math.fround(v + model.baseScore) : v)) };
  return { baseScore: 0, trees: [shifted, ...rest] };
}

/**
 * The ensemble as perfect binary trees of one depth, in level order: a leaf above the bottom
 * becomes a node that always goes left (threshold +∞) over copies of itself. Scores are unchanged;
 * the fixed shape lets a tensor backend walk every tree at once, one level per step.
 */
export interface PerfectTrees {
  depth: number;
  /** [trees × (2^depth - 1)] feature index per internal node. */
  feature: Int32Array;
  /** [trees × (2^depth - 1)] threshold per internal node. */
  threshold: Float32Array;
  /** [trees × 2^depth] leaf values. */
  leaf: Float32Array;
  trees: number;
}

export function toPerfectTrees(ensemble: TreeEnsemble): PerfectTrees {
  const model = foldBaseScore(ensemble);
  const depth = Math.max(1, ...model.trees.map((t) => maxDepth(t)));
  const inner = 2 ** depth - 1, leaves = 2 ** depth;
  const K = model.trees.length;
  const feature = new Int32Array(K * inner);
  const threshold = new Float32Array(K * inner).fill(Infinity);
  const leaf = new Float32Array(K * leaves);
  model.trees.forEach((t, k) => {
    const place = (node: number, slot: number, level: number): void => {
      if (level === depth) { leaf[k * leaves + (slot - inner)] = t.value[node]!; return; }
      if (t.left[node]! < 0) { place(node, 2 * slot + 1, level + 1); place(node, 2 * slot + 2, level + 1); return; }
      feature[k * inner + slot] = t.feature[node]!;
      threshold[k * inner + slot] = t.threshold[node]!;
      place(t.left[node]!, 2 * slot + 1, level + 1);
      place(t.right[node]!, 2 * slot + 2, level + 1);
    };
    place(0, 0, 0);
  });
  return { depth, feature, threshold, leaf, trees: K };
}
