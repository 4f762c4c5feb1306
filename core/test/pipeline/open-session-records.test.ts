import { expect } from 'chai';
import { OpenSessionRecords } from '../../src/pipeline/open-session-records.js';
import { requestRecord } from '../storage/store-suite.js';

const at = (sessionID: string, ms: number) => requestRecord(sessionID, new Date(Date.UTC(2026, 0, 1) + ms), { path: `/${ms}` });

describe('pipeline: records of open sessions', () => {
  it('hands a closed session its records oldest first when the count adds up, and forgets them', () => {
    const open = new OpenSessionRecords();
    for (const ms of [30, 10, 20]) open.add(at('a', ms)); // recorded in the order the responses ended
    open.add(at('b', 5));
    expect(open.take('a', 3)!.map((r) => r.path)).to.deep.equal(['/10', '/20', '/30']);
    expect(open.size).to.equal(1);
    expect(open.take('a', 3)).to.equal(undefined);
  });

  it('says nothing when the held records do not add up to the sessionizer\'s count', () => {
    const open = new OpenSessionRecords();
    open.add(at('a', 1));
    expect(open.take('a', 2)).to.equal(undefined);
    expect(open.size).to.equal(0);
    expect(open.take('never-seen', 1)).to.equal(undefined);
  });

  it('lets the oldest sessions go past its budget; a session let go and continued no longer adds up', () => {
    const open = new OpenSessionRecords(4);
    open.add(at('old', 1));
    open.add(at('old', 2));
    open.add(at('mid', 3));
    open.add(at('new', 4));
    open.add(at('new', 5)); // 5 held: 'old' (2 records) is let go
    expect(open.size).to.equal(3);
    open.add(at('old', 6));
    expect(open.take('old', 3)).to.equal(undefined);
    expect(open.take('mid', 1)!.map((r) => r.path)).to.deep.equal(['/3']);
    expect(open.take('new', 2)!.map((r) => r.path)).to.deep.equal(['/4', '/5']);
  });

  it('lets the oldest sessions go when their received bytes pass the byte budget', () => {
    const open = new OpenSessionRecords(100, 10_000);
    const sized = (sessionID: string, ms: number, requestBytes: number) => ({ ...at(sessionID, ms), requestBytes });
    open.add(sized('old', 1, 4000));
    open.add(sized('mid', 2, 4000));
    open.add(sized('new', 3, 1000));
    expect(open.size).to.equal(3);
    open.add(sized('new', 4, 2000)); // 11 000 bytes: 'old' is let go
    expect(open.take('old', 1)).to.equal(undefined);
    const mid = open.take('mid', 1)!;
    expect(mid.map((r) => r.path)).to.deep.equal(['/2']);
    open.add(sized('other', 5, 6000)); // 9 000 bytes held: within the budget again after 'mid' was taken
    open.release(mid);
    expect(open.take('new', 2)!.map((r) => r.path)).to.deep.equal(['/3', '/4']);
    expect(open.take('other', 1)).to.have.length(1); // 9 000 bytes handed out: 'mid' was released
  });

  it('hands out records to closed sessions only within its budget, until they are released', () => {
    const open = new OpenSessionRecords(3);
    open.add(at('a', 1));
    open.add(at('a', 2));
    const a = open.take('a', 2)!;
    expect(a).to.have.length(2);
    open.add(at('b', 3));
    open.add(at('b', 4));
    expect(open.take('b', 2)).to.equal(undefined); // 4 would be handed out: read from storage instead
    expect(open.waiting).to.equal(2);
    open.release(a);
    open.add(at('c', 5));
    expect(open.take('c', 1)).to.have.length(1);
    expect(open.waiting).to.equal(1);
  });
});
