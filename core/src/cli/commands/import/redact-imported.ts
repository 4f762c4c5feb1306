import { sanitiseBody } from '../../../capture/body-sanitiser.js';
import { compileCaptureOptions } from '../../../capture/capture-options.js';
import { REDACTED, redactString } from '../../../capture/sensitive-values.js';
import { redactQuery } from '../../../capture/url-sanitiser.js';
import type { RequestRecord, SessionFeatures } from '../../../ports/records.js';

/**
 * The older middleware stored bodies and queries as they came, passwords included. Imported records
 * are new records, so they go through the same redaction as captured ones (records Session Warden
 * wrote are already redacted, and redacting them again changes nothing).
 */
export function importRedactor(maxBodyBytes: number) {
  const capture = compileCaptureOptions({ maxBodyBytes });
  const secrets = { isSensitiveKey: capture.isSensitiveKey, valuePatterns: capture.valuePatterns };

  return {
    request(record: RequestRecord): RequestRecord {
      const out: RequestRecord = { ...record, query: redactQuery(record.query, secrets) };
      if (record.body !== undefined) {
        const body = sanitiseBody(record.body, { ...secrets, maxBytes: capture.maxBodyBytes });
        out.body = body.value;
        if (body.truncated) out.flags = { ...record.flags, bodyTruncated: true };
      }
      return out;
    },
    session(row: SessionFeatures): SessionFeatures {
      const reqBodiesData: Record<string, string> = {};
      for (const [key, value] of Object.entries(row.reqBodiesData)) {
        // Flattened keys look like "user.password"; any sensitive part hides the value.
        const sensitive = capture.isSensitiveKey(key) || key.split(/[.[\]]/).some((part) => part !== '' && capture.isSensitiveKey(part));
        reqBodiesData[key] = sensitive ? REDACTED : redactString(value, capture.valuePatterns);
      }
      return { ...row, reqBodiesData };
    },
  };
}

export type ImportRedactor = ReturnType<typeof importRedactor>;
