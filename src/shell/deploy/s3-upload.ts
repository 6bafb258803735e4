/**
 * Uploads a built site to an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Garage…), each object
 * with the Content-Type and Cache-Control of core/deploy/object-headers.ts, signed with AWS Signature
 * Version 4 (aws4fetch) over path-style URLs (`<endpoint>/<bucket>/<key>`), which every S3-compatible
 * server accepts. Objects are only ever written, never deleted: every published URL must keep answering
 * (docs/deploy.md, "What must stay at its URL forever").
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import { objectHeaders, uploadOrder, uploadRank } from '../../core/deploy/object-headers.ts';
import { type Message, render, say } from '../../core/messages/catalogue.ts';
import { BUILD_MANIFEST, siteFiles } from '../build/shard.ts';

export interface S3Target {
  /** `https://s3.eu-west-3.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`, `http://127.0.0.1:9000`. */
  readonly endpoint: string;
  readonly bucket: string;
  /** Key prefix (a folder in the bucket), without leading or trailing slash; empty for the bucket root. */
  readonly prefix: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface PlannedObject {
  readonly path: string;
  readonly key: string;
  readonly contentType: string;
  readonly cacheControl: string;
}

export interface UploadReport {
  readonly uploaded: number;
  readonly bytes: number;
  readonly failures: readonly Message[];
}

/** A site that may not be uploaded: a preview, or no build manifest. Its message is for people. */
export class UploadRefused extends Error {
  /** The same message from the catalogue, for either language. */
  readonly says: Message;

  constructor(says: Message) {
    super(render(says, 'en'));
    this.name = 'UploadRefused';
    this.says = says;
  }
}

/** The first bytes of a file, enough to tell a JSON-LD document from plain JSON. */
function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(256);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Refuses a preview build, as the deploy workflows do. */
export function assertDeployable(dir: string): void {
  let manifest: { preview?: unknown; shard?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(dir, BUILD_MANIFEST), 'utf8'));
    if (manifest === null || typeof manifest !== 'object') throw new TypeError('not an object');
  } catch {
    throw new UploadRefused(say('upload.noManifest', { file: BUILD_MANIFEST }));
  }
  if (manifest.shard !== undefined) throw new UploadRefused(say('upload.shard'));
  if (manifest.preview !== false) throw new UploadRefused(say('upload.preview'));
}

/**
 * Every object to upload, in upload order, with its headers. A page `<folder>/index.html` is uploaded
 * twice, also under the key `<folder>/`: its address is the folder (`/awards/<id>/`), and a CDN in front
 * of a bucket's S3 API (rather than its website endpoint) asks for that key and knows no index documents.
 * The site's home is `<prefix>/` likewise; at the bucket root it is the CDN's default object.
 */
export function planUpload(dir: string, prefix: string): PlannedObject[] {
  const keyOf = (path: string) => (prefix ? `${prefix}/${path}` : path);
  return uploadOrder(siteFiles(dir)).flatMap((path) => {
    const headers = objectHeaders(path, path.endsWith('.json') ? head(join(dir, path)) : '');
    const object = { path, key: keyOf(path), ...headers };
    if (path === 'index.html' && prefix) return [object, { ...object, key: `${prefix}/` }];
    if (!path.endsWith('/index.html')) return [object];
    return [object, { ...object, key: keyOf(path.slice(0, -'index.html'.length)) }];
  });
}

const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

/** Runs `task` over `items`, at most `parallel` at once. */
async function runPool<T>(
  items: readonly T[],
  parallel: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

/** At most this many failures are collected before the upload stops. */
const MAX_FAILURES = 10;

/**
 * Uploads the planned objects, `parallel` at a time, one upload rank after the other (no page goes up
 * before the files it links to); a failed object is named with the server's answer, never a credential.
 */
export async function uploadSite(
  dir: string,
  target: S3Target,
  objects: readonly PlannedObject[],
  parallel = 8,
): Promise<UploadReport> {
  const client = new AwsClient({
    accessKeyId: target.accessKeyId,
    secretAccessKey: target.secretAccessKey,
    ...(target.sessionToken ? { sessionToken: target.sessionToken } : {}),
    service: 's3',
    region: target.region,
    retries: 3,
  });
  const base = `${target.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(target.bucket)}/`;
  const failures: Message[] = [];
  let uploaded = 0;
  let bytes = 0;
  const put = async (object: PlannedObject) => {
    if (failures.length >= MAX_FAILURES) return;
    const body = readFileSync(join(dir, object.path));
    try {
      const response = await client.fetch(`${base}${encodeKey(object.key)}`, {
        method: 'PUT',
        body,
        headers: { 'Content-Type': object.contentType, 'Cache-Control': object.cacheControl },
      });
      const text = await response.text();
      if (!response.ok) {
        const code = /<Code>([^<]{1,80})<\/Code>/.exec(text)?.[1];
        failures.push(
          say('upload.answered', {
            path: object.path,
            status: code ? `${response.status} ${code}` : response.status,
          }),
        );
        return;
      }
      uploaded++;
      bytes += body.length;
    } catch (error) {
      failures.push(
        say('upload.failed', {
          path: object.path,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };
  const ranks = [...new Set(objects.map((object) => uploadRank(object.path)))];
  for (const rank of ranks) {
    if (failures.length > 0) break;
    await runPool(
      objects.filter((object) => uploadRank(object.path) === rank),
      parallel,
      put,
    );
  }
  return { uploaded, bytes, failures };
}
