import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'insigne-merge-'));
  mkdirSync(join(root, 'whole'));
  writeFileSync(
    join(root, 'whole', 'insigne-build.json'),
    '{\n  "preview": false,\n  "builtOn": "2026-11-28"\n}\n',
  );
  mkdirSync(join(root, 'empty'));
  return root;
}

describe('badges merge', () => {
  it('explains its usage when --out or the shards are missing (exit 2)', async () => {
    const root = folder();
    const noOut = await cli(root, ['merge', 'whole']);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toMatch(
      /^Say where the merged site goes with --out <dir>\.\n\nUsage: npm run badges -- merge/,
    );
    const noShard = await cli(root, ['merge', '--out', 'dist']);
    expect(noShard.code).toBe(2);
    expect(noShard.err).toContain('Give the folder of every shard to merge.');
    expect((await cli(root, ['merge', 'whole', '--out', 'dist', '--sample', 'many'])).code).toBe(2);
    expect((await cli(root, ['merge', '--help'])).out).toContain('--out <dir>');
  });

  it('refuses folders that are not shards, naming each, and publishes nothing', async () => {
    const root = folder();
    const run = await cli(root, ['merge', 'whole', 'empty', 'nowhere', '--out', 'dist']);
    expect(run.code).toBe(1);
    expect(run.err).toBe('✖ Not a folder: nowhere. Nothing was published.\n');
    const shards = await cli(root, ['merge', 'whole', 'empty', '--out', 'dist']);
    expect(shards.code).toBe(1);
    expect(shards.err).toBe(
      [
        '✖ The shards cannot be merged; nothing was published.',
        '  whole is a whole build, not a shard: build each shard with INSIGNE_SHARD=<k>/<n>.',
        '  empty holds no insigne-build.json: is it a built shard folder?',
        '',
      ].join('\n'),
    );
    const into = await cli(root, ['merge', 'whole', '--out', 'whole']);
    expect(into.err).toContain('--out must be a folder of its own');
  });
});

describe('badges check with INSIGNE_SHARD', () => {
  it('refuses a value the build refuses, as a problem with its hint, and accepts a shard', async () => {
    const project = projectFromFixture('valid');
    const bad = await cli(project, ['check'], { INSIGNE_SHARD: '4/3' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(
      'INSIGNE_SHARD\n   0  INSIGNE_SHARD="4/3": there is no shard 4 of 3; shards are numbered from 1 to 3.\n',
    );
    expect(bad.err).toContain('      Hint: Set it to <k>/<n>, the shard k of n to build');
    expect((await cli(project, ['check'], { INSIGNE_SHARD: '2/3' })).code).toBe(0);
  });
});
