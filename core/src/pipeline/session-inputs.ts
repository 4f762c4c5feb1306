import type { RequestRecord, SessionInput, SessionView } from '../ports/index.js';

/** Bounds that keep one huge session from making classification slow. */
export const MAX_INPUTS_PER_SESSION = 1000;
export const MAX_INPUT_LENGTH = 4096;

function flatten(value: unknown, prefix: string, out: SessionInput[]): void {
  if (out.length >= MAX_INPUTS_PER_SESSION || value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    const text = String(value);
    if (text.length > 0) out.push({ field: prefix || '_body', value: text.slice(0, MAX_INPUT_LENGTH) });
  }
}

function queryInputs(query: string, out: SessionInput[]): void {
  if (!query) return;
  for (const part of query.split('&')) {
    if (out.length >= MAX_INPUTS_PER_SESSION) return;
    const eq = part.indexOf('=');
    // Values stay URL-encoded: the text normaliser decodes (repeatedly), so encoded attacks are seen as such.
    const field = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (value) out.push({ field: `?${field}`, value: value.slice(0, MAX_INPUT_LENGTH) });
    else if (field) out.push({ field: '?', value: field.slice(0, MAX_INPUT_LENGTH) });
  }
}

/** A request's text inputs: its query values (fields prefixed with `?`) and its flattened body. */
export function requestInputs(record: RequestRecord, out: SessionInput[] = []): SessionInput[] {
  queryInputs(record.query, out);
  flatten(record.body, '', out);
  return out;
}

/** Every text input of a session, in request order, bounded by MAX_INPUTS_PER_SESSION. */
export function sessionInputs(requests: readonly RequestRecord[]): SessionInput[] {
  const out: SessionInput[] = [];
  for (const record of requests) {
    if (out.length >= MAX_INPUTS_PER_SESSION) break;
    requestInputs(record, out);
  }
  return out;
}

/**
 * The older tool's `reqBodiesData`: flattened field → value. A field seen again with another
 * value gets a `#n` suffix so nothing is overwritten.
 */
export function inputsByField(inputs: readonly SessionInput[]): Record<string, string> {
  // No prototype: a field named `__proto__` is just a field.
  const byField: Record<string, string> = Object.create(null);
  const seen = new Map<string, number>();
  for (const { field, value } of inputs) {
    if (!Object.hasOwn(byField, field)) {
      byField[field] = value;
      continue;
    }
    if (byField[field] === value) continue;
    const n = (seen.get(field) ?? 1) + 1;
    seen.set(field, n);
    byField[`${field}#${n}`] = value;
  }
  return byField;
}

/** Builds the view every extractor and classifier shares; the inputs are flattened once here. */
export function sessionView(sessionID: string, clientIP: string, requests: readonly RequestRecord[]): SessionView {
  return { sessionID, clientIP, requests, inputs: sessionInputs(requests) };
}
