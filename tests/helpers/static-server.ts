/**
 * A small static file server for tests: serves a built site folder under its base path (`/badges/`) on a
 * free local port, with the content types and open CORS GitHub Pages sends. `routes` overrides answers
 * (a status and body for a path), e.g. a 410 Gone. Only 127.0.0.1: nothing leaves the machine.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jwt': 'application/octet-stream',
  '.jws': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>/badges/`. */
  readonly root: string;
  /** Every path requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Base path the folder is served under, with slashes (`/badges/`). */
  readonly base?: string;
  /** Fixed answers by path (after the base), instead of files. */
  readonly routes?: Record<string, { status: number; body?: string; type?: string }>;
}

export async function startStaticServer(
  folder: string,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const base = options.base ?? '/badges/';
  const root = resolve(folder);
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const headers = { 'access-control-allow-origin': '*' };
    if (!path.startsWith(base)) {
      response.writeHead(404, headers).end('Not found');
      return;
    }
    const relative = path.slice(base.length);
    const route = options.routes?.[relative];
    if (route !== undefined) {
      response.writeHead(route.status, { ...headers, 'content-type': route.type ?? 'application/json' });
      response.end(route.body ?? '');
      return;
    }
    let file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(`${root}${sep}`)) {
      response.writeHead(403, headers).end('Forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
      response.writeHead(200, { ...headers, 'content-type': type, 'content-length': body.length });
      response.end(body);
    } catch {
      response.writeHead(404, headers).end('Not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    root: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
