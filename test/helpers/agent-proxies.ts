/**
 * Several agents that share one state: loopback fault proxies in front of the one simulator, each a distinct agent
 * URL. Each can be switched to answer its agent calls with a 503, to reset them after the simulator acted, or be
 * stopped (its port then refuses connections).
 */
import net from 'node:net';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy';

export type AgentBehaviour = 'pass' | '503' | 'reset-after';

export interface TestAgent {
  url: string;
  /** How it answers from now on. */
  behaviour: AgentBehaviour;
  proxy: FaultProxy;
  /** Requests it received on this path prefix, whatever it answered. */
  count(pathPrefix: string): number;
  /** Stops it: its port refuses connections from now on. */
  stop(): Promise<void>;
}

const SERVICE_UNAVAILABLE: Fault = {
  kind: 'answer', status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 503, message: 'agent unavailable' }),
};

export async function startTestAgents(target: string, count: number): Promise<TestAgent[]> {
  const agents: TestAgent[] = [];
  for (let i = 0; i < count; i++) {
    let stopped = false;
    const agent: TestAgent = {
      url: '',
      behaviour: 'pass',
      proxy: undefined as unknown as FaultProxy,
      count: (prefix) => agent.proxy.exchanges.filter((e) => e.rawPath.startsWith(prefix)).length,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await agent.proxy.close();
      },
    };
    agent.proxy = await startFaultProxy(target, () => {
      if (agent.behaviour === '503') return SERVICE_UNAVAILABLE;
      if (agent.behaviour === 'reset-after') return { kind: 'reset-after' };
      return { kind: 'pass' };
    });
    agent.url = agent.proxy.url;
    agents.push(agent);
  }
  return agents;
}

/** A loopback URL nobody listens on: a port taken a moment ago, then given back. */
export async function refusingUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export const hostPort = (url: string): string => new URL(url).host;
