import { WardenError } from '../errors.js';
import { classify, classifyHelp } from './commands/classify.js';
import { delegated } from './commands/delegated.js';
import { importHelp, runImport } from './commands/import.js';
import { serve, serveHelp } from './commands/serve.js';
import { processIo, type CliIo, type Command } from './io.js';

const TRAINING = '@session-warden/training';

/** `warden <command> <kind>` commands whose implementation depends on the kind. */
function byKind(verb: string, commands: Record<string, Command>): Command {
  return async (argv, io) => {
    const [kind, ...rest] = argv;
    const command = kind ? commands[kind] : undefined;
    if (!command) {
      io.stderr.write(`Usage: warden ${verb} ${Object.keys(commands).join('|')} [options]\n`);
      return 2;
    }
    return command(rest, io);
  };
}

const COMMANDS: Record<string, { run: Command; help: string }> = {
  serve: { run: serve, help: serveHelp },
  classify: { run: classify, help: classifyHelp },
  import: { run: runImport, help: importHelp },
  train: {
    run: byKind('train', { text: delegated(TRAINING, 'trainText'), session: delegated(TRAINING, 'trainSession') }),
    help: 'warden train text|session [--data file] [--out dir]\n  Trains a model from the project\'s generators or your labelled data.',
  },
  'import-keras': {
    run: delegated(TRAINING, 'importKeras'),
    help: 'warden import-keras model.h5 --out dir\n  Converts a Keras 2.x .h5 model (the older tool\'s) into TensorFlow.js layers format.',
  },
  eval: {
    run: byKind('eval', { text: delegated(TRAINING, 'evalText'), session: delegated(TRAINING, 'evalSession') }),
    help: 'warden eval text|session [--model file] [--data file]\n  Prints precision, recall, F1 and latency; writes a JSON report and plots.',
  },
};

function usage(): string {
  return `Session Warden\n\nUsage: warden <command> [options]\n\n${Object.values(COMMANDS).map((c) => c.help).join('\n\n')}\n`;
}

/** Runs one CLI command and returns the exit code; user errors print their message, not a stack trace. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    const known = err instanceof WardenError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`warden ${name}: ${known ? (err as Error).message : (err as Error).stack}\n`);
    return known ? 1 : 70;
  }
}

