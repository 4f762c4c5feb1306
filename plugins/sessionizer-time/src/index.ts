import { definePlugin, TOKENS, type WardenPlugin } from '@session-warden/core';
import { TimeSessionizer, type TimeSessionizerOptions } from './time-sessionizer.js';

export { TimeSessionizer, type TimeSessionizerOptions } from './time-sessionizer.js';
export { newSessionId } from './session-id.js';

/** The timestamp sessionizer as a plugin; options not given here come from the config (`sessTimeThres`, `maxReqsPerSess`, `maxTrackedClients`). */
export function timeSessionizer(overrides: Partial<TimeSessionizerOptions> = {}): WardenPlugin {
  return definePlugin({
    name: 'sessionizer-time',
    provides: ['Sessionizer'],
    register(container, options) {
      const sessionizer = new TimeSessionizer({
        sessTimeThres: overrides.sessTimeThres ?? options.sessTimeThres,
        maxReqsPerSess: overrides.maxReqsPerSess ?? options.maxReqsPerSess,
        maxTrackedClients: overrides.maxTrackedClients ?? options.maxTrackedClients,
      });
      container.register(TOKENS.Sessionizer, { useValue: sessionizer });
    },
  });
}

export default timeSessionizer;
