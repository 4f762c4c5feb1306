import { expect } from 'chai';
import { maskUrl } from '../../src/storage/index.js';

describe('maskUrl', () => {
  it('replaces the password and keeps user, host, port and database', () => {
    expect(maskUrl('postgres://app:p%40ss@db.internal:5432/warden')).to.equal('postgres://app:***@db.internal:5432/warden');
  });

  it('masks password-like query parameters and leaves the others', () => {
    expect(maskUrl('postgres://db/warden?sslmode=require&password=hunter2'))
      .to.equal('postgres://db/warden?sslmode=require&password=***');
  });

  it('leaves a URL without credentials unchanged', () => {
    expect(maskUrl('mysql://root@127.0.0.1:3306/test')).to.equal('mysql://root@127.0.0.1:3306/test');
  });

  it('masks the password of a URL the URL parser rejects', () => {
    expect(maskUrl('mongodb://u:secret@h1:27017,h2:bad/db')).to.not.include('secret');
  });
});
