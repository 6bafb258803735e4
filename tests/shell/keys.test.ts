import { describe, expect, it } from 'vitest';
import { InsigneError } from '../../src/core/errors.ts';
import { loadContent } from '../../src/shell/content.ts';
import { formatSecret, KEYS_ENV, loadKeyRing, readStoredKeys } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';

async function projectWithKeys() {
  const root = projectFromFixture('valid');
  await cli(root, ['keygen', 'ecole-test']);
  const content = loadContent(root, '2026-11-28');
  if (!content.ok) throw new Error('fixture must be valid');
  return { root, model: content.model, stored: readStoredKeys(root, {}) ?? [] };
}

describe('key ring', () => {
  it('signs with throwaway keys and says so when no key is configured', async () => {
    const root = projectFromFixture('valid');
    const content = loadContent(root, '2026-11-28');
    if (!content.ok) throw new Error('fixture must be valid');
    expect(readStoredKeys(root, {})).toBeUndefined();
    const ring = await loadKeyRing(content.model, undefined, '2026-11-28');
    expect(ring.preview).toBe(true);
    const keys = ring.issuers.get('ecole-test');
    expect(keys?.signer.ed25519.keyId).toBe('preview-ed25519');
    expect(keys?.published.map((k) => k.id)).toEqual(['preview-ed25519', 'preview-rs256']);
  });

  it('uses the configured keys, from the folder or from the environment variable', async () => {
    const { root, model, stored } = await projectWithKeys();
    const ring = await loadKeyRing(model, stored, '2026-11-28');
    expect(ring.preview).toBe(false);
    expect(ring.issuers.get('ecole-test')?.signer.rs256.keyId).toBe('rs256-2026-11-28');
    const fromEnv = readStoredKeys(root, { [KEYS_ENV]: formatSecret(stored) });
    expect(fromEnv).toEqual(stored);
  });

  it('refuses a private key that matches no committed public key, without showing it', async () => {
    const { model, stored } = await projectWithKeys();
    const other = await projectWithKeys();
    const foreign = other.stored.map((s) => ({ ...s }));
    const error = await loadKeyRing(model, foreign, '2026-11-28').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsigneError);
    expect((error as InsigneError).code).toBe('ERR_KEY_UNKNOWN');
    const message = (error as Error).message;
    for (const key of [...foreign, ...stored]) {
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'n', 'x'] as const) {
        const value = key.jwk[member];
        if (value) expect(message).not.toContain(value);
      }
    }
  });

  it('refuses to build when the active key has no private half', async () => {
    const { model, stored } = await projectWithKeys();
    const onlyEd = stored.filter((s) => s.algorithm === 'Ed25519');
    await expect(loadKeyRing(model, onlyEd, '2026-11-28')).rejects.toMatchObject({ code: 'ERR_KEY_MISSING' });
  });

  it('rejects a malformed secret with a coded error', () => {
    expect(() => readStoredKeys('/nonexistent', { [KEYS_ENV]: 'not-a-secret' })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_SECRET' }),
    );
  });
});
