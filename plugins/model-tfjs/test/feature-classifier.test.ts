import { sessionModelSuite } from '@session-warden/model-test-suite';
import { tfjsBackend } from './backend.js';

sessionModelSuite(tfjsBackend);
