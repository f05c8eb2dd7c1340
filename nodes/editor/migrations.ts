/**
 * Opens a node saved by an older version in the current schema version, with the runtime's own steps
 * (SymphonyMigrations), so that saving the dialog writes the new shape.
 */
namespace SymphonyEditor {
  type Prefix = 'node-input' | 'node-config-input';

  /** Ids of the nodes whose open dialog shows them upgraded: saving one writes the current version. */
  const upgradedInDialog: Record<string, boolean> = {};

  function declared(node: SymphonyEditorNode): Record<string, unknown> {
    const config: Record<string, unknown> = {};
    Object.keys(node._def ? node._def.defaults : {}).forEach((name) => {
      config[name] = node[name];
    });
    return config;
  }

  function isBlank(value: unknown): boolean {
    return value === undefined || value === null || value === '';
  }

  /** Before the dialog's TypedInputs exist: plain inputs, and the hidden `<name>Type` inputs. */
  function fillInputs(prefix: Prefix, config: Record<string, unknown>, names: string[]): void {
    names.forEach((name) => {
      const input = $('#' + prefix + '-' + name);
      if (input.length > 0 && input.attr('type') !== 'checkbox') {
        input.val(isBlank(config[name]) ? '' : String(config[name]));
      }
    });
  }

  /** After set-up: a `<name>Type` value goes to the TypedInput of `<name>`. */
  function fillTypedInputs(prefix: Prefix, config: Record<string, unknown>, names: string[]): void {
    names.forEach((name) => {
      const value = String(config[name]);
      const typed = /Type$/.test(name) ? $('#' + prefix + '-' + name.slice(0, -4)) : $('#' + prefix + '-' + name);
      const hasTypeField = $('#' + prefix + '-' + name + 'Type').length > 0;
      if (/Type$/.test(name) && typed.length > 0) {
        typed.typedInput('type', value);
      } else if (hasTypeField) {
        typed.typedInput('value', value);
      } else {
        typed.val(value);
      }
    });
  }

  /**
   * Node-RED keeps only the declared properties of a loaded node, so a renamed one (e.g. `status`) is gone from
   * the editor: read the deployed node from the admin API and fill in what its upgrade recovers.
   */
  function recoverFromDeployed(node: SymphonyEditorNode, prefix: Prefix, upgraded: Record<string, unknown>): void {
    const z = typeof node.z === 'string' && node.z ? node.z : 'global';
    $.ajax({ url: 'flow/' + encodeURIComponent(z), method: 'GET', dataType: 'json' }).done((flow) => {
      const lists = flow && typeof flow === 'object' ? flow as Record<string, unknown> : {};
      const all = ([] as unknown[]).concat(lists.nodes || [], lists.configs || []) as Array<Record<string, unknown>>;
      const deployed = all.filter((candidate) => candidate && candidate.id === node.id)[0];
      if (!deployed || !node.type) {
        return;
      }
      const fromDeployed = SymphonyMigrations.upgradeConfig(node.type, deployed);
      const recovered = fromDeployed.changed.filter((name) => node._def && name in node._def.defaults
        && isBlank(upgraded[name]) && !isBlank(fromDeployed.config[name]));
      if (recovered.length > 0) {
        upgradedInDialog[String(node.id)] = true;
        fillTypedInputs(prefix, fromDeployed.config, recovered);
        RED.notify(t('editor.migrations.recovered', { properties: recovered.join(', ') }), 'warning');
      }
    });
  }

  /** Whether any upgrade step from `version` on applies to `type` (else the deployed node holds nothing more). */
  function hasStepsSince(type: string, version: number): boolean {
    return SymphonyMigrations.MIGRATIONS.some((step) => step.from >= version
      && (step.types === 'all' || step.types.indexOf(type) >= 0));
  }

  /** Called first in oneditprepare. */
  export function upgradeDialog(node: SymphonyEditorNode, prefix: Prefix): void {
    if (!node.type || !node._def) {
      return;
    }
    delete upgradedInDialog[String(node.id)];
    const upgrade = SymphonyMigrations.upgradeConfig(node.type, declared(node));
    if (upgrade.changed.length > 0) {
      upgradedInDialog[String(node.id)] = true;
    }
    if (upgrade.unknown) {
      RED.notify(t('editor.migrations.unknownVersionEditor', { version: String(node.schemaVersion), known: String(SymphonyMigrations.SCHEMA_VERSION) }), 'warning');
      return;
    }
    fillInputs(prefix, upgrade.config, upgrade.changed);
    if (upgrade.from < SymphonyMigrations.SCHEMA_VERSION && node.id && hasStepsSince(node.type, upgrade.from)) {
      recoverFromDeployed(node, prefix, upgrade.config);
    }
  }

  /**
   * Called in oneditsave: when the dialog showed the node upgraded (steps of a newer version changed it, or
   * recovered settings from the deployed node), the node is saved in the current version. A node that no step
   * changes keeps the version it has, so that Done on an untouched dialog changes nothing: its form is the
   * current one all the same, and the runtime's steps leave it as it is. A newer version is left as it is.
   */
  export function stampVersion(node: SymphonyEditorNode): void {
    const upgraded = upgradedInDialog[String(node.id)] === true;
    delete upgradedInDialog[String(node.id)];
    if (upgraded && node.type && !SymphonyMigrations.upgradeConfig(node.type, { schemaVersion: node.schemaVersion }).unknown) {
      node.schemaVersion = SymphonyMigrations.SCHEMA_VERSION;
    }
  }
}
