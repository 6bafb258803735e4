import { describe, expect, it } from 'vitest';
import {
  cacheControlOf,
  contentTypeOf,
  HOUR_CACHE,
  IMMUTABLE_CACHE,
  isJsonLd,
  SHORT_CACHE,
  uploadOrder,
} from '../../../src/core/deploy/object-headers.ts';
import { makeFixture } from '../verify/fixture.ts';

describe('content types', () => {
  it('serves every JSON-LD document the emit stage writes as application/ld+json, bare JWKs as application/json', async () => {
    const fixture = await makeFixture();
    const json = [...fixture.files].filter(([path]) => path.endsWith('.json'));
    expect(json.length).toBeGreaterThan(10);
    for (const [path, body] of json) {
      const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
      const hasContext = '@context' in (JSON.parse(text) as object);
      expect(contentTypeOf(path, text.slice(0, 256)), path).toBe(
        hasContext ? 'application/ld+json' : 'application/json',
      );
      expect(hasContext, path).toBe(!path.endsWith('.jwk.json'));
    }
    // Every file the emit stage writes has a type a browser or verifier understands.
    for (const [path, body] of fixture.files) {
      const head = typeof body === 'string' ? body.slice(0, 256) : '';
      expect(contentTypeOf(path, head), path).not.toBe('application/octet-stream');
    }
  });

  it('gives pages, JWTs, images, scripts and fonts their types, with charset on text', () => {
    expect(contentTypeOf('awards/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('awards/x/credential.jwt')).toBe('text/plain; charset=utf-8');
    expect(contentTypeOf('awards/x/assertion.jws')).toBe('text/plain; charset=utf-8');
    expect(contentTypeOf('awards/x/badge.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('awards/x/badge.png')).toBe('image/png');
    expect(contentTypeOf('_astro/Base.BEliC23g.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('_astro/verify.GPq3HYxO.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('_astro/inter.woff2')).toBe('font/woff2');
    expect(contentTypeOf('insigne-build.json', '{\n  "preview": false')).toBe('application/json');
    expect(contentTypeOf('README')).toBe('application/octet-stream');
    expect(contentTypeOf('.nojekyll')).toBe('application/octet-stream');
  });

  it('recognises JSON-LD by a first @context member only, looking at 256 bytes at most', () => {
    expect(isJsonLd('{\n  "@context": [')).toBe(true);
    expect(isJsonLd('{"@context":"https://w3id.org/openbadges/v2"')).toBe(true);
    expect(isJsonLd('{"id":"x","@context":[]}')).toBe(false);
    expect(isJsonLd(`${' '.repeat(300)}{"@context":[]}`)).toBe(false);
  });
});

describe('cache lifetimes', () => {
  it('keeps hashed assets forever, what decides a verdict 5 minutes, the rest an hour', () => {
    expect(cacheControlOf('_astro/Base.BEliC23g.css')).toBe(IMMUTABLE_CACHE);
    for (const path of [
      'index.html',
      'awards/x/index.html',
      'awards/x/assertion.json',
      'issuers/school/status-list.json',
      'issuers/school/revocations-ob2.json',
      'issuers/school/did.json',
      'issuers/school/keys/rsa-1.jwk.json',
      '.well-known/jwks.json',
      'insigne-build.json',
    ])
      expect(cacheControlOf(path), path).toBe(SHORT_CACHE);
    for (const path of [
      'awards/x/credential.json',
      'awards/x/credential.jwt',
      'awards/x/badge.png',
      'badges/b/achievement.json',
    ])
      expect(cacheControlOf(path), path).toBe(HOUR_CACHE);
  });
});

describe('upload order', () => {
  it('puts issuer documents first, pages after the data, the manifest last, and leaves out .nojekyll', () => {
    expect(
      uploadOrder([
        'index.html',
        'insigne-build.json',
        'awards/a/credential.json',
        '.nojekyll',
        'issuers/s/did.json',
        'awards/a/index.html',
        '.well-known/jwks.json',
        '_astro/x.css',
      ]),
    ).toEqual([
      '.well-known/jwks.json',
      'issuers/s/did.json',
      '_astro/x.css',
      'awards/a/credential.json',
      'awards/a/index.html',
      'index.html',
      'insigne-build.json',
    ]);
  });
});
