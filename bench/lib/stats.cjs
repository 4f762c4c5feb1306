'use strict';
// Median with min–max over rounds: how every comparison here is reported.

function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return { median: null, min: null, max: null, rounds: 0 };
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median: round(median), min: round(s[0]), max: round(s[s.length - 1]), rounds: s.length };
}

function percentile(sortedValues, p) {
  if (sortedValues.length === 0) return null;
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor(sortedValues.length * p))];
}

function round(x) {
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  return abs >= 100 ? Math.round(x) : abs >= 1 ? +x.toFixed(2) : +x.toFixed(4);
}

const fmt = (s, unit = '') => (s.median === null ? '–' : `${s.median}${unit} (${s.min}–${s.max})`);

module.exports = { summary, percentile, round, fmt };
