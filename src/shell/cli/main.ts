/**
 * Command dispatch for `npm run badges -- <command>`. Exit codes: 0 success, 1 failure, 2 usage error.
 * Each command lives in its own file and takes a `CliContext` (context.ts); only this file knows them all.
 */
import { runAward } from './award.ts';
import { runCheck } from './check.ts';
import type { CliContext } from './context.ts';
import { runEndorse } from './endorse.ts';
import { runIcons } from './icons.ts';
import { runKeygen } from './keygen.ts';
import { runKeys } from './keys.ts';
import { runList } from './list.ts';
import { runMerge } from './merge.ts';
import { runNew } from './new.ts';
import { runNotify } from './notify.ts';
import { runRevoke } from './revoke.ts';
import { runUpload } from './upload.ts';
import { runVerify } from './verify.ts';

export type { CliContext } from './context.ts';

export const USAGE = `Usage: npm run badges -- <command> [options]

Commands:
  check            Validate all content (issuers, badges, awards) and list every problem.
  keygen <issuer> [--retire-old]
                   Create an Ed25519 and an RSA signing key for an issuer (public halves into its file,
                   private halves into .keys/). --retire-old marks the issuer's older keys retired.
  new issuer <slug> --name "<name>" --url <url> --email <address>
  new badge <slug> --issuer <slug> --name "<name>" [--icon <icon>] [--shape …] [--palette …]
                   Start a commented, valid issuer or badge file. \`new --help\` lists the options.
  keygen --endorser <file>
                   Make an endorser's key (on their machine): private key only in <file>; prints their did:key.
  endorse request (--badge <slug> | --issuer <slug> | --award <id>) --endorser-name "<name>"
                   --endorser-url <url> --comment "<text>"
                   Write the unsigned endorsement a third party will sign.
  endorse sign <request.json> --key <endorser key file>
                   Sign an endorsement request as the endorser (no project needed).
  keys secret | keys forget <issuer>
                   Rewrite the CI secret from .keys/; confirm that a removed issuer is gone.
  award --badge <slug> --name "<name>" --email <address> [options]
  award --badge <slug> --csv <roster.csv> [--skip-invalid] [--dry-run]
                   Award a badge to one person or to every row of a CSV roster. The email is only
                   stored as a salted hash. \`award --help\` lists the options.
  notify [--send | --export <file.csv> | --dry-run | --purge] [--csv <roster.csv>]
                   Tell each earner about their award, by SMTP or mail merge; \`notify --help\` explains.
  revoke <award-id> --reason "<text>" [--date <day>]
                   Withdraw an award; the reason is published.
  list [--badge <slug>] [--json]
                   Every award with its status (valid, expired, revoked).
  verify <file|url> [--email <address>] [--json] [--site-dir <dir>]
                   Verify a baked image, a credential, an assertion or a URL; exit 0 only if verified.
  merge <shard dir>… --out <dir>
                   Join the folders of a sharded build (INSIGNE_SHARD=<k>/<n> npm run build) into one
                   site, byte-identical to a single build; checked and verified before it is published.
  upload [<dir>] --s3 <endpoint> --bucket <name> [--prefix <folder>] [--dry-run]
                   Upload a built site to S3-compatible storage (S3, R2, MinIO) with the content types
                   and cache headers verifiers need; for sites past GitHub Pages' 1 GB (docs/deploy.md).
  icons <word> [--all] [--json] | icons --list
                   Find icons for a badge's artwork.icon by French or English word, or list them all.
  help             Show this help.
`;

type Command = (args: string[], context: CliContext) => Promise<number>;

const commands: Record<string, Command> = {
  award: runAward,
  check: runCheck,
  endorse: runEndorse,
  icons: runIcons,
  keygen: runKeygen,
  keys: runKeys,
  list: runList,
  merge: runMerge,
  new: runNew,
  notify: (args, context) => runNotify(args, context),
  revoke: runRevoke,
  upload: runUpload,
  verify: runVerify,
};

/** Runs one command and returns its exit code. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    context.out.write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    context.err.write(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  return command(args, context);
}
