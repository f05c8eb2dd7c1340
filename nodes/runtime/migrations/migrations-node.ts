import type { Translate } from '../core/i18n';
import { SCHEMA_VERSION, upgradeConfig, type NodeConfig } from './migrations';
import type { Node } from '../core/node-red';

/**
 * A node's saved config in the current schema version, upgraded on load. A config saved by a newer version of
 * this package runs as it is, with a warning; an upgrade that changed a property asks for the node to be saved
 * again (the editor keeps only the properties a node type declares, so a renamed one would be lost on deploy).
 */
export function migrateOnLoad<C extends object>(node: Node, type: string, config: C, t: Translate): C {
  const upgrade = upgradeConfig(type, config as NodeConfig);
  if (upgrade.unknown) {
    const saved = String((config as NodeConfig).schemaVersion);
    node.warn(t('editor.migrations.unknownVersion', { version: saved, known: SCHEMA_VERSION }));
  } else if (upgrade.changed.length > 0) {
    node.warn(t('editor.migrations.upgraded', { from: upgrade.from, to: SCHEMA_VERSION, properties: upgrade.changed.join(', ') }));
  }
  return upgrade.config as C;
}
