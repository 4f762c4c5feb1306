interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Joins single-item writes made close together into one multi-item write: the first item waits
 * one turn of the event loop (so callers resuming in the same turn join it), then everything
 * waiting is written at once. When a joint write fails, each item is written alone, so one bad
 * item fails only its own caller.
 */
export class GroupedWrites<T, R> {
  private waiting: Waiting<T, R>[] = [];

  /**
   * `run` executes a write where the store runs its operations (its guard); `writeMany` writes
   * all items or none and returns one result per item; `wrap` turns a failure into the store's error.
   */
  constructor(
    private readonly run: (write: () => Promise<void>) => Promise<void>,
    private readonly writeMany: (items: T[]) => R[] | Promise<R[]>,
    private readonly wrap: (error: unknown) => unknown,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => { void this.flush(); });
    });
  }

  private async flush(): Promise<void> {
    await this.run(async () => {
      const group = this.waiting;
      this.waiting = [];
      try {
        const results = await this.writeMany(group.map((w) => w.item));
        group.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        if (group.length === 1) {
          group[0]!.reject(this.wrap(error));
          return;
        }
        for (const w of group) {
          try {
            w.resolve((await this.writeMany([w.item]))[0]!);
          } catch (alone) {
            w.reject(this.wrap(alone));
          }
        }
      }
    }).catch((error) => {
      // `run` itself failed before the write started: fail whoever is still waiting.
      for (const w of this.waiting.splice(0)) w.reject(this.wrap(error));
    });
  }
}
