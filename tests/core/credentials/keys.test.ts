/** Which published key signs (DESIGN.md §4: newest non-retired; retired keys stay published). */
import { beforeAll, describe, expect, it } from 'vitest';
import { activeKey, findKey } from '../../../src/core/credentials/keys.ts';
import { makeSite, type Site } from './site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

describe('activeKey and findKey', () => {
  it('picks the newest non-retired key as active', () => {
    expect(activeKey(site.issuer, 'Ed25519').id).toBe('ed25519-2026');
    const allRetired = {
      ...site.issuer,
      keys: site.issuer.keys.map((key) => ({ ...key, retired: '2026-06-01' })),
    };
    expect(() => activeKey(allRetired, 'RS256')).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_NONE_ACTIVE' }),
    );
  });

  it('finds a published key by id, or says which file to fix', () => {
    expect(findKey(site.issuer, 'rsa-2025').retired).toBe('2026-01-01');
    expect(() => findKey(site.issuer, 'nope')).toThrow(
      expect.objectContaining({
        code: 'ERR_KEY_UNKNOWN',
        message: expect.stringContaining('content/x.yaml'),
      }),
    );
  });
});
