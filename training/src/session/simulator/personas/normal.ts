import { fillPath } from '../site.js';
import type { Trace } from '../trace.js';

/** Seconds a person spends on a page: log-normal around their own pace. */
function think(t: Trace, medianSec: number): number { return t.rng.logNormal(medianSec, 1.0); }

/** Logs in the way people do: mostly once, sometimes after a typo or two. */
function humanLogin(t: Trace): void {
  const s = t.site;
  t.pageLoad(s.loginPath);
  t.wait(t.rng.uniform(4, 25));
  // Mostly right first time; some retry a few times, a few try every password they have.
  const typos = t.rng.chance(0.2) ? (t.rng.chance(0.85) ? t.rng.int(1, 3) : t.rng.int(4, 8)) : 0;
  for (let i = 0; i < typos; i++) {
    t.request('POST', s.loginPath, s.loginFailStatus);
    t.wait(t.rng.uniform(3, 15));
  }
  if (t.rng.chance(0.95)) t.request('POST', s.loginPath, s.loginOkStatus).wait(t.rng.uniform(0.1, 0.6)).pageLoad(t.rng.pick(s.pages));
}

/** Reads pages at their own pace, often in one quick burst and gone. */
export function browser(t: Trace): void {
  const pace = t.rng.uniform(2, 45);
  const pages = Math.ceil(t.rng.exponential(6));
  for (let i = 0; i < pages; i++) {
    t.pageLoad(t.rng.pick(t.site.pages));
    if (t.rng.chance(0.05)) t.wait(0.5).pageLoad(t.rng.pick(t.site.pages)); // double click / reload
    t.read(think(t, pace));
  }
  // Browsers fetch icons and manifests on their own, often alone after a while, and many sites 404 them.
  if (t.rng.chance(0.15)) {
    t.wait(t.rng.uniform(16, 300)).request('GET', t.rng.pick(['/favicon.ico', '/apple-touch-icon.png', '/robots.txt', '/manifest.json']), t.rng.chance(0.6) ? 404 : 200);
  }
}

/** Browses products, searches, fills a cart, maybe logs in and checks out. */
export function shopper(t: Trace): void {
  const s = t.site;
  const pace = t.rng.uniform(3, 30);
  t.pageLoad('/');
  const steps = t.rng.int(2, 25);
  for (let i = 0; i < steps; i++) {
    t.read(think(t, pace));
    const act = t.rng.weighted({ view: 5, search: 2, cart: 1.5, page: 1 });
    if (act === 'view') t.pageLoad(t.rng.chance(0.15) ? `${t.rng.pick(s.pages)}?utm_source=${t.rng.pick(['news', 'ads', 'social'])}&utm_medium=email` : t.rng.pick(s.pages));
    else if (act === 'search') t.pageLoad(`/search?q=${t.rng.pick(['shoes', 'blue+dress', 'usb-c', 'gift'])}`);
    else if (act === 'cart') t.ok('POST', fillPath(t.rng, t.rng.pick(s.postPaths)));
    else t.pageLoad(`${t.rng.pick(s.pages)}?page=${t.rng.int(2, 6)}`);
  }
  if (t.rng.chance(0.4)) {
    t.read(think(t, pace));
    humanLogin(t);
    t.read(think(t, pace)).ok('POST', '/checkout').pageLoad('/orders');
  }
}

/** A logged-in member of a social site: feed, posts, likes, messages, an open tab that polls. */
export function member(t: Trace): void {
  const s = t.site;
  const pace = t.rng.uniform(2, 40);
  if (t.rng.chance(0.5)) humanLogin(t);
  const steps = t.rng.int(1, 40);
  for (let i = 0; i < steps; i++) {
    const act = t.rng.weighted({ page: 4, post: 1.5, like: 2, scroll: 2 });
    if (act === 'page') t.pageLoad(t.rng.pick(s.pages));
    else if (act === 'post') t.ok('POST', fillPath(t.rng, t.rng.pick(s.postPaths)));
    else if (act === 'like') for (let k = t.rng.int(1, 6); k > 0; k--) t.wait(t.rng.uniform(0.3, 4)).ok('POST', fillPath(t.rng, t.rng.pick(s.postPaths)));
    else for (let k = t.rng.int(1, 5); k > 0; k--) t.wait(t.rng.uniform(0.5, 3)).ok('GET', `${fillPath(t.rng, t.rng.pick(s.apiPaths))}?page=${k}`);
    t.read(think(t, pace));
  }
}

/** An app or integration with a key: steady calls, sometimes quick, sometimes a sync burst. */
export function apiClient(t: Trace): void {
  const s = t.site;
  const interval = t.rng.chance(0.3) ? t.rng.uniform(0.3, 2) : t.rng.uniform(2, 40);
  const calls = t.rng.int(3, t.rng.chance(0.3) ? 400 : 60);
  const postShare = t.rng.uniform(0, 0.6);
  for (let i = 0; i < calls; i++) {
    const path = fillPath(t.rng, t.rng.pick(s.apiPaths));
    if (t.rng.chance(postShare)) t.ok('POST', fillPath(t.rng, t.rng.pick(s.postPaths)), { contentType: 'application/json' });
    else if (t.rng.chance(0.02)) t.request('GET', path, t.rng.pick([404, 429, 401]));
    else t.ok('GET', path);
    t.wait(interval * t.rng.uniform(0.7, 1.3));
    if (t.rng.chance(0.03)) t.wait(t.rng.uniform(20, 120)); // sync finished, waits for the next one
  }
}

/** A tab left open: a page, then nothing but polls for a long time (sometimes after the login expired). */
export function idleTab(t: Trace): void {
  t.pageLoad(t.rng.pick(t.site.pages));
  t.authExpired = t.rng.chance(0.25);
  if (t.site.pollIntervalSec > 0) t.read(t.rng.uniform(60, 3600));
  else for (let i = t.rng.int(2, 20); i > 0; i--) t.wait(t.rng.uniform(20, 300)).pageLoad(t.rng.pick(t.site.pages));
}

/** Someone who reloads, opens many tabs at once, or clicks fast: the busy end of normal. */
export function powerUser(t: Trace): void {
  const s = t.site;
  for (let round = t.rng.int(1, 6); round > 0; round--) {
    for (let tabs = t.rng.int(2, 12); tabs > 0; tabs--) t.wait(t.rng.uniform(0.05, 0.8)).pageLoad(t.rng.pick(s.pages));
    t.read(t.rng.uniform(5, 60));
  }
}

export const NORMAL_PERSONAS = { browser, shopper, member, apiClient, idleTab, powerUser } as const;
