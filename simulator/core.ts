/** What every request handler can reach: state, token store, PKI, faults, request log and the served URLs. */
import type { DatafeedStore } from './datafeeds';
import type { DatahoseStore } from './datahose';
import type { EventBus } from './events';
import type { FaultInjector } from './faults';
import type { SimulatorPki } from './pki';
import type { RequestRecorder } from './recorder';
import type { SessionStore } from './sessions';
import type { SimulatorState } from './state';

export interface SimulatorCore {
  readonly state: SimulatorState;
  readonly sessions: SessionStore;
  readonly pki: SimulatorPki;
  readonly faults: FaultInjector;
  readonly recorder: RequestRecorder;
  /** State changes as real-time events (simulator/events.ts), and the users' datafeeds that queue them. */
  readonly events: EventBus;
  readonly datafeeds: DatafeedStore;
  /** The pod-wide feeds of the datahose, shared by tag, types and scopes. */
  readonly datahose: DatahoseStore;
  /** Base URLs, known once both servers listen. */
  readonly urls: { main: string; mtls: string };
  /** A delay that close() cancels, so injected delays never hold a closing simulator open. */
  sleep(ms: number): Promise<void>;
}
