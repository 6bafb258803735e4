/** `badges check`: the build's content validation, without building. */

import { join } from 'node:path';
import { formatProblems } from '../../core/content/problems.ts';
import { recoverOutputFolder } from '../build/publish.ts';
import { loadContent, today } from '../content.ts';
import type { CliContext } from './context.ts';

export const CHECK_USAGE = `Usage: npm run badges -- check

Checks every issuer, badge and award file under content/ (and the signing keys) exactly as the build
does, and lists every problem at once, with its file, line, field and a hint. Nothing is written.

Example:
  npm run badges -- check
`;

export async function runCheck(args: string[], context: CliContext): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    context.out.write(CHECK_USAGE);
    return 0;
  }
  if (args.length > 0) {
    context.err.write(`"check" takes no arguments (got: ${args.join(' ')}).\n\n${CHECK_USAGE}`);
    return 2;
  }
  // A build killed while publishing leaves no site: bring the previous one back, as a build would.
  recoverOutputFolder(join(context.cwd, 'dist'));
  const result = loadContent(context.cwd, today(context.env));
  if (!result.ok) {
    context.err.write(`${formatProblems(result.problems, 'Fix them, then run the check again.')}\n`);
    return 1;
  }
  const { issuers, badges, awards } = result.model;
  context.out.write(
    `✔ Content is valid: ${issuers.size} issuer(s), ${badges.size} badge(s), ${awards.size} award(s).\n`,
  );
  return 0;
}
