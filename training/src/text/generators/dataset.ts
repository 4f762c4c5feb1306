import type { TextLabel } from '@session-warden/core';
import { benignText } from './benign.js';
import { cmdiPayload } from './cmdi.js';
import { randomSurface } from './obfuscate.js';
import { Rng } from './rng.js';
import { sqliPayload } from './sqli.js';
import { traversalPayload } from './traversal.js';
import { xssPayload } from './xss.js';

/** Bump when any grammar changes, so a model card names the exact data it was trained on. */
export const GENERATOR_VERSION = '1.1.0';

export interface LabelledText {
  text: string;
  label: TextLabel;
}

export interface GenerateOptions {
  seed: number;
  /** Total examples before de-duplication. */
  size: number;
  /** Share of benign examples; the rest is split evenly over the four attack classes. */
  benignShare?: number;
}

const ATTACKS: readonly [TextLabel, (rng: Rng) => string][] = [
  ['sqli', sqliPayload], ['xss', xssPayload], ['path_traversal', traversalPayload], ['cmd_injection', cmdiPayload],
];

/** Attacks arrive inside whatever the field held: a search term, a JSON value, a sentence. */
function inContext(rng: Rng, payload: string): string {
  return rng.weighted<string>([
    [80, () => payload],
    [6, () => `${benignText(rng).slice(0, rng.int(3, 40))}${payload}`],
    [4, () => `${payload} ${benignText(rng).slice(0, rng.int(3, 30))}`],
    [3, () => `{"${rng.pick(['q', 'name', 'comment', 'file', 'host'])}":"${payload.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"}`],
    [3, () => `${rng.pick(['q', 'id', 'file', 'page', 'cmd', 'search', 'redirect', 'name'])}=${payload}`],
    [4, () => `${benignText(rng)} ${payload}`],
  ]);
}

/** Same options → same examples, in the same order. */
export function generateTextDataset(options: GenerateOptions): LabelledText[] {
  const root = new Rng(options.seed);
  const benignRng = root.fork(1);
  const attackRngs = ATTACKS.map((_, i) => root.fork(10 + i));
  const order = root.fork(99);
  const benignShare = options.benignShare ?? 0.4;
  const seen = new Set<string>();
  const out: LabelledText[] = [];
  for (let i = 0; i < options.size; i++) {
    let item: LabelledText;
    if (order.next() < benignShare) {
      item = { text: randomSurface(benignRng, benignText(benignRng), false), label: 'benign' };
    } else {
      const k = order.int(0, ATTACKS.length - 1);
      const [label, gen] = ATTACKS[k]!;
      const rng = attackRngs[k]!;
      item = { text: randomSurface(rng, inContext(rng, gen(rng)), true), label };
    }
    if (seen.has(item.text)) continue;
    seen.add(item.text);
    out.push(item);
  }
  return out;
}

/** Deterministic split by content hash, so the same text always lands on the same side. */
export function isHeldOut(text: string, percent = 10): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return ((h >>> 0) % 100) < percent;
}
