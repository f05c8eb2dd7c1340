import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import { lookupText } from '../../scripts/build/locale';
import { README_END, README_START, readmeTable, replaceReadmeTable } from '../../scripts/build/readme';
import { builtCatalog, ROOT } from './support';

describe('build: README operation table', () => {
  const table = readmeTable(catalogue, (op) => lookupText(builtCatalog(), `${op.id}.label`) ?? '');

  it('has one row per node type, with endpoint and permissions', () => {
    const rows = table.split('\n').slice(2);
    assert.equal(rows.length, catalogue.length);
    catalogue.forEach((op, i) => {
      assert.ok(rows[i]?.includes(`\`${op.method} ${op.path}\``), op.type);
      for (const permission of op.oboPermissions ?? ['bot only']) assert.ok(rows[i]?.includes(permission), permission);
    });
  });

  it('is what README.md holds between its markers (when it has them)', function () {
    const file = path.join(ROOT, 'README.md');
    const readme = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (!readme.includes(README_START)) this.skip();
    const between = readme.slice(readme.indexOf(README_START) + README_START.length, readme.indexOf(README_END));
    assert.equal(between.trim(), table);
  });

  it('replaces only the text between the markers, and nothing without them', () => {
    const readme = `intro\n${README_START}\nold\n${README_END}\noutro\n`;
    assert.equal(replaceReadmeTable(readme, 'new'), `intro\n${README_START}\nnew\n${README_END}\noutro\n`);
    assert.equal(replaceReadmeTable('no markers here', 'new'), undefined);
  });
});
