import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
// Core first: it loads the reflect-metadata polyfill tsyringe needs.
import { resolveOptions, TOKENS, WardenConfigError } from '@session-warden/core';
import { container } from 'tsyringe';
import defaultFactory, { createTextClassifier, DEFAULT_TEXT_MODEL, onnxModels } from '../src/index.js';

describe('model-onnx text classifier (shipped model)', () => {
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
    await text.dispose();
  });

  it('reads a model file relative to dir_path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'warden-onnx-'));
    try {
      await copyFile(DEFAULT_TEXT_MODEL, join(dir, 'mine.onnx'));
      const text = await createTextClassifier({ modelFile: 'mine.onnx', dir_path: dir });
      expect(text.file).to.equal(join(dir, 'mine.onnx'));
      expect((await text.classify(['blue shoes']))[0]!.label).to.equal('benign');
      await text.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a missing or foreign model file with a message naming the option to fix', async () => {
    await createTextClassifier({ modelFile: '/nonexistent/model.onnx' }).then(
      () => expect.fail('should have thrown'),
      (err) => { expect(err).to.be.instanceOf(WardenConfigError); expect(err.message).to.match(/textModelFile/); },
    );
    const dir = await mkdtemp(join(tmpdir(), 'warden-onnx-'));
    try {
      await writeFile(join(dir, 'plain.onnx'), new Uint8Array([8, 8]));
      await createTextClassifier({ modelFile: join(dir, 'plain.onnx') }).then(
        () => expect.fail('should have thrown'),
        (err) => { expect(err).to.be.instanceOf(WardenConfigError); expect(err.message).to.match(/not a Session Warden text model/); },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('registers itself as the TextClassifier when listed as a plugin (and is the package default export)', async () => {
    expect(defaultFactory).to.equal(onnxModels);
    const plugin = onnxModels();
    expect(plugin.provides).to.include('TextClassifier');
    const child = container.createChildContainer();
    await plugin.register(child, resolveOptions({}));
    const text = child.resolve(TOKENS.TextClassifier);
    expect(text.name).to.equal('onnx-text');
    expect((await text.classify(['<script>alert(1)</script>']))[0]!.label).to.equal('xss');
  });
});
