/**
 * One build at a time, and a publish that survives a kill, with real `astro build` runs of the valid
 * fixture into one output folder:
 * - two builds started together: one publishes a complete site, the other refuses and names the first;
 * - a build killed with SIGKILL while signing leaves the previous site as it was; its stale lock and
 *   staging folders are recovered by the next build;
 * - a build killed between the two renames of the publish leaves no site at all (only the previous one
 *   set aside): the next build, even a failing one, and `badges check` bring it back;
 * - a build killed after the publish, before the previous copy is removed: the leftover is cleaned.
 * The kills at exact points come from INSIGNE_FAULT (src/shell/build/publish.ts), which sends the build
 * SIGKILL itself; the signing process must exit with it, or the run would never close.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject, startAstroBuild } from '../helpers/project.ts';

const AWARD = '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e';
const AWARD_FILE = `content/awards/2026/${AWARD}.yaml`;
const AWARD_FILES = [
  'assertion.json',
  'assertion.jws',
  'badge.png',
  'badge.svg',
  'credential.json',
  'credential.jwt',
  'index.html',
  'qr.svg',
];
const ENV = { INSIGNE_TODAY: '2026-11-28', INSIGNE_SIGNING_KEYS: '' };

let root: string;
const dist = () => join(root, 'dist');
const lockFile = () => join(root, 'dist.insigne-lock');
const build = (env: NodeJS.ProcessEnv = {}) => {
  const run = astroBuild(root, dist(), { ...ENV, ...env });
  return { ...run, output: `${run.stdout}\n${run.stderr}` };
};
const start = (env: NodeJS.ProcessEnv = {}) => startAstroBuild(root, dist(), { ...ENV, ...env });

/** Every file of a folder with its bytes (base64), by site path. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), readFileSync(path).toString('base64'));
  }
  return files;
}

/** What sits next to `dist` besides the project's own files. */
const leftovers = () => readdirSync(root).filter((name) => name.startsWith('dist.'));

/** Waits until `ready()` holds (a state the build reaches, not a duration). */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 6000; tries++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** A complete published site: manifest, pages, and every file of the award, which verifies. */
async function expectCompleteSite(): Promise<void> {
  const files = snapshot(dist());
  for (const path of ['index.html', 'insigne-build.json', '.nojekyll', 'verify/index.html'])
    expect(files.has(path), path).toBe(true);
  for (const file of AWARD_FILES) expect(files.has(`awards/${AWARD}/${file}`), file).toBe(true);
  const verify = await cli(root, [
    'verify',
    join(dist(), 'awards', AWARD, 'badge.png'),
    '--site-dir',
    dist(),
  ]);
  expect(verify.code, `${verify.out}${verify.err}`).toBe(0);
}

beforeAll(() => {
  root = scratchProject(join(projectFromFixture('valid'), 'content'));
});

describe('one build at a time', () => {
  it('of two builds started together, one publishes a complete site and the other refuses', async () => {
    const first = start();
    await until(() => existsSync(lockFile()), 'the first build to take the lock');
    const second = start();
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.status, `${a.stdout}\n${a.stderr}`).toBe(0);
    expect(b.status).not.toBe(0);
    const refusal = `${b.stdout}\n${b.stderr}`;
    expect(refusal).toContain(`Another build of this site is running (pid ${first.pid}, since `);
    expect(refusal).toContain('Wait for it to finish, then build again.');
    expect(refusal).not.toMatch(/ERR_MODULE_NOT_FOUND|\.prerender/);
    expect(refusal, 'no stack trace').not.toMatch(/^\s+at /m);
    await expectCompleteSite();
    expect(leftovers()).toEqual([]);
  }, 600_000);

  it('recovers the lock and the staging folders of a build killed while signing; the site is untouched', async () => {
    const before = snapshot(dist());
    const killed = start();
    await until(() => existsSync(join(root, 'dist.insigne-data')), 'the build to start signing');
    process.kill(killed.pid, 'SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(killed.pid);
    expect(snapshot(dist())).toEqual(before);

    const next = build();
    expect(next.status, next.output).toBe(0);
    expect(next.output).toContain('Removed what interrupted builds left behind');
    await expectCompleteSite();
    expect(leftovers()).toEqual([]);
  }, 600_000);
});

describe('a publish killed half-way', () => {
  /** A build killed with SIGKILL between the two renames: no site, the previous one set aside. */
  async function killBetweenRenames(): Promise<Map<string, string>> {
    const before = snapshot(dist());
    const run = await start({ INSIGNE_FAULT: 'between-renames' }).done;
    expect(run.signal).toBe('SIGKILL');
    expect(existsSync(dist())).toBe(false);
    expect(snapshot(join(root, 'dist.insigne-old'))).toEqual(before);
    return before;
  }

  it('is undone by the next build, even one that fails on content', async () => {
    const before = await killBetweenRenames();
    const award = readFileSync(join(root, AWARD_FILE), 'utf8');
    writeFileSync(join(root, AWARD_FILE), award.replace('badge: robotique-niveau-1', 'badge: robotique'));
    try {
      const failed = build();
      expect(failed.status).not.toBe(0);
      expect(failed.output).toContain('content problem');
      expect(failed.output).toContain('the previous site was restored');
    } finally {
      writeFileSync(join(root, AWARD_FILE), award);
    }
    expect(snapshot(dist())).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 600_000);

  it('is undone by `badges check`', async () => {
    const before = await killBetweenRenames();
    const check = await cli(root, ['check']);
    expect(check.code, check.err).toBe(0);
    expect(snapshot(dist())).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 600_000);

  it('after the new site is in place, leaves only a leftover that the next check removes', async () => {
    const run = await start({ INSIGNE_FAULT: 'before-old-removed' }).done;
    expect(run.signal).toBe('SIGKILL');
    const published = snapshot(dist());
    expect(existsSync(join(root, 'dist.insigne-old'))).toBe(true);
    expect((await cli(root, ['check'])).code).toBe(0);
    expect(snapshot(dist())).toEqual(published);
    expect(leftovers()).toEqual([]);
    await expectCompleteSite();
  }, 600_000);
});
