import assert from 'node:assert/strict';
import { catalogue } from '../../nodes/catalogue/index';
import { parseOboEndpoint } from '../../scripts/build/obo-endpoints';
import { OBO_SEED_FILE, normaliseSeedPath, parseOboSeed, readOboSeed, seedKey, type SeedEndpoint } from './obo-seed';

describe('catalogue: claimed OBO endpoints against Symphony\'s OBO table (../shared/seeds/obo-endpoints.txt)', () => {
  let seed: SeedEndpoint[] = [];

  before(function () {
    const rows = readOboSeed();
    if (!rows) {
      console.log(`      (skipped: ${OBO_SEED_FILE} is not there; the shared reference folder belongs beside the project)`);
      this.skip();
    }
    seed = rows;
  });

  it('reads the 50 rows of the table', () => {
    assert.equal(seed.length, 50);
    assert.equal(new Set(seed.map((row) => seedKey(row.method, row.path))).size, 50);
    for (const row of seed) assert.ok(row.permissions.length > 0, `${row.method} ${row.path} has a permission`);
  });

  it('normalises the table\'s quirks', () => {
    assert.equal(normaliseSeedPath('/v1/user/{uid}/follow'), '/pod/v1/user/{uid}/follow');
    assert.equal(normaliseSeedPath('/agent/v4/stream/{:sid}/message/{:mid}/update'), '/agent/v4/stream/{sid}/message/{mid}/update');
    const [multi] = parseOboSeed('"POST" "/pod/v3/room/create"\nMANAGE_ROOMS \\nCREATE_USER_STREAM\n');
    assert.deepEqual(multi, { method: 'POST', path: '/pod/v3/room/create', permissions: ['CREATE_USER_STREAM', 'MANAGE_ROOMS'] });
  });

  it('has every row of the table served by a node', () => {
    const claimed = new Set(catalogue.flatMap((op) => (op.oboEndpoints ?? []).flatMap((endpoint) => {
      const parsed = parseOboEndpoint(endpoint);
      return parsed ? [seedKey(parsed.method, parsed.path)] : [];
    })));
    const unserved = seed.filter((row) => !claimed.has(seedKey(row.method, row.path))).map((row) => `${row.method} ${row.path}`);
    assert.deepEqual(unserved, []);
  });

  const claims = catalogue.flatMap((op) => (op.oboEndpoints ?? []).map((endpoint) => ({ op, endpoint })));
  if (claims.length === 0) {
    it('(no entry claims an OBO endpoint yet)', () => undefined);
  }
  for (const { op, endpoint } of claims) {
    // A node needs any one of its permissions; a deprecated endpoint served by its successor's node may need
    // fewer (GET /pod/v1/user: GET_BASIC_CONTACT_INFO; its successor v2 also accepts SEND_MESSAGES), so every
    // permission the table gives must be one the node accepts.
    it(`${op.type}: ${endpoint} is in the table, and the node accepts its permission(s)`, () => {
      const parsed = parseOboEndpoint(endpoint);
      assert.ok(parsed, `"${endpoint}" reads "METHOD /path"`);
      const row = seed.find((r) => seedKey(r.method, r.path) === seedKey(parsed.method, parsed.path));
      assert.ok(row, `${endpoint} is not an OBO-enabled endpoint of Symphony's table`);
      const accepted = op.oboPermissions ?? [];
      const own = seedKey(op.method, op.path) === seedKey(parsed.method, parsed.path);
      const agrees = own
        ? JSON.stringify([...accepted].sort()) === JSON.stringify(row.permissions)
        : row.permissions.every((permission) => accepted.includes(permission));
      assert.ok(agrees, `${op.type} accepts ${JSON.stringify(accepted)}, the table says ${JSON.stringify(row.permissions)} for ${row.method} ${row.path}`);
    });
  }
});
