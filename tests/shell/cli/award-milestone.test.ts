/**
 * `badges award` for a milestone: the parts' awards are made by the command itself (real hashes, real
 * salts), one revoked with `badges revoke`, one expired; then the milestone's roster awards exactly those
 * who hold every part, skips the one who already holds it, and says what each of the others misses.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';
import { BADGE, idOf, newAwards, readText } from './award-helpers.ts';

const MILESTONE = 'parcours-numerique';
const PYTHON = 'python-niveau-1';
const E = (local: string) => `${local}@eleves.ecole-test.example`;

const PYTHON_BADGE = `---
name: Python — niveau 1
issuer: ecole-test
description: Écrit un petit programme en Python.
validity: P1Y
---
Le programme trie une liste de noms.
`;

const MILESTONE_BADGE = (requires: string) => `---
name: Parcours numérique
issuer: ecole-test
description: A suivi le parcours numérique du lycée.
${requires}
---
Obtenir les badges du parcours.
`;

/** A roster outside the project, as administrators keep them. */
function roster(rows: readonly [string, string][]): string {
  const folder = mkdtempSync(join(tmpdir(), 'insigne-roster-'));
  const path = join(folder, 'classe.csv');
  writeFileSync(path, `Nom;Courriel\n${rows.map(([name, email]) => `${name};${email}`).join('\n')}\n`);
  return path;
}

const PEOPLE = {
  alice: ['Alice Durand', E('alice.durand')],
  bruno: ['Bruno Petit', E('bruno.petit')],
  chloe: ['Chloé Roux', E('chloe.roux')],
  david: ['David Lambert', E('david.lambert')],
  emma: ['Emma Girard', E('emma.girard')],
} as const satisfies Record<string, [string, string]>;

async function ok(run: Promise<{ code: number; out: string; err: string }>) {
  const done = await run;
  if (done.code !== 0) throw new Error(`command failed: ${done.err}`);
  return done;
}

/** Awards made with the command line, of a badge, by earner name. */
function awardsOf(root: string, badge: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of newAwards(root)) {
    const data = parse(readText(root, file));
    if (data.badge === badge) found.set(data.recipient.name, idOf(file));
  }
  return found;
}

/**
 * Everyone holds the robotics badge; Alice, Chloé and David the Python one (David's then revoked), Emma an
 * expired Python one; Chloé already holds the milestone. Bruno has no Python badge at all.
 */
async function school(requires = 'requires:\n  badges: [robotique-niveau-1, python-niveau-1]') {
  const root = projectFromFixture('valid');
  mkdirSync(join(root, 'content', 'badges'), { recursive: true });
  writeFileSync(join(root, 'content', 'badges', `${PYTHON}.md`), PYTHON_BADGE);
  writeFileSync(join(root, 'content', 'badges', `${MILESTONE}.md`), MILESTONE_BADGE(requires));
  const { alice, bruno, chloe, david, emma } = PEOPLE;
  await ok(cli(root, ['award', '--badge', BADGE, '--csv', roster([alice, bruno, chloe, david, emma])]));
  await ok(cli(root, ['award', '--badge', PYTHON, '--csv', roster([alice, chloe, david])]));
  await ok(
    cli(root, [
      'award',
      '--badge',
      PYTHON,
      '--name',
      emma[0],
      '--email',
      emma[1],
      '--issued-on',
      '2025-06-01',
    ]),
  );
  const davidPython = awardsOf(root, PYTHON).get(david[0]) ?? '';
  await ok(cli(root, ['revoke', davidPython, '--reason', 'Travail rendu par un autre élève']));
  await ok(cli(root, ['award', '--badge', MILESTONE, '--name', chloe[0], '--email', chloe[1]]));
  return root;
}

describe('badges award --csv for a milestone', () => {
  it('awards those who hold every part, skips a holder, and says what the others miss', async () => {
    const root = await school();
    const chloeMilestone = awardsOf(root, MILESTONE).get(PEOPLE.chloe[0]);
    const { alice, bruno, chloe, david, emma } = PEOPLE;
    const run = await cli(root, [
      'award',
      '--badge',
      MILESTONE,
      '--csv',
      roster([alice, bruno, chloe, david, emma]),
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const created = awardsOf(root, MILESTONE);
    expect([...created.keys()].sort()).toEqual(['Alice Durand', 'Chloé Roux']);
    const aliceId = created.get('Alice Durand') ?? '';
    const lines = run.out.split('\n');
    expect(lines.slice(2, 6)).toEqual([
      `  = line 4  Chloé Roux: already awarded (award ${chloeMilestone}, Chloé Roux)`,
      '  − line 3  Bruno Petit: not awarded, holds 1 of the 2 required badges; missing "Python — niveau 1"',
      '  − line 5  David Lambert: not awarded, holds 1 of the 2 required badges; missing "Python — niveau 1" (revoked)',
      '  − line 6  Emma Girard: not awarded, holds 1 of the 2 required badges; missing "Python — niveau 1" (expired on 2026-06-01)',
    ]);
    expect(lines[6]).toBe(`  ✔ line 2  Alice Durand: created content/awards/2026/${aliceId}.yaml`);
    expect(run.out).toContain(
      '"Parcours numérique": created 1, skipped 1 as already awarded, 3 without the required badges, rejected 0.\n',
    );
    // No address is ever printed, nor the local part of one.
    for (const [, email] of Object.values(PEOPLE)) expect(run.out).not.toContain(email.split('@')[0]);

    // Run again: Alice is now a holder too, and nothing new is written.
    const again = await cli(root, ['award', '--badge', MILESTONE, '--csv', roster([alice, bruno])]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`  = line 2  Alice Durand: already awarded (award ${aliceId}, Alice Durand)`);
    expect(awardsOf(root, MILESTONE).size).toBe(2);
  });

  it('with atLeast, awards whoever holds enough of the parts', async () => {
    const root = await school('requires:\n  badges: [robotique-niveau-1, python-niveau-1]\n  atLeast: 1');
    const { bruno, david, emma } = PEOPLE;
    const run = await cli(root, ['award', '--badge', MILESTONE, '--csv', roster([bruno, david, emma])]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('created 3, skipped 0 as already awarded, 0 without the required badges');
    expect([...awardsOf(root, MILESTONE).keys()].sort()).toEqual([
      'Bruno Petit',
      'Chloé Roux',
      'David Lambert',
      'Emma Girard',
    ]);
  });

  it('refuses the whole roster for one malformed row, naming its line, and writes nothing', async () => {
    const root = await school();
    const before = newAwards(root);
    const run = await cli(root, [
      'award',
      '--badge',
      MILESTONE,
      '--csv',
      roster([PEOPLE.alice, ['Bruno Petit', 'bruno.petit@'], PEOPLE.chloe]),
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('1 of 3 rows of classe.csv is wrong. Nothing was written.');
    expect(run.err).toMatch(/ {2}line 3 {2}\(Bruno Petit\) email: /);
    expect(newAwards(root)).toEqual(before);
  });

  it('refuses one person who misses a part, saying which', async () => {
    const root = await school();
    const before = newAwards(root);
    const [name, email] = PEOPLE.david;
    const run = await cli(root, ['award', '--badge', MILESTONE, '--name', name, '--email', email]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      '✖ Cannot award "Parcours numérique": this person holds 1 of the 2 required badges; missing "Python — niveau 1" (revoked). Nothing was written.\n',
    );
    expect(newAwards(root)).toEqual(before);
    expect(readFileSync(join(root, 'content', 'badges', `${MILESTONE}.md`), 'utf8')).toContain('requires:');
    const french = await cli(root, [
      'award',
      '--badge',
      MILESTONE,
      '--name',
      name,
      '--email',
      email,
      '--lang',
      'fr',
    ]);
    expect(french.err).toBe(
      '✖ Impossible d’attribuer «\u00a0Parcours numérique\u00a0»\u00a0: cette personne détient 1 des 2 badges requis\u202f; il lui manque «\u00a0Python — niveau 1\u00a0» (attribution révoquée). Rien n’a été écrit.\n',
    );
  });
});
