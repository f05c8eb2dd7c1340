/**
 * DLP enforcement where users create content: a message (its text), a room (name and description) and a signal (its
 * name) are checked against the active policies; a match is recorded as a violation, and a Block refuses the call
 * with a 400 before anything is stored. Text match rules only: the simulator does not look inside files. Messages
 * are checked where they are created one at a time (message create, and the control API's injected messages); blast,
 * share and update are not checked yet.
 */
import { badRequest } from './http/errors';
import type { SimMessage, SimStream, SimUser } from './model';
import type { SimulatorState } from './state';
import type { DlpDataType, DlpScope, PolicyMatch, ViolationKind } from './state-dlp';
import { v4Message } from './api/views';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&amp;': '&' };

/** The text a reader sees in PresentationML: tags dropped, the common entities decoded. */
function visibleText(presentationML: string): string {
  return presentationML.replace(/<[^>]*>/g, ' ').replace(/&(lt|gt|quot|#39|apos|amp);/g, (entity) => ENTITIES[entity] as string);
}

/** External when any member belongs to another firm. */
function streamScope(state: SimulatorState, stream: SimStream): DlpScope {
  return stream.members.some((id) => { const user = state.users.get(id); return user !== undefined && !state.isInternal(user); }) ? 'External' : 'Internal';
}

function enforce(state: SimulatorState, kind: ViolationKind, dataType: DlpDataType, scope: DlpScope, texts: string[],
  record: (matches: PolicyMatch[]) => void): void {
  const matches = state.dlp.inspect(dataType, scope, texts);
  if (matches.length === 0) return;
  record(matches);
  const blocking = matches.filter((m) => m.action === 'Block');
  if (blocking.length > 0) {
    const names = blocking.map((m) => state.dlp.latestPolicy(m.policy).name).join(', ');
    throw badRequest(`The ${kind === 'stream' ? 'room' : kind} was blocked by the DLP policy ${names}`);
  }
}

/** Before a message is stored: its text against the Messages rules. */
export function enforceMessage(state: SimulatorState, stream: SimStream, message: SimMessage): void {
  enforce(state, 'message', 'Messages', streamScope(state, stream), [visibleText(message.message)], (matches) => {
    state.dlp.record('message', message.messageId, message.userId, matches, { ...v4Message(state, message) }, message.attachments);
  });
}

/** Before a room is created or changed: its name and description against the RoomMeta rules. */
export function enforceRoom(state: SimulatorState, creator: SimUser, room: { streamId: string; name: string; description: string; crossPod: boolean; publicRoom: boolean }): void {
  const scope: DlpScope = room.crossPod ? 'External' : 'Internal';
  enforce(state, 'stream', 'RoomMeta', scope, [room.name, room.description], (matches) => {
    state.dlp.record('stream', room.streamId, creator.id, matches, {
      streamId: room.streamId, name: room.name, roomDescription: room.description, creatorId: String(creator.id), creatorPrettyName: creator.displayName,
      publicRoom: room.publicRoom, crossPod: room.crossPod, type: 'ROOM', active: true,
    });
  });
}

/** Before a signal is created or changed: its name (the only part Symphony analyses) against the SignalMeta rules. */
export function enforceSignal(state: SimulatorState, owner: SimUser, signal: { id: string; name: string; query: string }): void {
  enforce(state, 'signal', 'SignalMeta', 'Internal', [signal.name], (matches) => {
    state.dlp.record('signal', signal.id, owner.id, matches, { id: signal.id, name: signal.name, rules: signal.query });
  });
}
