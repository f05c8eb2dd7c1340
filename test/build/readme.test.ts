import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import { lookupText } from '../../scripts/build/locale';
import {
  OBO_ENDPOINTS_MARKERS, OPERATIONS_MARKERS, readmeSection, readmeTable, replaceBetween, updateReadme,
} from '../../scripts/build/readme';
import { builtCatalog, ROOT } from './support';

function readme(): string {
  const file = path.join(ROOT, 'README.md');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

describe('build: README operation table', () => {
  const table = readmeTable(catalogue, (op) => lookupText(builtCatalog(), `${op.id}.label`) ?? '');

  it('has one row per node type, with endpoint and permissions', () => {
    const rows = table.split('\n').slice(2);
    assert.equal(rows.length, catalogue.length);
    catalogue.forEach((op, i) => {
      if (op.dynamicTarget) assert.match(rows[i] ?? '', /^\| `[^`]+` \| [^|]+ \| any \|/, `${op.type}: endpoint "any"`);
      else assert.ok(rows[i]?.includes(`\`${op.method} ${op.path}\``), op.type);
      for (const permission of op.oboPermissions ?? ['bot only']) assert.ok(rows[i]?.includes(permission), permission);
    });
  });

  it('says "any" endpoint and the called endpoint\'s permission for the generic node', () => {
    const generic = catalogue.find((op) => op.dynamicTarget);
    assert.ok(generic, 'the catalogue has the generic node');
    const row = readmeTable([generic], () => 'Symphony API').split('\n')[2];
    assert.equal(row, `| \`${generic.type}\` | Symphony API | any | pod, agent, login | the called endpoint's |`);
  });

  it('is what README.md holds between its markers (when it has them)', function () {
    const between = readmeSection(readme(), OPERATIONS_MARKERS);
    if (between === undefined) this.skip();
    assert.equal(between, table);
  });

  it('replaces only the text between the markers, and nothing without them', () => {
    const { start, end } = OPERATIONS_MARKERS;
    const text = `intro\n${start}\nold\n${end}\noutro\n`;
    assert.equal(replaceBetween(text, OPERATIONS_MARKERS, 'new'), `intro\n${start}\nnew\n${end}\noutro\n`);
    assert.equal(replaceBetween('no markers here', OPERATIONS_MARKERS, 'new'), undefined);
  });

  it('updates every section whose markers are present and leaves the rest alone', () => {
    const obo = OBO_ENDPOINTS_MARKERS;
    const text = `a\n${obo.start}\nold\n${obo.end}\nb\n`;
    const updated = updateReadme(text, [{ markers: OPERATIONS_MARKERS, content: 'ops' }, { markers: obo, content: 'obo' }]);
    assert.equal(updated, `a\n${obo.start}\nobo\n${obo.end}\nb\n`);
  });
});
