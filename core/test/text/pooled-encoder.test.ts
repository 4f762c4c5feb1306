import { expect } from 'chai';
import { TextFeaturiser } from '../../src/text/featurise.js';
import { normaliseText, NORMALISER_VERSION } from '../../src/text/normalise.js';
import { PooledTextEncoder } from '../../src/text/pooled-encoder.js';
import { parseTextModelInfo } from '../../src/text/serving.js';

const info = (featuriser: object) => parseTextModelInfo({
  format: 'session-warden-text', kind: 'mlp', labels: ['benign', 'sqli', 'xss', 'path_traversal', 'cmd_injection'], featuriser, normaliserVersion: NORMALISER_VERSION,
}, 'test');
const INFO = info({ buckets: 1024, minN: 1, maxN: 4, seed: 9 });

function table(width: number, buckets = INFO.featuriser.buckets): Float32Array {
  let x = 12345;
  return Float32Array.from({ length: buckets * width }, () => {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    return ((x >>> 8) / 2 ** 24) * 2 - 1;
  });
}

/** The bag written out the slow way: featurise, then add weight × row for every feature. */
function slowBag(text: string, emb: Float32Array, width: number, config = INFO.featuriser): number[] {
  const b = new TextFeaturiser(config).featuriseBatch([normaliseText(text)]);
  const out = new Array<number>(width).fill(0);
  for (let k = 0; k < b.width; k++) for (let j = 0; j < width; j++) out[j]! += b.weights[k]! * emb[b.ids[k]! * width + j]!;
  return out;
}

describe('PooledTextEncoder', () => {
  const inputs = ['blue shoes', "admin' OR 1=1--", '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '', 'x'.repeat(5000), 42 as unknown as string];

  for (const [width, simd] of [[16, true], [16, false], [5, true]] as const) {
    it(`sums each input's weighted embedding rows, bias row included (width ${width}, ${simd ? 'SIMD where it applies' : 'JS'})`, () => {
      const emb = table(width);
      const enc = new PooledTextEncoder(INFO, emb, width, { simd });
      expect(enc.bagEngine).to.equal(simd && width === 16 ? 'wasm-simd' : 'js');
      const bags = enc.encode(inputs);
      expect(bags).to.have.length(inputs.length * width);
      inputs.forEach((t, r) => {
        const want = slowBag(String(t), emb, width);
        for (let j = 0; j < width; j++) expect(bags[r * width + j], `${String(t).slice(0, 20)} [${j}]`).to.be.closeTo(want[j]!, 1e-5);
      });
    });
  }

  it('featurises in WebAssembly exactly as TextFeaturiser does, n-grams shorter than minN left out', () => {
    const config = { buckets: 2048, minN: 2, maxN: 5, seed: -77 };
    const emb = table(16, config.buckets);
    const enc = new PooledTextEncoder(info(config), emb, 16);
    expect(enc.bagEngine).to.equal('wasm-simd');
    const bags = enc.encode(inputs);
    inputs.forEach((t, r) => {
      const want = slowBag(String(t), emb, 16, config);
      for (let j = 0; j < 16; j++) expect(bags[r * 16 + j], `${String(t).slice(0, 20)} [${j}]`).to.be.closeTo(want[j]!, 1e-5);
    });
  });

  it('agrees with TextFeaturiser on a few hundred random inputs (ASCII, accents, emoji, long runs)', () => {
    const config = { buckets: 4096, minN: 1, maxN: 5, seed: 24301 };
    const emb = table(16, config.buckets);
    const wasm = new PooledTextEncoder(info(config), emb, 16);
    const js = new PooledTextEncoder(info(config), emb, 16, { simd: false });
    const pieces = ['a', 'B', ' ', '%27', "'", '<', '/', '../', 'é', '😀', 'select', '&lt;', '\\x41', '\n', '1=1', '--', 'x'.repeat(300)];
    let seed = 1;
    const pick = () => pieces[(seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) % pieces.length]!;
    const inputs = Array.from({ length: 300 }, (_, i) => Array.from({ length: i % 40 }, pick).join(''));
    const a = wasm.encode(inputs);
    const b = js.encode(inputs);
    for (let i = 0; i < a.length; i++) expect(a[i], inputs[Math.floor(i / 16)]).to.be.closeTo(b[i]!, 1e-5);
  });

  it('gives the same vectors once the WebAssembly seen-table epochs wrap around (after 2^(31 - log2 buckets) inputs)', () => {
    const config = { buckets: 1 << 12, minN: 1, maxN: 3, seed: 7 };
    const emb = table(16, config.buckets);
    const enc = new PooledTextEncoder(info(config), emb, 16);
    const probe = ["a'a' or 1=1 -- aaa"];
    const first = Array.from(enc.encode(probe)); // epoch 1
    // 2^19 - 2 more inputs, so the probe comes back exactly when the epoch wraps to 1 again: stale entries
    // would then count as seen, unless the table was cleared.
    let left = (1 << 19) - 2;
    for (const filler = new Array<string>(1 << 12).fill('ab'); left > 0; left -= filler.length) enc.encode(filler.slice(0, left));
    expect(Array.from(enc.encode(probe))).to.deep.equal(first);
  });

  it('gives every row the same vector alone as in a batch', () => {
    const enc = new PooledTextEncoder(INFO, table(16), 16);
    const batch = enc.encode(inputs);
    inputs.forEach((t, r) => expect(Array.from(enc.encode([t]))).to.deep.equal(Array.from(batch.subarray(r * 16, r * 16 + 16))));
  });

  it('refuses a table whose size does not match the buckets and width', () => {
    expect(() => new PooledTextEncoder(INFO, new Float32Array(100), 16)).to.throw(RangeError, /1024 buckets/);
  });
});
