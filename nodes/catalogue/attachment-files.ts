import { readFile } from 'node:fs/promises';
import { inputError } from '../runtime/core/errors';
import { text } from '../runtime/core/i18n';
import type { Attachment, AttachmentSource } from '../runtime/operations/normalise';
import { bounded } from '../runtime/operations/value-checks';
import type { JsonSchema, ParamSpec, ParamValues } from './types';

/**
 * Attachments and previews of the message nodes (send, blast, update): given as Buffers with names or as file
 * paths, read here (asynchronously, when the msg arrives) into the parts the request builder sends.
 */

/** A media type as a part header takes it: type/subtype, parameters after a `;`, printable ASCII only. */
const MEDIA_TYPE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*( *;[ -~]*)?$';

/** The normaliser guarantees content or a path; the name may be missing for a bare Buffer (fine for a preview). */
export const SOURCE_SCHEMA: JsonSchema = {
  items: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1 }, content: {}, path: { type: 'string', minLength: 1 }, contentType: { type: 'string', pattern: MEDIA_TYPE_PATTERN },
    },
  },
};

const MSG_TYPES = ['msg', 'flow', 'global'] as const;

export const attachmentsParam: ParamSpec = {
  name: 'attachments', in: 'multipart', wireName: 'attachment', kind: 'attachments', types: MSG_TYPES, schema: SOURCE_SCHEMA, advanced: true,
};
export const previewsParam: ParamSpec = {
  name: 'previews', in: 'multipart', wireName: 'preview', kind: 'attachments', types: MSG_TYPES, schema: SOURCE_SCHEMA, advanced: true,
};

/** The catalogue key of the reason shown for each file system error code. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'runtime.errors.attachments.noSuchFile',
  EACCES: 'runtime.errors.attachments.permissionDenied',
  EPERM: 'runtime.errors.attachments.permissionDenied',
  EISDIR: 'runtime.errors.attachments.isFolder',
  ENOTDIR: 'runtime.errors.attachments.notFolder',
  EMFILE: 'runtime.errors.attachments.tooManyOpen',
};

/** A file's bytes: the content given, or the file read (an error names the field and the reason). */
export async function readSource(operation: string, field: string, source: AttachmentSource): Promise<Buffer> {
  if (source.content) return source.content;
  const filePath = source.path as string;
  try {
    return await readFile(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const reason = READ_ERRORS[code];
    // A path from the msg may be any length, and the system's message repeats it: each is quoted in part.
    throw inputError(operation, field, text('runtime.errors.attachments.unreadable', {
      path: bounded(filePath),
      reason: reason ? text(reason) : bounded(err instanceof Error ? err.message : String(err)),
    }));
  }
}

/** The file extension a preview picture has, by its first bytes (the pod shows previews as images). */
function imageExtension(content: Buffer): string {
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return '.png';
  if (content[0] === 0xff && content[1] === 0xd8) return '.jpg';
  if (content.subarray(0, 4).toString('latin1') === 'GIF8') return '.gif';
  return '';
}

let mimeTypes: typeof import('mime-types') | undefined;

/** A part's media type: the one given with the file, else the one its name says (mime-types' table), else bytes. */
export function mediaTypeOf(name: string, given: string | undefined): string {
  if (given !== undefined) return given;
  // The table is loaded with the first attachment that needs it, not when Node-RED starts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  mimeTypes ??= require('mime-types') as typeof import('mime-types');
  return mimeTypes.lookup(name) || 'application/octet-stream';
}

async function readAll(operation: string, field: string, sources: AttachmentSource[], nameless: (index: number, content: Buffer) => string): Promise<Attachment[]> {
  return Promise.all(sources.map(async (source, index) => {
    const content = await readSource(operation, field, source);
    const name = source.name ?? nameless(index, content);
    return { name, content, contentType: mediaTypeOf(name, source.contentType) };
  }));
}

/**
 * Reads the attachment and preview files of a message node's values. Every attachment needs a file name; previews
 * go with the attachments by position, so there cannot be more previews than attachments.
 */
export async function readMessageFiles(operation: string, values: ParamValues): Promise<ParamValues> {
  // Most messages have no files: nothing to read (the values' absent lists stay absent).
  if (values.attachments === undefined && values.previews === undefined) return values;
  const attachments = (values.attachments ?? []) as AttachmentSource[];
  const previews = (values.previews ?? []) as AttachmentSource[];
  const unnamed = attachments.findIndex((a) => !a.name);
  if (unnamed >= 0) throw inputError(operation, 'attachments', text('runtime.errors.attachments.bufferName', { index: unnamed }));
  if (previews.length > attachments.length) {
    throw inputError(operation, 'previews', text('runtime.errors.attachments.previews', { previews: previews.length, attachments: attachments.length }));
  }
  const [files, pictures] = await Promise.all([
    readAll(operation, 'attachments', attachments, () => 'attachment'),
    readAll(operation, 'previews', previews, (index, content) => `preview-${index + 1}${imageExtension(content)}`),
  ]);
  return { ...values, attachments: files.length ? files : undefined, previews: pictures.length ? pictures : undefined };
}

/** A parameter taking exactly one file, as the attachments do: `{ name, content }`, a Buffer, or a file path. */
export function singleFileParam(name: string, wireName: string): ParamSpec {
  return { name, in: 'multipart', wireName, kind: 'attachments', types: MSG_TYPES, schema: { ...SOURCE_SCHEMA, minItems: 1, maxItems: 1 }, required: true };
}

/** Reads the one file of an upload; a Buffer given without a name is sent as `fallbackName`. */
export async function readSingleFile(operation: string, field: string, values: ParamValues, fallbackName: string): Promise<ParamValues> {
  const files = await readAll(operation, field, (values[field] ?? []) as AttachmentSource[], () => fallbackName);
  return { ...values, [field]: files };
}
