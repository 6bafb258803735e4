import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.ts';

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
