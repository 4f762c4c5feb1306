import * as ort from 'onnxruntime-node';

/**
 * A model on onnxruntime-node, fed rows of `width` float32 values as one [rows, width] tensor:
 * where a graph is not one of the shapes run in JavaScript (tree-ensemble.ts, dense-chain.ts).
 */
export class OnnxRuntimeRows {
  constructor(
    private readonly session: ort.InferenceSession, readonly width: number,
    private readonly input = session.inputNames[0]!, private readonly output = session.outputNames[0]!,
  ) {}

  /** The output for these rows; only `output` is fetched. */
  async run(rows: Float32Array): Promise<Float32Array> {
    const out = await this.session.run({ [this.input]: new ort.Tensor('float32', rows, [rows.length / this.width, this.width]) }, [this.output]);
    return out[this.output]!.data as Float32Array;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
