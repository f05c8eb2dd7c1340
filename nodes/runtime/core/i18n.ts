import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NodeAPI } from './node-red';

export type Translate = (key: string, substitutions?: Record<string, unknown>) => string;

type Catalog = Record<string, unknown>;

let englishCatalog: Catalog | undefined;

/** The built English catalogue, used when the host's i18n does not resolve a key (e.g. in the test helper). */
function english(): Catalog {
  if (!englishCatalog) {
    try {
      // dist/nodes/runtime/core -> dist/nodes/locales
      englishCatalog = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'locales', 'en-US', 'symphony.json'), 'utf8')) as Catalog;
    } catch {
      englishCatalog = {};
    }
  }
  return englishCatalog;
}

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Catalog)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Node-RED's i18n uses `__name__` placeholders; the fallback fills them the same way. */
function fill(template: string, substitutions: Record<string, unknown> | undefined): string {
  return template.replace(/__(\w+?)__/g, (whole, name: string) => (substitutions && name in substitutions ? String(substitutions[name]) : whole));
}

/** The English text of a key from the built catalogue; the key itself when it has none. */
function englishText(key: string, substitutions?: Record<string, unknown>): string {
  const template = lookup(english(), key);
  return template === undefined ? key : fill(template, substitutions);
}

export function createTranslator(RED: NodeAPI): Translate {
  const translate: Translate = (key, substitutions) => {
    const translated = RED._(key, substitutions);
    if (typeof translated === 'string' && translated !== key && !translated.endsWith(`:${key}`)) return translated;
    return englishText(key, substitutions);
  };
  // A text without substitutions is the same every time (Node-RED's language is set when it starts): it is looked up
  // once, not for every msg (a node's "ok" status is shown after each call).
  const fixed = new Map<string, string>();
  return (key, substitutions) => {
    if (substitutions !== undefined) return translate(key, substitutions);
    let found = fixed.get(key);
    if (found === undefined) {
      found = translate(key);
      fixed.set(key, found);
    }
    return found;
  };
}

/** The translator library code uses through text(); set once when Node-RED loads the node set. */
let active: Translate | undefined;

/** Makes `t` the translator behind text(); `undefined` goes back to the English catalogue. */
export function useTranslator(t: Translate | undefined): void {
  active = t;
}

/**
 * A user-visible text by its catalogue key, with `__name__` placeholders filled from `substitutions`. Uses the
 * translator set by useTranslator, or the English catalogue when there is none (library code run without
 * Node-RED, as in unit tests).
 */
export function text(key: string, substitutions?: Record<string, unknown>): string {
  return active ? active(key, substitutions) : englishText(key, substitutions);
}
