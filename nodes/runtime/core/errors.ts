import { headOf } from '../operations/value-checks';
import { text } from './i18n';

/**
 * The one error type every failure path ends in. Node-RED copies `message`, `code` and `cause` onto the
 * Catch node's msg.error, so everything a flow may branch on lives there. Nothing secret is ever put in one.
 */

export interface ErrorDetails {
  /** Node type id of the operation (e.g. `users-lookup`), or `auth` for authentication calls. */
  operation: string;
  /** HTTP status from Symphony, when there was a response. */
  status?: number;
  /** Symphony's own error message, when it sent one. */
  symphonyMessage?: string;
  /** Trace id of the request, when the server sent one. */
  requestId?: string;
  /** The input field or config property at fault. */
  field?: string;
  /** A network failure's code from the system or TLS (ECONNREFUSED, ENOTFOUND, EPROTO, ETIMEDOUT...). */
  networkCode?: string;
}

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_CONFIG'
  | 'NOT_AUTHORIZED'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'ABORTED'
  | 'BAD_RESPONSE'
  | `HTTP_${number}`;

/**
 * No error text is longer than this: whatever a flow passed in (a megabyte of text, say) is quoted in part only,
 * and this cap holds even where a quote was not cut down on the way.
 */
export const MAX_ERROR_MESSAGE = 1000;

function capped(message: string): string {
  return message.length <= MAX_ERROR_MESSAGE ? message : `${headOf(message, MAX_ERROR_MESSAGE - 1)}…`;
}

export class SymphonyError extends Error {
  readonly code: ErrorCode;
  override readonly cause: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails) {
    super(capped(message));
    this.name = 'SymphonyError';
    this.code = code;
    this.cause = readable(details);
  }

  /** Node-RED shows errors by toString(): show the message alone, as the user's own words for the problem. */
  override toString(): string {
    return this.message;
  }

  get status(): number | undefined {
    return this.cause.status;
  }
}

/** The order and i18n keys (runtime.errors.cause.*) of the details a readable cause names. */
const CAUSE_PARTS: ReadonlyArray<[keyof ErrorDetails, string]> = [
  ['field', 'runtime.errors.cause.field'],
  ['status', 'runtime.errors.cause.status'],
  ['symphonyMessage', 'runtime.errors.cause.symphonyMessage'],
  ['requestId', 'runtime.errors.cause.requestId'],
  ['operation', 'runtime.errors.cause.operation'],
];

/**
 * The details, shown in words wherever Node-RED turns them into text: its debug sidebar shows an error that no
 * Catch node took with `cause + ""`, which would read "[object Object]". The toString is not enumerable: Catch
 * nodes and JSON still see the plain details. It reads the details when called, as they may be completed later.
 */
function readable(details: ErrorDetails): ErrorDetails {
  Object.defineProperty(details, 'toString', {
    value: () => CAUSE_PARTS.filter(([part]) => details[part] !== undefined && details[part] !== '')
      .map(([part, key]) => text(key, { value: String(details[part]) }))
      .join(', '),
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return details;
}

/** Bad input on a message, detected before any request. */
export function inputError(operation: string, field: string, message: string): SymphonyError {
  return new SymphonyError('INVALID_INPUT', `${field}: ${message}`, { operation, field });
}

/** Bad configuration (key PEM, URL...), detected at deploy. */
export function configError(field: string, message: string): SymphonyError {
  return new SymphonyError('INVALID_CONFIG', `${field}: ${message}`, { operation: 'config', field });
}

export function isSymphonyError(err: unknown): err is SymphonyError {
  return err instanceof SymphonyError;
}
