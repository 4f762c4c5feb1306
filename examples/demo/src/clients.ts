import type { RequestRecord } from '@session-warden/core';
import { ATTACK_PERSONAS, NORMAL_PERSONAS, Rng, Trace } from '@session-warden/training';
import { DEMO_USER } from '@session-warden/example-shop-site';
import { ATTACK_CLASSES, PAYLOAD_FIELD, type DemoTexts } from './payloads.js';
import { SHOP_SITE, shopPath } from './shop-site.js';

export type NormalPersona = keyof typeof NORMAL_PERSONAS;
export type AttackPersona = 'bruteForce' | 'scanner' | 'dosFlood' | 'scraper';
export const DEMO_ATTACKS: readonly AttackPersona[] = ['bruteForce', 'scanner', 'dosFlood', 'scraper'];

export interface PlannedRequest {
  /** Milliseconds after the demo's traffic starts. */
  atMs: number;
  method: string;
  /** Path and query. */
  url: string;
  body?: string;
  contentType?: string;
}

export interface DemoClient {
  ip: string;
  persona: NormalPersona | AttackPersona;
  attacker: boolean;
  userAgent: string;
  requests: PlannedRequest[];
}

export interface ClientMix {
  seed: number;
  normalVisitors: number;
  attackersPerKind: number;
  /** Traffic is cut off after this long. */
  windowMs: number;
}

/** Three sessions' worth at the demo's 50-request cap: enough to be blocked after maxAbnormal (2). */
const FAST_TOOL_REQUESTS = 160;

const NORMAL_WEIGHTS: Record<NormalPersona, number> = { browser: 4, shopper: 3, member: 2, apiClient: 1, idleTab: 1, powerUser: 1 };
const BROWSERS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0'];
const TOOLS = ['python-requests/2.31', 'curl/8.4.0', 'Nikto/2.5', 'sqlmap/1.7', 'Go-http-client/1.1'];

/** A persona's simulated trace → requests the example shop understands, with bodies where the shop reads them. */
function plan(records: readonly RequestRecord[], rng: Rng, persona: string, texts: DemoTexts, startMs: number, windowMs: number): PlannedRequest[] {
  const t0 = records[0]?.timestamp.getTime() ?? 0;
  const out: PlannedRequest[] = [];
  let guess = 0;
  for (const r of records) {
    const atMs = startMs + r.timestamp.getTime() - t0;
    if (atMs >= windowMs) break;
    let url = shopPath(r.path) + (r.query ? `?${r.query}` : '');
    const req: PlannedRequest = { atMs, method: r.method, url };
    if (persona === 'scanner' && rng.chance(0.5)) {
      const cls = ATTACK_CLASSES[out.length % ATTACK_CLASSES.length]!;
      req.url = `${shopPath(r.path)}?${PAYLOAD_FIELD[cls]}=${encodeURIComponent(rng.pick(texts.attacks[cls]))}`;
    }
    if (r.method === 'POST' && r.path === SHOP_SITE.loginPath) {
      const ok = r.statusCode === SHOP_SITE.loginOkStatus;
      const username = persona === 'bruteForce' ? 'admin' : DEMO_USER.username;
      const password = ok ? DEMO_USER.password : `guess-${guess++}`;
      req.body = new URLSearchParams({ username, password }).toString();
      req.contentType = 'application/x-www-form-urlencoded';
    } else if (r.method === 'POST' || r.method === 'PUT') {
      // The simulator's form fields, plus now and then a held-out benign sentence (people write anything in a review).
      const fields: Record<string, unknown> = typeof r.body === 'object' && r.body !== null ? { ...(r.body as Record<string, unknown>) } : { productId: String(rng.int(1, 40)) };
      if (rng.chance(0.3)) fields.comment = rng.pick(texts.benign);
      req.body = JSON.stringify(fields);
      req.contentType = 'application/json';
    }
    out.push(req);
  }
  return out;
}

function simulate(persona: NormalPersona | AttackPersona, attacker: boolean, rng: Rng, userAgent: string): RequestRecord[] {
  const trace = new Trace(SHOP_SITE, rng, { clientIP: '0.0.0.0', start: new Date(0), userAgent });
  if (attacker) ATTACK_PERSONAS[persona as AttackPersona](trace);
  else NORMAL_PERSONAS[persona as NormalPersona](trace);
  return trace.records;
}

/**
 * The demo's visitors: normal people arriving over the first two thirds of the window, and
 * attackers of each kind, each from its own IP (normal: 198.18.0.0/15, attackers: 203.0.113.0/24).
 */
export function demoClients(mix: ClientMix, texts: DemoTexts): DemoClient[] {
  const rng = new Rng(`demo-${mix.seed}`);
  const clients: DemoClient[] = [];
  for (let i = 0; i < mix.normalVisitors; i++) {
    const crng = rng.fork(`normal${i}`);
    const persona = crng.weighted(NORMAL_WEIGHTS);
    const userAgent = crng.pick(BROWSERS);
    const startMs = crng.uniform(0, mix.windowMs * 0.66);
    const requests = plan(simulate(persona, false, crng, userAgent), crng, persona, texts, startMs, mix.windowMs);
    clients.push({ ip: `198.18.${(i >> 8) & 255}.${i & 255}`, persona, attacker: false, userAgent, requests });
  }
  let n = 0;
  for (const persona of DEMO_ATTACKS) {
    for (let k = 0; k < mix.attackersPerKind; k++, n++) {
      // The first attacker of each kind is a fast tool (enough requests for several sessions in the
      // window), so every kind can be seen blocked; the others keep whatever pace the simulator draws.
      let best: { userAgent: string; requests: PlannedRequest[] } | undefined;
      for (let attempt = 0; attempt < (k === 0 ? 30 : 1); attempt++) {
        const crng = rng.fork(`attack${persona}${k}#${attempt}`);
        const userAgent = crng.pick(TOOLS);
        const startMs = crng.uniform(0, mix.windowMs * 0.25);
        const requests = plan(simulate(persona, true, crng, userAgent), crng, persona, texts, startMs, mix.windowMs);
        if (!best || requests.length > best.requests.length) best = { userAgent, requests };
        if (requests.length >= FAST_TOOL_REQUESTS) break;
      }
      clients.push({ ip: `203.0.113.${10 + n}`, persona, attacker: true, ...best! });
    }
  }
  return clients;
}
