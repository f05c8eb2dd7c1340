import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BuildError } from './errors';

/** A Node-RED message catalogue: nested objects whose leaves are texts. */
export interface Catalog {
  [key: string]: string | Catalog;
}

function isCatalog(value: unknown): value is Catalog {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && Object.values(value).every((v) => typeof v === 'string' || isCatalog(v));
}

/** Reads a catalogue file; an absent optional file is an empty catalogue. */
export function readCatalog(file: string, optional: boolean): Catalog {
  if (!existsSync(file)) {
    if (optional) return {};
    throw new BuildError(`missing locale file ${file}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BuildError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!isCatalog(parsed)) throw new BuildError(`${file} must hold nested objects of strings only`);
  return parsed;
}

/** Deep merge of two catalogues; a key defined by both is a conflict, not an override. */
export function mergeCatalogs(first: Catalog, second: Catalog, prefix = '', sources = 'editor.json and runtime.json'): Catalog {
  const merged: Catalog = { ...first };
  for (const [key, value] of Object.entries(second)) {
    const existing = merged[key];
    if (existing === undefined) {
      merged[key] = value;
    } else if (typeof existing !== 'string' && typeof value !== 'string') {
      merged[key] = mergeCatalogs(existing, value, `${prefix}${key}.`, sources);
    } else {
      throw new BuildError(`locale key "${prefix}${key}" is defined in both ${sources}`);
    }
  }
  return merged;
}

/** The text at a dotted key, if there is one. */
export function lookupText(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The editor catalogue: editor.json (shared texts) merged with every `ops-<area>.json` beside it (the texts of
 * one API area's operations) and every `node-<key>.json` (the texts of one dedicated node), so each lives in a
 * file of its own.
 */
export function readEditorCatalogs(localesDir: string): Catalog {
  let merged = readCatalog(path.join(localesDir, 'editor.json'), false);
  const areaFiles = existsSync(localesDir) ? readdirSync(localesDir).filter((f) => /^(ops|node)-[a-z0-9-]+\.json$/.test(f)).sort() : [];
  for (const file of areaFiles) {
    merged = mergeCatalogs(merged, readCatalog(path.join(localesDir, file), false), '', `editor.json/ops-*.json and ${file}`);
  }
  return merged;
}
