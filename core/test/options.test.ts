import { expect } from 'chai';
import { DEFAULTS, resolveOptions, WardenConfigError } from '../src/index.js';

describe('options', () => {
  it('apply the older tools\' defaults', () => {
    const o = resolveOptions({});
    expect(o).to.include({ blockIP: false, maxAbnormal: 2, blockDuration: 60, groupToSessions: true, sessTimeThres: 15, maxReqsPerSess: 180, useModels: true, mode: 'live' });
    expect(o.storage).to.deep.equal({ type: 'sqlite', database: 'warden.db' });
    expect(o.classifier).to.equal('in-process');
    expect(o.maxBodyBytes).to.equal(DEFAULTS.maxBodyBytes);
  });

  it('reject a wrong type naming the option, the value and what is expected', () => {
    expect(() => resolveOptions({ maxAbnormal: 'two' as unknown as number }))
      .to.throw(WardenConfigError, 'Option "maxAbnormal" got "two"; expected an integer from 0');
    expect(() => resolveOptions({ blockDuration: -5 })).to.throw(WardenConfigError, /"blockDuration" got -5; expected a positive number/);
    expect(() => resolveOptions({ mode: 'loud' as 'live' })).to.throw(/"mode" got "loud"; expected one of "live", "monitor"/);
  });

  it('reject unknown options, listing the known ones', () => {
    expect(() => resolveOptions({ maxAbnormals: 3 } as never)).to.throw(WardenConfigError, /Unknown option "maxAbnormals".*maxAbnormal/);
  });

  it('map the older pythonAPIOpt onto classifier.url', () => {
    const o = resolveOptions({ pythonAPIOpt: { useAPI: true, host: '10.0.0.5', port: 5001 } });
    expect(o.classifier).to.deep.equal({ url: 'http://10.0.0.5:5001' });
    expect(o).not.to.have.property('pythonAPIOpt');
    expect(resolveOptions({ pythonAPIOpt: { useAPI: false } }).classifier).to.equal('in-process');
  });

  it('read storage from a URL or a file name, masking nothing away', () => {
    expect(resolveOptions({ storage: 'postgres://u:p@127.0.0.1/test' }).storage).to.deep.equal({ type: 'postgres', url: 'postgres://u:p@127.0.0.1/test' });
    expect(resolveOptions({ storage: 'data/app.db' }).storage).to.deep.equal({ type: 'sqlite', database: 'data/app.db' });
    expect(resolveOptions({ storage: { url: 'mariadb://root@127.0.0.1/test' } }).storage).to.deep.equal({ type: 'mariadb', url: 'mariadb://root@127.0.0.1/test' });
    expect(() => resolveOptions({ storage: 'redis://x' })).to.throw(/unsupported URL scheme "redis:\/\/"/);
  });

  it('reject a malformed IP or CIDR in allowIPs and trustProxy at start-up', () => {
    expect(() => resolveOptions({ allowIPs: ['10.0.0.0/33'] })).to.throw(WardenConfigError, /"allowIPs" has "10.0.0.0\/33"/);
    expect(() => resolveOptions({ trustProxy: ['proxy.local'] })).to.throw(WardenConfigError, /"trustProxy" has "proxy.local"/);
    expect(resolveOptions({ allowIPs: ['10.0.0.0/8', '::1'], trustProxy: 'loopback' }).allowIPs).to.have.length(2);
  });
});
