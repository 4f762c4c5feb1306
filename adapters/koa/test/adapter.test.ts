import { adapterSuite } from '@session-warden/adapter-test-suite';
import { FLAVOURS } from './app.js';

// The behaviour every adapter must show, on each supported Koa version.
adapterSuite(FLAVOURS);
