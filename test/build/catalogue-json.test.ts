import assert from 'node:assert/strict';
import { catalogue } from '../../nodes/catalogue/index';
import type { CatalogueJsonEntry } from '../../scripts/build/catalogue-json';
import { readBuilt } from './support';

type Entry = CatalogueJsonEntry;

describe('build: dist/nodes/catalogue.json', () => {
  const written = JSON.parse(readBuilt('catalogue.json')) as { operations: Entry[] };

  it('lists every node type, in catalogue order', () => {
    assert.deepEqual(written.operations.map((e) => e.type), catalogue.map((op) => op.type));
  });

  for (const op of catalogue) {
    it(`${op.type}: api, method, path, parameters and OBO permissions equal the catalogue`, () => {
      const entry = written.operations.find((e) => e.type === op.type);
      assert.ok(entry);
      assert.deepEqual(
        { api: entry.api, method: entry.method, path: entry.path, params: entry.params, oboPermissions: entry.oboPermissions },
        {
          api: op.api,
          method: op.method,
          path: op.path,
          params: op.params.map((p) => ({
            name: p.name, in: p.in, wireName: p.wireName ?? p.name, kind: p.kind, required: p.required === true, ...(p.idOf ? { idOf: p.idOf } : {}),
          })),
          oboPermissions: op.oboPermissions ? [...op.oboPermissions] : null,
        },
      );
    });

    it(`${op.type}: paging and OBO endpoints when set, key manager, multipart and dynamic target`, () => {
      const entry = written.operations.find((e) => e.type === op.type);
      assert.ok(entry);
      assert.deepEqual(
        { paging: entry.paging, oboEndpoints: entry.oboEndpoints, idempotent: entry.idempotent, needsKeyManager: entry.needsKeyManager,
          multipart: entry.multipart, dynamicTarget: entry.dynamicTarget },
        { paging: op.paging, oboEndpoints: op.oboEndpoints, idempotent: op.idempotent, needsKeyManager: op.needsKeyManager === true,
          multipart: op.multipart === true, dynamicTarget: op.dynamicTarget === true },
      );
      assert.equal('paging' in entry, op.paging !== undefined, 'paging only when set');
      assert.equal('oboEndpoints' in entry, op.oboEndpoints !== undefined, 'oboEndpoints only when set');
    });
  }
});
