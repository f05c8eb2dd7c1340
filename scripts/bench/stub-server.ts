/**
 * A minimal stand-in for a pod and agent, run as a child process of the bench so that its CPU is not counted as the
 * client's: every login answers a token, the users lookup answers one user, a message create answers the message.
 * Request bodies are read in full and dropped. It tells its parent its port over IPC and stops when the parent goes.
 */
import http from 'node:http';

const USERS = JSON.stringify({ users: [{ id: 12345, emailAddress: 'alice@example.com', firstName: 'Alice', lastName: 'Doe', displayName: 'Alice Doe', username: 'alice' }] });
const MESSAGE = JSON.stringify({
  messageId: 'bench-message', timestamp: 1_700_000_000_000, message: '<div data-format="PresentationML" data-version="2.0">hello</div>',
  data: '{}', user: { userId: 12345, firstName: 'Alice', lastName: 'Doe', displayName: 'Alice Doe', email: 'alice@example.com', username: 'alice' },
  stream: { streamId: 'bench-stream', streamType: 'ROOM' }, externalRecipients: false, userAgent: 'bench', originalFormat: 'com.symphony.messageml.v2',
});

/** Logins made, by path, for the bench to tell how many the nodes made. */
const logins = new Map<string, number>();

function answer(req: http.IncomingMessage): string | undefined {
  const path = (req.url ?? '').split('?')[0]!;
  if (req.method === 'POST' && path.endsWith('/authenticate')) {
    logins.set(path, (logins.get(path) ?? 0) + 1);
    return JSON.stringify({ token: `token-for-${path}`, name: 'sessionToken' });
  }
  if (req.method === 'GET' && path === '/pod/v3/users') return USERS;
  if (req.method === 'POST' && /^\/agent\/v4\/stream\/[^/]+\/message\/create$/.test(path)) return MESSAGE;
  if (req.method === 'GET' && path === '/_logins') return JSON.stringify(Object.fromEntries(logins));
  return undefined;
}

const server = http.createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
  req.resume();
  req.on('end', () => {
    const body = answer(req);
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(body ?? '{"message":"not here"}');
  });
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as { port: number }).port });
});
// The parent asks for this process's CPU time (µs, user + system) around each measurement.
process.on('message', () => {
  const { user, system } = process.cpuUsage();
  process.send?.({ cpu: user + system });
});
process.on('disconnect', () => process.exit(0));
