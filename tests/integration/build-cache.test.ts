/**
 * The signing and self-check caches, built for real in one scratch project (three awards, two badges):
 * a warm build gives the cold build's bytes and makes nothing; each kind of change makes exactly what it
 * changes; damaged and forged entries are ignored and remade with identical output; verdicts are not
 * reused on another day or after a key change; the cache never holds key material.
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
  return { signatures: counts('cache.signatures'), verdicts: counts('cache.verdicts') };
}

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

describe('the build caches', () => {
  it('a cold build makes every signature and verdict; a warm one reuses them all, byte for byte', () => {
    const first = build();
    expect(first.signatures).toEqual({ reused: 0, made: EVERYTHING, refused: 0, damaged: 0 });
    expect(first.verdicts).toMatchObject({ reused: 0, made: 3 });
    cold = tree(join(root, 'dist'));

    // The cache restored into a fresh checkout: the output folder gone, only `.cache/` kept.
    rmSync(join(root, 'dist'), { recursive: true });
    const warm = build();
    expect(warm.signatures).toEqual({ reused: EVERYTHING, made: 0, refused: 0, damaged: 0 });
    expect(warm.verdicts).toMatchObject({ reused: 3, made: 0 });
    expect(tree(join(root, 'dist'))).toEqual(cold);
  }, 240_000);

  it('ignores a truncated bucket, a damaged line and a forged signature, and remakes them identically', () => {
    const [first, second] = bucketPaths();
    if (first === undefined || second === undefined) throw new Error('expected at least two buckets');
    // Cut one file in the middle of its last line; change one character of a value in another.
    const text = readFileSync(first, 'utf8');
    writeFileSync(first, text.slice(0, text.length - 20));
    const lines = readFileSync(second, 'utf8').split('\n');
    const [key, value, day, check] = (lines[0] ?? '').split(' ');
    lines[0] = [key, `${value?.slice(0, -2)}xx`, day, check].join(' ');
    writeFileSync(second, lines.join('\n'));
    // A forged entry with a valid line check: an RS256 signature of another input, under this key.
    const jws = readFileSync(join(root, 'dist/awards', A1, 'assertion.jws'), 'utf8').trim();
    const other = readFileSync(join(root, 'dist/awards', A2, 'assertion.jws'), 'utf8').trim();
    const forged = swapSignature(jws, other.slice(other.lastIndexOf('.') + 1));
    expect(forged).toBe(true);

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
  }, 240_000);

  it('does not reuse a verdict on another day', () => {
    const run = build({ INSIGNE_TODAY: '2026-11-29' });
    expect(run.verdicts).toMatchObject({ reused: 0, made: 3 });
  }, 240_000);

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
function swapSignature(jws: string, signature: string): boolean {
  const value = jws.slice(jws.lastIndexOf('.') + 1);
  for (const path of bucketPaths()) {
    const lines = readFileSync(path, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.split(' ')[1] === value);
    if (index === -1) continue;
    const [key, , day] = (lines[index] ?? '').split(' ');
    const check = createCheck(`${key} ${signature} ${day}`);
    lines[index] = `${key} ${signature} ${day} ${check}`;
    writeFileSync(path, lines.join('\n'));
    return true;
  }
  return false;
}

const createCheck = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
