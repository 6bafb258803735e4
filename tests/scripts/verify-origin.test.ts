import { describe, expect, it } from 'vitest';
import type { Resolver } from '../../src/core/verify/index.ts';
import { mirroredUrl, mirrorResolver, servedRootOf } from '../../src/scripts/verify/origin.ts';

const SITE = 'https://lycee.github.io/badges/';

describe('the verify page on any origin', () => {
  it('finds the root of the copy that serves it', () => {
    expect(servedRootOf('http://localhost:4321/badges/verify/?url=x')).toBe('http://localhost:4321/badges/');
    expect(servedRootOf('https://staging.example/verify/')).toBe('https://staging.example/');
    expect(servedRootOf('https://lycee.github.io/badges/verify/index.html')).toBe(SITE);
  });

  it("reads only the configured site's documents from the serving copy", () => {
    const served = 'http://localhost:4321/badges/';
    expect(mirroredUrl(`${SITE}issuers/x/did.json`, SITE, served)).toBe(`${served}issuers/x/did.json`);
    expect(mirroredUrl('https://other.example/badges/a.json', SITE, served)).toBe(
      'https://other.example/badges/a.json',
    );
    expect(mirroredUrl(`${SITE}a.json`, SITE, SITE)).toBe(`${SITE}a.json`);
  });

  it('answers with the URL that was asked for', async () => {
    const asked: string[] = [];
    const inner: Resolver = async (url) => {
      asked.push(url);
      return { ok: true, url, body: new Uint8Array(), status: 200 };
    };
    const resolver = mirrorResolver(inner, SITE, 'http://localhost:4321/badges/');
    const resolution = await resolver(`${SITE}issuers/x/did.json`);
    expect(asked).toEqual(['http://localhost:4321/badges/issuers/x/did.json']);
    expect(resolution.url).toBe(`${SITE}issuers/x/did.json`);
  });
});
