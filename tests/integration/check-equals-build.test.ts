/**
 * `badges check` passes exactly when the build would: each key mistake an administrator made on the way
 * (a second issuer without keys, a deleted issuer whose keys remain, a damaged secret) is listed by
 * `check`, all at once, with file and hint, and a real build refuses it with the same report and no stack
 * trace. Then the commands that fix them (`keygen`, `keys forget`, `keys secret`) make both pass.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS_DIR, KEYS_ENV, SECRET_FILE } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { CONTENT_FIXTURES } from '../helpers/fixtures.ts';
import { astroBuild, PROJECT_ROOT, scratchProject } from '../helpers/project.ts';

const DAY = { INSIGNE_TODAY: '2026-11-28' };
const build = (root: string, env: NodeJS.ProcessEnv = {}) =>
  astroBuild(root, join(mkdtempSync(join(tmpdir(), 'insigne-dist-')), 'dist'), {
    ...DAY,
    [KEYS_ENV]: '',
    ...env,
  });

/** A project with keys for its issuer and a second issuer, as `badges new` writes it. */
async function twoIssuers(): Promise<string> {
  const root = scratchProject(join(CONTENT_FIXTURES, 'valid', 'content'));
  expect((await cli(root, ['keygen', 'ecole-test'])).code).toBe(0);
  const second = await cli(root, [
    'new',
    'issuer',
    'club-velo',
    '--name',
    'Club vélo',
    '--url',
    'https://club-velo.example',
    '--email',
    'contact@club-velo.example',
  ]);
  expect(second.code).toBe(0);
  return root;
}

/** What a build and `check` both say: every line of the check's report appears in the build's output. */
async function expectSameRefusal(root: string, lines: string[], env: NodeJS.ProcessEnv = {}) {
  const check = await cli(root, ['check'], env);
  expect(check.code).toBe(1);
  for (const line of lines) expect(check.err).toContain(line);
  const run = build(root, env);
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status).not.toBe(0);
  for (const line of lines) expect(output).toContain(line);
  expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  return check.err;
}

describe('check equals build, for keys', () => {
  it('refuses a second issuer without keys in a signed build, then both pass once it has keys', async () => {
    const root = await twoIssuers();
    await expectSameRefusal(root, [
      'content/issuers/club-velo.yaml',
      'Issuer "club-velo" has no active Ed25519 key, so nothing it issues can be signed.',
      'Issuer "club-velo" has no active RS256 key, so nothing it issues can be signed.',
      'Hint: Run `npm run badges -- keygen club-velo`',
    ]);
    expect((await cli(root, ['keygen', 'club-velo'])).code).toBe(0);
    expect((await cli(root, ['check'])).code).toBe(0);
  }, 240_000);

  it('lists a deleted issuer’s private keys and lock entry, and `keys forget` clears them', async () => {
    const root = await twoIssuers();
    expect((await cli(root, ['keygen', 'club-velo'])).code).toBe(0);
    rmSync(join(root, 'content', 'issuers', 'club-velo.yaml'));
    const report = await expectSameRefusal(root, [
      'This private key "ed25519-2026-11-28" belongs to issuer "club-velo", which has no file content/issuers/club-velo.yaml.',
      'This private key "rs256-2026-11-28" belongs to issuer "club-velo"',
      'insigne.lock.json',
      'The lock file records keys of issuer "club-velo"',
      '`npm run badges -- keys forget club-velo`',
    ]);
    expect(report).toMatch(/^✖ 3 content problems/);

    const forget = await cli(root, ['keys', 'forget', 'club-velo']);
    expect(forget.code).toBe(0);
    expect(forget.out).toContain(
      'Issuer "club-velo" forgotten: removed from insigne.lock.json, 2 private key(s) deleted',
    );
    expect(readFileSync(join(root, 'insigne.lock.json'), 'utf8')).not.toContain('club-velo');
    expect((await cli(root, ['check'])).code).toBe(0);
    const secret = readFileSync(join(root, KEYS_DIR, SECRET_FILE), 'utf8').trim();
    expect(Buffer.from(secret, 'base64url').toString()).not.toContain('club-velo');
    const signed = build(root, { [KEYS_ENV]: secret });
    expect(signed.status, signed.stderr).toBe(0);
  }, 240_000);

  it('refuses a damaged secret with the same words, and `keys secret` writes a good one again', async () => {
    const root = await twoIssuers();
    expect((await cli(root, ['keygen', 'club-velo'])).code).toBe(0);
    const damaged = { [KEYS_ENV]: 'not-a-secret' };
    await expectSameRefusal(root, [`${KEYS_ENV} is set but is not a key secret written by`], damaged);
    rmSync(join(root, KEYS_DIR, SECRET_FILE));
    const rewrite = await cli(root, ['keys', 'secret']);
    expect(rewrite.code).toBe(0);
    expect(rewrite.out).toContain('rewritten with 4 private key(s) of 2 issuer(s)');
    const secret = readFileSync(join(root, KEYS_DIR, SECRET_FILE), 'utf8').trim();
    expect((await cli(root, ['check'], { [KEYS_ENV]: secret })).code).toBe(0);
  }, 240_000);

  it('refuses to forget an issuer whose file still exists', async () => {
    const root = await twoIssuers();
    const run = await cli(root, ['keys', 'forget', 'club-velo']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('content/issuers/club-velo.yaml still exists');
  });
});

/**
 * Every place the build can stop, and the test above or below that proves `badges check` says the same
 * first. A new refusal in the build's hooks fails the inventory test until it is listed here.
 */
const REFUSALS: readonly { readonly pattern: RegExp; readonly provedBy: string }[] = [
  { pattern: /build\.contentProblems', \{ count: 1 \}/, provedBy: 'refuses a config without `site`' },
  {
    pattern: /build\.contentProblems', \{ count: result/,
    provedBy: 'tests/integration/broken-content.test.ts',
  },
  // Key problems and a locked build arrive as InsigneErrors from the signing process and the lock.
  { pattern: /error instanceof InsigneError \? plainError/, provedBy: 'check equals build, for keys' },
  // The self-check verifies what the signer just wrote: content that passed the check cannot fail it.
  {
    pattern: /build\.selfCheckFailed/,
    provedBy: 'tests/integration/example-site.test.ts (a passing self-check)',
  },
  { pattern: /ERR_KEY_LEAK/, provedBy: 'refuses a private key in public/' },
  { pattern: /^throw error;$/, provedBy: 'rethrow after cleaning up the staging folder' },
];

describe('check equals build, for everything else the build refuses', () => {
  it('knows every refusal in the build’s hooks', () => {
    const source = readFileSync(join(PROJECT_ROOT, 'src', 'shell', 'integration.ts'), 'utf8');
    const code = source
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\*\*|\/\/)/.test(line))
      .join('\n');
    const throws = [...code.matchAll(/\bthrow\b[^;]*;/g)].map((m) => m[0].replace(/\s+/g, ' '));
    expect(throws.length).toBeGreaterThan(4);
    for (const statement of throws) {
      expect(
        REFUSALS.some((r) => r.pattern.test(statement)),
        `a refusal not listed in REFUSALS: ${statement}`,
      ).toBe(true);
    }
  });

  it('refuses a private key in public/, which Astro would copy into the site, in check and build alike', async () => {
    const root = scratchProject(join(CONTENT_FIXTURES, 'valid', 'content'));
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(join(root, 'public', 'notes'), { recursive: true });
    writeFileSync(
      join(root, 'public', 'notes', 'signing.pem'),
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    await expectSameRefusal(root, [
      'public/notes/signing.pem',
      '   1  This file holds private key material (',
    ]);
  }, 240_000);

  it('refuses a link in public/ to a file outside the project, in check and build alike', async () => {
    const root = scratchProject(join(CONTENT_FIXTURES, 'valid', 'content'));
    const outside = join(mkdtempSync(join(tmpdir(), 'insigne-outside-')), 'secret.txt');
    writeFileSync(outside, 'not for publishing\n');
    symlinkSync(outside, join(root, 'public', 'secret.txt'));
    await expectSameRefusal(root, [
      'public/secret.txt',
      'This is a symbolic link to a place outside the project',
    ]);
  }, 240_000);

  it('refuses a config without `site`, in check and build alike, without a stack trace', async () => {
    const root = scratchProject(join(CONTENT_FIXTURES, 'valid', 'content'));
    const config = join(root, 'astro.config.mjs');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^\s*site:.*\n/m, ''));
    await expectSameRefusal(root, [
      'astro.config.mjs',
      "site: The site's address is not set: every badge id and page address is built from it.",
      'Hint: Set `site`',
    ]);
  }, 240_000);
});
