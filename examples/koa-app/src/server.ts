import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3000);
const { app } = createApp();
app.listen(port, () => {
  console.log(`Koa example shop on http://localhost:${port} — Session Warden records to ./warden.db`
    + `${process.env.WARDEN_BLOCK_IP === '1' ? ', blocking on' : ''}${process.env.WARDEN_TRUST_PROXY ? `, trusting ${process.env.WARDEN_TRUST_PROXY}` : ''}`);
});
