import { sessionView, type RequestRecord } from '@session-warden/core';
import { behaviourFeatures, compatFeatures } from '@session-warden/features-default';
import { TimeSessionizer } from '@session-warden/sessionizer-time';
import { ATTACK_PERSONAS } from './personas/attacks.js';
import { NORMAL_PERSONAS } from './personas/normal.js';
import { Rng } from './rng.js';
import { drawSite, type SiteProfile } from './site.js';
import { Trace } from './trace.js';

/** Bump when personas or site profiles change: the model cards cite it, and the same seed + version gives the same data. */
export const SIMULATOR_VERSION = '1.3.0';

export type PersonaName = keyof typeof NORMAL_PERSONAS | keyof typeof ATTACK_PERSONAS;

export interface SimulatedSession {
  features: Record<string, number>;
  label: 0 | 1;
  persona: PersonaName;
  site: SiteProfile['kind'];
  client: number;
}

export interface SimulationOptions {
  seed: string | number;
  /** Simulated clients (one IP each); sessions come out of the real sessionizer, several per client. */
  clients: number;
  /** Share of clients that attack. */
  attackShare?: number;
  /** Distinct sites the clients are spread over. */
  sites?: number;
  /** Caps sessions kept per client, so one long flood does not outweigh hundreds of visitors. */
  maxSessionsPerClient?: number;
}

const NORMAL_WEIGHTS: Record<keyof typeof NORMAL_PERSONAS, number> = {
  browser: 4, shopper: 3, member: 3, apiClient: 1.5, idleTab: 1, powerUser: 1,
};
const ATTACK_WEIGHTS: Record<keyof typeof ATTACK_PERSONAS, number> = {
  bruteForce: 2, credentialStuffing: 2, scanner: 2, dosFlood: 2, scraper: 1.5, apiEnumeration: 1,
};
const USER_AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0', 'okhttp/4.12.0', 'python-requests/2.31', 'curl/8.4.0', 'sqlmap/1.7', 'Nikto/2.5'];

/** Sessions of one client's trace, as the real timestamp sessionizer cuts them. */
function sessionize(records: readonly RequestRecord[], sessTimeThres: number, maxReqsPerSess: number): RequestRecord[][] {
  const sessionizer = new TimeSessionizer({ sessTimeThres, maxReqsPerSess, maxTrackedClients: 10 });
  const byId = new Map<string, RequestRecord[]>();
  for (const r of records) {
    const id = sessionizer.assign(r);
    r.sessionID = id;
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push(r);
  }
  return [...byId.values()];
}

/**
 * Simulates labelled sessions: clients with personas visit sites with varied behaviour; their
 * requests go through the real sessionizer and the real default feature extractors.
 */
export function simulateSessions(opts: SimulationOptions): SimulatedSession[] {
  const rng = new Rng(`sim-${SIMULATOR_VERSION}-${opts.seed}`);
  const sites = Array.from({ length: opts.sites ?? 40 }, (_, i) => drawSite(rng.fork(`site${i}`)));
  const attackShare = opts.attackShare ?? 0.3;
  const maxPerClient = opts.maxSessionsPerClient ?? 8;
  const out: SimulatedSession[] = [];
  const day0 = Date.UTC(2026, 0, 5);
  for (let c = 0; c < opts.clients; c++) {
    const crng = rng.fork(`client${c}`);
    const site = crng.pick(sites);
    const attack = crng.chance(attackShare);
    const persona: PersonaName = attack ? crng.weighted(ATTACK_WEIGHTS) : crng.weighted(NORMAL_WEIGHTS);
    const trace = new Trace(site, crng, {
      clientIP: `10.${(c >> 16) & 255}.${(c >> 8) & 255}.${c & 255}`,
      start: new Date(day0 + crng.int(0, 86_400_000)),
      userAgent: attack ? crng.pick(USER_AGENTS) : crng.pick(USER_AGENTS.slice(0, 5)),
    });
    (attack ? ATTACK_PERSONAS[persona as keyof typeof ATTACK_PERSONAS] : NORMAL_PERSONAS[persona as keyof typeof NORMAL_PERSONAS])(trace);
    if (trace.records.length === 0) continue;
    // Most deployments keep the defaults (15 s, 180 requests); some tune them.
    const gap = crng.chance(0.75) ? 15 : crng.pick([5, 10, 30, 60]);
    const cap = crng.chance(0.8) ? 180 : crng.pick([50, 100, 300, 1000]);
    let sessions = sessionize(trace.records, gap, cap);
    if (sessions.length > maxPerClient) {
      sessions = sessions.map((s) => ({ s, k: crng.next() })).sort((a, b) => a.k - b.k).slice(0, maxPerClient).map((x) => x.s);
    }
    const extractors = [compatFeatures([site.loginPath]), behaviourFeatures([site.loginPath])];
    for (const requests of sessions) {
      const view = sessionView(requests[0]!.sessionID, requests[0]!.clientIP, requests);
      const features: Record<string, number> = {};
      for (const extractor of extractors) {
        for (const [name, value] of Object.entries(extractor.extract(view))) if (typeof value === 'number') features[name] = value;
      }
      out.push({ features, label: attack ? 1 : 0, persona, site: site.kind, client: c });
    }
  }
  return out;
}
