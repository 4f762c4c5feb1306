'use strict';
// Simulated sessions as request records (normal visitors and attackers on varied sites), for the
// benchmarks that need real-looking sessions in a database.
const { Rng, Trace, drawSite, NORMAL_PERSONAS, ATTACK_PERSONAS } = require('@session-warden/training');

const NORMAL = Object.keys(NORMAL_PERSONAS);
const ATTACK = Object.keys(ATTACK_PERSONAS);

/** `count` sessions of at most `maxRequests` requests each, 30 % attackers; IDs are prefixed so rounds never collide. */
function simulatedSessions(count, prefix, maxRequests = 50) {
  const rng = new Rng(`bench-sessions-${prefix}`);
  const sites = Array.from({ length: 10 }, (_, i) => drawSite(rng.fork(`site${i}`)));
  const sessions = [];
  for (let i = 0; sessions.length < count; i++) {
    const crng = rng.fork(`c${i}`);
    const attack = crng.chance(0.3);
    const persona = crng.pick(attack ? ATTACK : NORMAL);
    const clientIP = `198.18.${(i >> 8) & 255}.${i & 255}`;
    const trace = new Trace(crng.pick(sites), crng, { clientIP, start: new Date(Date.now() - 3_600_000), userAgent: 'Mozilla/5.0 Firefox/121.0' });
    (attack ? ATTACK_PERSONAS : NORMAL_PERSONAS)[persona](trace);
    const records = trace.records.slice(0, maxRequests);
    if (records.length === 0) continue;
    const sessionID = `${prefix}-${i}`;
    for (const r of records) r.sessionID = sessionID;
    sessions.push({ sessionID, clientIP, records });
  }
  return sessions;
}

module.exports = { simulatedSessions };
