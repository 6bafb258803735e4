import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../../src/shell/cli/main.ts';
import { loadContent } from '../../../src/shell/content.ts';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';

const frontMatter = (text: string) => parse(text.split('---\n')[1] ?? '') as Record<string, unknown>;

describe('badges new', () => {
  it('starts an issuer and a badge whose French title needs quoting, and both pass the check', async () => {
    const root = projectFromFixture('valid');
    const issuer = await cli(root, [
      'new',
      'issuer',
      'club-velo',
      '--name',
      'Club vélo : Loirette',
      '--url',
      'https://club-velo.example',
      '--email',
      'contact@club-velo.example',
    ]);
    expect(issuer.err).toBe('');
    expect(issuer.code).toBe(0);
    expect(issuer.out).toContain('✔ Wrote content/issuers/club-velo.yaml.');
    const badge = await cli(root, [
      'new',
      'badge',
      'securite-routiere-1',
      '--issuer',
      'club-velo',
      '--name',
      'Sécurité routière : niveau 1',
      '--icon',
      'bike',
      '--validity',
      'P2Y',
      '--tags',
      'vélo, sécurité',
    ]);
    expect(badge.err).toBe('');
    expect(badge.code).toBe(0);

    const text = readFileSync(join(root, 'content/badges/securite-routiere-1.md'), 'utf8');
    expect(text).toMatch(/^name: "Sécurité routière : niveau 1"$/m);
    expect(text).toMatch(/^# Nom du badge/m);
    expect(frontMatter(text)).toMatchObject({
      issuer: 'club-velo',
      validity: 'P2Y',
      tags: ['vélo', 'sécurité'],
      artwork: { shape: 'circle', palette: 'ocean', icon: 'bike' },
    });
    const content = loadContent(root, '2026-11-28');
    if (!content.ok) throw new Error(JSON.stringify(content.problems));
    expect(content.model.badges.get('securite-routiere-1')?.name).toBe('Sécurité routière : niveau 1');
    expect(content.model.issuers.get('club-velo')?.name).toBe('Club vélo : Loirette');
  });

  it('writes English comments and criteria for an English badge', async () => {
    const root = projectFromFixture('valid');
    const run = await cli(root, [
      'new',
      'badge',
      'first-aid',
      '--issuer',
      'ecole-test',
      '--name',
      'First aid',
      '--language',
      'en',
    ]);
    expect(run.code).toBe(0);
    const text = readFileSync(join(root, 'content/badges/first-aid.md'), 'utf8');
    expect(text).toContain('# Badge name, on the artwork and the pages');
    expect(text).toContain('To earn the "First aid" badge, the earner:');
    expect(frontMatter(text).language).toBe('en');
  });

  it('asks on a terminal for what the flags leave out', async () => {
    const root = projectFromFixture('valid');
    const answers: Record<string, string> = {
      'url: ': 'https://asso.example',
      'email: ': 'bureau@asso.example',
    };
    const asked: string[] = [];
    let out = '';
    const code = await runCli(['new', 'issuer', 'asso', '--name', 'Association des parents'], {
      cwd: root,
      env: { INSIGNE_TODAY: '2026-11-28' },
      out: { write: (t: string) => (out += t) },
      err: { write: () => undefined },
      ask: async (question) => {
        asked.push(question);
        return answers[question];
      },
    });
    expect(code).toBe(0);
    expect(asked).toEqual(['url: ', 'email: ']);
    expect(out).toContain('content/issuers/asso.yaml');
    expect(parse(readFileSync(join(root, 'content/issuers/asso.yaml'), 'utf8'))).toMatchObject({
      url: 'https://asso.example',
      keys: [],
    });
  });

  it('refuses, writing nothing, what the check would refuse', async () => {
    const root = projectFromFixture('valid');
    const missing = await cli(root, ['new', 'issuer', 'asso', '--name', 'Asso']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('✖ Missing --url, --email.');

    const wrong = await cli(root, [
      'new',
      'badge',
      'b',
      '--issuer',
      'inconnu',
      '--name',
      'B',
      '--shape',
      'circel',
      '--palette',
      'oceann',
      '--icon',
      'bicylce',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('No issuer "inconnu"');
    expect(wrong.err).toContain('Unknown shape "circel". Did you mean "circle"?');
    expect(wrong.err).toContain('Unknown palette "oceann". Did you mean "ocean"?');
    expect(wrong.err).toContain('icon');
    expect(existsSync(join(root, 'content/badges/b.md'))).toBe(false);

    const badEmail = await cli(root, [
      'new',
      'issuer',
      'asso',
      '--name',
      'Asso',
      '--url',
      'https://a.example',
      '--email',
      'pas-une-adresse',
    ]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.err).toContain('content/issuers/asso.yaml');
    expect(existsSync(join(root, 'content/issuers/asso.yaml'))).toBe(false);

    expect(
      (await cli(root, ['new', 'badge', 'robotique-niveau-1', '--issuer', 'ecole-test', '--name', 'X'])).err,
    ).toContain('already exists');
    expect(
      (await cli(root, ['new', 'badge', 'Pas_Un_Slug', '--issuer', 'ecole-test', '--name', 'X'])).code,
    ).toBe(2);
    expect((await cli(root, ['new', 'thing', 'x'])).code).toBe(2);
  });

  it('answers --help with examples', async () => {
    const run = await cli(projectFromFixture('valid'), ['new', '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Examples:');
    expect(run.out).toContain('new badge securite-routiere-1');
  });
});
