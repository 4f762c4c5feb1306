import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures');

/**
 * A test-only key and self-signed certificate for localhost / 127.0.0.1 (see
 * test/fixtures/README.md): a server serves with `key` and `cert`, a client trusts `cert` as its CA.
 */
export const localhostTls = {
  key: readFileSync(join(fixtures, 'localhost-key.pem')),
  cert: readFileSync(join(fixtures, 'localhost-cert.pem')),
};
