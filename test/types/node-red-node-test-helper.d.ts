declare module 'node-red-node-test-helper' {
  export interface TestNode {
    id: string;
    type: string;
    receive(msg: Record<string, unknown>): void;
    on(event: string, listener: (...args: never[]) => void): void;
    once(event: string, listener: (...args: never[]) => void): void;
    removeAllListeners(event?: string): void;
    status: unknown;
    [key: string]: unknown;
  }

  export interface NodeTestHelper {
    init(runtimePath: string, userSettings?: Record<string, unknown>): void;
    startServer(): Promise<void>;
    stopServer(): Promise<void>;
    load(nodes: unknown, flow: object[], credentials?: Record<string, Record<string, string>>): Promise<void>;
    setFlows(flow: object[], type?: string, credentials?: Record<string, Record<string, string>>): Promise<void>;
    unload(): Promise<void>;
    getNode(id: string): TestNode;
    log(): { args: unknown[][] };
    url(): string;
  }

  const helper: NodeTestHelper;
  export = helper;
}
