/**
 * The small JSON written beside every exported session model (`<name>.json`), and the same facts
 * inside the model (ONNX metadata_props / tfjs model.json): the ordered feature names, the
 * scaling, the decision threshold. A serving backend needs nothing else to use the model.
 */
export interface SessionModelMetadata {
  kind: 'session-warden/feature-classifier';
  formatVersion: 1;
  name: string;
  featureNames: string[];
  labels: ['normal', 'abnormal'];
  /** Score (probability of abnormal) at or above which a session is labelled abnormal. */
  threshold: number;
  /** Trees compare raw values, so no scaling is applied; recorded so a caller never scales twice. */
  scaling: { kind: 'none'; reason: string };
  model: { type: 'gradient-boosted-trees'; trees: number; depth: number };
  training: Record<string, unknown>;
}

export const ONNX_INPUT = 'features';
export const ONNX_OUTPUT = 'abnormal_probability';
