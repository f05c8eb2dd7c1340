import { startSimulator, DEFAULT_SEED, type Simulator, type SimulatorOptions } from '../../simulator';
import { keyPair } from './keys';

export const ALL_PERMISSIONS = [
  'GET_BASIC_CONTACT_INFO', 'GET_BASIC_USER_INFO', 'SEND_MESSAGES', 'SUPPRESS_MESSAGES', 'CREATE_USER_STREAM',
  'MANAGE_ROOMS', 'MANAGE_SIGNALS', 'LIST_USER_STREAMS', 'GET_USER_CONNECTIONS', 'REQUEST_USER_CONNECTIONS',
  'GET_PRESENCE', 'SET_PRESENCE', 'MANAGE_USER_FOLLOWING',
];

export const BOT = DEFAULT_SEED.users.bot;
export const USERS = DEFAULT_SEED.users;
/** A seeded room whose members include the bot and alice. */
export const DESK_ROOM_ID = DEFAULT_SEED.rooms[0]!.id;
export const OBO_APP_ID = 'demo-obo-app';
/** An app granted only contact lookups, to see the pod's 403 for a missing permission. */
export const LIMITED_APP_ID = 'limited-app';
/** An app granted nothing at all: every OBO call it makes must be refused. */
export const UNPRIVILEGED_APP_ID = 'unprivileged-app';

/** A simulator with the bot's and the apps' public keys registered. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({
    bot: { username: BOT.username, publicKey: keyPair('bot').publicPem },
    apps: [
      { appId: OBO_APP_ID, publicKey: keyPair('app').publicPem, permissions: ALL_PERMISSIONS },
      { appId: LIMITED_APP_ID, publicKey: keyPair('app').publicPem, permissions: ['GET_BASIC_CONTACT_INFO'] },
      { appId: UNPRIVILEGED_APP_ID, publicKey: keyPair('app').publicPem, permissions: [] },
    ],
    ...options,
  });
}
