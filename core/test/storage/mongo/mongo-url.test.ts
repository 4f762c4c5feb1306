import { expect } from 'chai';
import { databaseOf, maskMongoUrl } from '../../../src/storage/mongo/mongo-url.js';

describe('MongoDB URL masking', () => {
  it('masks the password and keeps user, hosts, database and options', () => {
    expect(maskMongoUrl('mongodb://warden:s3cret@db.example:27017/logs?authSource=admin'))
      .to.equal('mongodb://warden:***@db.example:27017/logs?authSource=admin');
  });

  it('masks a password in a URL listing several hosts, and one holding an unencoded @', () => {
    expect(maskMongoUrl('mongodb://u:p4ss@h1:27017,h2:27017/db?replicaSet=rs0')).to.equal('mongodb://u:***@h1:27017,h2:27017/db?replicaSet=rs0');
    expect(maskMongoUrl('mongodb+srv://u:p@ss@cluster0.example.net/db')).to.equal('mongodb+srv://u:***@cluster0.example.net/db');
  });

  it('masks password-like query parameters and leaves a URL without credentials as it is', () => {
    expect(maskMongoUrl('mongodb://h/db?password=x&w=1')).to.equal('mongodb://h/db?password=***&w=1');
    expect(maskMongoUrl('mongodb://127.0.0.1:27017/test')).to.equal('mongodb://127.0.0.1:27017/test');
  });

  it('reads the database name', () => {
    expect(databaseOf('mongodb://u:p@h1,h2/my%20db?x=1')).to.equal('my db');
    expect(databaseOf('mongodb://h:1')).to.equal(undefined);
  });
});
