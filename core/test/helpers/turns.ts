/** Counts turns of the event loop (one check phase each) until stopped. */
export function turnCounter(): { now(): number; stop(): void } {
  let turn = 0;
  let ticking = true;
  const tick = () => { turn++; if (ticking) setImmediate(tick); };
  setImmediate(tick);
  return { now: () => turn, stop: () => { ticking = false; } };
}
