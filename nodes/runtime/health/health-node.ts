/**
 * The `symphony-health` node: on each msg it asks the agent for its extended health (GET /agent/v3/health/extended,
 * through the config node's client, as the bot) and reads the liveness of the feeds (the events and datahose
 * nodes of the same config node, or those chosen), then sends one msg with the report in msg.payload.
 *
 * A monitoring node reports, it does not fail: an agent that cannot be reached, a login refused or a timeout is a
 * report with healthy false (and the error in it), never a Catch. Only a flow mistake (no config node, an invalid
 * one) goes to Catch.
 */
import { setMaxListeners } from 'node:events';
import type { SymphonyConfigNode } from '../config/config-node';
import { SymphonyError, isSymphonyError } from '../core/errors';
import type { Translate } from '../core/i18n';
import type { Node, NodeAPI, NodeStatus } from '../core/node-red';
import { HEALTH_TYPE } from '../core/node-types';
import { DEFAULT_MAX_SILENCE_SECONDS, MAX_SILENCE_BOUNDS, runningFeeds } from '../events/feed-registry';
import type { ApiCall } from '../operations/request-builder';
import { handOver } from '../operations/hand-over';
import { chosenFeeds, feedsToReport, healthReport, type AgentHealth, type HealthReport } from './health-report';

export { HEALTH_TYPE };
const OPERATION = 'health';

/** One try, no retry: the next check comes soon, and a check must not hang on a dead agent. */
const CHECK_TIMEOUT_MS = 10_000;

const EXTENDED_HEALTH: ApiCall = {
  operation: 'agent-health-extended', api: 'agent', method: 'GET', path: '/agent/v3/health/extended', query: {},
  idempotent: true, needsKeyManager: false,
  // 503 is the same report with something DOWN: an answer.
  answerStatuses: [503],
};

interface HealthNodeConfig {
  config?: string;
  feeds?: string;
  maxSilence?: number | string;
}

/** "Silent too long" in seconds: a whole number within bounds, else the default. */
export function maxSilenceSetting(value: unknown): number {
  const n = Number(value);
  return value !== '' && Number.isInteger(n) && n >= MAX_SILENCE_BOUNDS.min && n <= MAX_SILENCE_BOUNDS.max ? n : DEFAULT_MAX_SILENCE_SECONDS;
}

function duration(seconds: number, t: Translate): string {
  return seconds < 60 ? t('runtime.health.duration.seconds', { count: seconds }) : t('runtime.health.duration.minutes', { count: Math.floor(seconds / 60) });
}

/** The status: all up, or what is wrong, in words. */
export function healthStatus(report: HealthReport, t: Translate): NodeStatus {
  if (report.healthy) return { fill: 'green', shape: 'dot', text: t('runtime.health.status.allUp') };
  const problems: string[] = [];
  if (report.error) {
    // Nothing answered (no network, a timeout), or something answered but not with a report (a refused login...).
    const unreachable = report.error.code === 'NETWORK' || report.error.code === 'TIMEOUT';
    problems.push(unreachable ? t('runtime.health.status.unreachable')
      : t('runtime.health.status.checkFailed', { reason: report.error.status ? `HTTP ${report.error.status}` : report.error.code.toLowerCase() }));
  }
  else if (report.down.length > 0) problems.push(t('runtime.health.status.agentDown', { names: report.down.join(', ') }));
  for (const feed of report.feeds.filter((f) => !f.healthy)) {
    if (feed.secondsSinceLastRead === null) problems.push(t('runtime.health.status.feedMissing', { name: feed.name }));
    else if (feed.state === 'failed') problems.push(t('runtime.health.status.feedFailed', { name: feed.name }));
    else problems.push(t('runtime.health.status.feedSilent', { name: feed.name, duration: duration(feed.secondsSinceLastRead, t) }));
  }
  return { fill: 'red', shape: 'dot', text: problems.join('; ') };
}

/** The constructor of the health node type. */
export function healthNodeConstructor(RED: NodeAPI, t: Translate): (this: Node, config: HealthNodeConfig) => void {
  return function HealthNode(this: Node, config: HealthNodeConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const symphony = (config.config ? RED.nodes.getNode(config.config) : null) as SymphonyConfigNode | null;
    const chosen = chosenFeeds(config.feeds);
    const maxSilence = maxSilenceSetting(config.maxSilence);
    const stopped = new AbortController();
    setMaxListeners(0, stopped.signal);

    const configError = (): SymphonyError | undefined => {
      if (!symphony) return new SymphonyError('INVALID_CONFIG', t('runtime.errors.node.noConfig'), { operation: OPERATION, field: 'config' });
      if (!symphony.client) {
        return new SymphonyError('INVALID_CONFIG', t('runtime.errors.node.configInvalid', { message: symphony.startupError?.message ?? '' }), {
          operation: OPERATION, field: symphony.startupError?.cause.field ?? 'config',
        });
      }
      return undefined;
    };
    // As the other nodes show it: the field at fault, in short.
    const problem = configError();
    if (problem) {
      node.status({ fill: 'red', shape: 'ring', text: symphony ? t('runtime.status.configInvalid', { field: problem.cause.field ?? '' }) : t('runtime.status.noConfig') });
    }

    async function agentHealth(): Promise<AgentHealth | SymphonyError> {
      try {
        const response = await symphony!.client!.poll(EXTENDED_HEALTH, { kind: 'bot' }, stopped.signal, CHECK_TIMEOUT_MS);
        const data = response.data;
        if (!data || typeof data !== 'object' || Array.isArray(data)) {
          return new SymphonyError('BAD_RESPONSE', t('runtime.health.errors.notReport'), { operation: EXTENDED_HEALTH.operation, status: response.status });
        }
        return data as AgentHealth;
      } catch (err) {
        return isSymphonyError(err) ? err : new SymphonyError('NETWORK', String(err instanceof Error ? err.message : err), { operation: EXTENDED_HEALTH.operation });
      }
    }

    node.on('input', (msg, send, done) => {
      const error = configError();
      if (error) {
        done(error);
        return;
      }
      node.status({ fill: 'blue', shape: 'ring', text: t('runtime.health.status.checking') });
      void agentHealth().then((agent) => {
        if (stopped.signal.aborted) {
          done();
          return;
        }
        const feeds = feedsToReport(runningFeeds(), config.config ?? '', chosen, maxSilence);
        const report = healthReport(agent, feeds, (name) => t('runtime.health.user', { name }));
        const shown = healthStatus(report, t);
        node.status(symphony?.simulated ? { ...shown, text: t('runtime.status.simulated', { text: shown.text }) } : shown);
        msg.payload = report;
        handOver(RED, node, t, msg, () => {
          send(msg);
          done();
        });
      });
    });

    node.on('close', () => {
      stopped.abort();
    });
  };
}
