'use strict';
// The detectors compared, each as { name, version, classify(text) → label | 'other' | 'benign' }.
// Every one sees the input the same way: as the value of a query parameter `q`.

/** Session Warden's shipped text model on onnxruntime. */
async function wardenOnnx() {
  const onnx = require('@session-warden/model-onnx');
  const model = await onnx.createTextClassifier({});
  return {
    name: 'Session Warden text model (ONNX)',
    version: require('@session-warden/model-onnx/package.json').version,
    async classify(text) { return (await model.classify([text]))[0].label; },
    async classifyBatch(texts) { return (await model.classify(texts)).map((r) => r.label); },
  };
}

const DD_TYPES = { sql_injection: 'sqli', nosql_injection: 'sqli', xss: 'xss', lfi: 'path_traversal', command_injection: 'cmd_injection' };

/** Datadog's in-app WAF engine (libddwaf) with the recommended rule set dd-trace ships. */
function datadogWaf() {
  const { DDWAF } = require('@datadog/native-appsec');
  const rules = require('dd-trace/packages/dd-trace/src/appsec/recommended.json');
  const waf = new DDWAF(rules, 'datadog/00/ASM_DD/recommended/config');
  return {
    name: 'Datadog WAF (@datadog/native-appsec, dd-trace recommended rules)',
    version: `libddwaf ${DDWAF.version()}, native-appsec ${require('@datadog/native-appsec/package.json').version}, rules ${waf.diagnostics.ruleset_version}, dd-trace ${require('dd-trace/package.json').version}`,
    async classify(text) {
      const ctx = waf.createContext();
      try {
        const result = ctx.run({ persistent: { 'server.request.query': { q: [text] } } }, 1_000_000);
        const events = result.events ?? [];
        if (events.length === 0) return 'benign';
        for (const e of events) { const label = DD_TYPES[e.rule?.tags?.type]; if (label) return label; }
        return 'other';
      } finally {
        ctx.dispose();
      }
    },
  };
}

const EASY_WAF_MODULES = { sqlInjection: 'sqli', noSqlInjection: 'sqli', xss: 'xss', directoryTraversal: 'path_traversal' };

/** easy-waf as Express middleware on a request object; preBlockHook records which modules fired and lets it pass. */
function easyWaf() {
  const factory = require('easy-waf').default;
  let fired = [];
  const middleware = factory({ disableLogging: true, preBlockHook: (_req, moduleName) => { fired.push(moduleName); return false; } });
  return {
    name: 'easy-waf',
    version: packageVersion('easy-waf'),
    async classify(text) {
      fired = [];
      const raw = { method: 'GET', url: `/search?q=${encodeURIComponent(text)}`, query: { q: text },
        headers: { host: 'shop.example', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0' },
        socket: { remoteAddress: '198.18.0.1' }, connection: { remoteAddress: '198.18.0.1' } };
      await middleware(raw, {}, () => undefined);
      if (fired.length === 0) return 'benign';
      for (const m of fired) { const label = EASY_WAF_MODULES[m]; if (label) return label; }
      return 'other';
    },
  };
}

/** A package's version, read from the file (some packages' exports hide package.json). */
function packageVersion(name) {
  const { readFileSync } = require('node:fs');
  const { join } = require('node:path');
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', name, 'package.json'), 'utf8')).version;
}

module.exports = { wardenOnnx, datadogWaf, easyWaf };
