import { expect } from 'chai';
import { MongoClient } from 'mongodb';
import { MongoWireDouble } from './mongo-wire-double.js';

describe('mongo wire double (test double for a MongoDB server)', () => {
  let double: MongoWireDouble;
  let client: MongoClient;

  before(async () => {
    double = await MongoWireDouble.start();
    client = await MongoClient.connect(double.url('wire'), { serverSelectionTimeoutMS: 2000 });
  });
  after(async () => {
    await client?.close();
    await double?.stop();
  });

  it('answers the official driver: insert, find with filter/sort/limit/projection, update with upsert, delete, aggregate', async () => {
    const c = client.db('wire').collection('things');
    await c.insertMany([{ n: 3, tag: 'a' }, { n: 1, tag: 'b' }, { n: 2, tag: 'a' }]);
    const found = await c.find({ tag: 'a' }, { projection: { _id: 0, n: 1 } }).sort({ n: -1 }).limit(5).toArray();
    expect(found).to.deep.equal([{ n: 3 }, { n: 2 }]);
    const upsert = await c.updateOne({ tag: 'c' }, { $set: { n: 9 } }, { upsert: true });
    expect(upsert.upsertedCount).to.equal(1);
    expect(await c.findOne({ tag: 'c' }, { projection: { _id: 0 } })).to.deep.equal({ tag: 'c', n: 9 });
    const updated = await c.updateMany({ tag: 'a' }, { $inc: { n: 10 } });
    expect(updated.modifiedCount).to.equal(2);
    expect(await c.countDocuments({ n: { $gt: 10 } })).to.equal(2);
    const deleted = await c.deleteMany({ tag: 'a' });
    expect(deleted.deletedCount).to.equal(2);
    const grouped = await c.aggregate([{ $group: { _id: '$tag', total: { $sum: '$n' } } }, { $sort: { _id: 1 } }]).toArray();
    expect(grouped).to.deep.equal([{ _id: 'b', total: 1 }, { _id: 'c', total: 9 }]);
  });
});
