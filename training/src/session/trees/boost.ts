import { Rng } from '../simulator/rng.js';
import { binFeatures, type BinnedData } from './binning.js';
import { sigmoid, type Tree, type TreeEnsemble } from './tree-model.js';

export interface BoostSettings {
  trees: number;
  maxDepth: number;
  learningRate: number;
  /** L2 penalty on leaf values; larger keeps scores away from 0 and 1 on thin evidence. */
  lambda: number;
  /** Smallest hessian sum (≈ weighted rows × p(1-p)) a child may have. */
  minChildWeight: number;
  rowSample: number;
  featureSample: number;
  maxBins: number;
  seed: string | number;
}

export const DEFAULT_BOOST: BoostSettings = {
  trees: 120, maxDepth: 5, learningRate: 0.1, lambda: 2, minChildWeight: 2, rowSample: 0.8, featureSample: 0.8, maxBins: 64, seed: 1,
};

export interface BoostProgress { tree: number; trees: number; loss: number; accuracy: number }

interface Split { feature: number; bin: number; gain: number }

/** Best split of one node's rows, from gradient/hessian histograms over the binned features. */
function bestSplit(data: BinnedData, rows: Int32Array, g: Float64Array, h: Float64Array, features: number[], s: BoostSettings): Split | undefined {
  const n = data.rows;
  let G = 0, H = 0;
  for (const i of rows) { G += g[i]!; H += h[i]!; }
  const parent = (G * G) / (H + s.lambda);
  let best: Split | undefined;
  const hg = new Float64Array(256), hh = new Float64Array(256);
  for (const f of features) {
    const nb = data.thresholds[f]!.length + 1;
    if (nb < 2) continue;
    hg.fill(0, 0, nb); hh.fill(0, 0, nb);
    const base = f * n;
    for (const i of rows) { const b = data.bins[base + i]!; hg[b] += g[i]!; hh[b] += h[i]!; }
    let gl = 0, hl = 0;
    for (let b = 0; b < nb - 1; b++) {
      gl += hg[b]!; hl += hh[b]!;
      const gr = G - gl, hr = H - hl;
      if (hl < s.minChildWeight || hr < s.minChildWeight) continue;
      const gain = (gl * gl) / (hl + s.lambda) + (gr * gr) / (hr + s.lambda) - parent;
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { feature: f, bin: b, gain };
    }
  }
  return best;
}

function growTree(data: BinnedData, rows: Int32Array, g: Float64Array, h: Float64Array, features: number[], s: BoostSettings): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const grow = (nodeRows: Int32Array, depth: number): number => {
    const id = tree.feature.length;
    tree.feature.push(0); tree.threshold.push(0); tree.left.push(-1); tree.right.push(-1); tree.value.push(0);
    const split = depth < s.maxDepth ? bestSplit(data, nodeRows, g, h, features, s) : undefined;
    if (!split) {
      let G = 0, H = 0;
      for (const i of nodeRows) { G += g[i]!; H += h[i]!; }
      tree.value[id] = Math.fround((-G / (H + s.lambda)) * s.learningRate);
      return id;
    }
    const base = split.feature * data.rows;
    const leftRows = nodeRows.filter((i) => data.bins[base + i]! <= split.bin);
    const rightRows = nodeRows.filter((i) => data.bins[base + i]! > split.bin);
    tree.feature[id] = split.feature;
    tree.threshold[id] = data.thresholds[split.feature]![split.bin]!;
    tree.left[id] = grow(leftRows, depth + 1);
    tree.right[id] = grow(rightRows, depth + 1);
    return id;
  };
  grow(rows, 0);
  return tree;
}

function applyTree(tree: Tree, data: BinnedData, i: number, bins: Int32Array[]): number {
  let node = 0;
  while (tree.left[node]! >= 0) node = data.bins[tree.feature[node]! * data.rows + i]! <= bins[node]![0]! ? tree.left[node]! : tree.right[node]!;
  return tree.value[node]!;
}

/**
 * Gradient-boosted trees with logistic loss (histogram method, depth-limited). Trees do not
 * extrapolate: a session beyond anything simulated gets the score of the nearest simulated region,
 * never a runaway linear score.
 */
export function trainBoostedTrees(
  x: Float32Array, y: Uint8Array, weights: Float64Array, featureCount: number,
  settings: Partial<BoostSettings> = {}, onProgress?: (p: BoostProgress) => void,
): TreeEnsemble {
  const s = { ...DEFAULT_BOOST, ...settings };
  const n = y.length;
  const rng = new Rng(`boost-${s.seed}`);
  const data = binFeatures(x, n, featureCount, s.maxBins);
  let pos = 0, tot = 0;
  for (let i = 0; i < n; i++) { pos += y[i]! * weights[i]!; tot += weights[i]!; }
  const baseScore = Math.fround(Math.log(Math.max(pos, 1e-6) / Math.max(tot - pos, 1e-6)));
  const margin = new Float64Array(n).fill(baseScore);
  const g = new Float64Array(n), h = new Float64Array(n);
  const trees: Tree[] = [];
  for (let t = 0; t < s.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i]!);
      g[i] = (p - y[i]!) * weights[i]!;
      h[i] = Math.max(p * (1 - p), 1e-6) * weights[i]!;
    }
    const sampled: number[] = [];
    for (let i = 0; i < n; i++) if (rng.chance(s.rowSample)) sampled.push(i);
    const features: number[] = [];
    for (let f = 0; f < featureCount; f++) if (rng.chance(s.featureSample)) features.push(f);
    if (features.length === 0) features.push(rng.int(0, featureCount - 1));
    const tree = growTree(data, Int32Array.from(sampled), g, h, features, s);
    // Thresholds back to bin indices, so training rows are scored on their bins (same decision as float32 compare).
    const splitBins = tree.feature.map((f, k) => Int32Array.of(tree.left[k]! < 0 ? 0 : data.thresholds[f]!.indexOf(tree.threshold[k]!)));
    let loss = 0, correct = 0;
    for (let i = 0; i < n; i++) {
      margin[i] += applyTree(tree, data, i, splitBins);
      const p = sigmoid(margin[i]!);
      loss -= weights[i]! * (y[i] ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12)));
      if ((p >= 0.5 ? 1 : 0) === y[i]) correct++;
    }
    trees.push(tree);
    onProgress?.({ tree: t + 1, trees: s.trees, loss: loss / tot, accuracy: correct / n });
  }
  return { baseScore, trees };
}
