import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, USERS } from '../helpers/simulator';
import { allPages, caught, out, perItem, set } from '../helpers/users-flow';

interface AuditJson { action: string; actionName: string; timestamp: string; initiatorId: string; initiatorUsername: string; affectedUsername: string }
interface TrailJson { items: AuditJson[]; pagination: { cursors: { before: string; after?: string } } }

const payload = <T>(msg: Msg): T => msg.payload as T;

describe('users nodes: privileged actions (audit trail)', function () {
  const sim = useSimulator();
  let since = 0;
  const period = (): Record<string, unknown> => ({ startTimestamp: since });

  before(async function () {
    since = Date.now();
    // Three privileged writes by the bot.
    await out(sim(), 'symphony-user-role-add', set({ roleId: 'COMPLIANCE_OFFICER' }), { userId: USERS.carol.id });
    await out(sim(), 'symphony-user-status-update', set({ accountStatus: 'DISABLED' }), { userId: USERS.frank.id });
    await out(sim(), 'symphony-user-update', set({ title: 'Sales Lead' }), { userId: USERS.bob.id });
  });

  it('lists what the admin nodes did, oldest first, through the agent with the key manager token', async function () {
    sim().clearRequests();
    const trail = payload<TrailJson>(await out(sim(), 'symphony-user-audit-trail', {}, period()));
    assert.deepEqual(trail.items.map((i) => [i.actionName, i.affectedUsername]), [['roleAdded', 'carol'], ['userDeactivated', 'frank'], ['userUpdated', 'bob']]);
    assert.equal(trail.items[0]!.action, 'Role Added');
    assert.equal(trail.items[0]!.initiatorId, String(BOT.id));
    assert.equal(trail.items[0]!.initiatorUsername, BOT.username);
    assert.ok(Number(trail.items[0]!.timestamp) >= since);
    const request = sim().requests.find((r) => r.path === '/agent/v1/audittrail/privilegeduser');
    assert.equal(request?.headers.keymanagertoken, '<redacted>');
  });

  it('filters by period, initiator and role; an empty period is an empty list', async function () {
    const later = await out(sim(), 'symphony-user-audit-trail', set({ startTimestamp: Date.now() + 60_000 }));
    assert.deepEqual(later.payload, { items: [] });
    const byOther = await out(sim(), 'symphony-user-audit-trail', {}, { ...period(), initiatorId: USERS.alice.id });
    assert.deepEqual(byOther.payload, { items: [] });
    const byRole = payload<TrailJson>(await out(sim(), 'symphony-user-audit-trail', {}, { ...period(), role: 'user_provisioning' }));
    assert.equal(byRole.items.length, 3);
  });

  it('one page with its cursor, all pages, all pages up to a cap, one msg per action', async function () {
    const first = payload<TrailJson>(await out(sim(), 'symphony-user-audit-trail', set({ limit: 1 }), period()));
    assert.deepEqual(first.items.map((i) => i.actionName), ['roleAdded']);
    assert.equal(typeof first.pagination.cursors.after, 'string');

    const all = payload<AuditJson[]>(await out(sim(), 'symphony-user-audit-trail', { ...set({ limit: 1 }), ...allPages(1000) }, period()));
    assert.deepEqual(all.map((i) => i.actionName), ['roleAdded', 'userDeactivated', 'userUpdated']);
    const capped = payload<AuditJson[]>(await out(sim(), 'symphony-user-audit-trail', { ...set({ limit: 1 }), ...allPages(2) }, period()));
    assert.deepEqual(capped.map((i) => i.actionName), ['roleAdded', 'userDeactivated'], 'truncated at the cap');

    const msgs = await perItem(sim(), 'symphony-user-audit-trail', allPages(1000), 3, period());
    assert.deepEqual(msgs.map((m) => payload<AuditJson>(m).actionName), ['roleAdded', 'userDeactivated', 'userUpdated']);
    assert.equal((msgs[2]!.parts as { count: number }).count, 3);
  });

  it('a missing start is named before any request', async function () {
    sim().clearRequests();
    const refused = await caught(sim(), 'symphony-user-audit-trail', {}, { payload: 'x' });
    assert.equal(refused.error!.code, 'INVALID_INPUT');
    assert.equal(refused.error!.cause!.field, 'startTimestamp');
    assert.equal(sim().count('GET', '/agent/v1/audittrail/privilegeduser'), 0);
  });

  it('without the Audit Trail Management role the agent answers 403', async function () {
    await out(sim(), 'symphony-user-role-remove', set({ roleId: 'AUDIT_TRAIL_MANAGEMENT' }), { userId: BOT.id });
    const refused = await caught(sim(), 'symphony-user-audit-trail', {}, period());
    assert.equal(refused.error!.cause!.status, 403);
    assert.match(String(refused.error!.cause!.symphonyMessage), /AUDIT_TRAIL_MANAGEMENT/);
  });
});
