import type { TextClassifier, TextVerdict } from '../ports/index.js';

/** Inputs whose verdicts are kept, at most; the oldest kept is dropped first. */
export const RECENT_VERDICTS = 20_000;
/** Longer inputs are always classified afresh (they are rare, and would make the memory bound loose). */
export const MAX_REMEMBERED_INPUT = 256;

/**
 * A deterministic text model behind a bounded memory of its recent verdicts: inputs seen lately
 * (search terms, user names, form defaults repeat across sessions) are answered from memory and
 * only the others reach the model, in one call. Memory stays under RECENT_VERDICTS entries of at
 * most MAX_REMEMBERED_INPUT characters each (about 15 MB at worst, a few MB for typical inputs).
 */
export function rememberingTextClassifier(model: TextClassifier, capacity = RECENT_VERDICTS): TextClassifier {
  const recent = new Map<string, TextVerdict>();
  return {
    name: model.name,
    deterministic: true,
    async classify(inputs) {
      const out = new Array<TextVerdict>(inputs.length);
      const missing: string[] = [];
      const missingAt: number[] = [];
      for (let i = 0; i < inputs.length; i++) {
        const known = recent.get(inputs[i]!);
        if (known) out[i] = known;
        else {
          missing.push(inputs[i]!);
          missingAt.push(i);
        }
      }
      if (missing.length === 0) return out;
      const fresh = await model.classify(missing);
      for (let k = 0; k < missing.length; k++) {
        out[missingAt[k]!] = fresh[k]!;
        if (missing[k]!.length > MAX_REMEMBERED_INPUT) continue;
        recent.set(missing[k]!, fresh[k]!);
        if (recent.size > capacity) recent.delete(recent.keys().next().value!);
      }
      return out;
    },
  };
}
