/** Background jobs waiting for a turn, oldest first. */
const waiting: (() => void)[] = [];
let turnScheduled = false;

/**
 * Resolves in a coming turn of the event loop that no other background job shares: one waiter a
 * turn, process-wide, oldest first, with waiting I/O (requests) run between turns.
 *
 * Why: the heavy steps of classifying and recording (a text model slice, a session read back, a
 * group of sessions starting, a part of a large append) each hold the loop for a few
 * milliseconds. Each waited for its own `setImmediate`, and Node runs every immediate queued
 * before a check phase in that one phase, so three or four such steps ran back to back: the
 * largest stalls were their sum, not the largest of them.
 */
export function backgroundTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!turnScheduled) {
      turnScheduled = true;
      setImmediate(giveTurn);
    }
  });
}

/** Lets the oldest waiter go; an immediate set from inside a check phase runs in the next one. */
function giveTurn(): void {
  const resolve = waiting.shift()!;
  if (waiting.length > 0) setImmediate(giveTurn);
  else turnScheduled = false;
  resolve();
}
