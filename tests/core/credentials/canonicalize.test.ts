/** RDFC-1.0 canonicalization over the pinned loader (the spec vector itself is in data-integrity.test.ts). */
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/core/credentials/canonicalize.ts';
import { CONTEXT_URLS } from '../../../src/core/credentials/document-loader.ts';
import { vectorJson, vectorText } from './vectors.ts';

describe('canonicalize', () => {
  it('gives the spec vector N-Quads, whatever the key order of the input', async () => {
    const document = vectorJson('ob3-eddsa-rdfc-2022/credential-unsigned.json');
    const reversed = Object.fromEntries(Object.entries(document).reverse());
    expect(await canonicalize(reversed as never)).toBe(vectorText('ob3-eddsa-rdfc-2022/document-canon.nq'));
  });

  it('refuses terms no context defines instead of dropping them (safe mode)', async () => {
    const document = {
      '@context': [CONTEXT_URLS.credentialsV2],
      type: ['VerifiableCredential'],
      colour: 'blue',
    };
    await expect(canonicalize(document)).rejects.toMatchObject({ code: 'ERR_JSONLD_UNSAFE' });
  });
});
