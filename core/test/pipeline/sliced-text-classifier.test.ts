import { expect } from 'chai';
import type { TextClassifier } from '../../src/ports/index.js';
import { slicedTextClassifier } from '../../src/pipeline/sliced-text-classifier.js';
import { keywordTextDouble } from '../helpers/doubles.js';

/** The keyword double, noting each call it gets. */
function notingModel(): { model: TextClassifier; calls: string[][] } {
  const calls: string[][] = [];
  return { calls, model: { name: 'noting', classify: (inputs) => { calls.push([...inputs]); return keywordTextDouble.classify(inputs); } } };
}

describe('slicedTextClassifier', () => {
  it('sends one call when the inputs fit, and returns what the model returns', async () => {
    const { model, calls } = notingModel();
    const inputs = ['blue', "x' or 1=1", 'red'];
    expect(await slicedTextClassifier(model).classify(inputs)).to.deep.equal(await keywordTextDouble.classify(inputs));
    expect(calls).to.deep.equal([inputs]);
  });

  it('cuts by input count and by characters, keeping the verdicts in input order', async () => {
    const { model, calls } = notingModel();
    const inputs = ['a', 'bb', "c' or 1=1", 'dd', '<script>e', 'f', 'gggggggggg'];
    const verdicts = await slicedTextClassifier(model, { inputs: 3, chars: 12 }).classify(inputs);
    expect(calls).to.deep.equal([['a', 'bb', "c' or 1=1"], ['dd', '<script>e', 'f'], ['gggggggggg']]);
    expect(verdicts.map((v) => v.label)).to.deep.equal(['benign', 'benign', 'sqli', 'benign', 'xss', 'benign', 'benign']);
  });

  it('sends an input longer than the character limit alone, whole', async () => {
    const { model, calls } = notingModel();
    await slicedTextClassifier(model, { inputs: 10, chars: 4 }).classify(['ab', 'abcdefgh', 'cd']);
    expect(calls).to.deep.equal([['ab'], ['abcdefgh'], ['cd']]);
  });

  it('lets waiting I/O callbacks run between slices', async () => {
    const events: string[] = [];
    const sliced = slicedTextClassifier({
      name: 'schedules-a-callback',
      classify: (inputs) => {
        events.push(`call ${inputs[0]}`);
        if (inputs[0] === 'one') setImmediate(() => events.push('waiting callback'));
        return keywordTextDouble.classify(inputs);
      },
    }, { inputs: 1, chars: 100 });
    await sliced.classify(['one', 'two']);
    expect(events).to.deep.equal(['call one', 'waiting callback', 'call two']);
  });

  it('runs one slice a turn of the event loop, also for calls made side by side', async () => {
    let turn = 0;
    let ticking = true;
    const tick = () => { turn++; if (ticking) setImmediate(tick); };
    setImmediate(tick);
    const turns: number[] = [];
    const sliced = slicedTextClassifier({ name: 'notes-turns', classify: (inputs) => { turns.push(turn); return keywordTextDouble.classify(inputs); } }, { inputs: 1, chars: 100 });
    const [a, b] = await Promise.all([sliced.classify(['a1', 'a2', 'a3']), sliced.classify(['b1', 'b2'])]);
    ticking = false;
    expect(a.length + b.length).to.equal(5);
    expect(new Set(turns).size, `turns of the slices: ${turns.join(', ')}`).to.equal(5);
  });

  it('fails the whole call when one slice fails', async () => {
    let calls = 0;
    const sliced = slicedTextClassifier({
      name: 'fails-second',
      classify: async (inputs) => { if (++calls === 2) throw new Error('model down'); return keywordTextDouble.classify(inputs); },
    }, { inputs: 1, chars: 100 });
    try {
      await sliced.classify(['one', 'two', 'three']);
      expect.fail('the failure should reach the caller');
    } catch (error) {
      expect((error as Error).message).to.equal('model down');
    }
    expect(calls).to.equal(2);
  });
});
