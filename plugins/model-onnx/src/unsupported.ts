/** Why a graph is left to onnxruntime: thrown by `need` while compiling, caught by `compiledOrWhy`. */
class Unsupported extends Error {}

export function need(condition: boolean, why: string): asserts condition {
  if (!condition) throw new Unsupported(why);
}

/** What `compile` makes, or the first `need` it failed as `{ unsupported: why }`; other errors pass. */
export function compiledOrWhy<T extends object>(compile: () => T): T | { unsupported: string } {
  try {
    return compile();
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
}
