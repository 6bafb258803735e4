/**
 * `badges keys secret` rewrites `.keys/INSIGNE_SIGNING_KEYS.secret` (the CI secret's value) from the
 * private key files in `.keys/`, leaving out the keys of issuers that no longer exist.
 * `badges keys forget <issuer>` confirms the removal of an issuer: its entry leaves `insigne.lock.json`
 * and its private keys leave `.keys/` and the secret. Nothing secret is printed.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, today } from '../content.ts';
import { KEYS_DIR, KEYS_ENV, readStoredKeys, SECRET_FILE, writeSecretFile } from '../keys.ts';
import { forgetIssuer, LOCK_FILE, readLock } from '../lock.ts';
import type { CliContext } from './context.ts';

export const KEYS_USAGE = `Usage:
  npm run badges -- keys secret             rewrite ${KEYS_DIR}/${SECRET_FILE} from the key files in ${KEYS_DIR}/
  npm run badges -- keys forget <issuer>    confirm that a removed issuer is gone for good

"keys secret" writes the value of the ${KEYS_ENV} repository secret again, from the private key files in
${KEYS_DIR}/ (keys of issuers that no longer exist are left out). Set the secret from it afterwards.

"keys forget" is for an issuer whose file you deleted from content/issuers/: the badges it issued stop
verifying once its keys are no longer published. It removes the issuer from ${LOCK_FILE} and its private
keys from ${KEYS_DIR}/, then rewrites the secret. To keep its badges verifying, keep the issuer file
(and its badges and awards) instead.

Examples:
  npm run badges -- keys secret
  npm run badges -- keys forget ancien-club
`;

export async function runKeys(args: string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.out.write(KEYS_USAGE);
    return 0;
  }
  const [action, issuer, ...extra] = args;
  if (action === 'secret' && issuer === undefined) return rewriteSecret(context);
  if (action === 'forget' && issuer !== undefined && extra.length === 0) return forget(context, issuer);
  context.err.write(KEYS_USAGE);
  return 2;
}

/** The issuers the content defines, or undefined after printing why the content cannot be read. */
function existingIssuers(context: CliContext): Set<string> | undefined {
  const result = loadContent(context.cwd, today(context.env));
  if (!result.ok) {
    context.err.write('✖ The content has problems: run `npm run badges -- check` and fix them first.\n');
    return undefined;
  }
  return new Set(result.model.issuers.keys());
}

function rewriteSecret(context: CliContext): number {
  const issuers = existingIssuers(context);
  if (!issuers) return 1;
  const stored = readStoredKeys(context.cwd, {}) ?? [];
  if (stored.length === 0) {
    context.err.write(
      `✖ ${KEYS_DIR}/ holds no private key: run \`npm run badges -- keygen <issuer>\` first.\n`,
    );
    return 1;
  }
  const kept = stored.filter((key) => issuers.has(key.issuer));
  for (const key of stored.filter((k) => !issuers.has(k.issuer)))
    context.out.write(
      `  − left out "${key.id}" of issuer "${key.issuer}", which no longer exists (\`keys forget ${key.issuer}\` removes it)\n`,
    );
  writeSecretFile(context.cwd, kept);
  context.out.write(
    [
      `✔ ${KEYS_DIR}/${SECRET_FILE} rewritten with ${kept.length} private key(s) of ${new Set(kept.map((k) => k.issuer)).size} issuer(s).`,
      `  Set the repository secret from it: gh secret set ${KEYS_ENV} < ${KEYS_DIR}/${SECRET_FILE}`,
      '',
    ].join('\n'),
  );
  return 0;
}

function forget(context: CliContext, issuer: string): number {
  if (existsSync(join(context.cwd, 'content', 'issuers', `${issuer}.yaml`))) {
    context.err.write(
      `✖ content/issuers/${issuer}.yaml still exists: "keys forget" is only for an issuer whose file was deleted. Nothing was changed.\n`,
    );
    return 1;
  }
  const issuers = existingIssuers(context);
  if (!issuers) return 1;
  const inLock = readLock(context.cwd).publishedKeys[issuer] !== undefined;
  const stored = readStoredKeys(context.cwd, {}) ?? [];
  const theirs = stored.filter((key) => key.issuer === issuer);
  if (!inLock && theirs.length === 0) {
    context.err.write(
      `✖ Nothing is known of issuer "${issuer}": neither ${LOCK_FILE} nor ${KEYS_DIR}/ names it.\n`,
    );
    return 1;
  }
  if (inLock) forgetIssuer(context.cwd, issuer);
  rmSync(join(context.cwd, KEYS_DIR, issuer), { recursive: true, force: true });
  const kept = stored.filter((key) => key.issuer !== issuer && issuers.has(key.issuer));
  if (kept.length > 0 || existsSync(join(context.cwd, KEYS_DIR, SECRET_FILE)))
    writeSecretFile(context.cwd, kept);
  context.out.write(
    [
      `✔ Issuer "${issuer}" forgotten: ${inLock ? `removed from ${LOCK_FILE}, ` : ''}${theirs.length} private key(s) deleted from ${KEYS_DIR}/.`,
      '  Badges it issued no longer verify: its keys are no longer published.',
      `  Next: commit ${LOCK_FILE}, and set the ${KEYS_ENV} secret again: gh secret set ${KEYS_ENV} < ${KEYS_DIR}/${SECRET_FILE}`,
      '',
    ].join('\n'),
  );
  return 0;
}
