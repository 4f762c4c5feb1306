export { normaliseIp, ipFromHop } from './ip-address.js';
export { compileIpList, compileTrustProxy, type IpMatcher } from './ip-matcher.js';
export { parseForwardedFor } from './forwarded-header.js';
export { resolveClientIp, createClientIpResolver, UNKNOWN_IP, type ClientIp, type ClientIpOptions } from './client-ip.js';
export {
  REDACTED, DEFAULT_SENSITIVE_KEYS, DEFAULT_VALUE_PATTERNS, passesLuhn, redactString, compileSensitiveKeys, type ValuePattern,
} from './sensitive-values.js';
export { safeKey } from './safe-key.js';
export { sanitiseBody, type SanitisedBody } from './body-sanitiser.js';
export { sanitiseUrl, redactQuery, redactUrlText, type SanitisedUrl } from './url-sanitiser.js';
export { compileCaptureOptions, type CaptureOptions, type RedactionOptions, type CompiledCapture } from './capture-options.js';
export { createExchangeCapture, type ExchangeCapture, type ExchangeInput, type TrackedExchange, type CapturedRecord } from './exchange.js';
export { refusalText, refuseBlocked } from './refusal.js';
