import type { SessionModelMetadata } from './export/metadata.js';
import type { SessionMetrics } from './metrics.js';

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

/** The model card shipped beside a session model: what it reads, how it was trained, how it scored. */
export function sessionModelCard(meta: SessionModelMetadata, heldOut: SessionMetrics, heldOutSource: string, trainingSeconds: number, substantial?: SessionMetrics): string {
  const t = meta.training as Record<string, unknown>;
  const personas = Object.entries(heldOut.byPersona ?? {}).sort(([a], [b]) => a.localeCompare(b))
    .map(([p, e]) => `| ${p} | ${e.sessions} | ${pct(e.share)} |`).join('\n');
  return `# Session model \`${meta.name}\`

Labels a session \`normal\` or \`abnormal\` from its features; the score is P(abnormal), flagged at ≥ ${meta.threshold.toFixed(4)}
(0.5, raised where needed so that at most ${String((t.threshold as { maxNormalFalsePositiveRate?: number } | undefined)?.maxNormalFalsePositiveRate ?? '?')} of validation normal sessions are flagged).

- **Reads** (in this order): ${meta.featureNames.map((f) => `\`${f}\``).join(', ')} — the names and units of
  \`@session-warden/features-default\` (\`sesDuration\` in milliseconds).
- **Model**: gradient-boosted oblivious trees (${meta.model.trees} trees of depth ${meta.model.depth}, logistic loss), no scaling
  (${meta.scaling.reason}). Trees do not extrapolate: a session beyond anything simulated gets the score of the
  nearest simulated region, never a runaway linear score. Same model in ONNX (TreeEnsembleRegressor → Sigmoid)
  and TensorFlow.js (each distinct question asked once with a matrix product and a step, leaves looked up with gatherND); the two agree within 1e-4 (tested).
- **Training data**: ${String(t.source ?? 'simulated sessions')}; ${String(t.rows)} sessions (${String(t.abnormalRows)} abnormal), classes weighted to balance.
- **Simulator**: version ${String(t.simulatorVersion ?? 'n/a')}, seed ${String(t.seed ?? 'n/a')}, ${String(t.clients ?? 'n/a')} clients over ${String(t.sites ?? 'n/a')} sites with varied
  behaviour (assets logged or not, polling, status codes of failed logins, stray 4xx, sessionizer gap/cap).
  ${t.personasLeftOut ? `Personas left out: ${String(t.personasLeftOut)} (${String(t.personasLeftOutWhy)}).` : ''}
- **Settings**: ${JSON.stringify(t.boost)}; trained in ${trainingSeconds} s on this machine (2 cores, shared).

## Held-out metrics (${heldOutSource})

| measure | value |
|---|---|
| sessions (abnormal) | ${heldOut.sessions} (${heldOut.abnormal}) |
| precision | ${heldOut.precision.toFixed(4)} |
| abnormal recall | ${heldOut.recall.toFixed(4)} |
| F1 | ${heldOut.f1.toFixed(4)} |
| normal false-positive rate | ${pct(heldOut.normalFalsePositiveRate)} |
${substantial ? `| sessions of ≥ 5 requests: abnormal recall · normal false-positive rate | ${substantial.recall.toFixed(4)} · ${pct(substantial.normalFalsePositiveRate)} |\n` : ''}
Per persona (share flagged abnormal: recall for attacks, false-positive rate for normal personas):

| persona | sessions | flagged |
|---|---|---|
${personas}

## Limits

Simulated traffic is not real traffic: real normal sessions stray outside what any simulator covers, and
quiet attacks (slow scrapers, low-rate stuffing) that look like people in these features are missed. Run
\`warden eval session --data your.csv\` on your own labelled sessions before relying on it, and retrain with
\`warden train session --data your.csv\` when it disagrees with your site.
`;
}
