import type { Rng } from './rng.js';

/** What kind of app a simulated site is; it decides the path vocabulary. */
export type SiteKind = 'shop' | 'social' | 'saas' | 'blog' | 'api';

/**
 * How one simulated site behaves. Real sites differ in what is logged (assets or not),
 * which status codes they answer, whether pages poll, and how a failed login looks; a model
 * trained on one fixed site learns that site, so every profile draws these anew.
 */
export interface SiteProfile {
  kind: SiteKind;
  loginPath: string;
  /** Status of a failed login: re-rendered form (200), 401, 403, redirect (302) or 400. */
  loginFailStatus: number;
  loginOkStatus: number;
  /** Static assets logged per page load (0: served elsewhere, never seen by the middleware). */
  assetsPerPage: readonly [number, number];
  /** XHR/API calls a page makes after loading. */
  apiCallsPerPage: readonly [number, number];
  /** Share of asset requests that end 404 (favicon, source maps). */
  missingAssetRate: number;
  /** Share of page/asset requests answered 304. */
  notModifiedRate: number;
  /** Seconds between background polls from an open tab; 0 when the site does not poll. */
  pollIntervalSec: number;
  pollPath: string;
  /** Share of normal requests that fail 4xx anyway (expired auth, stale links, validation). */
  strayClientErrorRate: number;
  pages: readonly string[];
  apiPaths: readonly string[];
  postPaths: readonly string[];
  /** Analytics beacons POSTed per page view (0: none). Real pages often send several. */
  beaconsPerPage: number;
  /** Real-time updates over HTTP long-polling (socket.io style): a GET and a POST every few seconds. */
  longPolling: boolean;
  /** A single-page app that answers every unknown path 200 with its index page, so probes do not 404. */
  spaFallback: boolean;
}

const PAGES: Record<SiteKind, readonly string[]> = {
  shop: ['/', '/products', '/products/:id', '/category/:slug', '/search', '/cart', '/checkout', '/account', '/orders', '/help'],
  social: ['/', '/feed', '/profile/:user', '/posts/:id', '/messages', '/notifications', '/friends', '/search', '/settings'],
  saas: ['/', '/dashboard', '/projects', '/projects/:id', '/reports', '/settings', '/team', '/billing', '/docs/:slug'],
  blog: ['/', '/posts/:slug', '/tags/:slug', '/about', '/archive', '/search', '/contact'],
  api: ['/', '/docs', '/status'],
};
const API: Record<SiteKind, readonly string[]> = {
  shop: ['/api/cart', '/api/products/:id', '/api/recommendations', '/api/stock/:id', '/api/reviews/:id'],
  social: ['/api/feed', '/api/posts/:id/comments', '/api/users/:user', '/api/likes', '/api/notifications/count'],
  saas: ['/api/projects', '/api/projects/:id/tasks', '/api/metrics', '/api/me', '/api/events'],
  blog: ['/api/comments/:slug', '/api/views', '/api/related/:slug'],
  api: ['/api/v1/items', '/api/v1/items/:id', '/api/v1/orders', '/api/v1/users/:id', '/api/v1/events'],
};
const POSTS: Record<SiteKind, readonly string[]> = {
  shop: ['/api/cart', '/cart/add', '/checkout', '/api/reviews', '/newsletter'],
  social: ['/posts', '/api/likes', '/api/posts/:id/comments', '/messages', '/api/follow'],
  saas: ['/api/projects', '/api/projects/:id/tasks', '/settings', '/api/events', '/team/invite'],
  blog: ['/api/comments/:slug', '/contact', '/newsletter'],
  api: ['/api/v1/items', '/api/v1/orders', '/api/v1/events'],
};

export function drawSite(rng: Rng): SiteProfile {
  const kind = rng.weighted<SiteKind>({ shop: 3, social: 3, saas: 2, blog: 1, api: 1 });
  const logsAssets = rng.chance(0.45);
  // Image-heavy feeds and unbundled apps load a hundred files or more per page.
  const assetsHi = logsAssets ? (rng.chance(0.15) ? rng.int(60, 150) : rng.int(3, 45)) : 0;
  return {
    kind,
    loginPath: rng.chance(0.85) ? '/login' : rng.pick(['/signin', '/api/login', '/auth/login', '/user/login']),
    loginFailStatus: rng.pick([200, 200, 401, 401, 403, 302, 400]),
    loginOkStatus: rng.pick([302, 302, 200, 303]),
    assetsPerPage: [logsAssets ? Math.floor(assetsHi / 3) : 0, assetsHi],
    apiCallsPerPage: kind === 'blog' ? [0, rng.int(0, 2)] : [0, rng.int(1, 8)],
    missingAssetRate: rng.chance(0.5) ? rng.uniform(0, 0.02) : rng.uniform(0.02, 0.15),
    notModifiedRate: rng.uniform(0, 0.4),
    pollIntervalSec: rng.chance(0.35) ? rng.pick([2, 3, 5, 5, 10, 10, 15, 20, 30, 60]) : 0,
    pollPath: rng.pick(['/api/notifications/count', '/api/poll', '/socket.io/', '/api/events', '/heartbeat']),
    strayClientErrorRate: rng.uniform(0, 0.06),
    pages: PAGES[kind],
    apiPaths: API[kind],
    postPaths: POSTS[kind],
    beaconsPerPage: rng.chance(0.25) ? rng.int(1, 4) : 0,
    longPolling: kind === 'social' ? rng.chance(0.3) : rng.chance(0.08),
    spaFallback: rng.chance(0.15),
  };
}

/** Fills `:id`-style placeholders so paths look like a real site's. */
export function fillPath(rng: Rng, template: string): string {
  return template
    .replace(':id', String(rng.int(1, 5000)))
    .replace(':user', rng.pick(['ana', 'li.wei', 'omar', 'kofi', 'mila', 'juan_p', 'sven', 'aiko']) + rng.int(1, 99))
    .replace(':slug', rng.pick(['spring-sale', 'how-to', 'release-notes', 'shoes', 'garden', 'intro', 'faq']));
}
