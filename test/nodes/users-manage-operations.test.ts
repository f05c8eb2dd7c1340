import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, USERS } from '../helpers/simulator';
import { allPages, caught, onBehalfOf, out, perItem, set } from '../helpers/users-flow';

interface DetailJson {
  userAttributes: { userName: string };
  userSystemInfo: { id: number; status: string; suspended?: boolean; suspensionReason?: string };
  roles: string[];
}
const payload = <T>(msg: Msg): T => msg.payload as T;
const ids = (list: DetailJson[]): number[] => list.map((d) => d.userSystemInfo.id);
const INTERNAL = [BOT, USERS.alice, USERS.bob, USERS.carol, USERS.frank].map((u) => u.id).sort((a, b) => a - b);
/** A 1x1 PNG. */
/** The node as the editor makes it: the picture from msg.payload. */
const FROM_PAYLOAD = { image: 'payload', imageType: 'msg' };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('user management nodes: find, suspend, avatar, delegates, features, languages', function () {
  const sim = useSimulator();

  it('find users: by role, by status, every page, one msg per user', async function () {
    await out(sim(), 'symphony-user-role-add', set({ roleId: 'COMPLIANCE_OFFICER' }), { userId: USERS.carol.id });
    const officers = payload<DetailJson[]>(await out(sim(), 'symphony-users-find', set({ role: 'COMPLIANCE_OFFICER' })));
    assert.deepEqual(ids(officers), [USERS.carol.id]);
    assert.equal(officers[0]!.userAttributes.userName, 'carol');

    const all = payload<DetailJson[]>(await out(sim(), 'symphony-users-find', { ...set({ accountStatus: 'ENABLED', limit: 2 }), ...allPages(100) }));
    assert.deepEqual(ids(all), INTERNAL, 'every enabled user of the pod, read two at a time');
    assert.equal(sim().count('POST', '/pod/v1/admin/user/find'), 4);

    const msgs = await perItem(sim(), 'symphony-users-find', { ...set({ feature: 'sendFilesEnabled' }), pages: 'all', maxItems: 10 }, INTERNAL.length - 1);
    assert.ok(!msgs.some((m) => payload<DetailJson>(m).userSystemInfo.id === USERS.frank.id), 'frank may not send files');
  });

  it('find users: an unknown role is Symphony\'s 400; a page over 1000 is refused before any request', async function () {
    const unknown = await caught(sim(), 'symphony-users-find', set({ role: 'WIZARD' }));
    assert.equal(unknown.error!.cause!.status, 400);
    assert.match(unknown.error!.message, /WIZARD is not a role/);
    sim().clearRequests();
    const tooLarge = await caught(sim(), 'symphony-users-find', set({ limit: 1001 }));
    assert.equal(tooLarge.error!.cause!.field, 'limit');
    assert.equal(sim().count('POST', '/pod/v1/admin/user/find'), 0);
  });

  it('suspend user, then lift it: user details and status show it', async function () {
    await out(sim(), 'symphony-user-suspension-update', set({ suspended: true, suspensionReason: 'on leave' }), { userId: USERS.frank.id });
    const details = payload<DetailJson>(await out(sim(), 'symphony-user-details', {}, { userId: USERS.frank.id }));
    assert.equal(details.userSystemInfo.suspended, true);
    assert.equal(details.userSystemInfo.suspensionReason, 'on leave');
    const suspended = payload<DetailJson[]>(await out(sim(), 'symphony-users-find', {}, {}));
    assert.equal(suspended.find((d) => d.userSystemInfo.id === USERS.frank.id)!.userSystemInfo.suspended, true);

    await out(sim(), 'symphony-user-suspension-update', set({ suspended: false }), { userId: USERS.frank.id });
    const status = payload<{ suspended: boolean }>(await out(sim(), 'symphony-user-status-get', {}, { userId: USERS.frank.id }));
    assert.equal(status.suspended, false);
  });

  it('suspend user: an unknown user is Symphony\'s 400, and the bot cannot suspend itself', async function () {
    const unknown = await caught(sim(), 'symphony-user-suspension-update', set({ suspended: true }), { userId: 13287555079999 });
    assert.equal(unknown.error!.cause!.status, 400);
    const itself = await caught(sim(), 'symphony-user-suspension-update', set({ suspended: true }), { userId: BOT.id });
    assert.match(itself.error!.message, /cannot suspend itself/);
  });

  it('update avatar from a Buffer or a file: get avatar and lookups show the new picture', async function () {
    const before = payload<Array<{ size: string; url: string }>>(await out(sim(), 'symphony-user-avatar-get', {}, { userId: USERS.alice.id }));
    assert.match(before[0]!.url, /default\.png$/);
    await out(sim(), 'symphony-user-avatar-update', FROM_PAYLOAD, { userId: USERS.alice.id, payload: PNG });
    const after = payload<Array<{ size: string; url: string }>>(await out(sim(), 'symphony-user-avatar-get', {}, { userId: USERS.alice.id }));
    assert.deepEqual(after.map((a) => a.size), ['original', 'small']);
    assert.doesNotMatch(after[0]!.url, /default/);
    const looked = payload<{ users: Array<{ avatars: Array<{ url: string }> }> }>(await out(sim(), 'symphony-users-lookup', set({ userIds: String(USERS.alice.id) })));
    assert.equal(looked.users[0]!.avatars[0]!.url, after[0]!.url);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'avatar-')), 'bob.png');
    writeFileSync(file, PNG);
    await out(sim(), 'symphony-user-avatar-update', { image: file, imageType: 'str' }, { userId: USERS.bob.id });
    const bob = payload<Array<{ url: string }>>(await out(sim(), 'symphony-user-avatar-get', {}, { userId: USERS.bob.id }));
    assert.equal(bob[0]!.url, after[0]!.url, 'the same picture');
  });

  it('update avatar: a missing file, a picture of 2 MB and text that is no picture are refused, naming image', async function () {
    const missing = await caught(sim(), 'symphony-user-avatar-update', { image: '/no/such/avatar.png', imageType: 'str' }, { userId: USERS.bob.id });
    assert.equal(missing.error!.cause!.field, 'image');
    const large = await caught(sim(), 'symphony-user-avatar-update', FROM_PAYLOAD, { userId: USERS.bob.id, payload: Buffer.alloc(2 * 1024 * 1024) });
    assert.equal(large.error!.cause!.field, 'image');
    assert.match(large.error!.message, /less than 2 MB/);
    assert.equal(sim().count('POST', `/pod/v1/admin/user/${USERS.bob.id}/avatar/update`), 0);
    const notPicture = await caught(sim(), 'symphony-user-avatar-update', FROM_PAYLOAD, { userId: USERS.bob.id, payload: Buffer.from('hello') });
    assert.equal(notPicture.error!.cause!.status, 400);
    assert.match(notPicture.error!.message, /not a PNG, JPEG or GIF/);
  });

  it('delegates: add, list, remove; nobody is their own delegate', async function () {
    await out(sim(), 'symphony-user-delegates-update', set({ action: 'ADD' }), { userId: USERS.alice.id, delegateId: USERS.bob.id });
    await out(sim(), 'symphony-user-delegates-update', set({ action: 'ADD' }), { userId: USERS.alice.id, delegateId: USERS.bob.id });
    assert.deepEqual(payload(await out(sim(), 'symphony-user-delegates-get', {}, { userId: USERS.alice.id })), [USERS.bob.id]);
    await out(sim(), 'symphony-user-delegates-update', set({ action: 'REMOVE' }), { userId: USERS.alice.id, delegateId: USERS.bob.id });
    assert.deepEqual(payload(await out(sim(), 'symphony-user-delegates-get', {}, { userId: USERS.alice.id })), []);
    const self = await caught(sim(), 'symphony-user-delegates-update', set({ action: 'ADD' }), { userId: USERS.alice.id, delegateId: USERS.alice.id });
    assert.equal(self.error!.cause!.status, 400);
    const badAction = await caught(sim(), 'symphony-user-delegates-update', set({ action: 'SWAP' }), { userId: USERS.alice.id, delegateId: USERS.bob.id });
    assert.equal(badAction.error!.cause!.field, 'action');
  });

  it('list features names what update user features takes; list languages', async function () {
    const features = payload<string[]>(await out(sim(), 'symphony-features-list'));
    assert.ok(features.includes('canCreatePublicRoom'));
    await out(sim(), 'symphony-user-features-update', set({ features: { [features[0]!]: false } }), { userId: USERS.bob.id });
    const languages = payload<{ languages: string[] }>(await out(sim(), 'symphony-languages-list'));
    assert.ok(languages.languages.includes('en-US'));
  });
});

describe('user sessions nodes', function () {
  const sim = useSimulator();

  it('list a user\'s sessions, end one, end all: the user\'s node logs in again', async function () {
    await out(sim(), 'symphony-session-info', onBehalfOf('alice'));
    const listed = payload<{ sessions: Array<{ sessionId: string; userId: number; creationTime: number }> }>(
      await out(sim(), 'symphony-user-sessions-list', {}, { userId: USERS.alice.id }),
    );
    assert.equal(listed.sessions.length, 1);
    assert.equal(listed.sessions[0]!.userId, USERS.alice.id);
    await out(sim(), 'symphony-user-session-logout', {}, { userId: USERS.alice.id, sessionId: listed.sessions[0]!.sessionId });
    const after = payload<{ sessions: unknown[] }>(await out(sim(), 'symphony-user-sessions-list', {}, { userId: USERS.alice.id }));
    assert.deepEqual(after.sessions, []);

    const again = await caught(sim(), 'symphony-user-session-logout', {}, { userId: USERS.alice.id, sessionId: listed.sessions[0]!.sessionId });
    assert.equal(again.error!.cause!.status, 400, 'that session is over');

    await out(sim(), 'symphony-session-info', onBehalfOf('alice'));
    await out(sim(), 'symphony-user-sessions-logout', {}, { userId: USERS.alice.id });
    assert.deepEqual(payload<{ sessions: unknown[] }>(await out(sim(), 'symphony-user-sessions-list', {}, { userId: USERS.alice.id })).sessions, []);
  });

  it('an unknown user has no sessions: null', async function () {
    assert.equal((await out(sim(), 'symphony-user-sessions-list', {}, { userId: 13287555079999 })).payload, null);
  });
});

describe('user management nodes: a bot without User Provisioning', function () {
  const sim = useSimulator();

  it('every one reaches Catch with Symphony\'s 403 naming the roles it needs', async function () {
    await out(sim(), 'symphony-user-role-remove', set({ roleId: 'USER_PROVISIONING' }), { userId: BOT.id });
    const calls: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      ['symphony-users-find', {}, {}],
      ['symphony-user-suspension-update', set({ suspended: true }), { userId: USERS.frank.id }],
      ['symphony-user-avatar-get', {}, { userId: USERS.alice.id }],
      ['symphony-user-avatar-update', FROM_PAYLOAD, { userId: USERS.alice.id, payload: PNG }],
      ['symphony-user-delegates-get', {}, { userId: USERS.alice.id }],
      ['symphony-user-delegates-update', set({ action: 'ADD' }), { userId: USERS.alice.id, delegateId: USERS.bob.id }],
      ['symphony-features-list', {}, {}],
      ['symphony-user-sessions-list', {}, { userId: USERS.alice.id }],
      ['symphony-user-sessions-logout', {}, { userId: USERS.alice.id }],
      ['symphony-user-session-logout', {}, { userId: USERS.alice.id, sessionId: 'abc' }],
    ];
    for (const [type, props, msg] of calls) {
      const refused = await caught(sim(), type, props, { ...msg, topic: type });
      assert.equal(refused.error!.cause!.status, 403, type);
      assert.match(refused.error!.message, /USER_PROVISIONING/, type);
      assert.equal(refused.topic, type, 'the original msg reaches Catch');
    }
    // Any user may list the languages.
    assert.ok(payload<{ languages: string[] }>(await out(sim(), 'symphony-languages-list')).languages.length > 0);
  });
});
