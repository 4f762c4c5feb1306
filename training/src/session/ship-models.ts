import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { trainSession } from './cli.js';

/**
 * Retrains both shipped session models (`default`, `compat5`) with the pinned settings and copies
 * them into the serving packages: `.onnx` + `.json` + card to model-onnx, the tfjs folder + card
 * to model-tfjs. Run from the repository root: `nice node training/dist/src/session/ship-models.js`.
 */
export async function shipSessionModels(root = process.cwd()): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'warden-ship-'));
  try {
    for (const variant of ['default', 'compat5']) {
      const code = await trainSession(['--variant', variant, '--out', work, '--seed', '1', '--clients', '20000'], process);
      if (code !== 0) throw new Error(`training ${variant} failed with exit code ${code}`);
      const name = `session-${variant}`;
      const onnxDir = resolve(root, 'plugins/model-onnx/models');
      const tfjsDir = resolve(root, 'plugins/model-tfjs/models');
      for (const ext of ['.onnx', '.json', '.card.md', '.training.svg', '.heldout.svg']) await cp(join(work, name + ext), join(onnxDir, name + ext));
      await cp(join(work, name), join(tfjsDir, name), { recursive: true });
      await cp(join(work, `${name}.card.md`), join(tfjsDir, `${name}.card.md`));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  shipSessionModels().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
