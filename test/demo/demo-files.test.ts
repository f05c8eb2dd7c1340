/** What the demo launcher keeps between starts (the credential secret) and the Node-RED files it writes. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCredentialSecret } from '../../scripts/demo/credential-secret';
import { linkPackage } from '../../scripts/demo/link-package';
import { demoOptions } from '../../scripts/demo/options';
import { settingsFileSource } from '../../scripts/demo/settings-file';

const isPosix = process.platform !== 'win32';

function mode(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

describe('demo files', function () {
  let dir = '';

  beforeEach(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-demo-files-'));
  });
  afterEach(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one credential secret', function () {
    const secret = ensureCredentialSecret(dir);
    assert.match(secret, /^[0-9a-f]{64}$/);
    assert.equal(ensureCredentialSecret(dir), secret);
    if (isPosix) assert.equal(mode(path.join(dir, 'credential-secret')), 0o600);
  });

  it('writes a settings.js that binds the editor to loopback and encrypts credentials', function () {
    const file = path.join(dir, 'settings.js');
    fs.writeFileSync(file, settingsFileSource({ uiPort: 18_123, credentialSecret: 's3cret' }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require(file) as Record<string, unknown>;
    assert.equal(settings.uiHost, '127.0.0.1');
    assert.equal(settings.uiPort, 18_123);
    assert.equal(settings.flowFile, 'flows.json');
    assert.equal(settings.credentialSecret, 's3cret');
    assert.equal(settings.adminAuth, undefined);
    assert.deepEqual(settings.editorTheme, { projects: { enabled: false }, tours: false });
    assert.deepEqual(settings.logging, { console: { level: 'info', metrics: false, audit: false } });
  });

  it('links the package into the user directory, replacing an old link', function () {
    const target = path.join(dir, 'checkout');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'package.json'), '{}');
    const userDir = path.join(dir, 'user');
    linkPackage(userDir, path.join(dir, 'old'), '@scope/pkg');
    linkPackage(userDir, target, '@scope/pkg');
    const link = path.join(userDir, 'node_modules', '@scope', 'pkg');
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.realpathSync(link), fs.realpathSync(target));
  });

  it('reads the editor port and the demo folder from the environment', function () {
    const root = path.join(dir, 'repo');
    assert.deepEqual(demoOptions(root, {}), { root, demoDir: path.join(root, '.demo'), uiPort: 1880 });
    assert.deepEqual(demoOptions(root, { PORT: '18080', DEMO_DIR: dir }), { root, demoDir: dir, uiPort: 18080 });
    assert.throws(() => demoOptions(root, { PORT: 'abc' }), /PORT must be a port number/);
  });
});
