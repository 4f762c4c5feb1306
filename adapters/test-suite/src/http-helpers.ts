import http, { type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestRecord, Warden } from '@session-warden/core';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** Listens on an ephemeral loopback port; resolves with the base URL. */
export function listen(handler: http.RequestListener): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: init.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Sends a request and drops the connection after `afterMs`, as an impatient client does. */
export function abortAfter(url: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request(url);
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.end();
    setTimeout(() => req.destroy(), afterMs);
  });
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every byte SQLite holds for a database file (main file, WAL, journal), as latin1 text for searching. */
export function databaseBytes(dir: string): string {
  return readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('\n');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 4000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(15);
  }
}

/** All stored records, oldest first (writes what is queued first). */
export async function storedRecords(warden: Warden): Promise<RequestRecord[]> {
  await warden.settle();
  const ids = await warden.storage.requests.listSessionIds(10_000);
  const all = (await Promise.all(ids.map((id) => warden.storage.requests.findBySession(id)))).flat();
  return all.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}

/** Waits for the stored record whose path is `path`. */
export function recordFor(warden: Warden, path: string, timeoutMs = 4000): Promise<RequestRecord> {
  return until(async () => (await storedRecords(warden)).find((r) => r.path === path), timeoutMs);
}

/**
 * Sends raw requests one after another over one TCP connection (keep-alive) and returns the
 * exact bytes of each response. Responses must carry Content-Length. `pipelined` sends them all
 * in one write, before any response has arrived.
 */
export async function rawExchanges(url: string, requests: readonly string[], { pipelined = false } = {}): Promise<Buffer[]> {
  const { port } = new URL(url);
  const net = await import('node:net');
  const socket = net.connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let pending = Buffer.alloc(0);
  const responses: Buffer[] = [];
  const readOne = () => new Promise<Buffer>((resolve, reject) => {
    const tryParse = () => {
      const end = pending.indexOf('\r\n\r\n');
      if (end === -1) return false;
      const head = pending.subarray(0, end).toString('latin1');
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const total = end + 4 + length;
      if (pending.length < total) return false;
      const response = pending.subarray(0, total);
      pending = pending.subarray(total);
      socket.off('data', onData);
      resolve(Buffer.from(response));
      return true;
    };
    const onData = (chunk: Buffer) => { pending = Buffer.concat([pending, chunk]); tryParse(); };
    socket.on('data', onData);
    socket.once('error', reject);
    tryParse();
  });
  if (pipelined) socket.write(requests.join(''));
  for (const raw of requests) {
    if (!pipelined) socket.write(raw);
    responses.push(await readOne());
  }
  socket.destroy();
  return responses;
}

/**
 * Sends one GET over a fresh connection that the server closes after answering, and returns
 * every byte the response took on the wire (head, body and chunked framing alike).
 */
export async function rawResponseBytes(url: string, path: string): Promise<Buffer> {
  const { port } = new URL(url);
  const net = await import('node:net');
  const socket = net.connect(Number(port), '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  await new Promise((resolve, reject) => { socket.once('end', resolve); socket.once('error', reject); });
  socket.destroy();
  return Buffer.concat(chunks);
}

/** Waits for the stored record of `path` with query `query`. */
export function recordWithQuery(warden: Warden, path: string, query: string, timeoutMs = 4000): Promise<RequestRecord> {
  return until(async () => (await storedRecords(warden)).find((r) => r.path === path && r.query === query), timeoutMs);
}
