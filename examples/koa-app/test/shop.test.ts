import http from 'node:http';
import { shopSuite } from '@session-warden/example-shop-site/dist/src/testing/shop-suite.js';
import { createApp } from '../src/app.js';
import config from '../src/warden.config.js';

shopSuite('Koa', config, (options) => {
  const { app, protection } = createApp(options);
  return { server: () => http.createServer(app.callback()), protection };
});
