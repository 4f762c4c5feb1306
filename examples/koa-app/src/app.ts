import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { warden, type KoaWardenOptions } from '@session-warden/koa';
import config from './warden.config.js';
import { DEMO_USER, findProduct, layout, loginForm, productList, productPage, PRODUCTS, PUBLIC_DIR, searchProducts } from '@session-warden/example-shop-site';
import { staticFiles } from './static-files.js';

/** The shop; `options` replaces the config module's settings (tests point storage at a temp file). */
export function createApp(options: KoaWardenOptions = config) {
  const protection = warden(options);
  const app = new Koa();
  const router = new Router();
  const text = (q: unknown) => (typeof q === 'string' ? q : '');

  router.get('/', (ctx) => { ctx.body = layout('Home', `<h1>Gear for long walks</h1>${productList(PRODUCTS)}`); });
  router.get('/products/:id', (ctx) => {
    const product = findProduct(ctx.params.id!);
    if (!product) { ctx.status = 404; ctx.body = layout('Not found', '<h1>No such product</h1>'); return; }
    ctx.body = layout(product.name, productPage(product));
  });
  router.get('/search', (ctx) => {
    const q = text(ctx.query.q);
    ctx.body = layout(`Search: ${q}`, `<h1>Results</h1>${productList(searchProducts(q))}`, q);
  });
  router.get('/login', (ctx) => { ctx.body = layout('Sign in', loginForm()); });
  router.post('/login', (ctx) => {
    const { username, password } = (ctx.request.body ?? {}) as { username?: string; password?: string };
    if (username === DEMO_USER.username && password === DEMO_USER.password) {
      ctx.body = layout('Welcome', `<h1>Welcome back, ${username}</h1>`);
      return;
    }
    ctx.status = 401;
    ctx.body = layout('Sign in', loginForm('Wrong user name or password.'));
  });
  router.get('/api/products', (ctx) => { ctx.body = { products: searchProducts(text(ctx.query.q)) }; });

  app.use(protection); // the one line: records every request, refuses blocked clients
  app.use(staticFiles('/static/', PUBLIC_DIR));
  app.use(bodyParser());
  app.use(router.routes());
  app.use(router.allowedMethods());
  return { app, protection };
}
