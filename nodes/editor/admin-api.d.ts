/** The parts of jQuery and of the Node-RED editor API that the connection test and the migrations use. */

interface JQuery {
  text(value: string): JQuery;
  empty(): JQuery;
  append(content: JQuery | string): JQuery;
  addClass(name: string): JQuery;
  prop(name: 'disabled', value: boolean): JQuery;
  is(selector: string): boolean;
}

interface JQueryAjaxSettings {
  url: string;
  method: 'GET' | 'POST';
  contentType?: string;
  data?: string;
  dataType?: 'json';
  timeout?: number;
}

interface JQueryXhr {
  done(fn: (data: unknown) => void): JQueryXhr;
  fail(fn: (xhr: { status: number; responseText?: string }, textStatus: string) => void): JQueryXhr;
}

declare namespace $ {
  function ajax(settings: JQueryAjaxSettings): JQueryXhr;
}

/** A node definition as registered: the names of its properties and credentials. */
interface RedNodeDefinition {
  defaults: Record<string, unknown>;
  credentials?: Record<string, unknown>;
}

interface SymphonyEditorNode {
  id?: string;
  type?: string;
  _def?: RedNodeDefinition;
}

interface RedEditorApi {
  notify(message: string, type?: 'warning' | 'error' | 'success'): void;
}

interface JQuery {
  typedInput(method: 'value' | 'type', value: string): JQuery;
}

/** nodes/runtime/migrations/migrations.ts, compiled and embedded by the build: the runtime's own upgrade steps. */
declare const SymphonyMigrations: {
  SCHEMA_VERSION: number;
  MIGRATIONS: ReadonlyArray<{ from: number; types: readonly string[] | 'all' }>;
  upgradeConfig(type: string, config: Record<string, unknown>): {
    config: Record<string, unknown>;
    from: number;
    changed: string[];
    unknown: boolean;
  };
};
