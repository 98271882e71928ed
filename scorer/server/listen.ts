// Creating and binding the HTTP server, shared by the single-model and multi-model scorers: the
// same timeouts and the same one-line startup errors (port in use, cannot listen).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The server cannot start as configured (exit 2, one line). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface ListenOptions {
  host: string;
  port?: number;
  requestTimeout: number;
  headersTimeout: number;
  /**
   * The largest request body the handler accepts. A client that sends `Expect: 100-continue` (curl
   * does for large bodies) and declares more is not told to continue: the handler answers (413)
   * before a byte of the body is sent, rather than after reading up to the limit.
   */
  maxBodyBytes?: number;
}

/** A server for `handle`, listening; resolves once bound (port 0 picks a free one). */
export async function listen(options: ListenOptions, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<{ server: Server; port: number }> {
  const { host, requestTimeout, headersTimeout } = options;
  const wanted = options.port ?? 8080;
  const server = createServer({
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: 5_000,
    // Node checks the two deadlines on this interval (default 30 s), so it bounds their precision.
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 2))),
  }, (req, res) => { void handle(req, res); });
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!(Number(req.headers['content-length']) > (options.maxBodyBytes ?? Infinity))) res.writeContinue();
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(new StartupError(err.code === 'EADDRINUSE' ? `port ${wanted} on ${host} is in use` : `cannot listen on ${host}:${wanted}: ${err.message}`)));
    server.listen(wanted, host, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port };
}
