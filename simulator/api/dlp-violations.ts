/**
 * DLP v3 violations: GET /agent/v3/dlp/violations/{message,stream,signal} (a period, `next` offsets, 204 when none)
 * and GET /agent/v3/dlp/violation/attachment (a flagged message's file as base64 text; this one declares 404).
 */
import { HttpError, badRequest } from '../http/errors';
import { FILE_ANSWER, type Reply, type Router, type UserContext } from '../http/router';
import type { DlpAction, SimViolation, ViolationKind } from '../state-dlp';
import { SIMULATED_VERSION } from '../version';
import { requireDlpRole } from './dlp-common';
import { integerQuery } from './query';

const ACTIONS: Record<DlpAction, { action: string; outcome: string }> = {
  Block: { action: 'BLOCK', outcome: 'BLOCKED' },
  Warn: { action: 'WARN', outcome: 'WARNED' },
  LogOnly: { action: 'LOG_ONLY', outcome: 'LOGGED' },
};

/** The property of a V3DLPViolation{Message,Stream,Signal} holding the flagged content. */
const CONTENT_PROPERTY: Record<ViolationKind, string> = { message: 'message', stream: 'stream', signal: 'signal' };

/** V3DLPViolation. A Warn reaching the API was sent as it was: the warning was ignored. */
function violationJson(v: SimViolation): Record<string, unknown> {
  return {
    enforcementEventID: v.enforcementEventID,
    entityID: v.entityID,
    createTime: v.createTime,
    lastModified: v.createTime,
    requesterId: v.requesterId,
    details: v.matches.map((m) => ({ policyId: m.policyId, policyName: m.policyName, policyVersion: m.version, action: ACTIONS[m.action].action, terms: m.terms })),
    action: ACTIONS[v.action].action,
    outcome: { type: ACTIONS[v.action].outcome },
    version: SIMULATED_VERSION,
    ignoreDLPwarning: v.action === 'Warn',
  };
}

function listViolations(kind: ViolationKind) {
  return (ctx: UserContext): Reply => {
    requireDlpRole(ctx);
    if (!ctx.query.get('startTime')) throw badRequest('startTime is required');
    const start = integerQuery(ctx.query, 'startTime', 0) as number;
    const end = integerQuery(ctx.query, 'endTime', 0) ?? Date.now();
    if (end < start) throw badRequest('endTime must not be before startTime');
    const offset = integerQuery(ctx.query, 'next', 0) ?? 0;
    const limit = integerQuery(ctx.query, 'limit', 1, 500) ?? 50;
    const found = ctx.sim.state.dlp.violations.filter((v) => v.kind === kind && v.createTime >= start && v.createTime <= end);
    if (found.length === 0) return { status: 204 };
    const page = found.slice(offset, offset + limit);
    const more = offset + limit < found.length;
    return {
      status: 200,
      body: {
        violations: page.map((v) => ({ violation: violationJson(v), [CONTENT_PROPERTY[kind]]: v.content })),
        ...(more ? { nextOffset: String(offset + limit) } : {}),
      },
    };
  };
}

function downloadAttachment(ctx: UserContext): Reply {
  requireDlpRole(ctx);
  const fileId = ctx.query.get('fileId') ?? '';
  const violationId = ctx.query.get('violationId') ?? '';
  if (fileId.trim() === '') throw badRequest('fileId is required');
  if (violationId.trim() === '') throw badRequest('violationId is required');
  const violation = ctx.sim.state.dlp.violations.find((v) => v.enforcementEventID === violationId && v.kind === 'message');
  if (!violation) throw new HttpError(404, `Message violation ${violationId} not found`);
  const file = violation.attachments.find((a) => a.id === fileId);
  if (!file) throw new HttpError(404, `Attachment ${fileId} not found in violation ${violationId}`);
  return { status: 200, body: file.content.toString('base64') };
}

export function registerDlpViolationRoutes(router: Router): void {
  for (const kind of ['message', 'stream', 'signal'] as const) router.user('GET', `/agent/v3/dlp/violations/${kind}`, listViolations(kind));
  // The file as base64 text, typed application/octet-stream.
  router.user('GET', '/agent/v3/dlp/violation/attachment', downloadAttachment, FILE_ANSWER);
}
