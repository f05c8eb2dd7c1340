import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readBuilt } from './support';

/**
 * What the Node-RED editor downloads at every load for this package (GET /nodes: symphony.html with the help of
 * locales/<lang>/symphony.html appended), kept within a budget so that it does not creep back up: the operations'
 * definitions and dialogs are built in the browser from the catalogue data, not written out per node type.
 */
const KB = 1024;
const BUDGETS: Record<string, number> = {
  'symphony.html': 400 * KB,
  'locales/en-US/symphony.html': 350 * KB,
  // Also served to the editor (GET /locales/<module>/symphony).
  'locales/en-US/symphony.json': 170 * KB,
};

describe('build: editor payload', () => {
  for (const [file, budget] of Object.entries(BUDGETS)) {
    it(`${file} stays within ${budget / KB} KB`, () => {
      const content = readBuilt(file);
      const size = Buffer.byteLength(content);
      const gzipped = gzipSync(content).length;
      assert.ok(size <= budget, `${file} is ${(size / KB).toFixed(1)} KB (gzip ${(gzipped / KB).toFixed(1)} KB), over its budget of ${budget / KB} KB`);
    });
  }
});
