import { backgroundTurn } from '../background-turn.js';

interface Waiting<I, O> {
  items: readonly I[];
  resolve(results: O[]): void;
  reject(error: unknown): void;
}

/**
 * Turns batch calls made in the same turn of the event loop into one batch call: the first caller
 * waits for a background turn (see backgroundTurn), then every waiting caller's items go to
 * `classify` together and each caller gets its own results back, in its own order. Sessions
 * closing together thus share one model call (a model's per-call cost is several times its
 * per-input cost). When the joint call fails, each caller's items are classified alone, so one
 * caller's bad input fails only that caller.
 *
 * `key` names items that are the same input: those are classified once.
 */
export class CoalescedCalls<I, O> {
  private waiting: Waiting<I, O>[] = [];

  constructor(private readonly classify: (items: readonly I[]) => Promise<O[]>, private readonly key?: (item: I) => unknown) {}

  call(items: readonly I[]): Promise<O[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<O[]>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      if (this.waiting.length === 1) void backgroundTurn().then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 1) {
      await this.classify(group[0]!.items).then(group[0]!.resolve, group[0]!.reject);
      return;
    }
    const { unique, index } = this.merge(group);
    let results: O[];
    try {
      results = await this.classify(unique);
    } catch {
      await Promise.all(group.map((w) => this.classify(w.items).then(w.resolve, w.reject)));
      return;
    }
    let at = 0;
    for (const w of group) {
      const own = new Array<O>(w.items.length);
      for (let i = 0; i < own.length; i++) own[i] = results[index[at++]!]!;
      w.resolve(own);
    }
  }

  /** Every caller's items, same-key items once; `index` maps each caller's item (in order) to its place in `unique`. */
  private merge(group: readonly Waiting<I, O>[]): { unique: I[]; index: number[] } {
    const unique: I[] = [];
    const index: number[] = [];
    const seen = this.key ? new Map<unknown, number>() : null;
    for (const w of group) {
      for (const item of w.items) {
        const k = seen ? this.key!(item) : undefined;
        let at = seen?.get(k);
        if (at === undefined) {
          at = unique.push(item) - 1;
          seen?.set(k, at);
        }
        index.push(at);
      }
    }
    return { unique, index };
  }
}
