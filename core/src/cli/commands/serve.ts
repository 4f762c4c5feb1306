import { parseArgs } from 'node:util';
import { startApiServer } from '../../api/server.js';
import { ValidationError } from '../../errors.js';
import { Warden } from '../../runtime/warden.js';
import type { CliIo } from '../io.js';
import { optionsFrom } from '../options.js';

export const serveHelp = `warden serve [--port 4000] [--host 127.0.0.1] [--config file] [--storage url|file] [--api-key key]
  Starts the classifier API (POST /api {"sesID"}). The admin endpoints need WARDEN_API_KEY (or --api-key);
  listening off loopback without a key is refused.`;

/** Runs until SIGINT/SIGTERM, then closes the server and the storage. */
export async function serve(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      config: { type: 'string' },
      storage: { type: 'string' },
      'api-key': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ValidationError(`--port got "${values.port}"; expected a port number from 0 to 65535.`);
  const warden = await Warden.start(await optionsFrom(values));
  let server;
  try {
    server = await startApiServer(warden, { port, host: values.host, apiKey: values['api-key'] ?? process.env.WARDEN_API_KEY });
  } catch (err) {
    await warden.close();
    throw err;
  }
  io.stdout.write(`Session Warden classifier API on ${server.url} (storage: ${warden.storage.description})\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await warden.close();
  return 0;
}
