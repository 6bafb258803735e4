/**
 * The command line's shape: one file per command, none importing the dispatcher (the context has its own
 * module), and every command answering `--help` with its usage and examples, exit code 0, in English and
 * in French.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';
import { PROJECT_ROOT } from '../../helpers/project.ts';

const CLI_DIR = join(PROJECT_ROOT, 'src', 'shell', 'cli');
const dispatcher = readFileSync(join(CLI_DIR, 'main.ts'), 'utf8');
const commands = [
  ...dispatcher.matchAll(/^ {2}'?([a-z-]+)'?: (?:run\w+|\(args, context\) => run\w+\(args, context\)),$/gm),
].map((m) => m[1] as string);

describe('the command line', () => {
  it('dispatches each command to a file of its own', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const command of commands) expect(readdirSync(CLI_DIR)).toContain(`${command}.ts`);
  });

  it('has no import circle: commands import the context module, never the dispatcher', () => {
    for (const file of readdirSync(CLI_DIR).filter((f) => f !== 'main.ts'))
      expect(readFileSync(join(CLI_DIR, file), 'utf8'), file).not.toMatch(/from '\.\/main\.ts'/);
  });

  for (const command of commands)
    it(`${command} --help prints its usage with examples`, async () => {
      const run = await cli(projectFromFixture('valid'), [command, '--help']);
      expect(run.code).toBe(0);
      expect(run.err).toBe('');
      expect(run.out).toMatch(/^Usage/);
      expect(run.out).toMatch(/Examples?:\n {2}npm run badges -- /);
      const french = await cli(projectFromFixture('valid'), [command, '--help'], { LANG: 'fr_FR.UTF-8' });
      expect(french.code).toBe(0);
      expect(french.out).toMatch(/^Utilisation\u00a0:/);
      expect(french.out).toMatch(/Exemples?\u00a0:\n {2}npm run badges -- /);
    });
});
