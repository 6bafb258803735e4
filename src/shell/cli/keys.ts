/**
 * `badges keys secret` rewrites `.keys/INSIGNE_SIGNING_KEYS.secret` (the CI secret's value) from the
 * private key files in `.keys/`, leaving out the keys of issuers that no longer exist.
 * `badges keys forget <issuer>` confirms the removal of an issuer: its entry leaves `insigne.lock.json`
 * and its private keys leave `.keys/` and the secret. Nothing secret is printed.
 */

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { say } from '../../core/messages/catalogue.ts';
import { loadContent, today } from '../content.ts';
import { KEYS_DIR, KEYS_ENV, readStoredKeys, SECRET_FILE, writeSecretFile } from '../keys.ts';
import { forgetIssuer, LOCK_FILE, readLock } from '../lock.ts';
import { type CliContext, t } from './context.ts';

export async function runKeys(args: string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.out.write(keysUsage(context));
    return 0;
  }
  const [action, issuer, ...extra] = args;
  if (action === 'secret' && issuer === undefined) return rewriteSecret(context);
  if (action === 'forget' && issuer !== undefined && extra.length === 0) return forget(context, issuer);
  context.err.write(keysUsage(context));
  return 2;
}

const keysUsage = (context: CliContext) =>
  t(context)('help.keys', {
    keysDir: KEYS_DIR,
    secretFile: SECRET_FILE,
    keysEnv: KEYS_ENV,
    lockFile: LOCK_FILE,
  });

/** The issuers the content defines, or undefined after printing why the content cannot be read. */
function existingIssuers(context: CliContext): Set<string> | undefined {
  const result = loadContent(context.cwd, today(context.env));
  if (!result.ok) {
    context.err.write(`${t(context)('keys.contentProblems')}\n`);
    return undefined;
  }
  return new Set(result.model.issuers.keys());
}

function rewriteSecret(context: CliContext): number {
  const issuers = existingIssuers(context);
  if (!issuers) return 1;
  const stored = readStoredKeys(context.cwd, {}) ?? [];
  if (stored.length === 0) {
    context.err.write(`${t(context)('keys.none', { keysDir: KEYS_DIR })}\n`);
    return 1;
  }
  const kept = stored.filter((key) => issuers.has(key.issuer));
  for (const key of stored.filter((k) => !issuers.has(k.issuer)))
    context.out.write(`${t(context)('keys.leftOut', { id: key.id, issuer: key.issuer })}\n`);
  writeSecretFile(context.cwd, kept);
  context.out.write(
    t(context)('keys.rewritten', {
      file: `${KEYS_DIR}/${SECRET_FILE}`,
      keys: kept.length,
      issuers: new Set(kept.map((k) => k.issuer)).size,
      keysEnv: KEYS_ENV,
    }),
  );
  return 0;
}

function forget(context: CliContext, issuer: string): number {
  if (existsSync(join(context.cwd, 'content', 'issuers', `${issuer}.yaml`))) {
    context.err.write(`${t(context)('keys.stillExists', { issuer })}\n`);
    return 1;
  }
  const issuers = existingIssuers(context);
  if (!issuers) return 1;
  const inLock = readLock(context.cwd).publishedKeys[issuer] !== undefined;
  const stored = readStoredKeys(context.cwd, {}) ?? [];
  const theirs = stored.filter((key) => key.issuer === issuer);
  if (!inLock && theirs.length === 0) {
    context.err.write(
      `${t(context)('keys.unknownIssuer', { issuer, lockFile: LOCK_FILE, keysDir: KEYS_DIR })}\n`,
    );
    return 1;
  }
  if (inLock) forgetIssuer(context.cwd, issuer);
  rmSync(join(context.cwd, KEYS_DIR, issuer), { recursive: true, force: true });
  const kept = stored.filter((key) => key.issuer !== issuer && issuers.has(key.issuer));
  if (kept.length > 0 || existsSync(join(context.cwd, KEYS_DIR, SECRET_FILE)))
    writeSecretFile(context.cwd, kept);
  context.out.write(
    t(context)('keys.forgotten', {
      issuer,
      fromLock: inLock ? say('keys.forgotten.fromLock', { lockFile: LOCK_FILE }) : '',
      keys: theirs.length,
      keysDir: KEYS_DIR,
      lockFile: LOCK_FILE,
      keysEnv: KEYS_ENV,
      secretFile: SECRET_FILE,
    }),
  );
  return 0;
}
