import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/shell/content.ts';
import { KEYS_ENV, readStoredKeys } from '../../../src/shell/keys.ts';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';

describe('badges keygen', () => {
  it('adds public keys to the issuer file and keeps private keys in .keys only', async () => {
    const root = projectFromFixture('valid');
    const run = await cli(root, ['keygen', 'ecole-test']);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`gh secret set ${KEYS_ENV} < .keys/${KEYS_ENV}.secret`);

    const content = loadContent(root, '2026-11-28');
    if (!content.ok) throw new Error('keygen must leave valid content');
    const keys = content.model.issuers.get('ecole-test')?.keys ?? [];
    expect(keys.map((k) => [k.id, k.algorithm, k.created])).toEqual([
      ['ed25519-2026-11-28', 'Ed25519', '2026-11-28'],
      ['rs256-2026-11-28', 'RS256', '2026-11-28'],
    ]);

    const stored = readStoredKeys(root, {}) ?? [];
    expect(stored.map((s) => s.id).sort()).toEqual(['ed25519-2026-11-28', 'rs256-2026-11-28']);
    const issuerFile = readFileSync(join(root, 'content/issuers/ecole-test.yaml'), 'utf8');
    for (const key of stored) {
      expect(issuerFile).not.toContain(String(key.jwk.d));
      expect(run.out).not.toContain(String(key.jwk.d));
    }
    for (const file of readdirSync(join(root, '.keys/ecole-test'))) {
      expect(statSync(join(root, '.keys/ecole-test', file)).mode & 0o077).toBe(0);
    }
    const rsa = stored.find((s) => s.algorithm === 'RS256');
    expect(Buffer.from(String(rsa?.jwk.n), 'base64url').length * 8).toBeGreaterThanOrEqual(2048);
  });

  it('rotates: adds new keys and retires the old ones without removing them', async () => {
    const root = projectFromFixture('valid');
    await cli(root, ['keygen', 'ecole-test']);
    const run = await cli(root, ['keygen', 'ecole-test', '--retire-old']);
    expect(run.code).toBe(0);
    const content = loadContent(root, '2026-11-28');
    if (!content.ok) throw new Error('rotation must leave valid content');
    const keys = content.model.issuers.get('ecole-test')?.keys ?? [];
    expect(keys.map((k) => [k.id, k.retired])).toEqual([
      ['ed25519-2026-11-28', '2026-11-28'],
      ['rs256-2026-11-28', '2026-11-28'],
      ['ed25519-2026-11-28-2', undefined],
      ['rs256-2026-11-28-2', undefined],
    ]);
  });

  it('refuses an unknown issuer and bad usage', async () => {
    const root = projectFromFixture('valid');
    expect((await cli(root, ['keygen', 'inconnu'])).code).toBe(1);
    expect((await cli(root, ['keygen'])).code).toBe(2);
    expect((await cli(root, ['keygen', 'ecole-test', '--force'])).code).toBe(2);
  });

  it('changes only the key list: comments, folded text and quoting stay as written', async () => {
    const root = projectFromFixture('valid');
    const file = join(root, 'content/issuers/ecole-test.yaml');
    const original = readFileSync(file, 'utf8')
      .replace(/^description:.*\n/m, '')
      .replace(/^url:.*$/m, "url: 'https://ecole-test.example'  # quoted on purpose");
    const handWritten = [
      '# Notre établissement : les valeurs à remplacer.',
      original.trimEnd(),
      'description: >-',
      '  Une description assez longue, repliée sur deux lignes',
      '  par son auteur, qui doit le rester.',
      '',
    ].join('\n');
    writeFileSync(file, handWritten);
    expect((await cli(root, ['keygen', 'ecole-test'])).code).toBe(0);
    expect((await cli(root, ['keygen', 'ecole-test', '--retire-old'])).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    for (const line of handWritten.split('\n').filter((l) => l && !l.startsWith('keys:')))
      expect(after).toContain(line);
    expect(after.match(/^ {4}retired: /gm)).toHaveLength(2);
  });

  it('writes no private key when the issuer file cannot be edited', async () => {
    const root = projectFromFixture('valid');
    const file = join(root, 'content/issuers/ecole-test.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nkeys: nothing\n`.replace(/^keys: \[\]\n/m, ''));
    const run = await cli(root, ['keygen', 'ecole-test']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('"keys" must be a list');
    expect(existsSync(join(root, '.keys'))).toBe(false);
  });
});
