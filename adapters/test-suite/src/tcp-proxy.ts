import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay between the app and a database, so a test can take the database away and give it
 * back without stopping the shared server: `cut()` drops every connection and refuses new ones.
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1') {
  const live = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) { client.destroy(); return; }
    const upstream = net.connect(targetPort, targetHost);
    live.add(client);
    live.add(upstream);
    const drop = () => { client.destroy(); upstream.destroy(); live.delete(client); live.delete(upstream); };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      down = true;
      for (const socket of live) socket.destroy();
      live.clear();
    },
    restore() {
      down = false;
    },
    close() {
      this.cut();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
