/**
 * MessageML mentions, hashtags and cashtags as the agent renders them: an entity span in PresentationML and its
 * EntityJSON in data.
 */
import type { SimulatorState } from './state';

const TAG = /<(mention|hash|cash)\b([^>]*?)\/>/g;

const attribute = (attributes: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderEntities(
  state: SimulatorState, presentationML: string, data: Record<string, unknown>,
): { presentationML: string; data: Record<string, unknown> } {
  const entities: Record<string, unknown> = { ...data };
  let next = 0;
  const rendered = presentationML.replace(TAG, (whole, kind: string, attributes: string) => {
    const key = String(next);
    if (kind === 'mention') {
      const uid = attribute(attributes, 'uid');
      const email = attribute(attributes, 'email');
      const user = uid ? state.users.get(Number(uid)) : email ? state.userByEmail(email) : undefined;
      if (!user) return whole;
      entities[key] = { type: 'com.symphony.user.mention', version: '1.0', id: [{ type: 'com.symphony.user.userId', value: String(user.id) }] };
      next += 1;
      return `<span class="entity" data-entity-id="${key}">@${xml(user.displayName)}</span>`;
    }
    const tag = attribute(attributes, 'tag');
    if (!tag) return whole;
    const [sign, idType] = kind === 'hash' ? ['#', 'org.symphonyoss.taxonomy.hashtag'] : ['$', 'org.symphonyoss.fin.security.id.ticker'];
    entities[key] = { type: 'org.symphonyoss.taxonomy', version: '1.0', id: [{ type: idType, value: tag }] };
    next += 1;
    return `<span class="entity" data-entity-id="${key}">${sign}${xml(tag)}</span>`;
  });
  return { presentationML: rendered, data: entities };
}
