import { defineFeature } from '@session-warden/features-default';

/** A custom feature is one line: its name and how to compute it from the session's requests. */
export const numOfGetReqs = defineFeature('numOfGetReqs', (s) => s.requests.filter((r) => r.method === 'GET').length);
