import type { RequestRecord } from '@session-warden/core';
import type { Rng } from './rng.js';
import { fillPath, type SiteProfile } from './site.js';

const PROSE = ['Arrived quickly and fits well. ', 'Does anyone know if this works with the older model? ', 'Gracias por la ayuda, llegó perfecto. ',
  'The colour is darker than the photo but I still like it. ', 'Meeting moved to 3pm, see the notes in the doc. '];

export interface TraceOptions {
  clientIP: string;
  start: Date;
  userAgent: string;
}

/**
 * Builds one client's request stream on one site: a clock that advances with think
 * times and bursts, and helpers for the kinds of requests browsers and tools make.
 */
export class Trace {
  readonly records: RequestRecord[] = [];
  private clockMs: number;

  constructor(readonly site: SiteProfile, readonly rng: Rng, private readonly opts: TraceOptions) {
    this.clockMs = opts.start.getTime();
  }

  get elapsedMs(): number { return this.clockMs - this.opts.start.getTime(); }

  wait(seconds: number): this { this.clockMs += Math.max(0, seconds) * 1000; return this; }

  request(method: string, path: string, statusCode: number, extra: Partial<RequestRecord> = {}): this {
    const [p, query = ''] = path.split('?');
    const body = extra.body !== undefined || (method !== 'POST' && method !== 'PUT') ? extra.body : this.formBody(p!);
    this.records.push({
      clientIP: this.opts.clientIP,
      ipSource: 'socket',
      sessionID: '',
      method,
      path: p,
      query,
      statusCode,
      timestamp: new Date(Math.round(this.clockMs)),
      durationMs: Math.round(this.rng.logNormal(25, 0.8)),
      requestBytes: method === 'GET' ? 0 : this.rng.int(40, 900),
      responseBytes: this.rng.int(200, 60000),
      userAgent: this.opts.userAgent,
      ...extra,
      body,
    });
    return this;
  }

  /** What a form or JSON call would post to `path`, already redacted the way capture redacts it. */
  private formBody(path: string): unknown {
    const r = this.rng;
    if (path === this.site.loginPath) {
      return { [r.pick(['username', 'email', 'login'])]: r.pick(['maria.lopez', 'j.smith@example.com', 'kofi88', 'admin', 'li.wei']), password: '[REDACTED]', ...(r.chance(0.3) ? { remember: 'on' } : {}) };
    }
    if (path === '/api/track') return { event: r.pick(['view', 'click', 'scroll']), page: r.pick(this.site.pages), ts: String(this.clockMs) };
    if (path.startsWith('/socket.io')) return undefined;
    const fields = r.int(1, 6);
    const out: Record<string, string> = {};
    for (let i = 0; i < fields; i++) {
      const name = r.pick(['id', 'qty', 'size', 'color', 'title', 'text', 'name', 'email', 'city', 'zip', 'rating', 'tags']);
      out[name] = name === 'text' ? r.pick(PROSE).repeat(r.int(1, 4)) : r.pick(['1', '2', 'M', 'blue', 'Great value', 'Paris', '75002', 'anna@example.org', '5', "O'Brien"]);
    }
    return out;
  }

  /** A normal request: usually 2xx, sometimes a stray 4xx the way real sites answer. */
  ok(method: string, path: string, extra: Partial<RequestRecord> = {}): this {
    const status = this.rng.chance(this.site.strayClientErrorRate)
      ? this.rng.pick([400, 401, 403, 404, 404, 422])
      : method === 'POST' ? this.rng.pick([200, 201, 302]) : 200;
    return this.request(method, path, status, extra);
  }

  /** A browser loading a page: the document, its logged assets and XHR calls within a second or two. */
  pageLoad(template: string): this {
    const s = this.site;
    const path = fillPath(this.rng, template);
    this.request('GET', path, this.rng.chance(s.notModifiedRate) ? 304 : this.rng.chance(s.strayClientErrorRate) ? 404 : 200);
    const assets = this.rng.int(s.assetsPerPage[0], s.assetsPerPage[1]);
    for (let i = 0; i < assets; i++) {
      this.wait(this.rng.exponential(0.03));
      const status = this.rng.chance(s.missingAssetRate) ? 404 : this.rng.chance(s.notModifiedRate) ? 304 : 200;
      this.request('GET', this.rng.pick(['/static/app.js', '/static/vendor.js', '/static/site.css', '/img/logo.png',
        `/img/p${this.rng.int(1, 300)}.jpg`, '/favicon.ico', '/fonts/inter.woff2']), status);
    }
    for (let i = 0; i < s.beaconsPerPage; i++) this.wait(this.rng.exponential(0.4)).request('POST', '/api/track', this.rng.pick([200, 204]));
    const calls = this.rng.int(s.apiCallsPerPage[0], s.apiCallsPerPage[1]);
    for (let i = 0; i < calls; i++) {
      this.wait(this.rng.exponential(0.15));
      this.ok('GET', fillPath(this.rng, this.rng.pick(s.apiPaths)));
    }
    return this;
  }

  /**
   * Set when this visitor's login expired while a tab stays open: every background poll then
   * fails 401 (the page keeps polling), a common and harmless source of 4xx runs.
   */
  authExpired = false;

  /** Idle on a page for `seconds`, polling in the background when the site polls. */
  read(seconds: number): this {
    const s = this.site;
    const every = s.longPolling ? this.rng.uniform(1, 25) : s.pollIntervalSec;
    if (every <= 0) return this.wait(seconds);
    let left = seconds;
    while (left > every) {
      this.wait(every * this.rng.uniform(0.95, 1.05));
      if (s.longPolling) {
        this.request('GET', '/socket.io/', 200, { query: 'EIO=4&transport=polling' });
        if (this.rng.chance(0.5)) this.wait(this.rng.uniform(0.01, 0.2)).request('POST', '/socket.io/', 200, { query: 'EIO=4&transport=polling' });
      } else {
        this.request('GET', s.pollPath, this.authExpired || this.rng.chance(0.01) ? 401 : 200);
      }
      left -= every;
    }
    return this.wait(left);
  }
}
