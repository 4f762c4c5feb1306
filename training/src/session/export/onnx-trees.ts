import { encodeOnnxModel, OnnxDataType } from '../../export/onnx-writer.js';
import { foldBaseScore, type TreeEnsemble } from '../trees/tree-model.js';
import { ONNX_INPUT, ONNX_OUTPUT, type SessionModelMetadata } from './metadata.js';

/**
 * The ONNX writer writes a list of whole numbers as INTS; leaves ignore their node value, so a
 * fractional placeholder there keeps `nodes_values` a FLOATS attribute whatever the thresholds are.
 */
const LEAF_PLACEHOLDER = 0.5;

function asFloats(values: number[]): number[] {
  if (values.every(Number.isInteger)) throw new RangeError('Every leaf value of this tree ensemble is a whole number (an untrained model?); it cannot be exported.');
  return values;
}

/**
 * The ensemble as an ONNX graph: ai.onnx.ml TreeEnsembleRegressor (log-odds) → Sigmoid, so the
 * served output is the probability of `abnormal` for each row. Metadata travels in metadata_props.
 */
export function encodeOnnxTrees(ensemble: TreeEnsemble, meta: SessionModelMetadata): Uint8Array {
  const model = foldBaseScore(ensemble);
  const a = {
    treeIds: [] as number[], nodeIds: [] as number[], features: [] as number[], values: [] as number[], modes: [] as string[],
    trueIds: [] as number[], falseIds: [] as number[],
    targetTree: [] as number[], targetNode: [] as number[], targetIds: [] as number[], targetWeights: [] as number[],
  };
  // Each oblivious tree becomes a perfect tree in level order: node i has children 2i+1 (x < threshold) and 2i+2.
  const inner = 2 ** model.depth - 1;
  model.trees.forEach((t, k) => {
    for (let i = 0; i < inner + t.leaf.length; i++) {
      const leaf = i >= inner;
      const level = leaf ? 0 : Math.floor(Math.log2(i + 1));
      a.treeIds.push(k); a.nodeIds.push(i);
      a.features.push(leaf ? 0 : t.feature[level]!);
      a.values.push(leaf ? LEAF_PLACEHOLDER : t.threshold[level]!);
      a.modes.push(leaf ? 'LEAF' : 'BRANCH_LT');
      a.trueIds.push(leaf ? 0 : 2 * i + 1);
      a.falseIds.push(leaf ? 0 : 2 * i + 2);
      if (leaf) { a.targetTree.push(k); a.targetNode.push(i); a.targetIds.push(0); a.targetWeights.push(t.leaf[i - inner]!); }
    }
  });
  return encodeOnnxModel({
    producerName: 'session-warden-training',
    docString: `Session classifier "${meta.name}": P(abnormal) from ${meta.featureNames.length} features.`,
    opsets: [{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: 3 }],
    metadata: {
      featureNames: JSON.stringify(meta.featureNames),
      threshold: String(meta.threshold),
      labels: JSON.stringify(meta.labels),
      metadata: JSON.stringify(meta),
    },
    graph: {
      name: meta.name,
      inputs: [{ name: ONNX_INPUT, elemType: OnnxDataType.FLOAT, shape: ['batch', meta.featureNames.length] }],
      outputs: [{ name: ONNX_OUTPUT, elemType: OnnxDataType.FLOAT, shape: ['batch', 1] }],
      initializers: [],
      nodes: [
        {
          opType: 'TreeEnsembleRegressor', domain: 'ai.onnx.ml', inputs: [ONNX_INPUT], outputs: ['logit'],
          attributes: {
            n_targets: 1, aggregate_function: 'SUM', post_transform: 'NONE',
            nodes_treeids: a.treeIds, nodes_nodeids: a.nodeIds, nodes_featureids: a.features,
            nodes_values: a.values, nodes_modes: a.modes,
            nodes_truenodeids: a.trueIds, nodes_falsenodeids: a.falseIds,
            target_treeids: a.targetTree, target_nodeids: a.targetNode, target_ids: a.targetIds,
            target_weights: asFloats(a.targetWeights),
          },
        },
        { opType: 'Sigmoid', inputs: ['logit'], outputs: [ONNX_OUTPUT] },
      ],
    },
  });
}
