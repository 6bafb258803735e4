/**
 * The signing, self-check and page caches, built for real in one scratch project (three awards, two
 * badges): a warm build gives the cold build's bytes and makes nothing; each kind of change makes exactly
 * what it changes, and a page taken from the cache is byte for byte the page a build without it renders;
 * damaged and forged entries are ignored and remade with identical output; verdicts are not reused on
 * another day or after a key change, pages are (except the page of an award that expired in between); the
 * cache never holds key material.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/shell/build/cache-store.ts';
import { keyNeedles, scanFolder } from '../../src/shell/build/leak-gate.ts';
import { KEYS_DIR, KEYS_ENV, readStoredKeys, SECRET_FILE } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

const A1 = '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e';
const A2 = '1c6f5e9d-4a2b-4d3c-8e8f-7b2a3c4d5e6f';
const A3 = '2d7a6f0e-5b3c-4e4d-9f9a-8c3b4d5e6f70';
const DAY = '2026-11-28';

let root = '';
let cold = new Map<string, string>();

interface Counts {
  readonly signatures: { reused: number; made: number; refused: number; damaged: number };
  readonly verdicts: { reused: number; made: number; refused: number; damaged: number };
  readonly pages: { reused: number; made: number; refused: number; damaged: number };
  readonly files: { reused: number; made: number; refused: number; damaged: number };
}

/** Every file of a built site, by path, as hex (compared byte for byte). */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path).toString('hex'));
  }
  return files;
}

/** Builds into `dist`, returning the cache counts from the stage report. */
function build(env: NodeJS.ProcessEnv = {}): Counts {
  const report = join(root, 'timings.json');
  rmSync(report, { force: true });
  const secret = readFileSync(join(root, KEYS_DIR, SECRET_FILE), 'utf8').trim();
  const run = astroBuild(root, join(root, 'dist'), {
    INSIGNE_TODAY: DAY,
    [KEYS_ENV]: secret,
    INSIGNE_TIMINGS: report,
    ...env,
  });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  const timings = JSON.parse(readFileSync(report, 'utf8')) as Record<string, number>;
  const counts = (prefix: string) => ({
    reused: timings[`${prefix}.reused`] ?? Number.NaN,
    made: timings[`${prefix}.made`] ?? Number.NaN,
    refused: timings[`${prefix}.refused`] ?? Number.NaN,
    damaged: timings[`${prefix}.damaged`] ?? Number.NaN,
  });
  return {
    signatures: counts('cache.signatures'),
    verdicts: counts('cache.verdicts'),
    pages: counts('cache.pages'),
    files: counts('cache.files'),
  };
}

const pageFiles = () => join(cacheRoot(root), 'pages');
const keptFiles = () => join(cacheRoot(root), 'files');

/**
 * The site as a build without the page cache and the kept data files makes it, from the same content on
 * the same day: what the build that reused them must have published, byte for byte.
 */
function builtWithoutPageCache(env: NodeJS.ProcessEnv = {}): Map<string, string> {
  rmSync(pageFiles(), { recursive: true, force: true });
  rmSync(keptFiles(), { recursive: true, force: true });
  const run = build(env);
  expect(run.pages.reused).toBe(0);
  expect(run.files.reused).toBe(0);
  return tree(join(root, 'dist'));
}

const statusOf = (page: string) =>
  /data-status="([a-z]+)"/.exec(readFileSync(join(root, 'dist', page), 'utf8'))?.[1];

const signatureFiles = () => join(cacheRoot(root), 'signatures');
const bucketPaths = () =>
  readdirSync(signatureFiles())
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(signatureFiles(), name));

function award(id: string, badge: string, statusIndex: number): void {
  const text = readFileSync(join(root, 'content/awards/2026', `${A1}.yaml`), 'utf8')
    .replace('robotique-niveau-1', badge)
    .replace('statusIndex: 17', `statusIndex: ${statusIndex}`)
    .replace('sel-de-test-1', `sel-de-test-${statusIndex}`);
  writeFileSync(join(root, 'content/awards/2026', `${id}.yaml`), text);
}

beforeAll(async () => {
  root = scratchProject(join(projectFromFixture('valid'), 'content'));
  const badges = join(root, 'content/badges');
  writeFileSync(
    join(badges, 'robotique-niveau-2.md'),
    readFileSync(join(badges, 'robotique-niveau-1.md'), 'utf8').replace('niveau 1', 'niveau 2'),
  );
  award(A2, 'robotique-niveau-1', 18);
  award(A3, 'robotique-niveau-2', 19);
  expect((await cli(root, ['keygen', 'ecole-test'])).code).toBe(0);
  rmSync(cacheRoot(root), { recursive: true, force: true });
}, 120_000);

// Three awards sign three times each (Data Integrity, VC-JWT, OB 2.0 JWS); the issuer signs its status list.
const EVERYTHING = 3 * 3 + 1;
// Three awards, two pages each.
const PAGES = 3 * 2;

describe('the build caches', () => {
  it('a cold build makes every signature and verdict; a warm one reuses them all, byte for byte', () => {
    const first = build();
    expect(first.signatures).toEqual({ reused: 0, made: EVERYTHING, refused: 0, damaged: 0 });
    expect(first.verdicts).toMatchObject({ reused: 0, made: 3 });
    // Each award has its page in its badge's language and one in the other.
    expect(first.pages).toEqual({ reused: 0, made: PAGES, refused: 0, damaged: 0 });
    // Every data file written, and kept.
    expect(first.files.reused).toBe(0);
    expect(first.files.made).toBeGreaterThan(3 * 7);
    cold = tree(join(root, 'dist'));

    // The cache restored into a fresh checkout: the output folder gone, only `.cache/` kept.
    rmSync(join(root, 'dist'), { recursive: true });
    const warm = build();
    expect(warm.signatures).toEqual({ reused: EVERYTHING, made: 0, refused: 0, damaged: 0 });
    expect(warm.verdicts).toMatchObject({ reused: 3, made: 0 });
    expect(warm.pages).toEqual({ reused: PAGES, made: 0, refused: 0, damaged: 0 });
    // Every data file has the bytes of its kept copy: all linked, none written.
    expect(warm.files).toEqual({ reused: first.files.made, made: 0, refused: 0, damaged: 0 });
    expect(tree(join(root, 'dist'))).toEqual(cold);
  }, 240_000);

  it('writes again a data file whose kept copy was damaged, and keeps the new one', () => {
    const kept = join(keptFiles(), 'awards', A1, 'credential.json');
    const published = join(root, 'dist/awards', A1, 'credential.json');
    const text = readFileSync(kept, 'utf8');
    // Damaged in place: the published file shares its bytes, so the site is damaged too.
    writeFileSync(kept, text.replace('Alice Exemple', 'Mallory'));
    expect(readFileSync(published, 'utf8')).toContain('Mallory');
    const run = build();
    expect(run.files.made).toBe(1);
    expect(tree(join(root, 'dist'))).toEqual(cold);
    // The copy is whole again, and a later build links it.
    expect(readFileSync(kept, 'utf8')).toBe(text);
    expect(build().files.made).toBe(0);
  }, 240_000);

  it('renders again a cached page whose file was damaged, and ignores a damaged index', () => {
    // A page cut short (as a full disk would leave it) and another one edited.
    const page = join(pageFiles(), 'files/awards', A1, 'index.html');
    const text = readFileSync(page, 'utf8');
    rmSync(page);
    writeFileSync(page, text.slice(0, text.length / 2));
    const other = join(pageFiles(), 'files/awards', A2, 'index.html');
    const html = readFileSync(other, 'utf8');
    rmSync(other);
    writeFileSync(other, html.replace('Alice Exemple', 'Mallory'));
    const damaged = build();
    expect(damaged.pages).toEqual({ reused: PAGES - 2, made: 2, refused: 2, damaged: 0 });
    expect(tree(join(root, 'dist'))).toEqual(cold);

    // Every line of the index cut off its check: nothing is trusted, everything is rendered again.
    const index = join(pageFiles(), 'index');
    for (const name of readdirSync(index)) {
      const bucket = join(index, name);
      writeFileSync(bucket, readFileSync(bucket, 'utf8').replace(/ [0-9a-f]{16}\n/g, '\n'));
    }
    const untrusted = build();
    expect(untrusted.pages).toMatchObject({ reused: 0, made: PAGES, damaged: PAGES });
    expect(tree(join(root, 'dist'))).toEqual(cold);
    expect(build().pages).toEqual({ reused: PAGES, made: 0, refused: 0, damaged: 0 });
  }, 360_000);

  it('ignores a truncated bucket, a damaged line and a forged signature, and remakes them identically', () => {
    // A forged entry with a valid line check: an RS256 signature of another input, under this key.
    const jws = readFileSync(join(root, 'dist/awards', A1, 'assertion.jws'), 'utf8').trim();
    const other = readFileSync(join(root, 'dist/awards', A2, 'assertion.jws'), 'utf8').trim();
    const forged = swapSignature(jws, other.slice(other.lastIndexOf('.') + 1));
    expect(forged).toBeDefined();
    // Two other buckets (keys are random, so the forged entry's bucket is left out by name).
    const [first, second] = bucketPaths().filter((path) => path !== forged);
    if (first === undefined || second === undefined) throw new Error('expected at least two buckets');
    // Cut one file in the middle of its last line; change one character of a value in another.
    const text = readFileSync(first, 'utf8');
    writeFileSync(first, text.slice(0, text.length - 20));
    const lines = readFileSync(second, 'utf8').split('\n');
    const [key, value, day, check] = (lines[0] ?? '').split(' ');
    lines[0] = [key, `${value?.slice(0, -2)}xx`, day, check].join(' ');
    writeFileSync(second, lines.join('\n'));

    const run = build();
    expect(run.signatures.damaged).toBeGreaterThanOrEqual(2);
    expect(run.signatures.refused).toBe(1);
    expect(run.signatures.reused + run.signatures.made).toBe(EVERYTHING);
    expect(run.signatures.made).toBeGreaterThanOrEqual(3);
    expect(tree(join(root, 'dist'))).toEqual(cold);
    // Everything is whole again.
    expect(build().signatures).toEqual({ reused: EVERYTHING, made: 0, refused: 0, damaged: 0 });
  }, 360_000);

  it('re-signs exactly one award after its content changed, and the awards of an edited badge', () => {
    const file = join(root, 'content/awards/2026', `${A2}.yaml`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}narrative: Un robot très rapide.\n`);
    const edited = build();
    expect(edited.signatures).toMatchObject({ made: 3, reused: EVERYTHING - 3 });
    expect(edited.verdicts).toMatchObject({ made: 1, reused: 2 });
    // Only the edited award's two pages are rendered again, and the others are what a build renders.
    expect(edited.pages).toMatchObject({ made: 2, reused: PAGES - 2 });
    expect(readFileSync(join(root, 'dist/awards', A2, 'index.html'), 'utf8')).toContain(
      'Un robot très rapide.',
    );
    // The award's own files are written again (its credential and baked images); the others linked.
    expect(edited.files.made).toBeGreaterThanOrEqual(3);
    expect(edited.files.made).toBeLessThanOrEqual(7);
    const afterEdit = tree(join(root, 'dist'));
    expect(builtWithoutPageCache()).toEqual(afterEdit);

    const badge = join(root, 'content/badges/robotique-niveau-2.md');
    writeFileSync(
      badge,
      readFileSync(badge, 'utf8').replace('Construit et programme', 'Construit, programme'),
    );
    const badgeEdited = build();
    // Its award's OB 3.0 credential embeds the achievement: its proof and VC-JWT are made again; the
    // OB 2.0 signed assertion names the badge class by URL only, and is reused.
    expect(badgeEdited.signatures).toMatchObject({ made: 2, reused: EVERYTHING - 2 });
    // Every data file outside `awards/` is a document the verdicts depend on.
    expect(badgeEdited.verdicts).toMatchObject({ made: 3, reused: 0 });
    // Every page shows content from outside `awards/` (its badge, issuer, endorsements): all rendered again.
    expect(badgeEdited.pages).toMatchObject({ made: PAGES, reused: 0 });
    expect(readFileSync(join(root, 'dist/awards', A3, 'index.html'), 'utf8')).toContain(
      'Construit, programme',
    );
  }, 360_000);

  it('re-signs only the status list after a revocation: the award changes in unsigned files', async () => {
    const before = tree(join(root, 'dist'));
    expect((await cli(root, ['revoke', A3, '--reason', 'Attribué par erreur.'])).code).toBe(0);
    const revoked = build();
    const after = tree(join(root, 'dist'));
    // The status list is signed again; the award's signed documents do not change (its status lives in
    // the list, and its hosted assertion, unsigned, becomes a revoked body).
    expect(revoked.signatures).toMatchObject({ made: 1, reused: EVERYTHING - 1 });
    const changed = [...after.keys()].filter(
      (path) => path.startsWith('awards/') === false && before.get(path) !== after.get(path),
    );
    expect(changed).toContain('issuers/ecole-test/status-list.json');
    expect(before.get(`awards/${A3}/assertion.json`)).not.toBe(after.get(`awards/${A3}/assertion.json`));
    // A changed status list is a changed document every verdict was checked against.
    expect(revoked.verdicts).toMatchObject({ reused: 0, made: 3 });
    // The revoked award's pages say so; the other awards' pages are reused.
    expect(revoked.pages).toMatchObject({ made: 2, reused: PAGES - 2 });
    expect(statusOf(`awards/${A3}/index.html`)).toBe('revoked');
    expect(builtWithoutPageCache()).toEqual(after);
  }, 240_000);

  it('does not reuse a verdict on another day, but reuses each page whose award kept its state', () => {
    // A2 expires on the next day: valid today, expired tomorrow.
    const file = join(root, 'content/awards/2026', `${A2}.yaml`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}expires: 2026-11-29\n`);
    expect(build().pages).toMatchObject({ made: 2, reused: PAGES - 2 });
    expect(statusOf(`awards/${A2}/index.html`)).toBe('valid');

    const nextDay = { INSIGNE_TODAY: '2026-11-29' };
    const run = build(nextDay);
    expect(run.verdicts).toMatchObject({ reused: 0, made: 3 });
    expect(run.pages).toMatchObject({ made: 2, reused: PAGES - 2 });
    expect(statusOf(`awards/${A2}/index.html`)).toBe('expired');
    const published = tree(join(root, 'dist'));
    expect(builtWithoutPageCache(nextDay)).toEqual(published);
  }, 360_000);

  it('re-signs everything of the issuer after a key rotation, and checks every verdict again', async () => {
    expect((await cli(root, ['keygen', 'ecole-test', '--retire-old'])).code).toBe(0);
    const rotated = build();
    expect(rotated.signatures).toMatchObject({ reused: 0, made: EVERYTHING });
    expect(rotated.verdicts).toMatchObject({ reused: 0, made: 3 });
  }, 240_000);

  it('holds no private key material, as the leak gate searches for it', () => {
    const needles = keyNeedles(readStoredKeys(root, {}) ?? []);
    const report = scanFolder(cacheRoot(root), needles);
    expect(report.files).toBeGreaterThan(0);
    expect(report.leaks).toEqual([]);
    // The control: the same search finds a private key member planted in a cache file.
    const d = readStoredKeys(root, {})?.[0]?.jwk.d ?? '';
    expect(d.length).toBeGreaterThan(20);
    const planted = join(cacheRoot(root), 'signatures', 'planted.txt');
    writeFileSync(planted, `x ${d} y\n`);
    expect(scanFolder(cacheRoot(root), needles).leaks.map((leak) => leak.path)).toEqual([
      'signatures/planted.txt',
    ]);
    renameSync(planted, join(root, 'planted.txt'));
  });
});

/**
 * Replaces, in the signature cache, the stored signature of `jws`'s signing input by `signature`, keeping
 * the line's own check valid: what a forged or stale entry would look like. True when it was found.
 */
/** Replaces the cached signature of `jws` with `signature`; returns the bucket file it changed. */
function swapSignature(jws: string, signature: string): string | undefined {
  const value = jws.slice(jws.lastIndexOf('.') + 1);
  for (const path of bucketPaths()) {
    const lines = readFileSync(path, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.split(' ')[1] === value);
    if (index === -1) continue;
    const [key, , day] = (lines[index] ?? '').split(' ');
    const check = createCheck(`${key} ${signature} ${day}`);
    lines[index] = `${key} ${signature} ${day} ${check}`;
    writeFileSync(path, lines.join('\n'));
    return path;
  }
  return undefined;
}

const createCheck = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
