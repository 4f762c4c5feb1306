import { Rng } from '../simulator/rng.js';
import { binFeatures, type BinnedData } from './binning.js';
import { ALWAYS_LEFT, sigmoid, type ObliviousTree, type TreeEnsemble } from './tree-model.js';

export interface BoostSettings {
  trees: number;
  /** Levels of every (oblivious) tree; leaves = 2^depth. */
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values; larger keeps scores away from 0 and 1 on thin evidence. */
  lambda: number;
  /** Smallest hessian sum (≈ weighted rows × p(1-p)) a child must have for its side of a split to count. */
  minChildWeight: number;
  rowSample: number;
  featureSample: number;
  maxBins: number;
  seed: string | number;
}

export const DEFAULT_BOOST: BoostSettings = {
  trees: 150, depth: 5, learningRate: 0.15, lambda: 2, minChildWeight: 2, rowSample: 0.8, featureSample: 0.8, maxBins: 64, seed: 1,
};

export interface BoostProgress { tree: number; trees: number; loss: number; accuracy: number }

/** A split no row takes to the right (pads a tree that found no more useful questions). */
const NO_SPLIT_BIN = 255;

/**
 * One oblivious tree: level by level, the (feature, bin) whose split of every current node gains
 * most in total. `node` holds each sampled row's node and ends as its leaf.
 */
function growTree(data: BinnedData, rows: Int32Array, g: Float64Array, h: Float64Array, features: number[], s: BoostSettings): { tree: ObliviousTree; splitBins: number[] } {
  const n = data.rows;
  const node = new Int32Array(rows.length);
  const tree: ObliviousTree = { feature: [], threshold: [], leaf: [] };
  const splitBins: number[] = [];
  for (let level = 0; level < s.depth; level++) {
    const nodes = 1 << level;
    const G = new Float64Array(nodes), H = new Float64Array(nodes);
    for (let r = 0; r < rows.length; r++) { G[node[r]!] += g[rows[r]!]!; H[node[r]!] += h[rows[r]!]!; }
    let best = { gain: 1e-9, feature: -1, bin: NO_SPLIT_BIN };
    for (const f of features) {
      const nb = data.thresholds[f]!.length + 1;
      if (nb < 2) continue;
      const hg = new Float64Array(nodes * nb), hh = new Float64Array(nodes * nb);
      const base = f * n;
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!, k = node[r]! * nb + data.bins[base + i]!;
        hg[k] += g[i]!; hh[k] += h[i]!;
      }
      const gl = new Float64Array(nodes), hl = new Float64Array(nodes);
      for (let b = 0; b < nb - 1; b++) {
        let gain = 0;
        for (let m = 0; m < nodes; m++) {
          gl[m] += hg[m * nb + b]!; hl[m] += hh[m * nb + b]!;
          const gr = G[m]! - gl[m]!, hr = H[m]! - hl[m]!;
          if (hl[m]! < s.minChildWeight || hr < s.minChildWeight) continue;
          gain += (gl[m]! ** 2) / (hl[m]! + s.lambda) + (gr ** 2) / (hr + s.lambda) - (G[m]! ** 2) / (H[m]! + s.lambda);
        }
        if (gain > best.gain) best = { gain, feature: f, bin: b };
      }
    }
    if (best.feature < 0) {
      tree.feature.push(0); tree.threshold.push(ALWAYS_LEFT); splitBins.push(NO_SPLIT_BIN);
      for (let r = 0; r < rows.length; r++) node[r] = node[r]! * 2;
      continue;
    }
    tree.feature.push(best.feature);
    tree.threshold.push(data.thresholds[best.feature]![best.bin]!);
    splitBins.push(best.bin);
    const base = best.feature * n;
    for (let r = 0; r < rows.length; r++) node[r] = node[r]! * 2 + (data.bins[base + rows[r]!]! > best.bin ? 1 : 0);
  }
  const leaves = 1 << s.depth;
  const G = new Float64Array(leaves), H = new Float64Array(leaves);
  for (let r = 0; r < rows.length; r++) { G[node[r]!] += g[rows[r]!]!; H[node[r]!] += h[rows[r]!]!; }
  for (let l = 0; l < leaves; l++) tree.leaf.push(Math.fround((-G[l]! / (H[l]! + s.lambda)) * s.learningRate));
  return { tree, splitBins };
}

function leafOfBinnedRow(tree: ObliviousTree, splitBins: number[], data: BinnedData, i: number): number {
  let idx = 0;
  for (let d = 0; d < splitBins.length; d++) idx = idx * 2 + (data.bins[tree.feature[d]! * data.rows + i]! > splitBins[d]! ? 1 : 0);
  return idx;
}

/**
 * Gradient-boosted oblivious trees with logistic loss (histogram method). Trees do not
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
  const trees: ObliviousTree[] = [];
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
    const { tree, splitBins } = growTree(data, Int32Array.from(sampled), g, h, features, s);
    let loss = 0, correct = 0;
    for (let i = 0; i < n; i++) {
      margin[i] += tree.leaf[leafOfBinnedRow(tree, splitBins, data, i)]!;
      const p = sigmoid(margin[i]!);
      loss -= weights[i]! * (y[i] ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12)));
      if ((p >= 0.5 ? 1 : 0) === y[i]) correct++;
    }
    trees.push(tree);
    onProgress?.({ tree: t + 1, trees: s.trees, loss: loss / tot, accuracy: correct / n });
  }
  return { depth: s.depth, baseScore, trees };
}
