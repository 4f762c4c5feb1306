import { readFile } from 'node:fs/promises';
import { TEXT_LABELS, ValidationError, type TextLabel } from '@session-warden/core';
import type { LabelledText } from './generators/dataset.js';

/**
 * Reads a user's labelled text: JSONL lines `{ "text": …, "label": … }`, or the older tool's CSV with header
 * `payload,length,attack_type,label` (attack_type ∈ norm, sqli, xss, path-traversal, cmdi).
 */

const ALIASES: Record<string, TextLabel> = {
  norm: 'benign', normal: 'benign', benign: 'benign', valid: 'benign', sqli: 'sqli', sql: 'sqli', xss: 'xss',
  'path-traversal': 'path_traversal', path_traversal: 'path_traversal', traversal: 'path_traversal', lfi: 'path_traversal',
  cmdi: 'cmd_injection', cmd_injection: 'cmd_injection', 'cmd-injection': 'cmd_injection', 'command-injection': 'cmd_injection',
};

export function toTextLabel(raw: string, where: string): TextLabel {
  const label = ALIASES[raw.trim().toLowerCase()];
  if (!label) throw new ValidationError(`${where}: unknown label "${raw}". Use one of ${TEXT_LABELS.join(', ')} (or the older norm, sqli, xss, path-traversal, cmdi).`);
  return label;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function parseTextCsv(text: string, source: string): LabelledText[] {
  const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, ''));
  const cols = (header ?? []).map((h) => h.trim().toLowerCase());
  const payload = cols.indexOf('payload') >= 0 ? cols.indexOf('payload') : cols.indexOf('text');
  const type = cols.indexOf('attack_type') >= 0 ? cols.indexOf('attack_type') : cols.indexOf('label');
  if (payload < 0 || type < 0) {
    throw new ValidationError(`${source}: a text CSV needs the header payload,length,attack_type,label (or text,label); found ${cols.join(',') || 'nothing'}.`);
  }
  return rows.map((r, i) => ({ text: r[payload] ?? '', label: toTextLabel(r[type] ?? '', `${source} row ${i + 2}`) }));
}

export function parseTextJsonl(text: string, source: string): LabelledText[] {
  const out: LabelledText[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let obj: { text?: unknown; label?: unknown };
    try {
      obj = JSON.parse(line);
    } catch {
      throw new ValidationError(`${source} line ${i + 1} is not JSON; each line must be {"text": "...", "label": "..."}.`);
    }
    if (typeof obj.text !== 'string' || typeof obj.label !== 'string') {
      throw new ValidationError(`${source} line ${i + 1} needs string fields "text" and "label".`);
    }
    out.push({ text: obj.text, label: toTextLabel(obj.label, `${source} line ${i + 1}`) });
  });
  return out;
}

export async function readTextData(file: string): Promise<LabelledText[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ValidationError(`Cannot read --data ${file}: ${(err as Error).message}`);
  }
  const data = /\.csv$/i.test(file) || /^\ufeff?\s*"?payload"?\s*,/i.test(text) ? parseTextCsv(text, file) : parseTextJsonl(text, file);
  if (data.length === 0) throw new ValidationError(`${file} holds no labelled examples.`);
  return data;
}
