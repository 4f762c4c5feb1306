import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, loadConfig, WardenConfigError } from '../src/index.js';
import { tempDir } from './helpers/doubles.js';

const coreEntry = require.resolve('../src/index.js');

describe('config module', () => {
  it('is found as warden.config.js, .mjs or .cjs in the working directory', async () => {
    const cases: [string, string][] = [
      ['warden.config.js', `module.exports = require(${JSON.stringify(coreEntry)}).defineConfig({ maxAbnormal: 5 });`],
      ['warden.config.mjs', 'export default { maxAbnormal: 6, blockIP: true };'],
      ['warden.config.cjs', 'module.exports = { maxAbnormal: 7 };'],
    ];
    for (const [file, source] of cases) {
      const dir = tempDir('warden-config-');
      writeFileSync(join(dir, file), source);
      expect((await loadConfig(undefined, dir)).maxAbnormal, file).to.be.a('number');
    }
  });

  it('reads a compiled TypeScript config (CommonJS with exports.default)', async () => {
    const dir = tempDir('warden-config-');
    writeFileSync(join(dir, 'warden.config.js'), '"use strict"; Object.defineProperty(exports, "__esModule", { value: true }); exports.default = { sessTimeThres: 30 };');
    expect(await loadConfig(undefined, dir)).to.deep.equal({ sessTimeThres: 30 });
  });

  it('is optional: no file means the defaults', async () => {
    expect(await loadConfig(undefined, tempDir('warden-config-'))).to.deep.equal({});
  });

  it('explains a missing or uncompiled explicit file', async () => {
    const dir = tempDir('warden-config-');
    await expectRejection(loadConfig('nope.js', dir), /Config file .*nope\.js does not exist/);
    writeFileSync(join(dir, 'w.ts'), 'export default {}');
    await expectRejection(loadConfig('w.ts', dir), /is TypeScript; compile it/);
    writeFileSync(join(dir, 'broken.js'), 'module.exports = {');
    await expectRejection(loadConfig('broken.js', dir), /Could not load config file .*broken\.js/);
  });

  it('defineConfig checks options where the config is written', () => {
    expect(() => defineConfig({ sessTimeThres: 0 })).to.throw(WardenConfigError, /"sessTimeThres" got 0; expected a positive number/);
  });
});

async function expectRejection(promise: Promise<unknown>, message: RegExp): Promise<void> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(WardenConfigError);
    expect((err as Error).message).to.match(message);
    return;
  }
  expect.fail('expected a rejection');
}
