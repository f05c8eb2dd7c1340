import path from 'node:path';

/** What a demo run needs to know, from the environment. */
export interface DemoOptions {
  /** The package root (the git checkout). */
  root: string;
  /** Work directory: the credential secret and the Node-RED user directory. */
  demoDir: string;
  /** Editor port. */
  uiPort: number;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new Error(`${name} must be a port number (1-65535), got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Reads PORT and DEMO_DIR (default `<root>/.demo`). */
export function demoOptions(root: string, env: NodeJS.ProcessEnv): DemoOptions {
  return {
    root,
    demoDir: path.resolve(root, env.DEMO_DIR?.trim() || '.demo'),
    uiPort: port(env, 'PORT', 1880),
  };
}
