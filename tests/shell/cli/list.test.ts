import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';
import { BADGE, FIXTURE_AWARD_ID, filesUnder, idOf, newAwards, readText } from './award-helpers.ts';

const PAGE = 'https://lycee-trois-rivieres.github.io/badges/awards/';

/** The fixture award, an expired one and a revoked one. */
async function project(): Promise<{ root: string; expired: string; revoked: string }> {
  const root = projectFromFixture('valid');
  const award = (name: string, email: string, ...extra: string[]) =>
    cli(root, ['award', '--badge', BADGE, '--name', name, '--email', email, ...extra]);
  await award('Hugo Bernard', 'hugo@ecole-test.example', '--issued-on', '2025-01-10');
  const expired = idOf(newAwards(root)[0] ?? '');
  await award('Zoé Lefèvre', 'zoe@ecole-test.example', '--issued-on', '2026-09-01');
  const revoked = idOf(newAwards(root).find((f) => readText(root, f).includes('Zoé')) ?? '');
  await cli(root, ['revoke', revoked, '--reason', 'Erreur', '--date', '2026-10-01']);
  return { root, expired, revoked };
}

describe('badges list', () => {
  it('shows every award with its status, never an identity or a salt', async () => {
    const { root, expired, revoked } = await project();
    const run = await cli(root, ['list']);
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        'ISSUED      STATUS              BADGE               ID                                    NAME           PAGE',
        `2025-01-10  expired 2026-01-10  robotique-niveau-1  ${expired}  Hugo Bernard   ${PAGE}${expired}/`,
        `2026-05-04  valid               robotique-niveau-1  ${FIXTURE_AWARD_ID}  Alice Exemple  ${PAGE}${FIXTURE_AWARD_ID}/`,
        `2026-09-01  revoked 2026-10-01  robotique-niveau-1  ${revoked}  Zoé Lefèvre    ${PAGE}${revoked}/`,
        '3 awards: 1 valid, 1 expired, 1 revoked.',
        '2 announcements to earners waiting in the outbox: `npm run badges -- notify` sends or exports them.',
        '',
      ].join('\n'),
    );
    for (const file of filesUnder(root, 'content/awards')) {
      const salt = readText(root, file).match(/salt: (\S+)/)?.[1] ?? '';
      expect(run.out).not.toContain(salt);
    }
    expect(run.out).not.toContain('sha256$');
    expect(run.out).not.toContain('@');
  });

  it('prints JSON and filters by badge', async () => {
    const { root, revoked } = await project();
    const run = await cli(root, ['list', '--badge', BADGE, '--json']);
    expect(run.code).toBe(0);
    const awards = JSON.parse(run.out);
    expect(awards).toHaveLength(3);
    expect(awards[2]).toEqual({
      id: revoked,
      badge: BADGE,
      name: 'Zoé Lefèvre',
      issuedOn: '2026-09-01',
      expires: '2027-09-01',
      status: 'revoked',
      revoked: { date: '2026-10-01', reason: 'Erreur' },
      listed: false,
      file: `content/awards/2026/${revoked}.yaml`,
      url: `${PAGE}${revoked}/`,
    });
    expect(run.out).not.toContain('sha256$');
  });

  it('refuses an unknown badge with a suggestion, and extra arguments', async () => {
    const root = projectFromFixture('valid');
    const run = await cli(root, ['list', '--badge', 'robotique']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      '✖ No badge "robotique" exists. Badges are the files in content/badges/ (robotique-niveau-1).\n',
    );
    expect((await cli(root, ['list', 'tout'])).code).toBe(2);
    expect((await cli(root, ['list', '--all'])).code).toBe(2);
  });
});
