import { expect } from 'chai';
import { databaseBytes, recordFor, request } from '../http-helpers.js';
import type { Flavour } from '../test-app.js';

const PASSWORD = 'Sup3r-S3cret-Pa55word!';

export function redactionSuite(flavours: readonly Flavour[]): void {
  for (const { name: flavour, start } of flavours) {
    describe(`${flavour}: redaction`, () => {
      it('a password posted to /login never reaches the database in any form', async () => {
        const app = await start();
        try {
          await request(`${app.url}/login`, { method: 'POST', body: `username=alice&password=${encodeURIComponent(PASSWORD)}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
          await request(`${app.url}/login?token=${encodeURIComponent(PASSWORD)}x`, { method: 'POST', body: JSON.stringify({ username: 'bob', pwd: PASSWORD }), headers: { 'Content-Type': 'application/json' } });
          const record = await recordFor(app.warden, '/login');
          expect(record.body).to.deep.equal({ username: 'alice', password: '[REDACTED]' });
          await app.stop();
          const bytes = databaseBytes(app.dir);
          for (const form of [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString('base64'), 'Sup3r-S3cret']) {
            expect(bytes.includes(form), form).to.equal(false);
          }
          expect(bytes).to.include('alice');
        } finally {
          await app.close();
        }
      });
    });
  }
}
