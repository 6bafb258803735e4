/**
 * `badges verify` against the signed example site built by the integration setup, read with --site-dir
 * (offline: the site's URLs come from the built folder), and the self-check over that same folder.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { bakePng, unbake } from '../../../src/core/bake/index.ts';
import type { FileBody } from '../../../src/core/emit/site-files.ts';
import { matchesIdentity } from '../../../src/core/identity/email.ts';
import { sitePaths, toSiteLocation, urlsFor } from '../../../src/core/urls.ts';
import { loadContent } from '../../../src/shell/content.ts';
import { formatSelfCheck, selfCheck } from '../../../src/shell/self-check.ts';
import { insertAfterIhdr, makeChunk, rawChunks, samplePng } from '../../core/bake/helpers.ts';
import { cli } from '../../helpers/cli.ts';

const dist = inject('exampleDist');
const root = inject('exampleRoot');
const SITE = 'https://lycee-trois-rivieres.github.io/badges/';
const content = loadContent(root, '2026-11-28');
if (!content.ok) throw new Error('the example content must be valid');
const { model } = content;
const award = (name: string) => {
  const found = [...model.awards.values()].find((a) => a.recipient.name === name);
  if (!found) throw new Error(`no award for ${name}`);
  return found;
};
const valid = award('Zoé Lefèvre');
const revoked = award('Chloé Girard');
const expired = award('Thomas Petit');
const EMAIL = 'zoe.lefevre@eleves.lycee-trois-rivieres.example';

const file = (path: string) => join(dist, path);
const verify = (...args: string[]) => cli(root, ['verify', ...args, '--site-dir', dist]);
const scratch = (name: string, body: string | Uint8Array) => {
  const path = join(mkdtempSync(join(tmpdir(), 'insigne-cli-verify-')), name);
  writeFileSync(path, body);
  return path;
};

describe('badges verify', () => {
  it('verifies a credential file before deployment and says so (exit 0)', async () => {
    const run = await verify(file(sitePaths.credential(valid.id)));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^✔ BADGE VERIFIED: /);
    expect(run.out).toContain('Open Badges 3.0 credential (JSON, Data Integrity proof): verified');
    expect(run.out).toContain(
      `key        did:web:lycee-trois-rivieres.github.io:badges:issuers:lycee-trois-rivieres#`,
    );
    expect(run.out).toContain('✔ status ');
  });

  it('prints the report as JSON with --json', async () => {
    const run = await verify(file(sitePaths.credentialJwt(valid.id)), '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out);
    expect(report).toMatchObject({ verdict: 'verified', input: { container: 'jws' } });
    expect(report.payloads[0]).toMatchObject({ kind: 'ob3-jwt', proof: { type: 'VC-JWT', alg: 'RS256' } });
  });

  it('verifies the OB 2.0 forms and a site URL read from the folder', async () => {
    expect((await verify(file(sitePaths.assertionJws(valid.id)))).code).toBe(0);
    expect((await verify(`${SITE}${sitePaths.assertion(valid.id)}`)).code).toBe(0);
    expect((await verify(`${SITE}${sitePaths.credential(valid.id)}`)).code).toBe(0);
    const page = await verify(`${SITE}${sitePaths.awardPage(revoked.id)}`, '--json');
    expect(JSON.parse(page.out)).toMatchObject({ verdict: 'revoked', payloads: [{ kind: 'ob3-json' }] });
  });

  it('verifies a baked image', async () => {
    const artwork = file(sitePaths.bakedImage(valid.id, 'png'));
    const png = existsSync(artwork)
      ? new Uint8Array(readFileSync(artwork))
      : bakePng(samplePng(), [
          {
            keyword: 'openbadgecredential',
            text: readFileSync(file(sitePaths.credential(valid.id)), 'utf8').trim(),
          },
          { keyword: 'openbadges', text: readFileSync(file(sitePaths.assertionJws(valid.id)), 'utf8') },
        ]);
    const run = await verify(scratch('badge.png', png), '--json');
    expect(JSON.parse(run.out)).toMatchObject({ verdict: 'verified', input: { container: 'png' } });
    expect(run.code).toBe(0);
  });

  it('exits 1 for a revoked, an expired and an altered badge, with the verdict first', async () => {
    const run = await verify(file(sitePaths.credential(revoked.id)));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^✖ BADGE REVOKED: /);
    expect(run.out).toContain('✖ status     Revoked');
    expect(JSON.parse((await verify(file(sitePaths.assertionJws(expired.id)), '--json')).out).verdict).toBe(
      'expired',
    );
    const altered = readFileSync(file(sitePaths.credential(valid.id)), 'utf8').replace(
      '"Zoé Lefèvre"',
      '"Zoé Martin"',
    );
    const tampered = await verify(scratch('credential.json', altered), '--json');
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.out).verdict).toBe('signature-invalid');
  });

  it('checks the earner with --email: 0 for the right address, 1 for another', async () => {
    expect(matchesIdentity(EMAIL, valid.recipient)).toBe(true);
    const right = await verify(file(sitePaths.credential(valid.id)), '--email', ` ${EMAIL.toUpperCase()} `);
    expect(right.code).toBe(0);
    expect(right.out).toContain('✔ This badge was issued to this email address.');
    const wrong = await verify(file(sitePaths.credential(valid.id)), `--email=someone@example.org`);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('✖ This badge was not issued to this email address. (someone@example.org)');
    expect(wrong.out).toMatch(/^✔ BADGE VERIFIED/);
  });

  it('refuses a baked PNG carrying a second openbadgecredential chunk: malformed, naming the keyword', async () => {
    const genuine = new Uint8Array(readFileSync(file(sitePaths.bakedImage(valid.id, 'png'))));
    expect((await verify(scratch('badge.png', genuine))).code).toBe(0);
    // Another award's genuine credential, baked into a copy of the image and added to the first.
    const other = unbake(
      new Uint8Array(readFileSync(file(sitePaths.bakedImage(expired.id, 'png')))),
    ).credential;
    const second = bakePng(samplePng(), [{ keyword: 'openbadgecredential', text: other ?? '' }]);
    const chunk = rawChunks(second).find((c) => c.type === 'iTXt');
    if (chunk === undefined) throw new Error('no iTXt chunk baked');
    const twice = insertAfterIhdr(genuine, makeChunk('iTXt', chunk.data));
    const run = await verify(scratch('badge.png', twice));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^✖ MALFORMED INPUT: /);
    expect(run.out).toContain('✖ format     The image carries a badge twice');
    expect(run.out).toMatch(
      /The PNG carries the "openbadgecredential" keyword 2 times \(iTXt at byte 33, iTXt at byte \d+\)/,
    );
    expect(run.out).not.toContain('Try again later');
    const json = JSON.parse((await verify(scratch('badge.png', twice), '--json')).out);
    expect(json).toMatchObject({ verdict: 'malformed', input: { container: 'png' }, payloads: [] });
  });

  it('refuses a baked SVG carrying a second <openbadges:assertion>: malformed', async () => {
    const svg = readFileSync(file(sitePaths.bakedImage(valid.id, 'svg')), 'utf8');
    const extra = `<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="${readFileSync(file(sitePaths.assertionJws(expired.id)), 'utf8').trim()}"/>`;
    const twice = svg.replace(/(<svg\b[^>]*>)/, `$1${extra}`);
    const run = await verify(scratch('badge.svg', twice));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^✖ MALFORMED INPUT: /);
    expect(run.out).toContain('The SVG carries <openbadges:assertion> (OB 2.0) more than once');
  });

  it('reports JSON nested 100 000 levels deep as malformed, not as a document to fetch later', async () => {
    const deep = `{"@context":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const run = await verify(scratch('credential.json', deep));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^✖ MALFORMED INPUT: /);
    expect(run.out).toContain('✖ format     Nested too deeply to be a badge');
    expect(run.out).not.toMatch(/could not be fetched|Try again later/);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [
      [],
      ['a.json', 'b.json'],
      ['--bogus', 'a.json'],
      ['a.json', '--email'],
      ['nulle-part.json'],
    ]) {
      const run = await cli(root, ['verify', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err).toContain('Usage: npm run badges -- verify');
    }
  });

  it('is listed in the help', async () => {
    expect((await cli(root, ['help'])).out).toContain(
      'verify <file|url> [--email <address>] [--json] [--site-dir <dir>]',
    );
  });
});

describe('self-check of the built example site', () => {
  it('finds every artefact verifying as its award state says', async () => {
    const files = new Map<string, FileBody>();
    for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith('.html')) continue;
      const path = relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/');
      files.set(path, new Uint8Array(readFileSync(join(entry.parentPath, entry.name))));
    }
    const urls = urlsFor(toSiteLocation('https://lycee-trois-rivieres.github.io', '/badges'));
    const result = await selfCheck(files, { model, urls, today: '2026-11-28' });
    expect(formatSelfCheck(result)).toContain('every verdict matches');
    expect(result.awards).toBe(model.awards.size);
    expect(result.verdicts.revoked).toBeGreaterThan(0);
    expect(result.verdicts.expired).toBeGreaterThan(0);
  });
});
