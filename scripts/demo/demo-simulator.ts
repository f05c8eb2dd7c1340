import { OBO_PERMISSIONS, startSimulator, type Simulator } from '../../simulator';
import type { DemoKeyPair } from './keys';

export interface DemoSimulatorOptions {
  port: number;
  mtlsPort: number;
  botUsername: string;
  appId: string;
  botKeys: DemoKeyPair;
  appKeys: DemoKeyPair;
}

/** The simulator on 127.0.0.1 with the demo's bot and its OBO app (granted every OBO permission) registered. */
export async function startDemoSimulator(options: DemoSimulatorOptions): Promise<Simulator> {
  try {
    return await startSimulator({
      host: '127.0.0.1',
      port: options.port,
      mtlsPort: options.mtlsPort,
      bot: { username: options.botUsername, publicKey: options.botKeys.publicPem },
      apps: [{ appId: options.appId, publicKey: options.appKeys.publicPem, permissions: [...OBO_PERMISSIONS] }],
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`the simulator cannot listen on 127.0.0.1:${options.port} or :${options.mtlsPort} (in use); set SIM_PORT and SIM_MTLS_PORT to free ports`);
    }
    throw err;
  }
}
