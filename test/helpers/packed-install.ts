/**
 * The package as the palette manager installs it: `npm pack` of the built project, then the tarball installed alone
 * (`npm install <tarball> --omit=dev`, its dependencies from the registry or npm's cache) into a plain Node-RED user
 * directory. Shared by the install test (test/conventions) and the browser test of the palette (test/browser).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The package root (this file runs as dist/test/helpers/packed-install.js). */
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Packed {
  tarball: string;
  /** The tarball's size in bytes. */
  size: number;
  /** The paths packed, relative to the package root. */
  files: string[];
}

export function run(command: string, args: string[], cwd: string, timeout = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Packs the built project into `dir`. */
export async function packProject(dir: string): Promise<Packed> {
  const info = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', dir], PACKAGE_ROOT)) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
  const packed = info[0];
  if (!packed?.filename) throw new Error('npm pack named no tarball');
  return { tarball: path.join(dir, packed.filename), size: packed.size, files: packed.files.map((f) => f.path) };
}

/** Creates `userDir` holding nothing but the installed tarball (and its dependencies). */
export async function installAlone(tarball: string, userDir: string): Promise<void> {
  fs.mkdirSync(userDir);
  fs.writeFileSync(path.join(userDir, 'package.json'), JSON.stringify({ name: 'node-red-project', private: true }));
  await run('npm', ['install', tarball, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], userDir);
}
