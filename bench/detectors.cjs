'use strict';
// Detection quality and latency of Session Warden's text model against Datadog's in-app WAF
// (libddwaf via @datadog/native-appsec, the recommended rules dd-trace ships) and easy-waf, on the
// held-out generated split and the hand-written check set. Quality is deterministic (one pass);
// latency alternates the detectors' order over ROUNDS rounds. Writes results/detectors.json and .md.
//   npm run bench:detectors        ROUNDS=5 HELDOUT_MAX=8000 LATENCY_INPUTS=2000
const { summary, percentile, fmt } = require('./lib/stats.cjs');
const { writeResults, fail } = require('./lib/results.cjs');
const { LABELS, heldOutSplit, checkSet } = require('./lib/text-sets.cjs');
const { textMetrics } = require('./lib/text-metrics.cjs');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const HELDOUT_MAX = Number(process.env.HELDOUT_MAX ?? 8000);
const LATENCY_INPUTS = Number(process.env.LATENCY_INPUTS ?? 2000);

async function loadDetectors() {
  const { wardenOnnx, datadogWaf, easyWaf } = require('./lib/detectors.cjs');
  const out = [];
  for (const [name, make] of [['Session Warden', wardenOnnx], ['Datadog WAF', datadogWaf], ['easy-waf', easyWaf]]) {
    try {
      out.push(await make());
    } catch (err) {
      fail(`${name} cannot run here: ${err.message}. Install the bench dev dependencies with \`npm install\` at the repository root.`);
    }
  }
  return out;
}

async function predictAll(detector, texts) {
  if (detector.classifyBatch) {
    const out = [];
    for (let i = 0; i < texts.length; i += 256) out.push(...await detector.classifyBatch(texts.slice(i, i + 256)));
    return out;
  }
  const out = [];
  for (const t of texts) out.push(await detector.classify(t));
  return out;
}

async function latencyRound(detector, texts) {
  for (let i = 0; i < 200; i++) await detector.classify(texts[i % texts.length]);
  const times = [];
  for (const t of texts) {
    const start = process.hrtime.bigint();
    await detector.classify(t);
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

const pct = (x) => (x === null ? '–' : `${(100 * x).toFixed(1)} %`);

(async () => {
  const detectors = await loadDetectors();
  process.stderr.write('generating the held-out split (about half a minute)…\n');
  const sets = [heldOutSplit(HELDOUT_MAX), checkSet()];
  const quality = {};
  for (const set of sets) {
    const truth = set.items.map((d) => d.label);
    const texts = set.items.map((d) => d.text);
    quality[set.name] = { source: set.source, detectors: {} };
    for (const d of detectors) {
      quality[set.name].detectors[d.name] = textMetrics(LABELS, truth, await predictAll(d, texts));
      process.stderr.write(`${set.name}: ${d.name} done\n`);
    }
  }
  const latencyTexts = sets[0].items.slice(0, LATENCY_INPUTS).map((d) => d.text);
  const rounds = Object.fromEntries(detectors.map((d) => [d.name, { p50: [], p99: [] }]));
  for (let r = 0; r < ROUNDS; r++) {
    const order = detectors.map((_, i) => detectors[(i + r) % detectors.length]);
    for (const d of order) {
      const { p50, p99 } = await latencyRound(d, latencyTexts);
      rounds[d.name].p50.push(p50);
      rounds[d.name].p99.push(p99);
    }
    process.stderr.write(`latency round ${r + 1}/${ROUNDS} done\n`);
  }
  const latencyUs = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, { p50: summary(v.p50), p99: summary(v.p99) }]));

  const md = [];
  md.push('Each input is the value of one query parameter. Recall counts the right class; "detected" counts any attack flag. '
    + 'easy-waf has no command-injection module, and both WAFs report some classes under other names (Datadog: `lfi` for traversal; an attack class outside the four counts as detected, wrong class).', '');
  for (const set of sets) {
    md.push(`### ${set.name} (${set.source})`, '', '| detector | macro-F1 | benign FP rate | sqli | xss | path_traversal | cmd_injection | attacks detected |', '|---|---|---|---|---|---|---|---|');
    for (const d of detectors) {
      const m = quality[set.name].detectors[d.name];
      const cls = (l) => `${pct(m.perClass[l].recall)} (${pct(m.perClass[l].detected)})`;
      md.push(`| ${d.name} | ${m.macroF1.toFixed(3)} | ${pct(m.benignFalsePositiveRate)} | ${cls('sqli')} | ${cls('xss')} | ${cls('path_traversal')} | ${cls('cmd_injection')} | ${pct(m.attackDetectionRate)} |`);
    }
    md.push('', 'Per class: recall with the right class (detected as any attack).', '');
  }
  md.push(`### Latency per input, µs (median over ${ROUNDS} rounds of ${latencyTexts.length} inputs, min–max)`, '', '| detector | p50 | p99 |', '|---|---|---|');
  for (const d of detectors) md.push(`| ${d.name} | ${fmt(latencyUs[d.name].p50)} | ${fmt(latencyUs[d.name].p99)} |`);
  md.push('', 'Versions: ' + detectors.map((d) => `${d.name}: ${d.version}`).join('; ') + '.');
  writeResults('detectors', { rounds: ROUNDS, versions: Object.fromEntries(detectors.map((d) => [d.name, d.version])), quality, latencyUs }, md.join('\n'));
})().catch((err) => { process.stderr.write(`bench detectors failed: ${err.stack}\n`); process.exit(1); });
