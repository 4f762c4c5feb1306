import type { Rng } from './rng.js';
import { DE_WORDS, EN_WORDS, ES_WORDS, FR_WORDS, QUESTION_STARTS, SMS_BITS, SYLLABLES } from './benign-words.js';

/** Procedurally composed benign text: sentences, questions, short messages, names, paths, free-form form values. */

function words(rng: Rng, list: readonly string[], lo: number, hi: number): string {
  const n = rng.int(lo, hi);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(list));
  return out.join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function sentence(rng: Rng): string {
  const list = rng.weighted<readonly string[]>([[6, () => EN_WORDS], [3, () => ES_WORDS], [1, () => FR_WORDS], [1, () => DE_WORDS]]);
  let s = words(rng, list, 2, 16);
  if (rng.chance(0.25)) s = s.replace(/ /, ` ${rng.pick(["'s", ', ', ' - ', ' & ', ' (', ' "', ': '])}`);
  if (rng.chance(0.15)) s += ` ${rng.int(1, 500)}${rng.pick(['', '%', ' €', '$', 'kg', 'cm', 'x', ' pm'])}`;
  return capitalise(s) + rng.pick(['.', '.', '!', '?', '', '...', '!!', ' :)', '.']);
}

export function question(rng: Rng): string {
  return `${rng.pick(QUESTION_STARTS)} ${words(rng, rng.chance(0.8) ? EN_WORDS : ES_WORDS, 1, 10)}${rng.pick(['?', '?', '??', ' ?', '?!'])}`;
}

export function shortMessage(rng: Rng): string {
  const n = rng.int(2, 14);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.chance(0.35) ? rng.pick(SMS_BITS) : rng.pick(EN_WORDS));
  let s = out.join(' ');
  if (rng.chance(0.1)) s += ` call ${rng.pick(['0', '+44 ', '09'])}${rng.int(1000000, 99999999)}`;
  if (rng.chance(0.05)) s += ' &lt;#&gt; mins';
  if (rng.chance(0.3)) s = capitalise(s);
  return s;
}

export function inventedName(rng: Rng): string {
  const part = () => capitalise(Array.from({ length: rng.int(1, 3) }, () => rng.pick(SYLLABLES)).join(''));
  const last = rng.weighted<string>([[6, part], [2, () => `O'${part()}`], [1, () => `D'${part()}`], [1, () => `Mc${part()}`], [1, () => `${part()}-${part()}`],
    [1, () => `${rng.pick(['de', 'van', 'von', 'da', 'di', 'al-', 'bin', 'ter'])} ${part()}`], [1, () => `${part()}'${part().toLowerCase()}`]]);
  return rng.weighted<string>([[6, () => `${part()} ${last}`], [2, () => `${last}, ${part()}`], [1, () => last], [1, () => `${part()} ${part()[0]}. ${last}`], [1, () => `${part()} ${last}`.toUpperCase()]]);
}

export function benignPath(rng: Rng): string {
  const seg = () => rng.pick(['docs', 'photos', 'src', 'lib', 'app', 'data', 'backup', 'projects', 'work', 'music', 'Videos', 'Documents', 'Downloads', 'Desktop', 'tmp', 'build',
    'dist', 'public', 'uploads', 'images', 'config', 'logs', 'cache', 'test', 'scripts', 'assets', 'node_modules', 'vendor', '2024', 'clients', 'Facturas', 'Fotos', 'My Stuff']);
  const file = () => `${rng.pick(['index', 'main', 'notes', 'IMG_' + rng.int(1000, 9999), 'report', 'app', 'settings', 'README', 'draft', 'photo', 'cv', 'style', 'invoice_' + rng.int(1, 999), 'todo'])}.${rng.pick(['txt', 'md', 'js', 'ts', 'py', 'json', 'yml', 'log', 'jpg', 'png', 'pdf', 'csv', 'html', 'css', 'docx', 'conf', 'ini', 'sh'])}`;
  const many = (k: number, s: string) => Array.from({ length: k }, seg).join(s);
  return rng.weighted<string>([
    [3, () => `/${rng.pick(['home/' + rng.pick(['ana', 'bob', 'dev', 'ubuntu']), 'Users/' + rng.pick(['maria', 'john']), 'srv', 'opt', 'var/www', 'mnt/data', 'tmp', 'usr/local'])}/${many(rng.int(0, 3), '/')}${rng.chance(0.7) ? '/' + file() : ''}`.replace(/\/\//g, '/')],
    [3, () => `${rng.pick(['C:', 'D:', 'E:'])}\\${many(rng.int(1, 4), '\\')}\\${file()}`],
    [2, () => `${rng.pick(['./', '', '~/'])}${many(rng.int(1, 4), '/')}/${file()}`],
    [1, () => `../${many(rng.int(1, 2), '/')}/${file()}`],
    [1, () => `${file()}`],
  ]);
}

const TOOLS = ['ls -la', 'git status', 'git pull origin main', 'npm install', 'npm run dev', 'docker ps', 'docker compose up -d', 'ping google.com', 'cat notes.txt',
  'grep -r "todo" .', 'pip install requests', 'Get-ChildItem', 'ipconfig', 'ifconfig', 'whoami', 'cd ..', 'mkdir photos', 'python3 app.py', 'node server.js', 'brew install wget',
  'sudo apt update', 'kubectl get pods', 'ssh pi@raspberrypi.local', 'tar -xzf archive.tar.gz', 'chmod 644 index.html', 'curl https://example.com', 'dir', 'cls', 'echo $HOME',
  'make build', 'cargo run', 'go test ./...', 'java -jar app.jar', 'ps aux', 'top', 'df -h', 'du -sh *', 'netstat', 'tracert 8.8.8.8', 'nslookup example.com', 'history'];

/** People write about commands and code without injecting anything. */
export function techTalk(rng: Rng): string {
  const t = rng.pick(TOOLS);
  const q = rng.pick(['`', '"', "'", '']);
  return rng.pick([`How do I use ${q}${t}${q}?`, `Running ${q}${t}${q} gives me an error`, `${q}${t}${q} doesn't work on my ${rng.pick(['mac', 'pc', 'server', 'laptop'])}`,
    `what does ${t} do`, `with ${rng.pick(['bash', 'zsh', 'fish', 'the terminal', 'my shell'])} ${q}${t}${q} ${rng.pick(['prints a warning', 'takes forever', 'hangs', 'prints nothing', 'needs sudo'])}`,
    `tried ${t} and ${rng.pick(TOOLS)} but still broken`, `step 1: ${t}\nstep 2: ${rng.pick(TOOLS)}`, `${rng.pick(['I ran', 'Type', 'Then run', 'just do'])} ${t}`,
    `${rng.pick(['server', 'router', 'printer', 'host', 'my ip is'])} ${rng.int(10, 250)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)} ${rng.pick(['is down', 'is offline since monday', 'answers ping', 'is our gateway', 'blocked?', ''])}`,
    `${rng.pick(['testing', 'hello', 'foo', 'asdf', 'sample', 'demo'])} ${rng.pick(['123', 'bar', 'again', 'one two', 'data', 'entry'])}`]);
}

/** A value someone might type into any field: mixed words, numbers and punctuation. */
export function freeValue(rng: Rng): string {
  return rng.weighted<string>([
    [3, () => sentence(rng)], [2, () => question(rng)], [2, () => techTalk(rng)], [2, () => shortMessage(rng)], [2, () => inventedName(rng)], [2, () => benignPath(rng)],
    [1, () => `${sentence(rng)} ${sentence(rng)}`], [1, () => words(rng, EN_WORDS, 1, 3)], [1, () => `${words(rng, ES_WORDS, 1, 4)} ${rng.int(1, 99)}`],
    [1, () => `${rng.pick(['Nota', 'Note', 'PS', 'NB', 'Re', 'Subject', 'Asunto'])}: ${sentence(rng)}`],
    [1, () => `${words(rng, EN_WORDS, 1, 3)} ${rng.pick(['<', '>', '<=', '>=', '=', '!=', '->', '=>', '&', '|', '/', '+', '-', '*', '#', '@', '~', ';', ':'])} ${words(rng, EN_WORDS, 1, 3)}`],
  ]);
}
