import { decodeOnce } from './decode.js';

/**
 * The one input normaliser shared by training and both serving backends, so a model sees the same
 * text at training and at serving time. Bump NORMALISER_VERSION whenever the output changes: models
 * record the version they were trained with and refuse a different one.
 */
export const NORMALISER_VERSION = 1;

/** Longer inputs are cut before decoding, which bounds the time any one input can take. */
export const MAX_RAW_CHARS = 8192;
/** Decoded text beyond this keeps its head and tail; payloads sit at either end far more often than in the middle. */
export const MAX_NORMALISED_CHARS = 2048;
const TAIL_CHARS = 512;
const MAX_DECODE_PASSES = 4;

const NEEDS_DECODING = /[%&\\]/;
const ZERO_WIDTH = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const NON_ASCII = /[^\x00-\x7f]/;
// SQL/C comments act as whitespace (UNION/**/SELECT); MySQL's executable comments /*!50000 … */ keep their content.
const BLOCK_COMMENT = /\/\*!?\d{0,6}|\*\//g;

const SPACES = /[ \t\v\f\u00a0]+/g;
const LINE_BREAKS = / ?[\r\n][\r\n ]*/g;

/** Runs of spaces become one space, runs of line breaks one '\n' (a command separator, so it is kept). */
function collapseWhitespace(s: string): string {
  return s.replace(SPACES, ' ').replace(LINE_BREAKS, '\n').trim();
}

/** Lower-cased, decoded (repeatedly), comment-free, whitespace-collapsed form of one input. */
export function normaliseText(input: string): string {
  let s = input.length > MAX_RAW_CHARS ? input.slice(0, MAX_RAW_CHARS) : input;
  // Form encoding writes spaces as '+'; a value with no whitespace at all most likely came that way.
  if (s.indexOf('+') >= 0 && !/\s/.test(s)) s = s.replace(/\+/g, ' ');
  for (let pass = 0; pass < MAX_DECODE_PASSES && NEEDS_DECODING.test(s); pass++) {
    const next = decodeOnce(s);
    if (next === s) break;
    s = next;
  }
  if (NON_ASCII.test(s)) s = s.normalize('NFKC').replace(ZERO_WIDTH, '');
  s = s.toLowerCase();
  if (s.indexOf('*') >= 0) s = s.replace(BLOCK_COMMENT, ' ');
  s = collapseWhitespace(s);
  if (s.length > MAX_NORMALISED_CHARS) s = s.slice(0, MAX_NORMALISED_CHARS - TAIL_CHARS) + s.slice(s.length - TAIL_CHARS);
  return s;
}
