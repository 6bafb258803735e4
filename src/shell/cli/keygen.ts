/**
 * `badges keygen <issuer>`: a new Ed25519 key (Data Integrity) and a new RSA-2048 key (RS256: VC-JWT and
 * OB 2.0 signed badges). The public halves are appended to the issuer file (older keys stay: rotation
 * adds, never removes); the private halves go to the git-ignored `.keys/` folder, and the value of the
 * CI secret to `.keys/INSIGNE_SIGNING_KEYS.secret`. Nothing secret is printed.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import {
  addFieldToSequenceEntries,
  appendToTopLevelSequence,
  YamlEditError,
} from '../../core/authoring/yaml-edit.ts';
import { say } from '../../core/messages/catalogue.ts';
import type { PublicKey } from '../../core/model/types.ts';
import { today } from '../content.ts';
import { generateKeyPair, KEYS_DIR, KEYS_ENV, SECRET_FILE, writeStoredKey } from '../keys.ts';
import { LOCK_FILE, recordPublishedKeys } from '../lock.ts';
import { parseOptions } from './authoring.ts';
import { type CliContext, t } from './context.ts';
import { writeEndorserKey } from './endorse.ts';

/** `keygen --endorser <file> [--did-web <https URL>]`: an endorser's key rather than an issuer's. */
const ENDORSER_OPTIONS = { endorser: { type: 'string' }, 'did-web': { type: 'string' } } as const;

export async function runKeygen(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  if (args.includes('--help') || args.includes('-h')) {
    context.out.write(tr('help.keygen'));
    return 0;
  }
  if (args.some((arg) => /^--(endorser|did-web)(=|$)/.test(arg))) {
    const parsed = parseOptions(args, ENDORSER_OPTIONS, tr('help.keygen'), context);
    if ('exit' in parsed) return parsed.exit;
    const { endorser, 'did-web': didWeb } = parsed.values;
    if (endorser === undefined && didWeb !== undefined) {
      context.err.write(`${tr('endorse.didWebNeedsEndorser')}\n\n${tr('help.keygen')}`);
      return 2;
    }
    if (endorser === undefined || endorser.startsWith('--') || parsed.positionals.length > 0) {
      context.err.write(tr('help.keygen'));
      return 2;
    }
    return writeEndorserKey(endorser, context, didWeb);
  }
  const retire = args.includes('--retire-old');
  const positional = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--retire-old');
  if (positional.length !== 1 || unknown.length > 0) {
    context.err.write(tr('help.keygen'));
    return 2;
  }
  const issuer = positional[0] as string;
  const file = join(context.cwd, 'content', 'issuers', `${issuer}.yaml`);
  if (!existsSync(file)) {
    context.err.write(`${tr('keygen.noIssuer', { issuer })}\n`);
    return 1;
  }
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    context.err.write(`${tr('keygen.invalidYaml', { issuer })}\n`);
    return 1;
  }
  const day = today(context.env);
  const keys = doc.get('keys', true);
  if (keys !== undefined && keys !== null && !isSeq(keys) && !(isScalar(keys) && keys.value === null)) {
    context.err.write(`${tr('keygen.keysNotList', { issuer })}\n`);
    return 1;
  }
  const existing = isSeq(keys) ? keys.items.filter(isMap) : [];
  const usedIds = new Set(existing.map((k) => String(k.get('id'))));
  const freshId = (prefix: string) => {
    let id = `${prefix}-${day}`;
    for (let n = 2; usedIds.has(id); n++) id = `${prefix}-${day}-${n}`;
    usedIds.add(id);
    return id;
  };

  const created: { publicKey: PublicKey; privateJwk: JsonWebKey }[] = [];
  for (const algorithm of ['Ed25519', 'RS256'] as const) {
    const id = freshId(algorithm.toLowerCase());
    created.push(await generateKeyPair(algorithm, id, day));
  }
  // Only the key list changes: comments, folded descriptions and quoting stay as the administrator wrote
  // them. The edit is made before anything is written, so a file it cannot edit leaves no stray key.
  let edited: string;
  try {
    edited = retire ? addFieldToSequenceEntries(text, 'keys', 'retired', day) : text;
    edited = appendToTopLevelSequence(
      edited,
      'keys',
      created.map((key) => key.publicKey),
    );
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    context.err.write(`${tr('keygen.cannotEdit', { issuer, reason: error.message })}\n`);
    return 1;
  }
  for (const { publicKey, privateJwk } of created) {
    const path = writeStoredKey(context.cwd, {
      issuer,
      id: publicKey.id,
      algorithm: publicKey.algorithm,
      jwk: privateJwk,
    });
    context.out.write(
      `${tr('keygen.written', { algorithm: publicKey.algorithm, id: publicKey.id, path: path.slice(context.cwd.length + 1) })}\n`,
    );
  }
  writeFileSync(file, edited);
  // Every key now in the file is published by the next build: none may silently disappear later.
  recordPublishedKeys(context.cwd, issuer, [...usedIds]);
  context.out.write(
    tr('keygen.done', {
      issuer,
      retired: retire ? say('keygen.retired') : '',
      lockFile: LOCK_FILE,
      keysDir: KEYS_DIR,
      keysEnv: KEYS_ENV,
      secretFile: SECRET_FILE,
    }),
  );
  return 0;
}
