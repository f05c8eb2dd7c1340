import { BuildError } from './errors';
import { type Catalog, lookupText } from './locale';

/**
 * Every locale text the build uses goes through here. A missing key is recorded against its owner (a node
 * type, or `editor` for shared texts) and `assertComplete` fails the build listing all of them at once.
 */
export class Texts {
  private readonly missing = new Map<string, string>();

  constructor(private readonly catalog: Catalog, private readonly source: string) {}

  has(key: string): boolean {
    return lookupText(this.catalog, key) !== undefined;
  }

  /** The key itself (for `data-i18n` and the editor), after checking it exists. */
  key(owner: string, key: string): string {
    this.text(owner, key);
    return key;
  }

  text(owner: string, key: string): string {
    const found = lookupText(this.catalog, key);
    if (found === undefined) this.report(owner, key);
    return found ?? '';
  }

  /** The first of `keys` that exists (a specific text, then a shared one); else all are reported. */
  firstKey(owner: string, keys: readonly string[]): string {
    const found = keys.find((key) => this.has(key));
    if (found === undefined) this.report(owner, keys.join('" or "'));
    return found ?? keys[0] ?? '';
  }

  optional(key: string): string | undefined {
    return lookupText(this.catalog, key);
  }

  private report(owner: string, key: string): void {
    if (!this.missing.has(key)) this.missing.set(key, owner);
  }

  assertComplete(): void {
    if (this.missing.size === 0) return;
    const lines = [...this.missing].map(([key, owner]) => `  ${owner}: missing locale text "${key}"`);
    throw new BuildError(`${this.missing.size} locale text(s) missing from ${this.source}:\n${lines.join('\n')}`);
  }
}
