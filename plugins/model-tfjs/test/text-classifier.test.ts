import { textModelSuite } from '@session-warden/model-test-suite';
import { tfjsBackend } from './backend.js';

textModelSuite(tfjsBackend);
