import assert from 'node:assert/strict';
import { catalogue } from '../../nodes/catalogue/index';
import { readBuilt } from './support';

describe('build: dist/nodes/icons', () => {
  it('holds the icon of every area, where Node-RED looks for a module\'s icons', () => {
    for (const area of new Set(catalogue.map((op) => op.area))) {
      assert.match(readBuilt(`icons/symphony-${area}.svg`), /<svg[^>]*viewBox="0 0 40 60"/);
    }
  });
});
