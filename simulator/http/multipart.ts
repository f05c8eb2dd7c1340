/** Parses multipart/form-data request bodies (message create) with busboy. */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { HttpError, badRequest } from './errors';

export interface UploadedFile {
  field: string;
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: UploadedFile[];
}

const LIMITS = { fieldSize: 5 * 1024 * 1024, fileSize: 25 * 1024 * 1024, files: 20 };

export function parseMultipart(req: IncomingMessage): Promise<MultipartBody> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) {
    return Promise.reject(badRequest('Content-Type must be multipart/form-data'));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: LIMITS });
  } catch (err) {
    return Promise.reject(badRequest(`Invalid multipart body: ${(err as Error).message}`));
  }
  return new Promise((resolve, reject) => {
    const body: MultipartBody = { fields: {}, files: [] };
    let failure: HttpError | undefined;
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) failure ??= new HttpError(413, `Part ${name} is too large`);
      body.fields[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => { failure ??= new HttpError(413, `File ${info.filename} is too large`); });
      stream.on('end', () => {
        body.files.push({ field, filename: info.filename ?? field, mimeType: info.mimeType, content: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => { failure ??= new HttpError(413, `At most ${LIMITS.files} files are accepted`); });
    parser.on('error', (err: Error) => reject(badRequest(`Invalid multipart body: ${err.message}`)));
    parser.on('close', () => (failure ? reject(failure) : resolve(body)));
    req.pipe(parser);
  });
}
