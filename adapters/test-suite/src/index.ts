import { blockingSuite } from './suites/blocking.js';
import { clientIpSuite } from './suites/client-ip.js';
import { databaseOutageSuite } from './suites/database-outage.js';
import { failuresSuite } from './suites/failures.js';
import { recordsSuite } from './suites/records.js';
import { redactionSuite } from './suites/redaction.js';
import { streamingSuite } from './suites/streaming.js';
import { verdictBlocksSuite } from './suites/verdict-blocks.js';
import type { Flavour } from './test-app.js';

export * from './http-helpers.js';
export * from './tcp-proxy.js';
export * from './test-app.js';

/** Every behaviour an adapter must show, over real HTTP, on each framework version given. */
export function adapterSuite(flavours: readonly Flavour[]): void {
  for (const suite of [recordsSuite, clientIpSuite, blockingSuite, redactionSuite, failuresSuite, streamingSuite, databaseOutageSuite, verdictBlocksSuite]) {
    suite(flavours);
  }
}
export * from './serve-test-app.js';
