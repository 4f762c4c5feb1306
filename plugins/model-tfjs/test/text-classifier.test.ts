import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
// Core first: it loads the reflect-metadata polyfill tsyringe needs.
import { resolveOptions, TOKENS, WardenConfigError } from '@session-warden/core';
import { container } from 'tsyringe';
import defaultFactory, { createTextClassifier, DEFAULT_TEXT_MODEL, tfjsModels } from '../src/index.js';

describe('model-tfjs text classifier (shipped model, WASM backend)', () => {
  it('labels well-known inputs of every class', async () => {
    const text = await createTextClassifier();
    const verdicts = await text.classify([
      "admin' OR 1=1--", 'blue shoes', '..%252f..%252f..%252fetc%252fpasswd', '<img src=x onerror=alert(1)>', '127.0.0.1; cat /etc/passwd', "Siobhán O'Brien",
    ]);
    expect(verdicts.map((v) => v.label)).to.deep.equal(['sqli', 'benign', 'path_traversal', 'xss', 'cmd_injection', 'benign']);
    for (const v of verdicts) {
      const sum = Object.values(v.scores).reduce((a, b) => a + b, 0);
      expect(sum).to.be.closeTo(1, 1e-4);
      expect(Object.keys(v.scores)).to.have.members(['benign', 'sqli', 'xss', 'path_traversal', 'cmd_injection']);
    }
    expect(await text.classify([])).to.deep.equal([]);
    text.dispose();
  });

  it('reads a model file relative to dir_path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'warden-tfjs-'));
    try {
      await cp(DEFAULT_TEXT_MODEL, join(dir, 'mine'), { recursive: true });
      const text = await createTextClassifier({ modelFile: 'mine', dir_path: dir });
      expect(text.file).to.equal(join(dir, 'mine', 'model.json'));
      expect((await text.classify(['blue shoes']))[0]!.label).to.equal('benign');
      text.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a missing or foreign model file with a message naming the option to fix', async () => {
    await createTextClassifier({ modelFile: '/nonexistent/text-model' }).then(
      () => expect.fail('should have thrown'),
      (err) => { expect(err).to.be.instanceOf(WardenConfigError); expect(err.message).to.match(/textModelFile/); },
    );
    const dir = await mkdtemp(join(tmpdir(), 'warden-tfjs-'));
    try {
      await mkdir(join(dir, 'plain'));
      await writeFile(join(dir, 'plain', 'model.json'), JSON.stringify({ modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 1, batch_input_shape: [null, 2] } }] } }, weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'dense/kernel', shape: [2, 1], dtype: 'float32' }, { name: 'dense/bias', shape: [1], dtype: 'float32' }] }] }));
      await writeFile(join(dir, 'plain', 'w.bin'), new Uint8Array(12));
      await createTextClassifier({ modelFile: join(dir, 'plain') }).then(
        () => expect.fail('should have thrown'),
        (err) => { expect(err).to.be.instanceOf(WardenConfigError); expect(err.message).to.match(/not a Session Warden text model/); },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('registers itself as the TextClassifier when listed as a plugin (and is the package default export)', async () => {
    expect(defaultFactory).to.equal(tfjsModels);
    const plugin = tfjsModels();
    expect(plugin.provides).to.include('TextClassifier');
    const child = container.createChildContainer();
    await plugin.register(child, resolveOptions({}));
    const text = child.resolve(TOKENS.TextClassifier);
    expect(text.name).to.equal('tfjs-text');
    expect((await text.classify(['<script>alert(1)</script>']))[0]!.label).to.equal('xss');
  });
});
