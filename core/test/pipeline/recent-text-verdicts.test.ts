import { expect } from 'chai';
import type { TextClassifier, TextVerdict } from '../../src/ports/index.js';
import { MAX_REMEMBERED_INPUT, rememberingTextClassifier } from '../../src/pipeline/recent-text-verdicts.js';
import { keywordTextDouble } from '../helpers/doubles.js';

/** The keyword double, recording what reaches it. */
function recordingModel(): { model: TextClassifier; seen: string[][] } {
  const seen: string[][] = [];
  return { seen, model: { name: 'recording', deterministic: true, classify: (inputs) => { seen.push([...inputs]); return keywordTextDouble.classify(inputs); } } };
}

describe('rememberingTextClassifier', () => {
  it('answers inputs seen recently from memory, sends only the others, and returns what the model returns', async () => {
    const { model, seen } = recordingModel();
    const remembering = rememberingTextClassifier(model);
    const first = await remembering.classify(['blue', "x' or 1=1", 'red']);
    const second = await remembering.classify(['red', 'green', "x' or 1=1"]);
    expect(seen).to.deep.equal([['blue', "x' or 1=1", 'red'], ['green']]);
    expect(first).to.deep.equal(await keywordTextDouble.classify(['blue', "x' or 1=1", 'red']));
    expect(second).to.deep.equal(await keywordTextDouble.classify(['red', 'green', "x' or 1=1"]));
    expect(await remembering.classify(['blue', 'green'])).to.have.length(2);
    expect(seen).to.have.length(2);
  });

  it('keeps at most its capacity, dropping the oldest, and never keeps long inputs', async () => {
    const { model, seen } = recordingModel();
    const remembering = rememberingTextClassifier(model, 2);
    const long = 'a'.repeat(MAX_REMEMBERED_INPUT + 1);
    await remembering.classify(['one', 'two', 'three', long]);
    await remembering.classify(['one', 'two', 'three', long]);
    expect(seen).to.deep.equal([['one', 'two', 'three', long], ['one', long]]);
  });

  it('lets a failing model call fail, remembering nothing from it', async () => {
    let fail = true;
    const verdict: TextVerdict = (await keywordTextDouble.classify(['x']))[0]!;
    const remembering = rememberingTextClassifier({
      name: 'flaky', deterministic: true,
      classify: async (inputs) => { if (fail) throw new Error('model down'); return inputs.map(() => verdict); },
    });
    try {
      await remembering.classify(['x']);
      expect.fail('the model failure should reach the caller');
    } catch (error) {
      expect((error as Error).message).to.equal('model down');
    }
    fail = false;
    expect(await remembering.classify(['x'])).to.deep.equal([verdict]);
  });
});
