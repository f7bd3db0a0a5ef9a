// A small reverse proxy for the multi-process test, doing what nginx does in front of several app
// processes: requests go round-robin; a backend that refuses the connection (nothing was sent to
// it) is skipped and the next one is tried; a backend that dies while answering gives the client
// a 502, so that request is not acknowledged.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';

export interface RoundRobinProxy {
  baseUrl: string;
  /** How many requests each backend answered. */
  answeredBy: Map<string, number>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const answeredBy = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      for (let tried = 0; tried < backends.length; tried++) {
        const backend = backends[next++ % backends.length] as string;
        const target = new URL(req.url ?? '/', backend);
        const outcome = await new Promise<'answered' | 'refused' | 'failed'>((resolve) => {
          const upstream = request(
            target,
            { method: req.method, headers: { ...req.headers, host: target.host } },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              answer.pipe(res);
              answer.on('end', () => resolve('answered'));
              answer.on('error', () => resolve('failed'));
            },
          );
          upstream.on('error', (error: NodeJS.ErrnoException) =>
            resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'failed'),
          );
          upstream.end(body);
        });
        if (outcome === 'answered') {
          answeredBy.set(backend, (answeredBy.get(backend) ?? 0) + 1);
          return;
        }
        if (outcome === 'failed') {
          if (!res.headersSent) res.writeHead(502).end('backend failed');
          else res.destroy();
          return;
        }
      }
      res.writeHead(503).end('no backend');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    answeredBy,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
