import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';

/** A reason the demo cannot run here, with what to do instead; printed without a stack trace. */
export class DemoPreconditionError extends Error {
  override name = 'DemoPreconditionError';
}

/** Binds the port on loopback: resolves with the server, or says the port is taken. Port 0 picks a free one. */
export function listenOnLoopback(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') reject(new DemoPreconditionError(`Port ${port} on 127.0.0.1 is in use. Stop whatever listens there, or run with --port 0 to pick a free port.`));
      else if (err.code === 'EACCES') reject(new DemoPreconditionError(`Port ${port} needs privileges here. Use a port above 1024, or --port 0.`));
      else reject(err);
    };
    const onListening = () => { server.off('error', onError); resolve((server.address() as net.AddressInfo).port); };
    server.once('error', onError).once('listening', onListening).listen(port, '127.0.0.1');
  });
}

/** The shipped ONNX models must be there (a fresh clone has them; a partial checkout may not). */
export function checkShippedModels(): void {
  const modelsDir = join(dirname(require.resolve('@session-warden/model-onnx/package.json')), 'models');
  for (const file of ['text-default.onnx', 'session-default.onnx']) {
    if (!existsSync(join(modelsDir, file))) {
      throw new DemoPreconditionError(`The shipped model ${join(modelsDir, file)} is missing. Restore it with \`git checkout -- plugins/model-onnx/models\`.`);
    }
  }
}

export function checkOutputDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new DemoPreconditionError(`Cannot write the demo's database and report to ${dir} (${(err as Error).message}). Pass --out with a writable folder.`);
  }
}

export function checkNodeVersion(): void {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major < 20 || (major === 20 && minor < 19)) throw new DemoPreconditionError(`Node ${process.versions.node} is too old: Session Warden needs Node 20.19 or newer.`);
}
