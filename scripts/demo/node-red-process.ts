import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs Node-RED from this checkout's node_modules with the demo user directory, output shown as is. SIGINT and
 * SIGTERM sent to this process are passed on (Node-RED stops its flows, then exits). Resolves with the exit code to use: Node-RED's own, or
 * 128 + the signal number when a signal killed it.
 */
export function runNodeRed(packageRoot: string, userDir: string): Promise<number> {
  const redJs = require.resolve('node-red/red.js', { paths: [packageRoot] });
  const child = spawn(process.execPath, [redJs, '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')], {
    cwd: userDir,
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  return new Promise((resolve) => {
    const finish = (code: number): void => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
      resolve(code);
    };
    child.once('error', (err) => {
      console.error(`[demo] could not start Node-RED: ${err.message}`);
      finish(1);
    });
    child.once('exit', (code, signal) => {
      finish(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}
