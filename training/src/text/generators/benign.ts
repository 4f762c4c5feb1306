import type { Rng } from './rng.js';
import { freeValue, inventedName } from './benign-compose.js';
import { ADJECTIVES, CITIES, DOMAINS, ES_FORM, FIRST_NAMES, LAST_NAMES, PRODUCTS, PROSE, STREETS, TECH_PROSE } from './benign-vocab.js';

/** Realistic benign form input, with the tricky cases (apostrophes, comparisons, paths, prose about code) well represented. */

const name = (rng: Rng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();

function email(rng: Rng): string {
  const f = strip(rng.pick(FIRST_NAMES));
  const l = rng.pick(LAST_NAMES).toLowerCase().replace(/ /g, '');
  const local = rng.pick([`${f}.${strip(l)}`, `${f}${rng.int(1, 99)}`, `${f}_${strip(l)}`, `${f}+${rng.pick(['shop', 'news', 'test'])}`, l.replace(/[^a-z']/g, ''), `${f[0]}${strip(l)}`]);
  return `${local}@${rng.pick(DOMAINS)}`;
}

function address(rng: Rng): string {
  return rng.pick([
    `${rng.int(1, 300)} ${rng.pick(STREETS)}, ${rng.pick(CITIES)}`, `${rng.pick(STREETS)} ${rng.int(1, 120)}, ${rng.int(1, 9)}º ${rng.pick(['A', 'B', 'izq.', 'dcha.'])}, ${rng.int(10000, 52999)} ${rng.pick(CITIES)}`,
    `Apt #${rng.int(1, 40)}, ${rng.int(1, 999)} ${rng.pick(STREETS)}`, `PO Box ${rng.int(100, 9999)}`, `${rng.int(1, 99)}/${rng.int(1, 20)} ${rng.pick(STREETS)}`,
    `c/o ${name(rng)}, ${rng.pick(STREETS)} ${rng.int(1, 80)}`, `${rng.pick(STREETS)} ${rng.int(1, 200)}-${rng.int(1, 9)}`, `${rng.int(10000, 99999)}`, `SW1A ${rng.int(1, 9)}AA`,
  ]);
}

function price(rng: Rng): string {
  const v = rng.int(1, 2000) + rng.pick([0, 0.99, 0.5, 0.49, 0.95]);
  return rng.pick([`$${v.toFixed(2)}`, `€${v.toFixed(2)}`, `${v.toFixed(2).replace('.', ',')} €`, `£${v}`, `¥${Math.round(v * 100)}`, `${v} USD`, `under $${rng.int(10, 500)}`,
    `< ${rng.int(10, 200)}€`, `> ${rng.int(10, 200)}`, `${rng.int(10, 90)}% off`, `${rng.int(1, 5)}-${rng.int(6, 20)} items`, `qty: ${rng.int(1, 12)}`, `price<=${rng.int(5, 300)}`,
    `${rng.int(1, 9)}x ${rng.pick(PRODUCTS)} @ $${v.toFixed(2)}`]);
}

function date(rng: Rng): string {
  const d = rng.int(1, 28);
  const m = rng.int(1, 12);
  const y = rng.int(1950, 2027);
  return rng.pick([`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, `${d}/${m}/${y}`, `${m}/${d}/${y}`, `${d}.${m}.${y}`, `${rng.int(1, 12)}:${rng.pick(['00', '15', '30', '45'])} ${rng.pick(['am', 'pm'])}`,
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${rng.int(10, 23)}:${rng.int(10, 59)}:00Z`, `next ${rng.pick(['Monday', 'Tuesday', 'Friday'])}`, `${d} de ${rng.pick(['enero', 'mayo', 'octubre'])} de ${y}`]);
}

function url(rng: Rng): string {
  const host = rng.pick(['example.com', 'www.shop.es', 'blog.example.org', 'localhost:3000', 'api.example.io', 'my-site.co.uk', 'github.com', 'youtu.be']);
  const path = rng.pick(['', '/', '/products', '/p/12345', '/ofertas/zapatillas', '/search', '/blog/2024/05/how-to-fix-a-bike', '/api/v1/users/42', '/watch', '/docs/getting-started#install']);
  const qs = rng.chance(0.4) ? `?${rng.pick(['id=42', 'q=blue+shoes', 'page=2&sort=price_asc', 'utm_source=newsletter&utm_medium=email', 'ref=home', 'v=dQw4w9WgXcQ', 'lang=es-ES'])}` : '';
  return `${rng.pick(['https://', 'http://', '', 'https://'])}${host}${path}${qs}`;
}

function fileName(rng: Rng): string {
  const base = rng.pick(['report_final', 'IMG_2041', 'cv', 'invoice-2024-03', 'Screenshot 2024-05-01 at 10.22.31', 'photo (2)', 'presupuesto', 'résumé', 'notes', 'data.backup', 'my file']);
  const ext = rng.pick(['pdf', 'jpg', 'png', 'docx', 'xlsx', 'csv', 'txt', 'zip', 'mp4', 'heic', 'tar.gz']);
  return rng.pick([`${base}.${ext}`, `C:\\Users\\${strip(rng.pick(FIRST_NAMES))}\\${rng.pick(['Documents', 'Downloads', 'Desktop', 'Pictures'])}\\${base}.${ext}`,
    `/home/${strip(rng.pick(FIRST_NAMES))}/${rng.pick(['photos', 'docs', 'Downloads'])}/${base}.${ext}`, `uploads/${rng.int(2019, 2026)}/${rng.int(1, 12)}/${base.replace(/ /g, '-')}.${ext}`,
    `images/avatars/user-${rng.int(1, 9999)}.${ext}`, `./src/components/${rng.pick(['Button', 'Cart', 'Header'])}.tsx`, `../${rng.pick(['utils', 'lib', 'styles'])}/${rng.pick(['index', 'helpers', 'main'])}.${rng.pick(['js', 'ts', 'css'])}`,
    `~/projects/${rng.pick(['shop', 'blog'])}/README.md`, `D:\\Fotos\\${rng.pick(['Vacaciones', 'Boda'])} ${rng.int(2010, 2025)}\\${base}.${ext}`, `/var/www/html/index.html`, `s3://bucket-name/${base}.${ext}`]);
}

function json(rng: Rng): string {
  return rng.pick([`{"name":"${name(rng)}","age":${rng.int(18, 90)}}`, `{"q":"${rng.pick(PRODUCTS)}","page":${rng.int(1, 9)}}`, `[${rng.int(1, 9)},${rng.int(1, 9)},${rng.int(1, 9)}]`,
    `{"items":[{"sku":"A-${rng.int(100, 999)}","qty":${rng.int(1, 5)}}],"coupon":null}`, `{"filters":{"size":"${rng.pick(['S', 'M', 'L'])}","color":"${rng.pick(['red', 'blue'])}"},"sort":"price"}`,
    `{"message":"${rng.pick(PROSE.en!).replace(/"/g, '\\"')}"}`, `{"enabled":true,"threshold":0.${rng.int(1, 99)}}`, `{"email":"${email(rng)}"}`]);
}

function markdown(rng: Rng): string {
  return rng.pick([`# ${rng.pick(PRODUCTS)}\n\n${rng.pick(PROSE.en!)}`, `**${rng.pick(ADJECTIVES)}** and _${rng.pick(ADJECTIVES)}_`, `- ${rng.pick(PRODUCTS)}\n- ${rng.pick(PRODUCTS)}`,
    `[my blog](${url(rng)})`, 'Use `const x = 1;` instead', '```js\nconsole.log("hi");\n```', `> ${rng.pick(PROSE.en!)}`, `1. first\n2. second\n3. third`, `![photo](${fileName(rng)})`]);
}

function richHtml(rng: Rng): string {
  return rng.pick([`<p>${rng.pick(PROSE.en!)}</p>`, `<b>${rng.pick(ADJECTIVES)}</b> ${rng.pick(PRODUCTS)}`, `<p>Hello <strong>${rng.pick(FIRST_NAMES)}</strong>,</p><p>thanks!</p>`,
    `<a href="${url(rng)}">${rng.pick(['link', 'here', 'my shop'])}</a>`, `<img src="${fileName(rng)}" alt="${rng.pick(PRODUCTS)}">`, `<ul><li>${rng.pick(PRODUCTS)}</li><li>${rng.pick(PRODUCTS)}</li></ul>`,
    `<i>${rng.pick(PROSE.es!)}</i>`, `<br>`, `<span style="color:red">${rng.pick(ADJECTIVES)}</span>`, `<h2>${rng.pick(PRODUCTS)}</h2>`, `<table><tr><th>${rng.pick(['Size', 'Talla', 'Color'])}</th><td>${rng.pick(['M', 'L', '42', 'rojo'])}</td></tr></table>`,
    `<div class="${rng.pick(['note', 'row', 'product-card', 'alert alert-info'])}">${rng.pick(PROSE.en!)}</div>`, `<p style="text-align:center"><em>${rng.pick(ADJECTIVES)}</em></p>`,
    `<a href="${url(rng)}" title="${rng.pick(PRODUCTS)}" target="_blank">${rng.pick(PRODUCTS)}</a>`, `<ol><li>${rng.pick(PROSE.es!)}</li></ol>`, `<code>${rng.pick(['npm start', 'SELECT 1', 'x < y'])}</code>`,
    `<p>${rng.pick(PROSE.fr!)}<br/>${rng.pick(PROSE.de!)}</p>`, `<font color="#${rng.int(0x100000, 0xffffff).toString(16)}">${rng.pick(ADJECTIVES)}</font>`]);
}

function searchQuery(rng: Rng): string {
  return rng.pick([rng.pick(PRODUCTS), `${rng.pick(ADJECTIVES)} ${rng.pick(PRODUCTS)}`, `${rng.pick(PRODUCTS)} ${price(rng)}`, `how to ${rng.pick(['fix', 'clean', 'return', 'install'])} ${rng.pick(PRODUCTS)}`,
    `${rng.pick(PRODUCTS)} vs ${rng.pick(PRODUCTS)}`, `"${rng.pick(PRODUCTS)}"`, `${rng.pick(PRODUCTS)} -${rng.pick(ADJECTIVES)}`, `${rng.pick(PRODUCTS)} near ${rng.pick(CITIES)}`,
    `${rng.pick(PRODUCTS)} size ${rng.pick(['S', 'M', 'L', 'XL', '42', '10.5', "8 1/2"])}`, `best ${rng.pick(PRODUCTS)} ${rng.int(2019, 2026)}`, rng.pick(TECH_PROSE).split(' ').slice(0, rng.int(2, 6)).join(' ')]);
}

function identifier(rng: Rng): string {
  const hex = (k: number) => Array.from({ length: k }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
  return rng.pick([`SKU-${rng.int(1000, 99999)}-${rng.pick(['XL', 'M', 'BLK'])}`, `AB-${rng.int(100, 999)}/${rng.int(10, 99)}`, `#${hex(6).toUpperCase()}`, `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
    `ORD${rng.int(100000, 999999)}`, String(rng.int(0, 1e6)), `${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 99)}`, `+${rng.int(1, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    `(${rng.int(200, 999)}) ${rng.int(200, 999)}-${rng.int(1000, 9999)}`, Buffer.from(hex(rng.int(6, 24))).toString('base64'), `${strip(rng.pick(FIRST_NAMES))}_${rng.int(1, 9999)}`,
    `ES${rng.int(10, 99)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`, `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(`{"sub":"${rng.int(1, 999)}"}`).toString('base64url')}.${hex(20)}`,
    `${rng.int(10, 250)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, rng.pick(['true', 'false', 'on', 'off', 'yes', 'no', 'null', '', '0', '-1', 'N/A', 'n/a', '—'])]);
}

function password(rng: Rng): string {
  const chars = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^*-_=+?.';
  const random = Array.from({ length: rng.int(8, 20) }, () => chars[rng.int(0, chars.length - 1)]).join('');
  return rng.pick([random, `${rng.pick(FIRST_NAMES)}${rng.int(1950, 2025)}!`, `${strip(rng.pick(PRODUCTS)).slice(0, 8)}#${rng.int(1, 99)}`, 'correct horse battery staple']);
}

function message(rng: Rng): string {
  const lang = rng.pick(Object.keys(PROSE));
  const a = rng.pick(PROSE[lang]!);
  return rng.weighted<string>([[5, () => a], [2, () => `${a} ${rng.pick(PROSE[lang]!)}`], [1, () => `${a} -- ${rng.pick(FIRST_NAMES)}`],
    [1, () => `${a}\n\n${rng.pick(['Regards', 'Saludos', 'Cheers', 'Merci', 'Thanks'])},\n${name(rng)}`], [1, () => `Re: ${a}`], [1, () => a.toUpperCase()], [1, () => a.toLowerCase().replace(/[.!?]$/, '')]]);
}

/** One field of a Spanish shop's registration, login or cart form. */
function spanishFormValue(rng: Rng): string {
  const letters = 'TRWAGMYFPDXBNJZSQVHLCKE';
  const dniNumber = rng.int(10000000, 99999999);
  const alnum = (k: number) => Array.from({ length: k }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[rng.int(0, 61)]).join('');
  return rng.pick([
    `${dniNumber}${letters[dniNumber % 23]}`, `${rng.pick(ES_FORM.streets)} ${rng.pick(ES_FORM.streetNames)}, ${rng.int(1, 150)}${rng.pick(['', ', 2º', ' 3ºB', ' bajo', ', esc. izq.'])}`,
    rng.pick(ES_FORM.provinces), String(rng.int(1000, 52999)).padStart(5, '0'), `${rng.pick(['6', '7', '9'])}${rng.int(10000000, 99999999)}`,
    Array.from({ length: 4 }, () => rng.int(1000, 9999)).join(rng.pick(['', ' ', '-'])), rng.pick(ES_FORM.buttons), rng.pick(ES_FORM.modes), alnum(rng.int(6, 12)),
    `${strip(rng.pick(FIRST_NAMES))}${rng.pick(['', String(rng.int(1, 99)), strip(rng.pick(LAST_NAMES)).slice(0, 4)])}`, String(rng.int(1, 500)), `${rng.int(1, 999)},${rng.int(0, 99)}`,
    `${rng.pick(LAST_NAMES)} ${rng.pick(LAST_NAMES)}`, rng.pick(['Credenciales incorrectas', 'Sin stock', 'Pedido realizado', 'Jamón Ibérico', 'Queso Manchego', 'Vino Rioja Reserva 2018', 'Aceite de oliva virgen extra 1L']),
  ]);
}

export function benignText(rng: Rng): string {
  return rng.weighted<string>([
    [8, () => name(rng)], [3, () => rng.pick(LAST_NAMES)], [5, () => email(rng)], [5, () => address(rng)], [14, () => message(rng)], [12, () => searchQuery(rng)],
    [4, () => identifier(rng)], [4, () => price(rng)], [3, () => date(rng)], [4, () => url(rng)], [5, () => fileName(rng)], [3, () => json(rng)], [3, () => markdown(rng)],
    [3, () => richHtml(rng)], [12, () => rng.pick(TECH_PROSE)], [2, () => password(rng)], [2, () => rng.pick(CITIES)],
    [3, () => `${rng.pick(TECH_PROSE)} ${rng.pick(PROSE.en!)}`], [2, () => `${name(rng)} <${email(rng)}>`], [40, () => freeValue(rng)], [10, () => spanishFormValue(rng)], [4, () => inventedName(rng)],
  ]);
}
