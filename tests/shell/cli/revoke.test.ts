import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/shell/content.ts';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';
import { BADGE, FIXTURE_AWARD, FIXTURE_AWARD_ID, idOf, newAwards, readText } from './award-helpers.ts';

const REASON = 'Attribué par erreur : le projet n’a pas été rendu.';

describe('badges revoke', () => {
  it('adds the revocation and keeps every other line, comments included', async () => {
    const root = projectFromFixture('valid');
    const original = `# Remis en atelier.\n${readText(root, FIXTURE_AWARD)}`;
    writeFileSync(join(root, FIXTURE_AWARD), original);
    const run = await cli(root, ['revoke', FIXTURE_AWARD_ID, '--reason', REASON]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out.split('\n')[0]).toBe(
      `✔ Revoked award ${FIXTURE_AWARD_ID} (Alice Exemple, ${BADGE}) on 2026-11-28: ${FIXTURE_AWARD}`,
    );
    expect(readText(root, FIXTURE_AWARD)).toBe(
      original.replace('listed: true', `revoked:\n  date: 2026-11-28\n  reason: "${REASON}"\nlisted: true`),
    );
    const content = loadContent(root, '2026-11-28');
    if (!content.ok) throw new Error('revoke must leave valid content');
    expect(content.model.awards.get(FIXTURE_AWARD_ID)?.revocation).toEqual({
      date: '2026-11-28',
      reason: REASON,
    });
  });

  it('takes a French date and an award page address', async () => {
    const root = projectFromFixture('valid');
    const url = `https://ecole-test.example/badges/awards/${FIXTURE_AWARD_ID.toUpperCase()}/`;
    const run = await cli(root, ['revoke', url, '--reason', 'Erreur', '--date', '01/06/2026']);
    expect(run.code).toBe(0);
    expect(readText(root, FIXTURE_AWARD)).toContain('revoked:\n  date: 2026-06-01\n  reason: Erreur\n');
  });

  it('lets the same person be awarded again after a revocation', async () => {
    const root = projectFromFixture('valid');
    const award = ['award', '--badge', BADGE, '--name', 'Léa Martin', '--email', 'lea@ecole-test.example'];
    await cli(root, award);
    const [first] = newAwards(root);
    await cli(root, ['revoke', idOf(first ?? ''), '--reason', 'Mauvais badge']);
    const again = await cli(root, award);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`(renews award ${idOf(first ?? '')}, revoked)`);
    expect(newAwards(root)).toHaveLength(2);
  });

  it.each([
    [['revoke', FIXTURE_AWARD_ID], 2, 'A reason is required: --reason "<text>" (verifiers see it).\n'],
    [['revoke', '--reason', 'x'], 2, 'Which award? Give its id.\n'],
    [
      ['revoke', FIXTURE_AWARD_ID, 'Par', 'erreur', '--reason', 'x'],
      2,
      'Give one award id (put quotes around the reason).\n',
    ],
    [
      ['revoke', 'abc', '--reason', 'x'],
      1,
      '✖ "abc" is not an award id (a UUID such as 0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e).\n',
    ],
    [
      ['revoke', '11111111-2222-4333-8444-555555555555', '--reason', 'x'],
      1,
      '✖ No award 11111111-2222-4333-8444-555555555555. `npm run badges -- list` shows every award with its id.\n',
    ],
    [
      ['revoke', FIXTURE_AWARD_ID, '--reason', '  '],
      1,
      '✖ --reason: The reason is empty. Nothing was written.\n',
    ],
    [
      ['revoke', FIXTURE_AWARD_ID, '--reason', 'Voir lea@ecole.fr'],
      1,
      '✖ --reason: The reason contains an email address, which would be published. Nothing was written.\n',
    ],
    [
      ['revoke', FIXTURE_AWARD_ID, '--reason', 'x', '--date', '2026-05-01'],
      1,
      '✖ --date: The revocation date 2026-05-01 must be between the issue date 2026-05-04 and today (2026-11-28). Nothing was written.\n',
    ],
    [
      ['revoke', FIXTURE_AWARD_ID, '--reason', 'x', '--date', '2026-12-01'],
      1,
      '✖ --date: The revocation date 2026-12-01 must be between the issue date 2026-05-04 and today (2026-11-28). Nothing was written.\n',
    ],
    [
      ['revoke', FIXTURE_AWARD_ID, '--reason', 'x', '--date', '31/06/2026'],
      1,
      '✖ --date: The revocation date "31/06/2026" is not a real day (06/2026 has 30 days). Nothing was written.\n',
    ],
  ])('refuses %j', async (argv, code, message) => {
    const root = projectFromFixture('valid');
    const before = readText(root, FIXTURE_AWARD);
    const run = await cli(root, argv);
    expect(run.code).toBe(code);
    expect(run.err.startsWith(message)).toBe(true);
    expect(run.err).not.toContain('lea@ecole.fr');
    expect(readText(root, FIXTURE_AWARD)).toBe(before);
  });

  it('refuses to revoke twice', async () => {
    const root = projectFromFixture('valid');
    await cli(root, ['revoke', FIXTURE_AWARD_ID, '--reason', 'Erreur', '--date', '2026-06-01']);
    const before = readFileSync(join(root, FIXTURE_AWARD), 'utf8');
    const run = await cli(root, ['revoke', FIXTURE_AWARD_ID, '--reason', 'Encore']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `✖ Award ${FIXTURE_AWARD_ID} (Alice Exemple, ${BADGE}) was already revoked on 2026-06-01: "Erreur". Nothing was written.\n`,
    );
    expect(readFileSync(join(root, FIXTURE_AWARD), 'utf8')).toBe(before);
  });
});
