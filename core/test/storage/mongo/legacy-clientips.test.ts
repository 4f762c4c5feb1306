import { expect } from 'chai';
import type { BlockEntry } from '../../../src/ports/records.js';
import { blockToClientIp, clientIpToBlock } from '../../../src/storage/mongo/legacy-clientips.js';
import { mustFit } from './must-fit.js';

const entry: BlockEntry = {
  clientIP: '203.0.113.9',
  blockedAt: new Date('2026-03-01T10:00:00Z'),
  blockedUntil: new Date('2026-03-01T10:05:00Z'),
  reason: '3 active abnormal sessions (maxAbnormal 2)',
  refusedCount: 4,
};

describe('clientips documents (the older middleware\'s blocklist shape)', () => {
  it('are written with clientIP, blacklisted: true and blacklistTime = the start of the block', () => {
    const doc = blockToClientIp(entry);
    expect(doc).to.include({ clientIP: '203.0.113.9', blacklisted: true });
    expect(doc.blacklistTime).to.equal(entry.blockedAt);
  });

  it('read back into the same BlockEntry', () => {
    expect(clientIpToBlock(blockToClientIp(entry), 60)).to.deep.equal({ ok: true, value: entry });
  });

  it('written by the older middleware end blockDuration seconds after blacklistTime', () => {
    const block = mustFit(clientIpToBlock({ clientIP: '198.51.100.7', blacklisted: true, blacklistTime: new Date('2022-05-04T08:00:00Z') }, 120));
    expect(block?.blockedUntil.toISOString()).to.equal('2022-05-04T08:02:00.000Z');
    expect(block?.reason).to.match(/older middleware/);
  });

  it('with blacklisted: false mean the IP is not blocked', () => {
    expect(clientIpToBlock({ clientIP: '198.51.100.7', blacklisted: false, blacklistTime: new Date() }, 60)).to.deep.equal({ ok: true, value: null });
  });

  it('that do not fit say why', () => {
    const bad = clientIpToBlock({ clientIP: '198.51.100.7', blacklisted: 'yes' }, 60);
    expect(bad).to.deep.equal({ ok: false, reason: 'blacklisted is string "yes", expected true or false' });
    const noTime = clientIpToBlock({ clientIP: '198.51.100.7', blacklisted: true }, 60);
    expect(noTime).to.deep.equal({ ok: false, reason: 'blacklistTime is missing, expected a Date' });
  });
});
