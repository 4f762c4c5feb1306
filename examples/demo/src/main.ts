import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DemoPreconditionError } from './preconditions.js';
import { DEFAULT_DEMO, runDemo } from './run-demo.js';

const USAGE = `npm run demo [-- options]
  --port N        port for the shop on 127.0.0.1 (default: a free one)
  --seconds N     how long the visitors and attackers keep coming (default ${DEFAULT_DEMO.windowSec})
  --visitors N    normal visitors (default ${DEFAULT_DEMO.normalVisitors})
  --attackers N   attackers of each kind: brute force, scanner, flood, scraper (default ${DEFAULT_DEMO.attackersPerKind})
  --out DIR       where the SQLite file and the HTML report go (default: a new temp folder)
  --seed N        another random but repeatable crowd (default ${DEFAULT_DEMO.seed})`;

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new DemoPreconditionError(`--${name} must be a whole number ≥ ${min}, not "${value}".\n${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: {
      port: { type: 'string' }, seconds: { type: 'string' }, visitors: { type: 'string' }, attackers: { type: 'string' },
      out: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } }));
  } catch (err) {
    throw new DemoPreconditionError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) { console.log(USAGE); return; }
  const port = positiveInt('port', values.port, 0, 0);
  if (port > 65535) throw new DemoPreconditionError(`--port must be at most 65535.`);
  const result = await runDemo({
    ...DEFAULT_DEMO,
    port,
    windowSec: positiveInt('seconds', values.seconds, DEFAULT_DEMO.windowSec),
    normalVisitors: positiveInt('visitors', values.visitors, DEFAULT_DEMO.normalVisitors, 0),
    attackersPerKind: positiveInt('attackers', values.attackers, DEFAULT_DEMO.attackersPerKind, 0),
    seed: positiveInt('seed', values.seed, DEFAULT_DEMO.seed, 0),
    outDir: values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'session-warden-demo-')),
  });
  console.log(result.text);
}

main().catch((err) => {
  if (err instanceof DemoPreconditionError) console.error(`demo: ${err.message}`);
  else console.error(`demo failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
