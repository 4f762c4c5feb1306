import type { Express, Request, Response } from 'express';
import type { SiteProfile } from '@session-warden/training';
import { PRODUCTS } from '@session-warden/example-shop-site';

/**
 * The example shop described the way the traffic simulator describes a site, so its personas
 * ask for pages the shop has. Personas pick numeric product IDs; `shopPath` maps them to real ones.
 */
export const SHOP_SITE: SiteProfile = {
  kind: 'shop',
  loginPath: '/login',
  loginFailStatus: 401,
  loginOkStatus: 200,
  assetsPerPage: [1, 5],
  apiCallsPerPage: [0, 2],
  missingAssetRate: 0.01,
  notModifiedRate: 0,
  pollIntervalSec: 0,
  pollPath: '/api/cart',
  strayClientErrorRate: 0.01,
  pages: ['/', '/products', '/products/:id', '/search', '/cart', '/checkout', '/account', '/orders', '/help'],
  apiPaths: ['/api/products', '/api/cart', '/api/stock/:id', '/api/reviews/:id'],
  postPaths: ['/api/cart', '/cart/add', '/checkout', '/api/reviews', '/newsletter'],
  beaconsPerPage: 0,
  longPolling: false,
  spaFallback: false,
};

/** `/products/123` → one of the shop's real products, so a shopper's product pages exist. */
export function shopPath(path: string): string {
  return path.replace(/^\/products\/(\d+)/, (_m, id: string) => `/products/${PRODUCTS[Number(id) % PRODUCTS.length]!.id}`);
}

const ASSET_TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', png: 'image/png', jpg: 'image/jpeg', ico: 'image/x-icon', woff2: 'font/woff2' };

/**
 * Pages and assets the simulator's shop has and the example shop lacks (cart, account, images):
 * small stand-ins mounted after the shop's own routes, so the shop's answers are untouched.
 */
export function addSimulatedShopPages(app: Express): void {
  const page = (title: string) => (_req: Request, res: Response) => { res.send(`<!doctype html><title>${title}</title><h1>${title}</h1>`); };
  for (const [path, title] of [['/products', 'All products'], ['/cart', 'Your cart'], ['/checkout', 'Checkout'], ['/account', 'Your account'],
    ['/orders', 'Your orders'], ['/help', 'Help']] as const) app.get(path, page(title));
  app.get(['/api/cart', '/api/stock/:id', '/api/reviews/:id'], (_req, res) => { res.json({ ok: true, items: [] }); });
  app.post(['/api/cart', '/cart/add', '/checkout', '/api/reviews', '/newsletter'], (_req, res) => { res.status(201).json({ ok: true }); });
  app.get(['/static/:file', '/img/:file', '/fonts/:file', '/favicon.ico'], (req, res) => {
    const ext = req.path.split('.').pop() ?? '';
    res.type(ASSET_TYPES[ext] ?? 'application/octet-stream').send(Buffer.alloc(512, 32));
  });
}
