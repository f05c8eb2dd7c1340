/** Reads request bodies with a size limit. */
import type { IncomingMessage } from 'node:http';
import { HttpError, badRequest } from './errors';

const DEFAULT_LIMIT = 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = DEFAULT_LIMIT): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, `Request body exceeds ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The JSON body; an empty or unparsable body is a 400 that says so. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8');
  if (text.trim() === '') throw badRequest('Request body is required');
  return parseJson(text);
}

/** A body that must be a JSON object; an empty one is `{}` when `optional`, else a 400. */
export async function readJsonObject(req: IncomingMessage, optional = false): Promise<Record<string, unknown>> {
  const text = (await readBody(req)).toString('utf8');
  if (text.trim() === '') {
    if (optional) return {};
    throw badRequest('Request body is required');
  }
  const body = parseJson(text);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request body must be a JSON object');
  return body as Record<string, unknown>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(`Request body is not valid JSON: ${(err as Error).message}`);
  }
}
