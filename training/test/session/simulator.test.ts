import { expect } from 'chai';
import { BEHAVIOUR_FEATURES, COMPAT5_ORDER } from '@session-warden/features-default';
import { simulateSessions, SIMULATOR_VERSION } from '../../src/session/simulator/simulate.js';

describe('session traffic simulator', () => {
  const sessions = simulateSessions({ seed: 'test', clients: 400 });

  it('gives the same sessions for the same seed and different ones for another seed', () => {
    const again = simulateSessions({ seed: 'test', clients: 400 });
    expect(again).to.deep.equal(sessions);
    const other = simulateSessions({ seed: 'other', clients: 400 });
    expect(other.map((s) => s.features.numOfReqs)).to.not.deep.equal(sessions.map((s) => s.features.numOfReqs));
    expect(SIMULATOR_VERSION).to.match(/^\d+\.\d+\.\d+$/);
  });

  it('labels every persona, normal and attacking, and measures each session with the real default features', () => {
    const personas = new Set(sessions.map((s) => s.persona));
    for (const p of ['browser', 'shopper', 'member', 'apiClient', 'bruteForce', 'credentialStuffing', 'scanner', 'dosFlood', 'scraper']) {
      expect(personas, p).to.include(p);
    }
    expect(sessions.some((s) => s.label === 0) && sessions.some((s) => s.label === 1)).to.equal(true);
    for (const s of sessions) expect(Object.keys(s.features).sort()).to.deep.equal([...COMPAT5_ORDER, ...BEHAVIOUR_FEATURES].sort());
  });

  it('cuts sessions with the real time sessionizer (request cap, idle gap), so floods come out as many capped sessions', () => {
    const floods = sessions.filter((s) => s.persona === 'dosFlood');
    expect(floods.length).to.be.greaterThan(0);
    // The cap is 1000 at most in any simulated deployment; floods reach it and 180 is the usual default.
    expect(Math.max(...sessions.map((s) => s.features.numOfReqs!))).to.be.at.most(1000);
    expect(floods.filter((s) => s.features.numOfReqs === 180).length).to.be.greaterThan(0);
    const normal = sessions.filter((s) => s.label === 0);
    const median = normal.map((s) => s.features.numOfReqs!).sort((a, b) => a - b)[normal.length >> 1]!;
    expect(median).to.be.below(40);
  });

  it('varies the simulated sites: the same persona produces sessions with and without logged assets', () => {
    const browsers = sessions.filter((s) => s.persona === 'browser');
    expect(browsers.some((s) => s.features.staticShare! > 0.3)).to.equal(true);
    expect(browsers.some((s) => s.features.staticShare === 0 && s.features.numOfReqs! > 1)).to.equal(true);
  });
});
