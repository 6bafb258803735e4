/**
 * `badges upload` against a real S3-compatible server (s3rver) on loopback: every object of a site comes
 * back with the Content-Type and Cache-Control a verifier needs; previews, shards and missing credentials
 * are refused before anything is sent.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from '../../core/verify/fixture.ts';
import { cli } from '../../helpers/cli.ts';

let server: S3rver;
let endpoint: string;
const credentials = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

/** A built site: the emit stage's files of the verifier fixture, plus pages, assets and the manifest. */
async function site(manifest: object = { preview: false, builtOn: '2026-11-28' }): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'insigne-upload-'));
  const fixture = await makeFixture();
  const files = new Map<string, string | Uint8Array>(fixture.files);
  // The fixture is emitted without artwork: baked images stand in for the build's.
  const award = [...fixture.model.awards.keys()][0] as string;
  files.set(`awards/${award}/badge.png`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  files.set(`awards/${award}/badge.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
  files.set('index.html', '<!doctype html><title>Badges</title>');
  files.set('awards/x/index.html', '<!doctype html><title>Award</title>');
  files.set('_astro/Base.BEliC23g.css', 'body{}');
  files.set('_astro/verify.GPq3HYxO.js', 'export{}');
  files.set('.nojekyll', '');
  files.set('insigne-build.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [path, body] of files) {
    mkdirSync(dirname(join(root, 'dist', path)), { recursive: true });
    writeFileSync(join(root, 'dist', path), body);
  }
  return root;
}

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 'insigne-s3-')),
    configureBuckets: [{ name: 'badges-site', configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server.close();
});

describe('badges upload', () => {
  it('uploads every file with the content type and cache lifetime verifiers need', async () => {
    const root = await site();
    const run = await cli(
      root,
      ['upload', '--s3', endpoint, '--bucket', 'badges-site', '--prefix', '/badges/'],
      credentials,
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^✔ Uploaded \d+ objects \([\d.]+ MB\) to badges-site\/badges, each with its content type and cache lifetime\.\n$/,
    );
    const fixture = await makeFixture();
    const award = [...fixture.model.awards.keys()][0] as string;
    const expected: [string, string, string][] = [
      ['index.html', 'text/html; charset=utf-8', 'public, max-age=300'],
      ['awards/x/index.html', 'text/html; charset=utf-8', 'public, max-age=300'],
      [`awards/${award}/credential.json`, 'application/ld+json', 'public, max-age=3600'],
      [`awards/${award}/credential.jwt`, 'text/plain; charset=utf-8', 'public, max-age=3600'],
      [`awards/${award}/assertion.json`, 'application/ld+json', 'public, max-age=300'],
      [`awards/${award}/assertion.jws`, 'text/plain; charset=utf-8', 'public, max-age=3600'],
      [`awards/${award}/badge.png`, 'image/png', 'public, max-age=3600'],
      [`awards/${award}/badge.svg`, 'image/svg+xml', 'public, max-age=3600'],
      [`awards/${award}/qr.svg`, 'image/svg+xml', 'public, max-age=3600'],
      ['_astro/Base.BEliC23g.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['_astro/verify.GPq3HYxO.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['insigne-build.json', 'application/json', 'public, max-age=300'],
    ];
    for (const path of fixture.files.keys()) {
      if (path.startsWith('issuers/') && path.endsWith('.jwk.json'))
        expected.push([path, 'application/json', 'public, max-age=300']);
      else if (path.startsWith('issuers/'))
        expected.push([path, 'application/ld+json', 'public, max-age=300']);
    }
    expect(expected.length).toBeGreaterThan(16);
    for (const [path, type, cache] of expected) {
      const response = await fetch(`${endpoint}/badges-site/badges/${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('cache-control'), path).toBe(cache);
      await response.arrayBuffer();
    }
    // A page is also at its folder's key, for a CDN in front of the S3 API.
    const folder = await fetch(`${endpoint}/badges-site/badges/awards/x/`);
    expect(folder.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await folder.text()).toBe('<!doctype html><title>Award</title>');
    expect(await (await fetch(`${endpoint}/badges-site/badges/`)).text()).toBe(
      '<!doctype html><title>Badges</title>',
    );
    // GitHub Pages' Jekyll switch has no meaning in a bucket.
    expect((await fetch(`${endpoint}/badges-site/badges/.nojekyll`)).status).toBe(404);
  });

  it('lists the plan without credentials or network with --dry-run', async () => {
    const root = await site();
    const run = await cli(root, ['upload', '--dry-run']);
    expect(run.code).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ objects would be uploaded; nothing was\.$/);
    expect(lines.at(-2)).toBe('insigne-build.json\tapplication/json\tpublic, max-age=300');
    expect(lines).toContain('index.html\ttext/html; charset=utf-8\tpublic, max-age=300');
  });

  it('refuses a preview build, a shard and missing credentials, and names a failed object', async () => {
    const preview = await site({ preview: true, builtOn: '2026-11-28' });
    const refused = await cli(preview, ['upload', '--s3', endpoint, '--bucket', 'badges-site'], credentials);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('This is a PREVIEW build');
    const shard = await site({ preview: false, builtOn: '2026-11-28', shard: { index: 1, count: 3 } });
    expect(
      (await cli(shard, ['upload', '--s3', endpoint, '--bucket', 'badges-site'], credentials)).err,
    ).toContain('merge the shards first');
    const root = await site();
    const anonymous = await cli(root, ['upload', '--s3', endpoint, '--bucket', 'badges-site'], {});
    expect(anonymous.code).toBe(1);
    expect(anonymous.err).toContain('Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
    const noBucket = await cli(root, ['upload', '--s3', endpoint, '--bucket', 'no-such-bucket'], credentials);
    expect(noBucket.code).toBe(1);
    expect(noBucket.err).toMatch(/: the server answered 404 NoSuchBucket/);
    expect(noBucket.err).not.toContain('S3RVER');
    const usage = await cli(root, ['upload', '--bucket', 'b']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Say where to upload with --s3 <endpoint>.');
    expect((await cli(root, ['upload', '--s3', 'ftp://x', '--bucket', 'b'])).code).toBe(2);
    // An empty prefix (an unset CI variable) is the bucket root.
    const rootPlan = await cli(root, ['upload', '--dry-run', '--prefix', '']);
    expect(rootPlan.code).toBe(0);
    expect(rootPlan.out).toContain('\nindex.html\ttext/html; charset=utf-8');
  });
});
