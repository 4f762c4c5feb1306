import { join } from 'node:path';
import express from 'express';
import { warden, type ExpressWardenOptions } from '@session-warden/express';
import config from './warden.config.js';
import { DEMO_USER, findProduct, layout, loginForm, productList, productPage, PRODUCTS, PUBLIC_DIR, searchProducts } from '@session-warden/example-shop-site';

/** The shop; `options` replaces the config module's settings (tests point storage at a temp file). */
export function createApp(options: ExpressWardenOptions = config) {
  const protection = warden(options);
  const app = express();
  app.use(protection); // the one line: records every request, refuses blocked clients
  app.use('/static', express.static(PUBLIC_DIR));
  app.use(express.urlencoded({ extended: false }));
  app.use(express.json());

  app.get('/', (_req, res) => { res.send(layout('Home', `<h1>Gear for long walks</h1>${productList(PRODUCTS)}`)); });
  app.get('/robots.txt', (_req, res) => { res.sendFile(join(PUBLIC_DIR, 'robots.txt')); });
  app.get('/products/:id', (req, res) => {
    const product = findProduct(req.params.id);
    if (!product) { res.status(404).send(layout('Not found', '<h1>No such product</h1>')); return; }
    res.send(layout(product.name, productPage(product)));
  });
  app.get('/search', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.send(layout(`Search: ${q}`, `<h1>Results</h1>${productList(searchProducts(q))}`, q));
  });
  app.get('/login', (_req, res) => { res.send(layout('Sign in', loginForm())); });
  app.post('/login', (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: string; password?: string };
    if (username === DEMO_USER.username && password === DEMO_USER.password) {
      res.send(layout('Welcome', `<h1>Welcome back, ${username}</h1>`));
      return;
    }
    res.status(401).send(layout('Sign in', loginForm('Wrong user name or password.')));
  });
  app.get('/api/products', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.json({ products: searchProducts(q) });
  });
  return { app, protection };
}
