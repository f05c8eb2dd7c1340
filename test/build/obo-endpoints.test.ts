import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import type { OperationSpec } from '../../nodes/catalogue/types';
import { BuildError } from '../../scripts/build/errors';
import { readEditorCatalogs } from '../../scripts/build/locale';
import { collectOboEndpoints, parseOboEndpoint } from '../../scripts/build/obo-endpoints';
import { OBO_ENDPOINTS_MARKERS, oboEndpointsTable, readmeSection } from '../../scripts/build/readme';
import { renderBuild } from '../../scripts/build/render';
import { ROOT } from './support';

function entry(type: string): OperationSpec {
  const found = catalogue.find((op) => op.type === type);
  assert.ok(found, `${type} is in the catalogue`);
  return found;
}

function render(operations: readonly OperationSpec[]) {
  return renderBuild({
    packageName: '@test/pkg', setName: 'symphony', operations, editorCatalog: readEditorCatalogs(path.join(ROOT, 'locales', 'en-US')),
    runtimeCatalog: {}, editorScript: '', localeSource: 'editor.json',
  });
}

/** The catalogue with only the given claims: other entries' `oboEndpoints` are left out. */
function claiming(claims: Record<string, readonly string[]>): OperationSpec[] {
  return catalogue.map((op) => {
    const { oboEndpoints: _ignored, ...rest } = op;
    const claimed = claims[op.type];
    return claimed ? { ...rest, oboEndpoints: claimed } : rest;
  });
}

describe('build: README table of OBO-enabled endpoints', () => {
  const { claims, problems } = collectOboEndpoints(catalogue);

  it('the catalogue\'s claims are sound', () => {
    assert.deepEqual(problems, []);
  });

  it('is what README.md holds between its markers', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const between = readmeSection(readme, OBO_ENDPOINTS_MARKERS);
    assert.notEqual(between, undefined, 'README.md has the obo-endpoints markers');
    assert.equal(between, oboEndpointsTable(claims));
  });

  it('has one row per claimed endpoint, sorted by path then method, with node type and permissions', () => {
    const ops = claiming({
      'symphony-presence-set': ['POST /pod/v2/user/presence', 'POST /pod/v1/user/presence', 'POST /pod/v3/user/presence'],
      'symphony-users-lookup': ['GET /pod/v3/users', 'GET /pod/v1/user'],
      'symphony-api': ['GET /pod/v1/user/presence'],
    });
    const rows = oboEndpointsTable(collectOboEndpoints(ops).claims).split('\n');
    assert.deepEqual(rows, [
      '| OBO-enabled endpoint | Node type | OBO permission(s) |',
      '| --- | --- | --- |',
      '| `GET /pod/v1/user` | `symphony-users-lookup` | `GET_BASIC_CONTACT_INFO` |',
      '| `GET /pod/v1/user/presence` | `symphony-api` | the called endpoint\'s |',
      '| `POST /pod/v1/user/presence` | `symphony-presence-set` | `SET_PRESENCE` |',
      '| `POST /pod/v2/user/presence` | `symphony-presence-set` | `SET_PRESENCE` |',
      '| `POST /pod/v3/user/presence` | `symphony-presence-set` | `SET_PRESENCE` |',
      '| `GET /pod/v3/users` | `symphony-users-lookup` | `GET_BASIC_CONTACT_INFO` |',
    ]);
  });

  it('reads "METHOD /path" and nothing else', () => {
    assert.deepEqual(parseOboEndpoint('GET /pod/v1/sessioninfo'), { method: 'GET', path: '/pod/v1/sessioninfo' });
    assert.deepEqual(parseOboEndpoint('POST /agent/v4/stream/{sid}/message/create'), { method: 'POST', path: '/agent/v4/stream/{sid}/message/create' });
    for (const bad of ['GET/pod/v1/x', 'get /pod/v1/x', 'GET pod/v1/x', 'FETCH /pod/v1/x', 'GET  /pod/v1/x', ' GET /pod/v1/x', 'GET /pod/v1/x ', 'GET /pod/v1/x?y=1', '/pod/v1/x']) {
      assert.equal(parseOboEndpoint(bad), undefined, bad);
    }
  });

  describe('fails the build', () => {
    it('when two entries claim the same endpoint, naming both types', () => {
      const ops = claiming({ 'symphony-users-lookup': ['GET /pod/v1/sessioninfo'], 'symphony-presence-set': ['GET /pod/v1/sessioninfo'] });
      assert.throws(() => render(ops), (err: unknown) => err instanceof BuildError
        && /symphony-users-lookup and symphony-presence-set: both claim the OBO endpoint GET \/pod\/v1\/sessioninfo/.test(err.message));
    });

    it('when they name its path placeholders differently', () => {
      const ops = claiming({
        'symphony-users-lookup': ['GET /pod/v1/streams/{sid}/info'], 'symphony-im-create': ['GET /pod/v1/streams/{streamId}/info'],
      });
      assert.throws(() => render(ops), /symphony-users-lookup and symphony-im-create: both claim the OBO endpoint GET \/pod\/v1\/streams\/\{streamId\}\/info/);
    });

    it('when one entry claims an endpoint twice', () => {
      const ops = claiming({ 'symphony-presence-set': ['POST /pod/v2/user/presence', 'POST /pod/v2/user/presence'] });
      assert.throws(() => render(ops), /symphony-presence-set: claims the OBO endpoint POST \/pod\/v2\/user\/presence twice/);
    });

    it('when a claim is not "METHOD /path"', () => {
      const ops = claiming({ 'symphony-presence-set': ['POST/pod/v2/user/presence'] });
      assert.throws(() => render(ops), (err: unknown) => err instanceof BuildError
        && /symphony-presence-set: oboEndpoints entry "POST\/pod\/v2\/user\/presence" is not "METHOD \/path"/.test(err.message));
    });

    it('when an entry that is not OBO-enabled claims one', () => {
      const op: OperationSpec = { ...entry('symphony-presence-set'), oboPermissions: null, oboEndpoints: ['POST /pod/v2/user/presence'] };
      assert.throws(() => render([op]), /symphony-presence-set: claims OBO endpoints \(oboEndpoints\) but is not OBO-enabled/);
    });
  });
});
