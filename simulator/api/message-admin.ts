/**
 * Pod message administration: POST /pod/v1/admin/messagesuppression/{id}/suppress (users may suppress their own
 * messages, the Content Management role anyone's) and GET /pod/v1/message/{mid}/status (stream members only).
 */
import { badRequest, forbidden, notFound } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import { toUrlSafeId } from '../ids';
import type { SimMessage, SimUser } from '../model';
import type { SimulatorState } from '../state';
import { sameFirm } from '../state-connections';

const SUPPRESSION_ROLE = 'CONTENT_MANAGEMENT';

/** Pod MessageStatusUser: the spec types userId and timestamp as strings. */
interface MessageStatusUserJson {
  userId: string;
  firstName?: string;
  lastName?: string;
  displayName: string;
  email: string;
  userName?: string;
  timestamp: string;
}

/** The message of that id (standard or URL-safe base64), in any stream. */
export function findMessage(state: SimulatorState, rawId: string): SimMessage | undefined {
  const id = toUrlSafeId(rawId);
  for (const history of state.messages.values()) {
    const found = history.find((m) => m.messageId === id);
    if (found) return found;
  }
  return undefined;
}

function suppressMessage(ctx: UserContext): Reply {
  const caller = ctx.caller.user;
  const message = findMessage(ctx.sim.state, ctx.params.id);
  // The spec declares no 404 for this endpoint: an unknown message is a client error.
  if (!message) throw badRequest(`id ${ctx.params.id} is not a known message`);
  if (message.userId !== caller.id && !caller.roles.includes(SUPPRESSION_ROLE)) {
    throw forbidden(`The user lacks the required entitlement to perform this operation: ${caller.username} may only suppress their own messages (${SUPPRESSION_ROLE} role needed for others)`);
  }
  // Suppressing again succeeds and says so with a suppressionDate of 0 (as the pod does since 1.45).
  const first = message.suppressedAt === undefined;
  if (first) message.suppressedAt = Date.now();
  if (first) ctx.sim.events.messageSuppressed(message, caller);
  return { status: 200, body: { messageId: message.messageId, suppressed: true, suppressionDate: first ? message.suppressedAt : 0 } };
}

/** Usernames of users of another firm than the caller's are left out. */
function statusUser(viewer: SimUser, user: SimUser, timestamp: number): MessageStatusUserJson {
  return {
    userId: String(user.id),
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    email: user.emailAddress,
    userName: sameFirm(viewer, user) ? user.username : undefined,
    timestamp: String(timestamp),
  };
}

/**
 * Nobody runs a Symphony client in the simulator, so every other member of the stream counts as sent to (not yet
 * delivered or read); once the message is suppressed, nobody does.
 */
function messageStatus(ctx: UserContext): Reply {
  const { state } = ctx.sim;
  const caller = ctx.caller.user;
  const message = findMessage(state, ctx.params.mid);
  if (!message) throw notFound(`Message ${ctx.params.mid} does not exist`);
  const stream = state.streams.get(message.streamId);
  if (!stream?.members.includes(caller.id)) throw forbidden(`User ${caller.username} is not a member of the stream of message ${message.messageId}`);
  const author = state.users.get(message.userId);
  const recipients = message.suppressedAt === undefined
    ? stream.members.filter((id) => id !== message.userId).map((id) => state.users.get(id)).filter((u): u is SimUser => u !== undefined)
    : [];
  return {
    status: 200,
    body: {
      author: author ? statusUser(caller, author, message.timestamp) : undefined,
      read: [],
      delivered: [],
      sent: recipients.map((user) => statusUser(caller, user, message.timestamp)),
    },
  };
}

export function registerMessageAdminRoutes(router: Router): void {
  router.user('POST', '/pod/v1/admin/messagesuppression/{id}/suppress', suppressMessage, NO_BODY);
  router.user('GET', '/pod/v1/message/{mid}/status', messageStatus);
}
