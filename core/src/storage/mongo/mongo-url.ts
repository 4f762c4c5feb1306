/**
 * A MongoDB URL safe to print: the password becomes `***`. Parsed by hand because a MongoDB URL
 * may list several hosts (`mongodb://u:p@h1:27017,h2:27017/db`), which the WHATWG URL parser rejects.
 */
export function maskMongoUrl(url: string): string {
  // Greedy up to the last '@' before the path, so a password with an unencoded '@' is masked whole.
  const masked = url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^/?#]*@/i, '$1***@');
  return masked.replace(/([?&](?:password|pass|pwd|secret|token)=)[^&#]*/gi, '$1***');
}

/** The database named in the URL path, or undefined when the URL names none. */
export function databaseOf(url: string): string | undefined {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const atHosts = afterScheme.slice(afterScheme.lastIndexOf('@') + 1);
  const slash = atHosts.indexOf('/');
  if (slash < 0) return undefined;
  const name = atHosts.slice(slash + 1).split('?')[0];
  return name ? decodeURIComponent(name) : undefined;
}

export function isMongoUrl(url: string): boolean {
  return /^mongodb(\+srv)?:\/\//i.test(url);
}
