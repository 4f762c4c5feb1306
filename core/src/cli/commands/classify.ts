import { parseArgs } from 'node:util';
import { classificationBody } from '../../api/views.js';
import { ValidationError } from '../../errors.js';
import { Warden } from '../../runtime/warden.js';
import type { CliIo } from '../io.js';
import { optionsFrom } from '../options.js';

export const classifyHelp = `warden classify <sesID...> [--config file] [--storage url|file]
  Classifies recorded sessions now and prints the verdicts as JSON lines.`;

export async function classify(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { config: { type: 'string' }, storage: { type: 'string' } },
  });
  if (positionals.length === 0) throw new ValidationError('Give at least one session ID: warden classify <sesID>.');
  const warden = await Warden.start(await optionsFrom(values));
  let missing = 0;
  try {
    for (const id of positionals) {
      const result = await warden.classifyNow(id);
      if (!result) {
        missing++;
        io.stderr.write(`No requests are recorded for session "${id}".\n`);
      } else {
        io.stdout.write(`${JSON.stringify(classificationBody(result))}\n`);
      }
    }
  } finally {
    await warden.close();
  }
  return missing ? 1 : 0;
}
