import { fillPath } from '../site.js';
import type { Trace } from '../trace.js';

/**
 * Attack pace: most tools run flat out, a share are throttled to stay under rate limits,
 * and the quiet ones stay just under the session gap so they never look like a burst.
 */
function attackGap(t: Trace): () => number {
  const mode = t.rng.weighted({ fast: 5, throttled: 3, quiet: 2 });
  const base = mode === 'fast' ? t.rng.uniform(0.005, 0.3) : mode === 'throttled' ? t.rng.uniform(0.3, 3) : t.rng.uniform(3, 13);
  return () => base * t.rng.uniform(0.6, 1.4);
}

/** Dictionary attack on one account: the same login form posted again and again. */
export function bruteForce(t: Trace): void {
  const s = t.site;
  const gap = attackGap(t);
  const fetchesForm = t.rng.chance(0.35); // tools that scrape a CSRF token before each try
  const tries = t.rng.int(15, 1200);
  for (let i = 0; i < tries; i++) {
    if (fetchesForm) t.request('GET', s.loginPath, 200).wait(gap() / 3);
    t.request('POST', s.loginPath, t.rng.chance(0.02) ? 429 : s.loginFailStatus, { contentType: 'application/x-www-form-urlencoded' });
    t.wait(gap());
  }
}

/** Leaked username/password pairs tried one after another; a few succeed. */
export function credentialStuffing(t: Trace): void {
  const s = t.site;
  const gap = attackGap(t);
  const tries = t.rng.int(8, 600);
  for (let i = 0; i < tries; i++) {
    const ok = t.rng.chance(0.01);
    t.request('POST', s.loginPath, ok ? s.loginOkStatus : s.loginFailStatus);
    if (ok && t.rng.chance(0.5)) t.wait(0.2).request('GET', '/account', 200);
    t.wait(gap());
  }
}

const PROBES = ['/.env', '/.git/config', '/wp-login.php', '/wp-admin/', '/phpmyadmin/', '/admin', '/admin.php', '/config.php',
  '/backup.zip', '/db.sql', '/server-status', '/.htaccess', '/cgi-bin/test.cgi', '/etc/passwd', '/../../../../etc/passwd',
  '/actuator/env', '/console', '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '/.DS_Store', '/xmlrpc.php',
  '/api/v1/users', '/debug', '/.aws/credentials', '/web.config', '/solr/admin', '/jenkins/script', '/.svn/entries',
  '/index.php?id=1%27', '/search?q=%3Cscript%3E', '/login.asp', '/manager/html', '/owa/', '/robots.txt', '/sitemap.xml'];

/** A vulnerability scanner: known-file probes and parameter fuzzing, mostly answered 404/403. */
export function scanner(t: Trace): void {
  const gap = attackGap(t);
  const probes = t.rng.int(20, 2500);
  const known = t.rng.uniform(0, 0.25); // share of probes that hit real pages
  for (let i = 0; i < probes; i++) {
    const method = t.rng.weighted({ GET: 20, POST: 2, HEAD: 2, OPTIONS: 1, PUT: 0.5, TRACE: 0.3 });
    if (t.rng.chance(known)) {
      const path = fillPath(t.rng, t.rng.pick(t.site.pages));
      t.request(method, `${path}?${t.rng.pick(['id', 'q', 'file', 'page'])}=${t.rng.pick(['1%27--', '..%2f..%2fetc', '%3Csvg', ';id'])}`,
        t.rng.pick([200, 200, 400, 500, 302]));
    } else {
      const path = `${t.rng.chance(0.3) ? t.rng.pick(['/old', '/test', '/dev', '/v2', '/app']) : ''}${t.rng.pick(PROBES)}`;
      // A single-page app answers unknown GETs with its index page, so many probes come back 200.
      if (t.site.spaFallback && method === 'GET' && t.rng.chance(0.85)) t.request(method, path, 200);
      else t.request(method, path, Number(t.rng.weighted({ '404': 12, '403': 3, '400': 1, '401': 1, '405': 1, '301': 1, '200': 0.7, '500': 0.5 })));
    }
    t.wait(gap());
  }
}

/** A flood: one or a few URLs as fast as the tool can, until the server sheds load. */
export function dosFlood(t: Trace): void {
  const targets = Array.from({ length: t.rng.int(1, 4) }, () => fillPath(t.rng, t.rng.pick([...t.site.pages, ...t.site.apiPaths])));
  const perSecond = t.rng.chance(0.8) ? t.rng.uniform(30, 1500) : t.rng.uniform(4, 30);
  const total = t.rng.int(200, 4000);
  const method = t.rng.chance(0.8) ? 'GET' : 'POST';
  const shedsLoad = t.rng.chance(0.4);
  for (let i = 0; i < total; i++) {
    const status = shedsLoad && i > total / 3 && t.rng.chance(0.6) ? t.rng.pick([503, 429, 502]) : 200;
    t.request(method, t.rng.pick(targets), status);
    t.wait(t.rng.exponential(1 / perSecond));
  }
}

/** A scraper: every product or profile page in turn, no assets, steady or deliberately slow. */
export function scraper(t: Trace): void {
  const gap = attackGap(t);
  const pages = t.rng.int(30, 2000);
  const template = t.rng.pick(t.site.pages.filter((p) => p.includes(':')).concat(t.site.apiPaths.filter((p) => p.includes(':'))));
  let id = t.rng.int(1, 1000);
  for (let i = 0; i < pages; i++) {
    const path = template.includes(':id') ? template.replace(':id', String(id++)) : fillPath(t.rng, template);
    t.request('GET', `${path}${t.rng.chance(0.2) ? `?page=${i}` : ''}`, t.rng.chance(0.12) ? 404 : 200);
    t.wait(gap());
  }
}

/** Walks object IDs on an API (IDOR hunting): mostly 403/404 with the odd hit. */
export function apiEnumeration(t: Trace): void {
  const gap = attackGap(t);
  const base = t.rng.pick(['/api/users/', '/api/orders/', '/api/v1/users/', '/api/invoices/', '/api/files/']);
  let id = t.rng.int(1, 500);
  for (let i = t.rng.int(30, 1500); i > 0; i--) {
    t.request(t.rng.chance(0.9) ? 'GET' : 'PUT', `${base}${id++}`, Number(t.rng.weighted({ '404': 5, '403': 4, '401': 2, '200': 1 })));
    t.wait(gap());
  }
}

export const ATTACK_PERSONAS = { bruteForce, credentialStuffing, scanner, dosFlood, scraper, apiEnumeration } as const;
