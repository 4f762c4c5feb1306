import { openStorage } from '../../../src/storage/index.js';
import { storeSuite } from '../store-suite.js';
import { MongoWireDouble } from './mongo-wire-double.js';

describe('MongoDB storage through openStorage (mongodb:// URL), against the in-process wire test double', () => {
  let double: MongoWireDouble;
  before(async () => {
    double = await MongoWireDouble.start();
  });
  after(async () => {
    await double?.stop();
  });

  storeSuite('MongoDB (wire-protocol test double)', () => openStorage(double.url('suite'), { tablePrefix: `s${process.pid}_` }));
});
