/**
 * Versioned config migrations. Every node saves `schemaVersion`; a config saved by an older version is upgraded
 * one version at a time by pure functions, at load in the runtime and when the node is opened in the editor.
 * This file imports nothing: the build embeds its compiled code in the editor (as `SymphonyMigrations`), so
 * both sides run the very same steps.
 */

export type NodeConfig = Record<string, unknown>;

export interface Migration {
  /** Upgrades a config of this version to the next one. */
  from: number;
  /** Node types it applies to; `all` for every node of this package. */
  types: readonly string[] | 'all';
  /** Returns a new config; never changes its argument. */
  up(config: NodeConfig): NodeConfig;
}

/** The version new nodes are saved with. */
export const SCHEMA_VERSION = 1;

/**
 * Moves a TypedInput parameter (`<from>` and `<from>Type`) to a new name. An old value that is blank while the
 * new name holds one (a node edited after the rename) does not overwrite it.
 */
export function renameParam(config: NodeConfig, from: string, to: string): NodeConfig {
  const copy: NodeConfig = { ...config };
  const value = copy[from];
  const type = copy[`${from}Type`];
  delete copy[from];
  delete copy[`${from}Type`];
  const oldBlank = value === undefined || value === null || value === '';
  const newSet = copy[to] !== undefined && copy[to] !== '';
  if (value === undefined || (oldBlank && newSet)) return copy;
  copy[to] = value;
  if (type !== undefined) copy[`${to}Type`] = type;
  return copy;
}

/** Oldest first. A version with no step for a type only stamps the new version. */
export const MIGRATIONS: readonly Migration[] = [
  // 0 -> 1: `status` is the editor's own node property (the status dot), so the parameters were renamed.
  { from: 0, types: ['symphony-connection-list'], up: (config) => renameParam(config, 'status', 'connectionStatus') },
  { from: 0, types: ['symphony-admin-streams-list'], up: (config) => renameParam(config, 'status', 'streamStatus') },
];

/** A saved version: absent or blank is 0 (saved before versions existed); anything else not a whole number is NaN. */
export function schemaVersionOf(config: NodeConfig): number {
  const saved = config.schemaVersion;
  if (saved === undefined || saved === null || saved === '') return 0;
  const version = Number(saved);
  return Number.isInteger(version) && version >= 0 ? version : NaN;
}

export interface Upgrade {
  config: NodeConfig;
  /** The version the config was saved with (NaN: unreadable). */
  from: number;
  /** Properties whose value changed, besides `schemaVersion`. */
  changed: string[];
  /** Saved by a newer version of this package (or unreadable): left as it is. */
  unknown: boolean;
}

function appliesTo(migration: Migration, type: string): boolean {
  return migration.types === 'all' || migration.types.indexOf(type) !== -1;
}

function changedProperties(before: NodeConfig, after: NodeConfig): string[] {
  const names = Object.keys(before).concat(Object.keys(after).filter((name) => !(name in before)));
  return names.filter((name) => name !== 'schemaVersion' && JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}

/** The config in the current version, with what changed; a newer or unreadable version is returned as is. */
export function upgradeConfig(type: string, config: NodeConfig, migrations: readonly Migration[] = MIGRATIONS, target = SCHEMA_VERSION): Upgrade {
  const from = schemaVersionOf(config);
  if (!(from <= target)) return { config, from, changed: [], unknown: true };
  let current = config;
  for (let version = from; version < target; version++) {
    for (const migration of migrations) {
      if (migration.from === version && appliesTo(migration, type)) current = migration.up(current);
    }
    current = { ...current, schemaVersion: version + 1 };
  }
  return { config: current, from, changed: changedProperties(config, current), unknown: false };
}
