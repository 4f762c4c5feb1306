import type http from 'node:http';
import { listen, type tempDir } from './http-helpers.js';
import type { TestApp } from './test-app.js';

/** What an adapter's test site is made of, before it listens. */
export interface TestAppParts {
  handler: http.RequestListener;
  middleware: TestApp['middleware'];
  tmp: ReturnType<typeof tempDir>;
  hits: TestApp['hits'];
  stream: TestApp['stream'];
}

/** Listens on loopback, waits for the Warden, and gives the site a stop (keeps files) and a close (removes them). */
export async function serveTestApp({ handler, middleware, tmp, hits, stream }: TestAppParts): Promise<TestApp> {
  const server = await listen(handler);
  const running = await middleware.ready;
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    await server.close();
    await middleware.close();
  })());
  return {
    url: server.url, warden: running, middleware, dir: tmp.dir, hits, stream, stop,
    async close() {
      await stop();
      tmp.remove();
    },
  };
}
