/** The pinned JSON-LD contexts: exact published bytes, served offline, nothing else (DIGEST §3.11). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/core/credentials/canonicalize.ts';
import {
  CONTEXT_URLS,
  createDocumentLoader,
  documentLoader,
} from '../../../src/core/credentials/document-loader.ts';

const contexts = fileURLToPath(new URL('../../../src/core/credentials/contexts/', import.meta.url));

/** sha256 of each copy, as recorded in src/core/credentials/contexts/README.md. */
const PINNED_SHA256: Record<string, string> = {
  'credentials-v2.json': '59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734',
  'ob-v3p0-context-3.0.3.json': 'ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761',
  'ob-v3p0-extensions.json': '146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3',
  'ob-v2p0-context.json': '3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d',
  'did-v1.json': '62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f',
  'multikey-v1.json': 'c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6',
};

describe('pinned contexts', () => {
  it.each(Object.entries(PINNED_SHA256))('%s keeps the published bytes', (file, sha256) => {
    expect(
      createHash('sha256')
        .update(readFileSync(`${contexts}${file}`))
        .digest('hex'),
    ).toBe(sha256);
  });

  it('serves every pinned URL, frozen', async () => {
    for (const url of Object.values(CONTEXT_URLS)) {
      const remote = await documentLoader(url);
      expect(remote).toMatchObject({ contextUrl: null, documentUrl: url });
      expect(remote.document).toHaveProperty('@context');
      expect(Object.isFrozen(remote.document)).toBe(true);
    }
  });

  it('refuses anything else with a code, without touching the network', async () => {
    await expect(documentLoader('https://www.w3.org/2018/credentials/v1')).rejects.toMatchObject({
      code: 'ERR_JSONLD_CONTEXT_NOT_PINNED',
    });
    const document = { '@context': ['https://example.org/unknown-context'], name: 'x' };
    await expect(canonicalize(document)).rejects.toMatchObject({ code: 'ERR_JSONLD_CONTEXT_NOT_PINNED' });
  });

  it('serves extra documents only from a loader made for them', async () => {
    const extra = createDocumentLoader(
      new Map([['https://example.org/ctx', { '@context': { name: 'https://schema.org/name' } }]]),
    );
    await expect(extra('https://example.org/ctx')).resolves.toMatchObject({
      documentUrl: 'https://example.org/ctx',
    });
    await expect(documentLoader('https://example.org/ctx')).rejects.toMatchObject({
      code: 'ERR_JSONLD_CONTEXT_NOT_PINNED',
    });
  });
});
