import { SymphonyError, isSymphonyError } from '../core/errors';
import type { Connection } from '../http/connection';
import {
  CONFIG_CREDENTIALS, parseConfig, usesBuiltInSimulator, type ConfigCredentials, type ConfigProperties,
} from './config-settings';
import type { Translate } from '../core/i18n';
import type { Node, NodeAPI } from '../core/node-red';
import { migrateOnLoad } from '../migrations/migrations-node';
import type { SymphonyCalls } from '../http/symphony-client';
import type { AuthState } from '../auth/token-manager';
import type { AgentFailover } from '../http/agent-pool';

export const CONFIG_TYPE = 'symphony-config';

/** A node that uses the config node and shows its authentication state. */
export interface ConfigUser {
  onAuthState(state: AuthState, error?: SymphonyError): void;
}

/** What operation nodes see of a config node. */
export interface SymphonyConfigNode extends Node {
  /** Set when the config is valid. */
  client?: SymphonyCalls;
  /** Set when the config is invalid; every call fails with it. */
  startupError?: SymphonyError;
  /** The deployed (non-secret) properties; the connection test sends stored secrets only to these URLs. */
  properties?: ConfigProperties;
  /** True when it connects to the built-in simulator (demo data), not to a pod. */
  simulated?: boolean;
  register(user: ConfigUser): void;
  deregister(user: ConfigUser): void;
}

/**
 * The config node owns the HTTP clients and every token. Its settings are checked at deploy: a bad key or URL
 * is logged once with the field at fault and reported by every node that uses it, without crashing anything.
 * Connected to the built-in simulator, it holds the simulator while it runs and needs no URL, key or identity.
 */
export function registerConfigNode(RED: NodeAPI, t: Translate): void {
  function SymphonyConfig(this: SymphonyConfigNode, saved: ConfigProperties): void {
    RED.nodes.createNode(this, saved);
    const props = migrateOnLoad(this, CONFIG_TYPE, saved, t);
    this.properties = props;
    const users = new Set<ConfigUser>();
    let connection: Pick<Connection, 'close'> | undefined;
    this.register = (user) => users.add(user);
    this.deregister = (user) => users.delete(user);
    const onAuthState = (state: AuthState, error?: SymphonyError): void => {
      for (const user of users) user.onAuthState(state, error);
    };

    try {
      // The HTTP side (and the simulator, when chosen) is loaded with the first config node, not when Node-RED starts.
      if (usesBuiltInSimulator(props)) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { SimulatorConnection } = require('./simulator-connection') as typeof import('./simulator-connection');
        const simulator = new SimulatorConnection(props, onAuthState);
        // Logged once here; each call made meanwhile gets the same error at its Catch node.
        simulator.connection().catch((err: unknown) => {
          if (isSymphonyError(err) && err.code === 'ABORTED') return;
          this.error(t('runtime.errors.node.configFailed', { name: props.name || this.id, message: err instanceof Error ? err.message : String(err) }));
        });
        this.simulated = true;
        connection = simulator;
        this.client = simulator;
      } else {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { openConnection } = require('../http/connection') as typeof import('../http/connection');
        // Agents are named by host:port only: a URL's path or query never reaches the log.
        const onFailover = ({ from, to, reason, operation }: AgentFailover): void => {
          this.warn(t('runtime.agents.failedOver', { from, reason, operation, to }));
        };
        const opened = openConnection(parseConfig(props, (this.credentials ?? {}) as ConfigCredentials), onAuthState, onFailover);
        connection = opened;
        this.client = opened.client;
      }
    } catch (err) {
      this.startupError = isSymphonyError(err)
        ? err
        : new SymphonyError('INVALID_CONFIG', String(err), { operation: 'config' });
      this.error(t('runtime.errors.node.configLoaded', { name: props.name || this.id, message: this.startupError.message }));
    }

    this.on('close', (_removed, done) => {
      connection?.close();
      users.clear();
      done();
    });
  }

  const credentials = Object.fromEntries(CONFIG_CREDENTIALS.map((name) => [name, { type: 'password' as const }]));
  RED.nodes.registerType(CONFIG_TYPE, SymphonyConfig, { credentials });
}
