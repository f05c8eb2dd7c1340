/**
 * A config node's connection to the built-in simulator. The simulator starts (or is joined) as the node starts;
 * calls made meanwhile wait for it. A start that failed reaches each waiting call as its error, and the next call
 * tries again.
 */
import { createPrivateKey } from 'node:crypto';
import { SymphonyError, isSymphonyError } from '../core/errors';
import { text } from '../core/i18n';
import type { AgentPin } from '../http/agent-pool';
import type { HttpResponse, RetryNotice } from '../http/http-client';
import { openConnection, type Connection } from '../http/connection';
import type { SymphonyCalls } from '../http/symphony-client';
import { untilAborted } from '../http/until-aborted';
import type { ApiCall } from '../operations/request-builder';
import { acquireBuiltInSimulator, type BuiltInSimulator, type BuiltInSimulatorLease } from '../simulator-host/built-in-simulator';
import type { AuthState, Identity } from '../auth/token-manager';
import { authTypeOf, checkSimulatorProperties, simulatorConfig, type ConfigProperties, type SimulatorAccess } from './config-settings';

/** The simulator's identities as a config node uses them; in certificate mode the bot gets a client certificate. */
function accessTo(instance: BuiltInSimulator, authType: 'rsa' | 'certificate'): SimulatorAccess {
  const { simulator, bot, app } = instance;
  let clientTls: SimulatorAccess['clientTls'];
  if (authType === 'certificate') {
    const issued = simulator.issueClientCertificate(bot.username);
    clientTls = { cert: issued.certificate, key: issued.key };
  }
  return {
    url: simulator.url,
    mtlsUrl: simulator.mtlsUrl,
    caCertificate: simulator.caCertificate,
    botUsername: bot.username,
    botKey: createPrivateKey(bot.privateKeyPem),
    appId: app.appId,
    appKey: createPrivateKey(app.privateKeyPem),
    clientTls,
  };
}

function startError(err: unknown): SymphonyError {
  // The simulator's own failure (a port, a key) says nothing secret: it is quoted as it is.
  const reason = err instanceof Error ? err.message : String(err);
  return new SymphonyError('SIMULATOR_UNAVAILABLE', text('runtime.errors.simulator.startFailed', { reason }), { operation: 'config', field: 'connectTo' });
}

function stoppedError(operation: string): SymphonyError {
  return new SymphonyError('ABORTED', text('runtime.errors.http.aborted'), { operation });
}

export class SimulatorConnection implements SymphonyCalls {
  private attempt: Promise<Connection> | undefined;
  private lease: BuiltInSimulatorLease | undefined;
  private opened: Connection | undefined;
  private closed = false;

  /**
   * Starts joining the simulator at once; `props` holds what applies to it (auth type, timeout, retries), checked
   * here: a bad value throws an error naming the field, as for a pod.
   */
  constructor(
    private readonly props: ConfigProperties,
    private readonly onAuthState: (state: AuthState, error?: SymphonyError) => void,
  ) {
    checkSimulatorProperties(props);
    this.connection().catch(() => undefined);
  }

  /** The open connection; the one start under way is shared, a failed one is tried again. */
  connection(): Promise<Connection> {
    if (!this.attempt) {
      const attempt = this.start();
      this.attempt = attempt;
      attempt.catch(() => {
        if (this.attempt === attempt) this.attempt = undefined;
      });
    }
    return this.attempt;
  }

  private async start(): Promise<Connection> {
    if (this.closed) throw stoppedError('config');
    let lease: BuiltInSimulatorLease;
    try {
      lease = await acquireBuiltInSimulator();
    } catch (err) {
      throw startError(err);
    }
    if (this.closed) {
      lease.release();
      throw stoppedError('config');
    }
    try {
      const settings = simulatorConfig(this.props, accessTo(lease.instance, authTypeOf(this.props)));
      this.opened = openConnection(settings, this.onAuthState);
      this.lease = lease;
      return this.opened;
    } catch (err) {
      lease.release();
      throw isSymphonyError(err) ? err : startError(err);
    }
  }

  async execute(call: ApiCall, identity: Identity, signal?: AbortSignal, onRetry?: (notice: RetryNotice) => void): Promise<HttpResponse> {
    const connection = await untilAborted(this.connection(), signal, () => stoppedError(call.operation));
    return connection.client.execute(call, identity, signal, onRetry);
  }

  async poll(call: ApiCall, identity: Identity, signal: AbortSignal, timeoutMs: number, pin?: AgentPin): Promise<HttpResponse> {
    const connection = await untilAborted(this.connection(), signal, () => stoppedError(call.operation));
    return connection.client.poll(call, identity, signal, timeoutMs, pin);
  }

  /** Closes the clients and lets the simulator go (it lingers a while for a redeploy); a start under way is undone. */
  close(): void {
    this.closed = true;
    this.opened?.close();
    this.opened = undefined;
    this.lease?.release();
    this.lease = undefined;
  }
}
