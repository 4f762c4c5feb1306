import { readFile } from 'node:fs/promises';
import { ValidationError } from '@session-warden/core';
import type { SessionRow } from './dataset.js';

function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur.trim()); cur = ''; } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

export interface SessionCsv {
  rows: SessionRow[];
  /** Numeric feature columns, in header order. */
  columns: string[];
}

/**
 * Reads the older tool's session export: a header of feature columns plus `behavior`
 * (`Normal` = normal, anything else = abnormal). Non-numeric columns (IDs, reqBodiesData) are skipped.
 */
export async function readSessionCsv(file: string): Promise<SessionCsv> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new ValidationError(`${file} has no data rows; expected a header line and one line per session.`);
  const header = splitLine(lines[0]!);
  const behaviorAt = header.findIndex((h) => h.toLowerCase() === 'behavior' || h.toLowerCase() === 'behaviour');
  if (behaviorAt < 0) throw new ValidationError(`${file} has no "behavior" column; add one with Normal for normal sessions and any other value for abnormal ones.`);
  const cells = lines.slice(1).map(splitLine);
  const numeric = header.map((_, j) => j !== behaviorAt && cells.every((r) => r[j] !== undefined && r[j] !== '' && Number.isFinite(Number(r[j]))));
  const columns = header.filter((_, j) => numeric[j]);
  const rows = cells.map((r): SessionRow => {
    const features: Record<string, number> = {};
    header.forEach((h, j) => { if (numeric[j]) features[h] = Number(r[j]); });
    return { features, label: (r[behaviorAt] ?? '').toLowerCase() === 'normal' ? 0 : 1 };
  });
  return { rows, columns };
}
