import { Sfc32 } from '../../random/sfc32.js';

/** Seeded random numbers (sfc32): the same seed gives the same data on every machine. */
export class Rng extends Sfc32 {
  constructor(seed: number) {
    super(0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0, 15);
  }

  /** Calls one of the generators, chosen with the given weights. */
  weighted<T>(options: readonly (readonly [number, () => T])[]): T {
    const total = options.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, f] of options) {
      if ((r -= w) < 0) return f();
    }
    return options[options.length - 1]![1]();
  }

  /** A fresh generator derived from this one, so adding a class does not shift the others' streams. */
  fork(salt: number): Rng {
    return new Rng((Math.floor(this.next() * 0xffffffff) ^ Math.imul(salt, 0x9e3779b1)) >>> 0);
  }
}
