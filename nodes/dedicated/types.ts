/**
 * A dedicated node: a node type with a runtime of its own (not a catalogue operation) whose editor side (palette
 * entry, edit dialog, help) the build generates from this description. Texts live in a locale file of the node's
 * own, `locales/en-US/node-<key>.json`, under `dedicated.<key>.`:
 *   paletteLabel, summary,
 *   properties.<field>.label / .description (every visible field),
 *   choices.<field>.<value> (select, multiselect and checklist choices, unless `rawChoiceLabels`),
 *   groups.<field>.<group>, presets.<field>.<preset> (checklists),
 *   help.inputs.<name>, help.outputs.<name> (msg properties), help.details (one paragraph, or an object of them).
 */
/** Choices under one key: a checklist's group (with its heading) or preset (with its button). */
export interface ChoiceGroup {
  key: string;
  choices: readonly string[];
}

export type DedicatedInput =
  | { kind: 'text'; placeholder?: boolean }
  | { kind: 'textarea'; rows: number }
  | { kind: 'checkbox' }
  | { kind: 'select'; choices: readonly string[]; rawChoiceLabels?: boolean }
  | { kind: 'multiselect'; choices: readonly string[]; rawChoiceLabels?: boolean; size: number }
  /**
   * Labelled checkboxes in groups, each with its value in small print, and preset buttons that replace the
   * selection. Saved as an array of the values (nodes/editor/checklist.ts); a dialog closed without a change
   * leaves the saved value as it was, whatever its form.
   */
  | { kind: 'checklist'; groups: readonly ChoiceGroup[]; presets: readonly ChoiceGroup[] }
  /** A config node selector; the default's `type` is the config node type. */
  | { kind: 'config'; type: string }
  /** A TypedInput of these types; its type is kept in `<name>Type` (declared as its own hidden field). */
  | { kind: 'typed'; types: readonly string[] }
  /**
   * A container `node-input-<field>-list` for a Node-RED editableList the node's own editor code fills
   * (oneditprepare) and saves (oneditsave; e.g. the form's fields, nodes/editor/form-fields.ts, and the command
   * list); no element is named `node-input-<field>`. `prepare`: the SymphonyEditor function that fills it, called
   * with the node and the field's name by the generated oneditprepare (else the node's own oneditprepare does).
   */
  | { kind: 'editableList'; prepare?: string }
  /**
   * A secret: a `password` credential of the node (in `credentials`, not `defaults`), so it never reaches the
   * flow JSON or its exports; the node's runtime registers the same credential.
   */
  | { kind: 'password' }
  /** Not shown; e.g. `outputs`, set by oneditsave. */
  | { kind: 'hidden' };

export interface DedicatedField {
  name: string;
  value: string | number | boolean | readonly string[];
  input: DedicatedInput;
  required?: boolean;
  /** JS source of a validator, evaluated in the editor. */
  validate?: string;
  /** Font Awesome 4 icon name, without `fa-`. */
  icon?: string;
  /** The row shows only while the select `field` has one of `values` (nodes/editor/show-when.ts). */
  showWhen?: { field: string; values: readonly string[] };
  /** Added after nodes of the type were saved: left at its default, it stays absent (nodes/editor/absent-defaults.ts). */
  addedLater?: true;
}

/** A msg property documented in the help: its name and type. */
export type HelpProperty = readonly [name: string, type: string];

export interface DedicatedNodeSpec {
  type: string;
  /** Locale key root: `dedicated.<key>.`; also names the locale file node-<key>.json. */
  key: string;
  category: string;
  /** File name in icons/. */
  icon: string;
  inputs: 0 | 1;
  outputs: number;
  /** In dialog order; `name` first is usual. */
  fields: readonly DedicatedField[];
  /** JS source of extra registerType members (functions evaluated in the editor), e.g. oneditsave, outputLabels. */
  editor?: Readonly<Record<string, string>>;
  /** Whether the help says "bot only" (not OBO-enabled). */
  botOnly: boolean;
  help: { inputs: readonly HelpProperty[]; outputs: readonly HelpProperty[] };
}
