/**
 * Data loss prevention of the simulated agent: dictionaries of words or patterns, v3 policies that match them
 * against messages, room names and descriptions, and signal names, and the violations their enforcement records.
 * Every change to a dictionary or policy makes a new version; earlier versions stay readable.
 */
import { randomBytes } from 'node:crypto';
import type { SimAttachment } from './model';

export type DictionaryType = 'Word' | 'Regex';
export type DlpScope = 'Internal' | 'External';
export type DlpDataType = 'Messages' | 'RoomMeta' | 'SignalMeta' | 'FileContent' | 'FileMeta';
export type DlpAction = 'Block' | 'Warn' | 'LogOnly';

/** What a dictionary was at one version. */
export interface DictionaryVersion {
  version: string;
  name: string;
  /** One word or pattern per line (commas also separate). */
  content: string;
  lastUpdatedDate: number;
}

export interface SimDictionary {
  dictId: string;
  type: DictionaryType;
  creatorId: number;
  creationDate: number;
  /** Oldest first; the last one is the dictionary as it is now. */
  versions: DictionaryVersion[];
}

/** A V3DLPPolicyAppliesTo as stored: the rules are kept as sent (V3DLPRule objects). */
export interface AppliesTo {
  dataType: DlpDataType;
  action: DlpAction;
  rules: Array<Record<string, unknown>>;
}

export interface PolicyVersion {
  /** Unique per version (V3DLPPolicy.id); policyId stays. */
  id: string;
  version: string;
  name: string;
  scopes: DlpScope[];
  appliesTo: AppliesTo[];
  lastUpdatedDate: number;
}

export interface SimPolicy {
  policyId: string;
  creatorId: number;
  creationDate: number;
  active: boolean;
  deleted: boolean;
  lastDisabledDate?: number;
  versions: PolicyVersion[];
}

export type ViolationKind = 'message' | 'stream' | 'signal';

/** One policy that matched, with the terms it found. */
export interface PolicyMatch {
  policy: SimPolicy;
  action: DlpAction;
  terms: string[];
}

export interface SimViolation {
  kind: ViolationKind;
  enforcementEventID: string;
  /** The message, stream or signal id. */
  entityID: string;
  createTime: number;
  requesterId: number;
  action: DlpAction;
  matches: Array<{ policyId: string; policyName: string; version: string; action: DlpAction; terms: string[] }>;
  /** The content as it was flagged (a V4Message, V1DLPStream or V1DLPSignal), shaped by the caller. */
  content: Record<string, unknown>;
  /** The flagged message's files, served by GET /agent/v3/dlp/violation/attachment. */
  attachments: SimAttachment[];
}

const newHexId = (): string => randomBytes(12).toString('hex');

/** The spec's "major.minor" rule: minor + 1, unless it is 999, then major + 1 (up to 999). */
export function nextVersion(version: string): string {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  if (minor < 999) return `${major}.${minor + 1}`;
  return `${Math.min(major + 1, 999)}.0`;
}

/** The strongest of the actions: a Block wins over a Warn, a Warn over LogOnly. */
const STRENGTH: Record<DlpAction, number> = { LogOnly: 0, Warn: 1, Block: 2 };

/** The words or patterns of a dictionary's content: one a line, commas also separating; blanks dropped. */
export function dictionaryTerms(content: string): string[] {
  return content.split(/[\r\n,]+/).map((term) => term.trim()).filter(Boolean);
}

/** The terms of a dictionary that a text contains: words whole and case-insensitive, patterns as regexes. */
function matchTerms(dictionary: SimDictionary, text: string): string[] {
  const terms = dictionaryTerms(latest(dictionary).content);
  if (dictionary.type === 'Regex') {
    return terms.flatMap((pattern) => new RegExp(pattern, 'iu').exec(text)?.[0] ?? []);
  }
  const lower = text.toLowerCase();
  return terms.filter((word) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegex(word.toLowerCase())}($|[^\\p{L}\\p{N}])`, 'u').test(lower));
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function latest<T>(holder: { versions: T[] }): T {
  return holder.versions[holder.versions.length - 1] as T;
}

/** The dictionary ids a policy's text-match rules name. */
export function policyDictionaryIds(appliesTo: readonly AppliesTo[]): string[] {
  return appliesTo.flatMap((a) => a.rules.flatMap((rule) => {
    const config = rule.textMatchConfig as { dictionaries?: Array<{ dictId?: unknown }> } | undefined;
    return (config?.dictionaries ?? []).map((d) => String(d.dictId));
  }));
}

export class DlpState {
  /** In creation order, which is the order they are listed in. */
  readonly dictionaries = new Map<string, SimDictionary>();
  readonly policies = new Map<string, SimPolicy>();
  /** Oldest first. */
  readonly violations: SimViolation[] = [];

  latestDictionary(dictionary: SimDictionary): DictionaryVersion {
    return latest(dictionary);
  }

  latestPolicy(policy: SimPolicy): PolicyVersion {
    return latest(policy);
  }

  dictionaryNamed(name: string): SimDictionary | undefined {
    const wanted = name.trim().toLowerCase();
    return [...this.dictionaries.values()].find((d) => latest(d).name.toLowerCase() === wanted);
  }

  policyNamed(name: string): SimPolicy | undefined {
    const wanted = name.trim().toLowerCase();
    return [...this.policies.values()].find((p) => !p.deleted && latest(p).name.toLowerCase() === wanted);
  }

  createDictionary(creatorId: number, name: string, type: DictionaryType, now = Date.now()): SimDictionary {
    const dictionary: SimDictionary = {
      dictId: newHexId(), type, creatorId, creationDate: now, versions: [{ version: '1.0', name: name.trim(), content: '', lastUpdatedDate: now }],
    };
    this.dictionaries.set(dictionary.dictId, dictionary);
    return dictionary;
  }

  /** A new version of the dictionary with the changes, and a new version of every policy that uses it. */
  changeDictionary(dictionary: SimDictionary, changes: { name?: string; content?: string }, now = Date.now()): void {
    const current = latest(dictionary);
    dictionary.versions.push({
      version: nextVersion(current.version), name: changes.name?.trim() ?? current.name, content: changes.content ?? current.content, lastUpdatedDate: now,
    });
    this.refreshReferences(dictionary.dictId, now);
  }

  deleteDictionary(dictionary: SimDictionary, now = Date.now()): void {
    this.dictionaries.delete(dictionary.dictId);
    this.refreshReferences(dictionary.dictId, now);
  }

  /** Policies naming the dictionary take its latest name and version (or drop it, once deleted), as a new version. */
  private refreshReferences(dictId: string, now: number): void {
    const dictionary = this.dictionaries.get(dictId);
    for (const policy of this.policies.values()) {
      if (policy.deleted || !policyDictionaryIds(latest(policy).appliesTo).includes(dictId)) continue;
      const appliesTo = structuredClone(latest(policy).appliesTo);
      for (const rule of appliesTo.flatMap((a) => a.rules)) {
        const config = rule.textMatchConfig as { dictionaries?: Array<Record<string, unknown>> } | undefined;
        if (!config?.dictionaries) continue;
        config.dictionaries = config.dictionaries.flatMap((ref) => {
          if (ref.dictId !== dictId) return [ref];
          return dictionary ? [{ ...ref, name: latest(dictionary).name, version: latest(dictionary).version }] : [];
        });
      }
      this.changePolicy(policy, { appliesTo }, now);
    }
  }

  createPolicy(creatorId: number, fields: Omit<PolicyVersion, 'id' | 'version' | 'lastUpdatedDate'>, now = Date.now()): SimPolicy {
    const policy: SimPolicy = {
      policyId: newHexId(), creatorId, creationDate: now, active: false, deleted: false,
      versions: [{ id: newHexId(), version: '3.0', ...fields, name: fields.name.trim(), lastUpdatedDate: now }],
    };
    this.policies.set(policy.policyId, policy);
    return policy;
  }

  changePolicy(policy: SimPolicy, changes: Partial<Omit<PolicyVersion, 'id' | 'version' | 'lastUpdatedDate'>>, now = Date.now()): void {
    const current = latest(policy);
    policy.versions.push({
      ...current, ...changes, name: (changes.name ?? current.name).trim(), id: newHexId(), version: nextVersion(current.version), lastUpdatedDate: now,
    });
  }

  setActive(policy: SimPolicy, active: boolean, now = Date.now()): void {
    if (policy.active === active) return;
    policy.active = active;
    if (!active) policy.lastDisabledDate = now;
  }

  /**
   * The active policies whose rules match the texts, for content of this data type in a conversation of this scope.
   * Only text-match rules are checked: the simulator does not look inside files.
   */
  inspect(dataType: DlpDataType, scope: DlpScope, texts: readonly string[]): PolicyMatch[] {
    const text = texts.join('\n');
    const matches: PolicyMatch[] = [];
    for (const policy of this.policies.values()) {
      const current = latest(policy);
      if (!policy.active || policy.deleted || !current.scopes.includes(scope)) continue;
      for (const applies of current.appliesTo.filter((a) => a.dataType === dataType)) {
        const terms = policyDictionaryIds([applies]).flatMap((dictId) => {
          const dictionary = this.dictionaries.get(dictId);
          return dictionary ? matchTerms(dictionary, text) : [];
        });
        if (terms.length > 0) matches.push({ policy, action: applies.action, terms: [...new Set(terms)] });
      }
    }
    return matches;
  }

  /** Records a violation for the matches and says what the strongest action was. */
  record(kind: ViolationKind, entityID: string, requesterId: number, matches: readonly PolicyMatch[], content: Record<string, unknown>,
    attachments: SimAttachment[] = [], now = Date.now()): SimViolation {
    const action = matches.reduce<DlpAction>((strongest, m) => (STRENGTH[m.action] > STRENGTH[strongest] ? m.action : strongest), 'LogOnly');
    const violation: SimViolation = {
      kind, enforcementEventID: newHexId(), entityID, createTime: now, requesterId, action, content, attachments,
      matches: matches.map((m) => ({ policyId: m.policy.policyId, policyName: latest(m.policy).name, version: latest(m.policy).version, action: m.action, terms: m.terms })),
    };
    this.violations.push(violation);
    return violation;
  }
}
