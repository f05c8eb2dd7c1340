import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes Node-RED load this checkout: it scans `<userDir>/node_modules` (scoped folders included, symlinks
 * followed) for packages with a `node-red` section. A symlink, not a copy, so a rebuild is picked up on the next
 * start. 'junction' lets Windows create it without admin rights; other platforms ignore the type.
 */
export function linkPackage(userDir: string, packageRoot: string, packageName: string): void {
  const link = path.join(userDir, 'node_modules', ...packageName.split('/'));
  fs.mkdirSync(path.dirname(link), { recursive: true });
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(link);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (stat && !stat.isSymbolicLink()) {
    throw new Error(`${link} exists and is not a symlink; remove it so the demo can link this checkout`);
  }
  if (stat) fs.unlinkSync(link);
  fs.symlinkSync(packageRoot, link, 'junction');
}
