import { expect } from 'chai';
import { createWardenContainer, resolveOptions, TOKENS, WardenConfigError, type FeatureClassifier, type TextClassifier } from '@session-warden/core';
import type { FileTextClassifier, ModelBackend } from './backend.js';
import { rejection, withTempDir } from './helpers.js';

/** The text classifier's and the plugin's behaviour, the same on every backend. */
export function textModelSuite<T extends FileTextClassifier, S extends FeatureClassifier>(backend: ModelBackend<T, S>): void {
  describe(`${backend.label} text classifier (shipped model)`, () => {
    it('labels well-known inputs of every class', async () => {
      const text = await backend.createTextClassifier();
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
      await backend.releaseText(text);
    });

    it('reads a model file relative to dir_path', async () => {
      await withTempDir(async (dir) => {
        const copy = await backend.copyShippedTextModel(dir);
        const text = await backend.createTextClassifier({ modelFile: copy.modelFile, dir_path: dir });
        expect(text.file).to.equal(copy.file);
        expect((await text.classify(['blue shoes']))[0]!.label).to.equal('benign');
        await backend.releaseText(text);
      });
    });

    it('refuses a missing or foreign model file with a message naming the option to fix', async () => {
      const missing = await rejection(backend.createTextClassifier({ modelFile: backend.missingTextModel }));
      expect(missing).to.be.instanceOf(WardenConfigError);
      expect(missing.message).to.match(/textModelFile/);
      await withTempDir(async (dir) => {
        const foreign = await rejection(backend.createTextClassifier({ modelFile: await backend.writeForeignModel(dir) }));
        expect(foreign).to.be.instanceOf(WardenConfigError);
        expect(foreign.message).to.match(/not a Session Warden text model/);
      });
    });

    it('registers itself as the TextClassifier when listed as a plugin (and is the package default export)', async () => {
      expect(backend.defaultExport).to.equal(backend.plugin);
      const plugin = backend.plugin();
      expect(plugin.provides).to.include('TextClassifier');
      const container = createWardenContainer();
      await plugin.register(container, resolveOptions({}));
      const text = container.resolve<TextClassifier>(TOKENS.TextClassifier);
      expect(text.name).to.equal(backend.textName);
      expect((await text.classify(['<script>alert(1)</script>']))[0]!.label).to.equal('xss');
    });
  });
}
