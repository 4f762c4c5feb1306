import { Sfc32 } from '../../random/sfc32.js';

/**
 * Seeded random numbers (sfc32 seeded through a string hash), so the same seed
 * always yields the same simulated traffic on every machine.
 */
export class Rng extends Sfc32 {
  constructor(seed: string | number) {
    const s = String(seed);
    let h = 1779033703 ^ s.length;
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    const next = (): number => {
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      return (h ^= h >>> 16) >>> 0;
    };
    const a = next(), b = next(), c = next(), d = next();
    super(a, b, c, d, 12);
  }

  uniform(lo: number, hi: number): number { return lo + (hi - lo) * this.next(); }

  /** Picks a key by weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const k of keys) total += weights[k];
    let r = this.next() * total;
    for (const k of keys) { r -= weights[k]; if (r < 0) return k; }
    return keys[keys.length - 1];
  }

  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Log-normal with the given median and spread (sigma of the log). */
  logNormal(median: number, sigma: number): number { return median * Math.exp(sigma * this.normal()); }
  exponential(mean: number): number { return -mean * Math.log(1 - this.next()); }
  /** Derives an independent stream, so adding draws in one persona does not shift every other one. */
  fork(label: string): Rng { return new Rng(`${this.next()}:${label}`); }
}
