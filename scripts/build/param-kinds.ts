import type { ParamKind } from '../../nodes/catalogue/types';

/** Font Awesome 4 icon of a parameter row, per kind. */
export const KIND_ICONS: Record<ParamKind, string> = {
  id: 'user',
  'id-list': 'users',
  'string-list': 'list',
  'stream-id': 'comments',
  string: 'font',
  number: 'hashtag',
  integer: 'hashtag',
  boolean: 'toggle-on',
  enum: 'list-ul',
  json: 'code',
  attachments: 'paperclip',
};

/** The msg property types a help entry shows, per kind (what the runtime accepts). */
export const KIND_HELP_TYPES: Record<ParamKind, string> = {
  id: 'number | string',
  'id-list': 'array | string',
  'string-list': 'array | string',
  'stream-id': 'string',
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  enum: 'string',
  json: 'object | string',
  attachments: 'object | array',
};
