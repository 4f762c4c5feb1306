import { textModelSuite } from '@session-warden/model-test-suite';
import { onnxBackend } from './backend.js';

textModelSuite(onnxBackend);
