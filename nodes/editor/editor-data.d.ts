/**
 * The compact catalogue the build embeds in symphony.html for the editor helper. Written by scripts/build
 * (which references this file), read by the editor: one shape for both sides.
 */
declare namespace SymphonyEditorData {
  type FieldType = 'str' | 'num' | 'bool' | 'json' | 'msg' | 'flow' | 'global' | 'env' | 'jsonata' | 'bin';

  interface Param {
    name: string;
    types: FieldType[];
    default: { value: string; type: FieldType };
    /** Absent when false (so are the other optional members when they hold nothing): the data stays small. */
    required?: boolean;
    advanced?: boolean;
    /** Allowed values of an enum parameter; offered as a dropdown for the `str` type. */
    enum?: string[];
    /** Font Awesome 4 icon (without `fa-`) of the dialog row, per kind of parameter. */
    icon: string;
    /** i18n keys of the row's label and tooltip, when not the operation's own `<id>.params.<name>.label|description`. */
    labelKey?: string;
    titleKey?: string;
  }

  interface Option {
    name: string;
    values: string[];
    default: string;
    /** i18n keys when not the operation's own `<id>.options.<name>.label|description|values.<value>`. */
    labelKey?: string;
    titleKey?: string;
    valueKeys?: Record<string, string>;
  }

  /** Palette colour and icon file of an API area's nodes. */
  interface Area {
    color: string;
    icon: string;
  }

  /** The Pages section of a paged entry: choices of `pages` and `split` (the first is the default), default max items. */
  interface Paging {
    pages: string[];
    split: string[];
    maxItems: number;
  }

  interface Operation {
    type: string;
    /** i18n key prefix of the operation's texts. */
    id: string;
    area: string;
    api: string;
    method: string;
    path: string;
    params: Param[];
    options: Option[];
    /** `null`: the endpoint is not OBO-enabled, the node always acts as the bot; empty: the called endpoint's. */
    oboPermissions: string[] | null;
    /** The entry reads a list page by page: the dialog has the Pages section (pages, maxItems, split). */
    paged: boolean;
  }

  interface Catalogue {
    /** Node-RED i18n namespace of the node set: `<package name>/<set name>`. */
    namespace: string;
    operations: Record<string, Operation>;
    /** By area of the catalogue (`users`, `streams`...). */
    areas: Record<string, Area>;
    paging: Paging;
    /** Type of the config node every operation node names in its `config` property. */
    configType: string;
    /** Version a new node is saved in (nodes/runtime/migrations). */
    schemaVersion: number;
  }
}
