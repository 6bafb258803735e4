/**
 * `badges check` passes exactly when the build would: each key mistake an administrator made on the way
 * (a second issuer without keys, a deleted issuer whose keys remain, a damaged secret) is listed by
 * `check`, all at once, with file and hint, and a real build refuses it with the same report and no stack
 * trace. Then the commands that fix them (`keygen`, `keys forget`, `keys secret`) make both pass.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS_DIR, KEYS_ENV, SECRET_FILE } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { CONTENT_FIXTURES } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

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
