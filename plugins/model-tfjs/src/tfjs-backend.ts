import * as tf from '@tensorflow/tfjs';

let ready: Promise<string> | undefined;

/**
 * Picks the tfjs backend once per process: tfjs-node ('tensorflow') when the user installed it, else WASM.
 * tfjs keeps one global backend, so every classifier in the process shares this choice.
 */
export function initTfjsBackend(): Promise<string> {
  ready ??= (async () => {
    tf.enableProdMode();
    try {
      const nodeBackend = '@tensorflow/tfjs-node';
      await import(nodeBackend);
      if (await tf.setBackend('tensorflow')) return 'tensorflow';
    } catch {
      // tfjs-node is optional; WASM is always there.
    }
    await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) throw new Error('The tfjs WASM backend failed to start.');
    return 'wasm';
  })();
  return ready;
}
