import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ValidationError } from '@session-warden/core';
import { parseCsv, readTextData } from '../../src/text/data-files.js';

describe('text data files', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'warden-textdata-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  it('read the older CSV (payload,length,attack_type,label), mapping its attack types', async () => {
    const file = join(dir, 'old.csv');
    await writeFile(file, 'payload,length,attack_type,label\n"a, ""quoted"" value",18,norm,0\n../../etc/passwd,16,path-traversal,1\n"; id",4,cmdi,1\n<svg onload=x>,14,xss,1\n\' or 1=1--,10,sqli,1\n');
    expect(await readTextData(file)).to.deep.equal([
      { text: 'a, "quoted" value', label: 'benign' }, { text: '../../etc/passwd', label: 'path_traversal' }, { text: '; id', label: 'cmd_injection' },
      { text: '<svg onload=x>', label: 'xss' }, { text: "' or 1=1--", label: 'sqli' },
    ]);
  });

  it('read JSONL {text,label}', async () => {
    const file = join(dir, 'data.jsonl');
    await writeFile(file, '{"text":"blue shoes","label":"benign"}\n\n{"text":"$(id)","label":"cmd_injection"}\n');
    expect(await readTextData(file)).to.deep.equal([{ text: 'blue shoes', label: 'benign' }, { text: '$(id)', label: 'cmd_injection' }]);
  });

  it('name the line and the accepted labels when a label is unknown', async () => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(file, '{"text":"x","label":"benign"}\n{"text":"y","label":"evil"}\n');
    try {
      await readTextData(file);
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(ValidationError);
      expect((err as Error).message).to.match(/line 2/).and.match(/path_traversal/);
    }
  });

  it('keep line breaks inside quoted CSV fields', () => {
    expect(parseCsv('a,b\n"x\ny",2\n')).to.deep.equal([['a', 'b'], ['x\ny', '2']]);
  });
});
