import { expect } from 'chai';
import { recordFor, request } from '../http-helpers.js';
import type { Flavour } from '../test-app.js';

export function clientIpSuite(flavours: readonly Flavour[]): void {
  for (const { name: flavour, start } of flavours) {
    describe(`${flavour}: client IP from forwarding headers`, () => {
      it('ignores spoofed forwarding headers from an untrusted peer', async () => {
        const app = await start();
        try {
          await request(`${app.url}/hello`, { headers: { 'X-Forwarded-For': '203.0.113.9', Forwarded: 'for=203.0.113.9', 'X-Real-IP': '203.0.113.9' } });
          expect(await recordFor(app.warden, '/hello')).to.include({ clientIP: '127.0.0.1', ipSource: 'socket' });
        } finally {
          await app.close();
        }
      });

      it('honours them from a trusted proxy, and says which header it used', async () => {
        const app = await start({ trustProxy: 'loopback', customIPHeader: 'X-Origin-Client' });
        try {
          await request(`${app.url}/hello`, { headers: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.9' } });
          await request(`${app.url}/products/1`, { headers: { 'x-origin-client': '198.51.100.4' } });
          expect(await recordFor(app.warden, '/hello')).to.include({ clientIP: '203.0.113.9', ipSource: 'x-forwarded-for' });
          expect(await recordFor(app.warden, '/products/1')).to.include({ clientIP: '198.51.100.4', ipSource: 'custom-header' });
        } finally {
          await app.close();
        }
      });
    });
  }
}
