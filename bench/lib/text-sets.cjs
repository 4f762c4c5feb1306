'use strict';
// The two text sets every detector is judged on: the shipped text model's held-out generated split
// (same generator seed and size as its training, the 10 % hash split it never trained on) and the
// hand-written check set in training/data.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { generateTextDataset, isHeldOut } = require('@session-warden/training');

const LABELS = ['benign', 'sqli', 'xss', 'path_traversal', 'cmd_injection'];

function shippedReport() {
  const dir = join(dirname(require.resolve('@session-warden/model-onnx/package.json')), 'models');
  return JSON.parse(readFileSync(join(dir, 'text-default.report.json'), 'utf8'));
}

/** Up to `max` held-out examples, evenly spread over the split so every class keeps its share. */
function heldOutSplit(max) {
  const report = shippedReport();
  const drawn = Number((/(\d+) drawn/.exec(report.data) ?? [])[1] ?? 600000);
  const percent = report.settings?.heldOutPercent ?? 10;
  const all = generateTextDataset({ seed: report.seed, size: drawn }).filter((d) => isHeldOut(d.text, percent));
  const step = Math.max(1, all.length / max);
  const out = [];
  for (let i = 0; i < all.length && out.length < max; i += step) out.push(all[Math.floor(i)]);
  return { name: 'held-out generated split', source: `generator v${report.generatorVersion}, seed ${report.seed}, ${drawn} drawn, ${percent} % hash split; ${out.length} of ${all.length} used`, items: out };
}

function checkSet() {
  const file = join(dirname(require.resolve('@session-warden/training/package.json')), 'data', 'text-checkset.jsonl');
  const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  return { name: 'hand-written check set', source: `training/data/text-checkset.jsonl, ${items.length} inputs`, items };
}

module.exports = { LABELS, heldOutSplit, checkSet };
