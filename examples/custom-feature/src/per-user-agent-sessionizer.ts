import { definePlugin, TOKENS, type WardenPlugin } from '@session-warden/core';
import { TimeSessionizer } from '@session-warden/sessionizer-time';

/**
 * A custom sessionizer (the older `custGroupToSess`): clients behind one NAT are told apart by
 * user agent, by keying the time sessionizer on IP + user agent.
 */
export function perUserAgentSessionizer(): WardenPlugin {
  return definePlugin({
    name: 'sessionizer-per-user-agent',
    provides: ['Sessionizer'],
    register(container, options) {
      const inner = new TimeSessionizer(options);
      container.register(TOKENS.Sessionizer, {
        useValue: {
          name: 'sessionizer-per-user-agent',
          assign: (input) => inner.assign({ ...input, clientIP: `${input.clientIP}|${input.userAgent ?? ''}` }),
          onSessionClosed: (listener) => inner.onSessionClosed((e) => listener({ ...e, clientIP: e.clientIP.split('|')[0]! })),
          sweep: (now) => inner.sweep(now),
          closeAll: () => inner.closeAll(),
        },
      });
    },
  });
}
