import type { IncomingMessage } from 'node:http';
import { ValidationError } from '../errors.js';

export class BodyTooLargeError extends ValidationError {
  constructor(limit: number) {
    super(`The request body is larger than ${limit} bytes.`, 'WARDEN_BODY_TOO_LARGE');
  }
}

/** Reads and parses a JSON body, refusing more than `limit` bytes before buffering them. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new ValidationError('The request body is empty; send JSON such as {"sesID": "..."}.', 'WARDEN_BAD_JSON');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`The request body is not valid JSON (${(err as Error).message}).`, 'WARDEN_BAD_JSON');
  }
}
