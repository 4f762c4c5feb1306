import type { OnnxAttribute, OnnxGraph, OnnxNode } from './onnx-graph.js';
import { compiledOrWhy, need } from './unsupported.js';

/**
 * A session model that is one ai.onnx.ml TreeEnsembleRegressor (optionally followed by a Sigmoid),
 * scored in JavaScript. Why: onnxruntime spends 60 µs a call on the shipped model when warm and
 * 120 µs when its caches are cold, as they are when one session closes every few hundred requests,
 * to walk 150 trees of depth 5; this walks them in a few µs. Scores follow onnxruntime's float32
 * arithmetic (float32 comparisons, a float32 sum in tree order) and agree with it to within 1e-6.
 * Anything else a model file holds is left to onnxruntime: `compileTreeEnsemble` says why.
 */
export class TreeEnsembleScorer {
  constructor(
    /** Features per row. */
    readonly width: number,
    private readonly trees: TreeArrays,
    private readonly base: number,
    private readonly sigmoid: boolean,
  ) {}

  /** One score per row of `matrix` (`width` float32 features a row). */
  run(matrix: Float32Array): Float32Array {
    const { roots, feature, threshold, mode, next, missingTrue, weight } = this.trees;
    const rows = matrix.length / this.width;
    const out = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      const offset = r * this.width;
      let sum = 0;
      for (let t = 0; t < roots.length; t++) {
        let n = roots[t]!;
        let m = mode[n]!;
        while (m !== LEAF) {
          const x = matrix[offset + feature[n]!]!;
          // BRANCH_LT inline: the mode the project's own exporter writes.
          const goTrue = (m === BRANCH_LT ? x < threshold[n]! : compare(m, x, threshold[n]!)) || (missingTrue[n] === 1 && x !== x);
          n = next[2 * n + (goTrue ? 0 : 1)]!;
          m = mode[n]!;
        }
        sum = Math.fround(sum + weight[n]!);
      }
      sum = Math.fround(sum + this.base);
      out[r] = this.sigmoid ? 1 / (1 + Math.exp(-sum)) : sum;
    }
    return out;
  }
}

/** Every tree's nodes in flat arrays; a node is an index, `next[2n]` its true child and `next[2n+1]` its false one. */
interface TreeArrays {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float32Array;
  mode: Uint8Array;
  next: Int32Array;
  missingTrue: Uint8Array;
  weight: Float32Array;
}

const MODES = ['BRANCH_LEQ', 'BRANCH_LT', 'BRANCH_GTE', 'BRANCH_GT', 'BRANCH_EQ', 'BRANCH_NEQ', 'LEAF'] as const;
const LEAF = MODES.indexOf('LEAF');
const BRANCH_LT = MODES.indexOf('BRANCH_LT');

function compare(mode: number, x: number, threshold: number): boolean {
  switch (mode) {
    case 0: return x <= threshold;
    case 1: return x < threshold;
    case 2: return x >= threshold;
    case 3: return x > threshold;
    case 4: return x === threshold;
    default: return x !== threshold;
  }
}

/** Attributes that change what the regressor computes and are handled here; nodes_hitrates only guides optimisers. */
const KNOWN_ATTRIBUTES = new Set([
  'nodes_treeids', 'nodes_nodeids', 'nodes_featureids', 'nodes_values', 'nodes_modes', 'nodes_truenodeids', 'nodes_falsenodeids',
  'nodes_missing_value_tracks_true', 'nodes_hitrates', 'target_treeids', 'target_nodeids', 'target_ids', 'target_weights',
  'n_targets', 'aggregate_function', 'post_transform', 'base_values',
]);

/** The regressor node and whether a Sigmoid follows it, when the graph is exactly that. */
function regressorOf(graph: OnnxGraph): { node: OnnxNode; sigmoid: boolean } {
  need(graph.initializers === 0 && graph.inputs.length === 1 && graph.outputs.length === 1, 'the graph is not one input to one output without initializers');
  const [node, after, ...rest] = graph.nodes;
  need(node?.opType === 'TreeEnsembleRegressor' && node.domain === 'ai.onnx.ml', 'the graph does not start with an ai.onnx.ml TreeEnsembleRegressor');
  need(rest.length === 0 && node.inputs.length === 1 && node.inputs[0] === graph.inputs[0] && node.outputs.length === 1, 'the regressor is not fed by the graph input alone');
  if (!after) {
    need(node.outputs[0] === graph.outputs[0], 'the regressor does not produce the graph output');
    return { node, sigmoid: false };
  }
  need(after.opType === 'Sigmoid' && (after.domain === '' || after.domain === 'ai.onnx'), `the regressor is followed by ${after.opType}, not Sigmoid`);
  need(after.inputs.length === 1 && after.inputs[0] === node.outputs[0] && after.outputs[0] === graph.outputs[0], 'the Sigmoid does not map the regressor to the graph output');
  return { node, sigmoid: true };
}

/** The flat arrays of the regressor's trees, roots in increasing tree ID (onnxruntime's order of summing). */
function treeArrays(attrs: Map<string, OnnxAttribute>, width: number): TreeArrays {
  const ints = (name: string) => attrs.get(name)?.ints ?? [];
  const treeIds = ints('nodes_treeids');
  const nodeIds = ints('nodes_nodeids');
  const features = ints('nodes_featureids');
  const values = attrs.get('nodes_values')?.floats ?? [];
  const modes = attrs.get('nodes_modes')?.strings ?? [];
  const trueIds = ints('nodes_truenodeids');
  const falseIds = ints('nodes_falsenodeids');
  const missing = ints('nodes_missing_value_tracks_true');
  const count = treeIds.length;
  need(count > 0 && [nodeIds, features, values, modes, trueIds, falseIds].every((a) => a.length === count), 'the node attributes differ in length');
  need(missing.length === 0 || missing.length === count, 'nodes_missing_value_tracks_true differs in length');

  const indexOf = new Map<string, number>();
  treeIds.forEach((tree, i) => {
    const key = `${tree}:${nodeIds[i]}`;
    need(!indexOf.has(key), `node ${key} appears twice`);
    indexOf.set(key, i);
  });
  const arrays: TreeArrays = {
    roots: new Int32Array(0), feature: new Int32Array(count), threshold: new Float32Array(values), mode: new Uint8Array(count),
    next: new Int32Array(2 * count), missingTrue: new Uint8Array(count), weight: new Float32Array(count),
  };
  const isChild = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const mode = MODES.indexOf(modes[i] as (typeof MODES)[number]);
    need(mode >= 0, `unknown node mode ${modes[i]}`);
    arrays.mode[i] = mode;
    arrays.missingTrue[i] = missing[i] === 1 ? 1 : 0;
    if (mode === LEAF) continue;
    need(Number.isInteger(features[i]) && features[i]! >= 0 && features[i]! < width, `node ${treeIds[i]}:${nodeIds[i]} reads feature ${features[i]} of ${width}`);
    arrays.feature[i] = features[i]!;
    [trueIds[i], falseIds[i]].forEach((child, side) => {
      const at = indexOf.get(`${treeIds[i]}:${child}`);
      need(at !== undefined, `node ${treeIds[i]}:${nodeIds[i]} points to a missing node ${child}`);
      arrays.next[2 * i + side] = at;
      isChild[at] = 1;
    });
  }
  const rootOf = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    if (isChild[i]) continue;
    need(!rootOf.has(treeIds[i]!), `tree ${treeIds[i]} has more than one root`);
    rootOf.set(treeIds[i]!, i);
  }
  arrays.roots = Int32Array.from([...rootOf].sort(([a], [b]) => a - b).map(([, root]) => root));
  checkTrees(arrays, count);
  addTargetWeights(attrs, indexOf, arrays);
  return arrays;
}

/** Each tree is a tree: every walk from its root ends at a leaf, through nodes of no other tree. */
function checkTrees({ roots, mode, next }: TreeArrays, count: number): void {
  const seen = new Uint8Array(count);
  for (const root of roots) {
    const stack = [root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      need(seen[n] === 0, 'a node is reached twice (the trees are not trees)');
      seen[n] = 1;
      if (mode[n] !== LEAF) stack.push(next[2 * n]!, next[2 * n + 1]!);
    }
  }
}

function addTargetWeights(attrs: Map<string, OnnxAttribute>, indexOf: Map<string, number>, arrays: TreeArrays): void {
  const trees = attrs.get('target_treeids')?.ints ?? [];
  const nodes = attrs.get('target_nodeids')?.ints ?? [];
  const targets = attrs.get('target_ids')?.ints ?? [];
  const weights = attrs.get('target_weights')?.floats ?? [];
  need([nodes, targets, weights].every((a) => a.length === trees.length), 'the target attributes differ in length');
  trees.forEach((tree, i) => {
    need(targets[i] === 0, 'a weight for a target other than 0');
    const at = indexOf.get(`${tree}:${nodes[i]}`);
    need(at !== undefined && arrays.mode[at] === LEAF, `a weight for ${tree}:${nodes[i]}, which is not a leaf`);
    arrays.weight[at] = Math.fround(arrays.weight[at]! + weights[i]!);
  });
}

/** The scorer for a graph of the supported shape, or why onnxruntime must run it instead. */
export function compileTreeEnsemble(graph: OnnxGraph, width: number): { scorer: TreeEnsembleScorer } | { unsupported: string } {
  return compiledOrWhy(() => {
    const { node, sigmoid } = regressorOf(graph);
    const { attributes } = node;
    for (const [name, attribute] of attributes) {
      need(KNOWN_ATTRIBUTES.has(name) && !attribute.opaque, `the regressor has the attribute ${name}`);
    }
    need(attributes.get('n_targets')?.number === 1, 'n_targets is not 1');
    need((attributes.get('aggregate_function')?.string ?? 'SUM') === 'SUM', 'aggregate_function is not SUM');
    need((attributes.get('post_transform')?.string ?? 'NONE') === 'NONE', 'post_transform is not NONE');
    const base = attributes.get('base_values')?.floats ?? [];
    need(base.length <= 1, 'more than one base value');
    return { scorer: new TreeEnsembleScorer(width, treeArrays(attributes, width), Math.fround(base[0] ?? 0), sigmoid) };
  });
}
