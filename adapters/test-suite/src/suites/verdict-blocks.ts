import { expect } from 'chai';
import { definePlugin, TEXT_LABELS, TOKENS, type TextClassifier, type TextLabel } from '@session-warden/core';
import { request, until } from '../http-helpers.js';
import type { Flavour } from '../test-app.js';

/** Test double for the text model (the trained models are another package): "or 1=1" is sqli. */
const sqliTextModelDouble = definePlugin({
  name: 'test-double-text-model',
  provides: ['TextClassifier'],
  register(container) {
    const model: TextClassifier = {
      name: 'test-double-text-model',
      async classify(inputs) {
        return inputs.map((text) => {
          const label: TextLabel = decodeURIComponent(text).toLowerCase().includes('or 1=1') ? 'sqli' : 'benign';
          return { label, scores: Object.fromEntries(TEXT_LABELS.map((l) => [l, l === label ? 0.95 : 0.0125])) as Record<TextLabel, number> };
        });
      },
    };
    container.register(TOKENS.TextClassifier, { useValue: model });
  },
});

export function verdictBlocksSuite(flavours: readonly Flavour[]): void {
  for (const { name: flavour, start } of flavours) {
    describe(`${flavour}: a verdict that blacklists a client`, () => {
      it('takes effect on that client\'s next request (text model replaced by a test double)', async () => {
        const app = await start({
          trustProxy: 'loopback', useModels: true, blockIP: true, maxAbnormal: 0, blockDuration: 30, maxReqsPerSess: 3, plugins: [sqliTextModelDouble],
        });
        try {
          const attacker = { headers: { 'X-Forwarded-For': '203.0.113.80' } };
          const neighbour = { headers: { 'X-Forwarded-For': '203.0.113.81' } };
          for (let i = 0; i < 3; i++) expect((await request(`${app.url}/hello?q=${encodeURIComponent(`x' or 1=1-- ${i}`)}`, attacker)).status).to.equal(200);
          for (let i = 0; i < 3; i++) expect((await request(`${app.url}/hello?q=boots`, neighbour)).status).to.equal(200);
          // The third request closed the session (maxReqsPerSess); it is classified off the request path.
          const refused = await until(async () => { const r = await request(`${app.url}/hello`, attacker); return r.status === 403 && r; }, 3000);
          expect(Number(refused.headers['retry-after'])).to.be.within(25, 30);
          expect((await request(`${app.url}/hello`, neighbour)).status).to.equal(200);
          const entry = await app.warden.storage.blocklist.get('203.0.113.80');
          expect(entry?.reason).to.be.a('string').and.not.equal('');
        } finally {
          await app.close();
        }
      });
    });
  }
}
