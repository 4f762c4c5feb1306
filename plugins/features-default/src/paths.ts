/** Paths that normal visitors rarely ask for and scanners always do. */
const SENSITIVE = /(^|\/)(\.env|\.git|\.svn|\.htaccess|\.htpasswd|\.ds_store|wp-admin|wp-login\.php|wp-config|xmlrpc\.php|phpmyadmin|pma|admin|administrator|manager|console|actuator|server-status|cgi-bin|etc\/passwd|backup|config|debug|shell|setup|install)(\/|\.|$)/i;
const STATIC = /\.(css|js|mjs|map|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|eot|mp4|webm)$/i;

export const isSensitivePath = (path: string): boolean => SENSITIVE.test(path);
export const isStaticAsset = (path: string): boolean => STATIC.test(path);

/** `/login/` and `/LOGIN` count as `/login`. */
export function normalisePath(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}
