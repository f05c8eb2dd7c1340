import { randomUUID } from 'node:crypto';

/** A file part of a multipart body. */
export interface FilePart {
  name: string;
  content: Buffer;
  contentType: string;
}

type Part = { field: string; text: string } | { field: string; file: FilePart };

/** A multipart/form-data body as sent: its bytes and the Content-Type naming its boundary. */
export interface EncodedMultipart {
  bytes: Buffer;
  contentType: string;
}

const CRLF = '\r\n';

/** Line breaks as CRLF, as FormData sends a text value (and a field name). */
const crlfLines = (value: string): string => value.replace(/\r\n|\r|\n/g, CRLF);

/** A field or file name inside its quotes: the characters that would end it, percent-encoded as FormData does. */
const quoted = (name: string): string => name.replace(/[\r\n"]/g, (ch) => (ch === '\r' ? '%0D' : ch === '\n' ? '%0A' : '%22'));

/**
 * A multipart/form-data body (RFC 7578) encoded as FormData would encode it, but at once into one buffer: the
 * request then goes out with its length in one write, where a FormData goes through a stream of parts made
 * for every request. Text and files in the order added; encoded once, however often the request is repeated.
 */
export class MultipartBody {
  private readonly parts: Part[] = [];
  private encoded: EncodedMultipart | undefined;

  text(field: string, text: string): this {
    this.parts.push({ field, text });
    this.encoded = undefined;
    return this;
  }

  file(field: string, file: FilePart): this {
    this.parts.push({ field, file });
    this.encoded = undefined;
    return this;
  }

  encode(): EncodedMultipart {
    if (this.encoded) return this.encoded;
    const boundary = this.newBoundary();
    const chunks: Buffer[] = [];
    let head = '';
    for (const part of this.parts) {
      head += `--${boundary}${CRLF}Content-Disposition: form-data; name="${quoted(crlfLines(part.field))}"`;
      if ('text' in part) {
        head += `${CRLF}${CRLF}${crlfLines(part.text)}${CRLF}`;
        continue;
      }
      const type = part.file.contentType.replace(/[\r\n]/g, '') || 'application/octet-stream';
      head += `; filename="${quoted(part.file.name)}"${CRLF}Content-Type: ${type}${CRLF}${CRLF}`;
      chunks.push(Buffer.from(head), part.file.content);
      head = CRLF;
    }
    head += `--${boundary}--${CRLF}`;
    chunks.push(Buffer.from(head));
    this.encoded = { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
    return this.encoded;
  }

  /** A random boundary that no part contains (a clash is as likely as guessing a UUID, and still checked). */
  private newBoundary(): string {
    for (;;) {
      const boundary = `symphony-${randomUUID()}`;
      const clash = this.parts.some((part) => ('text' in part ? part.text.includes(boundary) : part.file.content.includes(boundary)));
      if (!clash) return boundary;
    }
  }
}
