const SECRET_PARAMS = /^(password|passwd|pass|pwd|secret|token|sslkey|sslpassword)$/i;
const MASK = '***';

/**
 * A database URL safe to print: the password (and any password-like query parameter) becomes `***`.
 * Used in every message that names a database, so logs never leak credentials.
 */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a WHATWG URL (e.g. a malformed string): mask anything between "//user:" and the last "@".
    return url.replace(/^([^:/?#]+:\/\/[^:/?#@]*:)[^/?#]*@/, `$1${MASK}@`);
  }
  if (parsed.password) parsed.password = MASK;
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.test(key)) parsed.searchParams.set(key, MASK);
  }
  return parsed.toString();
}
