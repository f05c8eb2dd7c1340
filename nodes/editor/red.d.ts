/** The small slice of the Node-RED editor API and of jQuery that the Symphony editor helper uses. */

/** A node as the editor hands it to label, validate and dialog functions. */
interface SymphonyEditorNode {
  name?: string;
  z?: string;
  [property: string]: unknown;
}

/** A config node as `RED.nodes.eachConfig` hands it: `z` set when it is scoped to a flow, `d` when disabled. */
interface RedConfigNode extends SymphonyEditorNode {
  id: string;
  type: string;
  d?: boolean;
  users: SymphonyEditorNode[];
}

interface RedValidatorOptions {
  label?: string;
}

/** Node-RED >= 3.1 shows a returned string as the reason a property is invalid. */
type RedValidator = (this: SymphonyEditorNode, value: unknown, opt?: RedValidatorOptions) => boolean | string;

/** One property of a node type's `defaults`. */
interface RedPropertyDefinition {
  value: unknown;
  type?: string;
  required?: boolean;
  validate?: RedValidator;
}

/** What `RED.nodes.registerType` takes; `this` of the functions is the node (of paletteLabel: the definition). */
interface RedTypeDefinition {
  category: string;
  color: string;
  defaults: Record<string, RedPropertyDefinition>;
  inputs: number;
  outputs: number;
  icon: string;
  paletteLabel: () => string;
  label: (this: SymphonyEditorNode) => string;
  labelStyle: (this: SymphonyEditorNode) => string;
  outputLabels: (this: SymphonyEditorNode) => string;
  onadd: (this: SymphonyEditorNode) => void;
  oneditprepare: (this: SymphonyEditorNode) => void;
  oneditsave: (this: SymphonyEditorNode) => void;
}

interface RedTypedInputChoice {
  value: string;
  label: string;
}

interface RedTypedInputType {
  value: string;
  label?: string;
  icon?: string;
  options?: RedTypedInputChoice[];
}

interface RedTypedInputOptions {
  default?: string;
  types: Array<string | RedTypedInputType>;
  typeField?: string;
}

interface RedTab {
  id: string;
}

interface RedTabs {
  addTab(tab: { id: string; label: string }): void;
}

interface RedEditorApi {
  _(key: string, vars?: Record<string, string>): string;
  utils: {
    validateTypedProperty(value: string, type: string, opt?: RedValidatorOptions): true | string;
  };
  tabs: {
    create(options: { id: string; onchange: (tab: RedTab) => void }): RedTabs;
  };
  nodes: {
    eachConfig(visit: (config: RedConfigNode) => void): void;
    registerType(type: string, definition: RedTypeDefinition): void;
    node(id: string): SymphonyEditorNode | null;
  };
  events: {
    emit(event: string, subject: unknown): void;
    on(event: string, handler: () => void): void;
  };
}

declare const RED: RedEditorApi;

interface JQuery {
  length: number;
  val(): string | number | string[] | undefined;
  val(value: string): JQuery;
  attr(name: string): string | undefined;
  attr(name: string, value: string): JQuery;
  text(): string;
  text(value: string): JQuery;
  appendTo(target: string): JQuery;
  find(selector: string): JQuery;
  each(fn: (this: HTMLElement, index: number, element: HTMLElement) => void): JQuery;
  toggle(show: boolean): JQuery;
  show(): JQuery;
  hide(): JQuery;
  children(): JQuery;
  closest(selector: string): JQuery;
  toggleClass(name: string, state: boolean): JQuery;
  on(events: string, handler: (this: HTMLElement, event: Event) => void): JQuery;
  trigger(event: string): JQuery;
  typedInput(options: RedTypedInputOptions): JQuery;
  typedInput(method: 'value' | 'type'): string;
}

declare function $(selector: string | HTMLElement): JQuery;
