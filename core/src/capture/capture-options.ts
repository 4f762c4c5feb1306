import type { TrustProxy } from '../config/options.js';
import { DEFAULTS } from '../config/options.js';
import { WardenConfigError } from '../errors.js';
import { compileSensitiveKeys, DEFAULT_SENSITIVE_KEYS, DEFAULT_VALUE_PATTERNS, type ValuePattern } from './sensitive-values.js';

/** What is redacted; by default the built-in key words and value patterns, plus anything listed here. */
export interface RedactionOptions {
  /** More key names (compared word by word, case-insensitively) or patterns tested on the raw key. */
  keys?: readonly (string | RegExp)[];
  /** More secrets to find inside values; each `pattern` must have the `g` flag. */
  valuePatterns?: readonly ValuePattern[];
  /** Use only `keys` / `valuePatterns`, dropping the built-in lists. */
  replaceDefaults?: boolean;
}

export interface CaptureOptions {
  trustProxy?: TrustProxy;
  customIPHeader?: string;
  /** Budget for a stored body (UTF-8 bytes of its JSON); default 8 KB. */
  maxBodyBytes?: number;
  maxPathLength?: number;
  maxQueryLength?: number;
  redact?: RedactionOptions;
}

/** Capture settings with the key test and patterns compiled once. */
export interface CompiledCapture {
  trustProxy?: TrustProxy;
  customIPHeader?: string;
  maxBodyBytes: number;
  maxPathLength: number;
  maxQueryLength: number;
  isSensitiveKey: (key: string) => boolean;
  valuePatterns: readonly ValuePattern[];
}

export function compileCaptureOptions(options: CaptureOptions = {}): CompiledCapture {
  const redact = options.redact ?? {};
  for (const p of redact.valuePatterns ?? []) {
    if (!(p.pattern instanceof RegExp) || !p.pattern.global) {
      throw new WardenConfigError(`Redaction value pattern "${p.name}" must be a RegExp with the g flag, e.g. /secret-\\w+/g.`);
    }
  }
  const keys = redact.replaceDefaults ? [...(redact.keys ?? [])] : [...DEFAULT_SENSITIVE_KEYS, ...(redact.keys ?? [])];
  const valuePatterns = redact.replaceDefaults
    ? [...(redact.valuePatterns ?? [])]
    : [...DEFAULT_VALUE_PATTERNS, ...(redact.valuePatterns ?? [])];
  return {
    trustProxy: options.trustProxy,
    customIPHeader: options.customIPHeader,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    maxPathLength: options.maxPathLength ?? 2048,
    maxQueryLength: options.maxQueryLength ?? 4096,
    isSensitiveKey: compileSensitiveKeys(keys),
    valuePatterns,
  };
}
