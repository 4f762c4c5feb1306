import { expect } from 'chai';
import type { SessionClosed } from '@session-warden/core';
import { TimeSessionizer } from '../src/index.js';
import { SWEEP_LIMIT } from '../src/time-sessionizer.js';

const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const at = (ms: number) => new Date(t0 + ms);
const req = (clientIP: string, ms: number) => ({ clientIP, timestamp: at(ms), method: 'GET', path: '/' });

function make(opts: Partial<ConstructorParameters<typeof TimeSessionizer>[0]> = {}) {
  const s = new TimeSessionizer({ sessTimeThres: 15, maxReqsPerSess: 180, maxTrackedClients: 1000, ...opts });
  const closed: SessionClosed[] = [];
  s.onSessionClosed((e) => closed.push(e));
  return { s, closed };
}

describe('time sessionizer', () => {
  it('keeps a client in one session while gaps stay within sessTimeThres', () => {
    const { s, closed } = make();
    const ids = [0, 5000, 19_000, 34_000].map((ms) => s.assign(req('1.1.1.1', ms)));
    expect(new Set(ids).size).to.equal(1);
    expect(ids[0]).to.match(/^[0-9a-f]{24}$/);
    expect(closed).to.have.length(0);
  });

  it('starts a new session when the gap exceeds sessTimeThres and reports the closed one', () => {
    const { s, closed } = make();
    const a = s.assign(req('1.1.1.1', 0));
    s.assign(req('1.1.1.1', 10_000));
    const b = s.assign(req('1.1.1.1', 25_001));
    expect(b).to.not.equal(a);
    expect(closed).to.have.length(1);
    expect(closed[0]).to.deep.include({ sessionID: a, clientIP: '1.1.1.1', reason: 'gap', requestCount: 2 });
    expect(closed[0]!.firstAt.getTime()).to.equal(t0);
    expect(closed[0]!.lastAt.getTime()).to.equal(t0 + 10_000);
  });

  it('closes a session after maxReqsPerSess requests', () => {
    const { s, closed } = make({ maxReqsPerSess: 3 });
    const ids = [0, 1, 2, 3, 4].map((ms) => s.assign(req('2.2.2.2', ms)));
    expect(ids.slice(0, 3).every((id) => id === ids[0])).to.equal(true);
    expect(ids[3]).to.not.equal(ids[0]);
    expect(ids[4]).to.equal(ids[3]);
    expect(closed.map((c) => [c.reason, c.requestCount])).to.deep.equal([['cap', 3]]);
  });

  it('keeps clients apart', () => {
    const { s } = make();
    expect(s.assign(req('1.1.1.1', 0))).to.not.equal(s.assign(req('1.1.1.2', 0)));
  });

  it('sweeps idle sessions so a client\'s last session is closed too', () => {
    const { s, closed } = make();
    s.assign(req('1.1.1.1', 0));
    s.assign(req('3.3.3.3', 10_000));
    s.sweep(at(16_000));
    expect(closed.map((c) => [c.clientIP, c.reason])).to.deep.equal([['1.1.1.1', 'idle']]);
    expect(s.openSessions).to.equal(1);
    s.sweep(at(30_000));
    expect(closed.map((c) => c.clientIP)).to.deep.equal(['1.1.1.1', '3.3.3.3']);
  });

  it('bounds memory: at maxTrackedClients the least recently active client is closed', () => {
    const { s, closed } = make({ maxTrackedClients: 2 });
    s.assign(req('a', 0));
    s.assign(req('b', 1));
    s.assign(req('a', 2)); // a becomes most recent
    s.assign(req('c', 3));
    expect(s.openSessions).to.equal(2);
    expect(closed.map((c) => [c.clientIP, c.reason])).to.deep.equal([['b', 'evicted']]);
  });

  it('closes at most SWEEP_LIMIT idle sessions a sweep, the oldest first, and the rest at the next one', () => {
    const { s, closed } = make({ maxTrackedClients: SWEEP_LIMIT + 100 });
    for (let c = 0; c < SWEEP_LIMIT + 10; c++) s.assign(req(`10.0.${c >> 8}.${c & 255}`, c));
    s.sweep(at(60_000));
    expect(closed).to.have.length(SWEEP_LIMIT);
    expect(closed[SWEEP_LIMIT - 1]!.clientIP).to.equal(`10.0.${(SWEEP_LIMIT - 1) >> 8}.${(SWEEP_LIMIT - 1) & 255}`);
    s.sweep(at(61_000));
    expect(closed).to.have.length(SWEEP_LIMIT + 10);
    expect(s.openSessions).to.equal(0);
  });

  it('keeps the order of last activity through runs of one client\'s requests, closed sessions and sweeps', () => {
    const { s, closed } = make({ maxTrackedClients: 3, maxReqsPerSess: 3 });
    s.assign(req('a', 0));
    s.assign(req('a', 1)); // a again: already the most recent
    s.assign(req('b', 2));
    s.assign(req('a', 3)); // a is most recent again; b is now the least recent
    s.assign(req('a', 4)); // a's cap: its session closes and a new one starts, most recent
    s.assign(req('c', 5));
    s.assign(req('b', 6)); // order: a, c, b
    s.assign(req('d', 7)); // evicts a
    s.sweep(at(15_006)); // idle for more than 15 s: c (last active at 5), not b (6) nor d
    s.assign(req('d', 15_006)); // d again: most recent
    s.assign(req('e', 15_007));
    s.assign(req('f', 15_008)); // evicts b
    expect(closed.map((c) => [c.clientIP, c.reason])).to.deep.equal([['a', 'cap'], ['a', 'evicted'], ['c', 'idle'], ['b', 'evicted']]);
    expect(s.openSessions).to.equal(3);
  });

  it('closes everything on closeAll and survives a throwing listener', () => {
    const { s, closed } = make();
    s.onSessionClosed(() => { throw new Error('listener bug'); });
    s.assign(req('a', 0));
    s.assign(req('b', 0));
    s.closeAll();
    expect(closed.map((c) => c.reason)).to.deep.equal(['shutdown', 'shutdown']);
    expect(s.openSessions).to.equal(0);
  });

  it('gives unique IDs to many sessions', () => {
    const { s } = make({ maxReqsPerSess: 1 });
    const ids = new Set(Array.from({ length: 10_000 }, (_, i) => s.assign(req('x', i))));
    expect(ids.size).to.equal(10_000);
  });
});
