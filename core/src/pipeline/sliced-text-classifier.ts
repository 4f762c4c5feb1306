import type { TextClassifier, TextVerdict } from '../ports/index.js';
import { OneATurn } from './one-a-turn.js';

/** Most inputs per model call: batches past this size hardly lower the cost per input. */
export const SLICE_INPUTS = 256;
/**
 * Most characters per model call. The shipped model encodes 20–50 characters a microsecond on the
 * event loop of the 2-core machines here, so a slice holds it for 0.3–0.8 ms; one session of large
 * inputs (up to 1000 of 4 KB) would hold it for tens, and sessions closing together multiply that.
 * Slices of 64 K held it for 3.4 ms; now that a call's fixed cost is a few µs (the shipped model
 * runs in JavaScript), smaller slices cost next to nothing more.
 */
export const SLICE_CHARS = 16 * 1024;

/**
 * The same text model, called on slices of at most `SLICE_INPUTS` inputs and `SLICE_CHARS`
 * characters, one slice a turn of the event loop whoever asks, with waiting I/O let through before
 * each. Models run on the event loop, and sessions that close together are classified in few calls:
 * without slices, a few clients posting large bodies could stall every other request for as long
 * as the model needs for all of them, and calls made side by side would each run a slice per turn.
 */
export function slicedTextClassifier(model: TextClassifier, limits = { inputs: SLICE_INPUTS, chars: SLICE_CHARS }): TextClassifier {
  const slices = new OneATurn();
  return {
    name: model.name,
    async classify(inputs) {
      const out: TextVerdict[] = [];
      let start = 0;
      while (start < inputs.length) {
        const end = sliceEnd(inputs, start, limits);
        const slice = start === 0 && end === inputs.length ? inputs : inputs.slice(start, end);
        // A call's first slice waits for nothing when no other slice is pending (a small call, say).
        const verdicts = await slices.run(() => model.classify(slice), start === 0);
        for (const verdict of verdicts) out.push(verdict);
        start = end;
      }
      return out;
    },
  };
}

/** Where the slice starting at `start` ends: at least one input, however long. */
function sliceEnd(inputs: readonly string[], start: number, limits: { inputs: number; chars: number }): number {
  const last = Math.min(inputs.length, start + limits.inputs);
  let chars = inputs[start]!.length;
  let end = start + 1;
  while (end < last && chars + inputs[end]!.length <= limits.chars) chars += inputs[end++]!.length;
  return end;
}
