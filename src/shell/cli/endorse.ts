/**
 * `badges endorse request` (in the project: the unsigned EndorsementCredential an endorser will sign) and
 * `badges endorse sign` (on the endorser's machine, with or without a project: their did:key as issuer,
 * an eddsa-rdfc-2022 proof), plus the endorser's key file that `badges keygen --endorser` writes. The
 * private key is only ever in that file (mode 0600); nothing secret is printed.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { base64url } from 'jose';
import { closestName } from '../../core/content/problems.ts';
import { toDateTimeZ } from '../../core/credentials/dates.ts';
import type { JsonValue } from '../../core/credentials/json.ts';
import { endorsementUrl } from '../../core/endorsements/check.ts';
import {
  didKeyOf,
  ENDORSEMENT_NAME_MAX,
  type EndorsementSubjectKind,
  nameSlug,
  toEndorsementRequest,
} from '../../core/endorsements/document.ts';
import { signEndorsement } from '../../core/endorsements/sign.ts';
import { awardUrn, isAwardId, sitePaths, urlsFor } from '../../core/urls.ts';
import { today } from '../content.ts';
import { readSiteLocation } from '../site-config.ts';
import { findBadge, loadValidContent, parseOptions, redact } from './authoring.ts';
import type { CliContext } from './context.ts';

export const ENDORSE_USAGE = `Usage:
  npm run badges -- endorse request (--badge <slug> | --issuer <slug> | --award <id>)
                   --endorser-name "<name>" --endorser-url <https://…> --comment "<text>" [--out <file>]
  npm run badges -- endorse sign <request.json> --key <endorser key file> [--out <file>]

request (in this project): writes the unsigned endorsement of a badge, an issuer or one award, for the
endorser to sign. Its id is the address where this site will publish it. On a terminal, missing values
are asked for.
sign (on the endorser's machine, no project needed): puts the endorser's did:key in the endorsement and
signs it with their key (made by \`npm run badges -- keygen --endorser <file>\`). The endorser sends the
signed file back; the administrator commits it unchanged under content/endorsements/.

Examples:
  npm run badges -- endorse request --badge secourisme --endorser-name "Fédération régionale" --endorser-url https://federation.example --comment "Formation conforme à notre référentiel."
  npm run badges -- endorse sign secourisme-federation-regionale.request.json --key federation.private.jwk.json
`;

const REQUEST_OPTIONS = {
  badge: { type: 'string' },
  issuer: { type: 'string' },
  award: { type: 'string' },
  'endorser-name': { type: 'string' },
  'endorser-url': { type: 'string' },
  comment: { type: 'string' },
  out: { type: 'string' },
} as const;

const SIGN_OPTIONS = { key: { type: 'string' }, out: { type: 'string' } } as const;

const COMMENT_MAX = 2000;
const NAME_MAX = 200;
/** Characters no endorsement text needs: controls (other than line breaks) and bidirectional overrides. */
function hasUnsafeCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

/** What the endorser's key file holds: their private JWK, and the did:key it gives, for reference. */
interface EndorserKeyFile {
  readonly type: 'insigne-endorser-key';
  readonly did: string;
  readonly jwk: JsonWebKey;
}

const KEY_FILE_TYPE = 'insigne-endorser-key';

export async function runEndorse(args: string[], context: CliContext): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'request') return request(rest, context);
  if (action === 'sign') return sign(rest, context);
  if (action === '--help' || action === '-h' || action === 'help') {
    context.out.write(ENDORSE_USAGE);
    return 0;
  }
  context.err.write(ENDORSE_USAGE);
  return 2;
}

const display = (path: string, cwd: string) => {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown;
};

function textProblem(label: string, value: string, max: number): string | undefined {
  if (value.trim() === '') return `${label} is empty.`;
  if (value.length > max) return `${label} is too long: ${value.length} characters, at most ${max}.`;
  if (hasUnsafeCharacter(value)) return `${label} holds control or direction-changing characters.`;
  return undefined;
}

async function request(args: string[], context: CliContext): Promise<number> {
  const parsed = parseOptions(args, REQUEST_OPTIONS, ENDORSE_USAGE, context);
  if ('exit' in parsed) return parsed.exit;
  if (parsed.positionals.length > 0) {
    context.err.write(ENDORSE_USAGE);
    return 2;
  }
  const values: Partial<Record<keyof typeof REQUEST_OPTIONS, string>> = { ...parsed.values };
  const subjects = (['badge', 'issuer', 'award'] as const).filter((kind) => values[kind] !== undefined);
  if (subjects.length > 1) {
    context.err.write(`✖ Endorse one thing at a time: give only one of --badge, --issuer, --award.\n`);
    return 2;
  }
  let kind: EndorsementSubjectKind | undefined = subjects[0];
  if (kind === undefined && context.ask) {
    const answer = (await context.ask('badge (slug of the endorsed badge): '))?.trim();
    if (answer) {
      kind = 'badge';
      values.badge = answer;
    }
  }
  const missing: string[] = kind === undefined ? ['--badge (or --issuer, --award)'] : [];
  for (const name of ['endorser-name', 'endorser-url', 'comment'] as const) {
    if (values[name]?.trim()) continue;
    const answer = (await context.ask?.(`${name}: `))?.trim();
    if (answer) values[name] = answer;
    else missing.push(`--${name}`);
  }
  if (missing.length > 0 || kind === undefined) {
    context.err.write(`✖ Missing ${missing.join(', ')}.\n\n${ENDORSE_USAGE}`);
    return 2;
  }
  const endorserName = (values['endorser-name'] as string).trim();
  const endorserUrl = (values['endorser-url'] as string).trim();
  const comment = (values.comment as string).trim();
  const refusals = [
    textProblem('The endorser name', endorserName, NAME_MAX),
    textProblem('The comment', comment, COMMENT_MAX),
    URL.canParse(endorserUrl) && /^https?:$/.test(new URL(endorserUrl).protocol)
      ? undefined
      : `--endorser-url must be the endorser's web address (https://…), not "${redact(endorserUrl.slice(0, 200))}".`,
  ].filter((text) => text !== undefined);
  if (refusals.length > 0) {
    context.err.write(refusals.map((text) => `✖ ${text}\n`).join(''));
    return 2;
  }

  const day = today(context.env);
  const model = loadValidContent(context, day);
  if (!model) return 1;
  const site = readSiteLocation(context.cwd);
  if (!site.ok) {
    context.err.write(
      `✖ ${site.reason}\n  Set \`site\` and \`base\` in astro.config.mjs as plain strings.\n`,
    );
    return 1;
  }
  const urls = urlsFor(site.location);
  const key = (values[kind] as string).trim();
  let subjectId: string;
  let subjectName: string;
  let slugPart: string;
  if (kind === 'badge') {
    const badge = findBadge(model, key, context);
    if (!badge) return 1;
    subjectId = urls.absolute(sitePaths.achievement(badge.slug));
    subjectName = badge.name;
    slugPart = badge.slug;
  } else if (kind === 'issuer') {
    const issuer = model.issuers.get(key);
    if (!issuer) {
      const guess = closestName(key, model.issuers.keys());
      context.err.write(
        `✖ No issuer "${redact(key)}" exists.${guess ? ` Did you mean "${guess}"?` : ''} Issuers are the files in content/issuers/.\n`,
      );
      return 1;
    }
    subjectId = urls.issuerDid(issuer.slug);
    subjectName = issuer.name;
    slugPart = issuer.slug;
  } else {
    const award = isAwardId(key) ? model.awards.get(key) : undefined;
    if (!award) {
      context.err.write(
        `✖ No award "${redact(key)}" exists: give the id of an award (its file name under content/awards/, also in \`npm run badges -- list\`).\n`,
      );
      return 1;
    }
    subjectId = awardUrn(award.id);
    subjectName = model.badges.get(award.badge)?.name ?? award.id;
    slugPart = `award-${award.id.slice(0, 8)}`;
  }
  const taken = new Set((model.endorsements ?? []).map((e) => e.path));
  const stem = `${slugPart}-${nameSlug(endorserName) || 'endorser'}`.slice(0, ENDORSEMENT_NAME_MAX - 4);
  let name = stem;
  for (let n = 2; taken.has(sitePaths.endorsement(name)); n++) name = `${stem}-${n}`;
  const document = toEndorsementRequest({
    id: endorsementUrl(urls, name),
    subjectId,
    subjectName,
    endorser: { name: endorserName, url: endorserUrl },
    comment,
    validFrom: toDateTimeZ(day),
  });
  const out = resolveOut(context, values.out, `${name}.request.json`);
  if (existsSync(out)) {
    context.err.write(`✖ ${display(out, context.cwd)} already exists: nothing was written.\n`);
    return 1;
  }
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`, { flag: 'wx' });
  context.out.write(
    [
      `✔ Endorsement request written to ${display(out, context.cwd)}.`,
      `  It endorses ${subjectId} and will be published at ${document.id}.`,
      '',
      'Next steps:',
      `  1. Send ${basename(out)} to ${endorserName}. They make a key once (\`npm run badges -- keygen --endorser <file>\`)`,
      `     and sign: npm run badges -- endorse sign ${basename(out)} --key <their key file>`,
      `  2. Commit the signed file they send back, unchanged, under content/endorsements/, then run`,
      '     `npm run badges -- check`.',
      '',
    ].join('\n'),
  );
  return 0;
}

function resolveOut(context: CliContext, out: string | undefined, fallback: string): string {
  const path = out ?? fallback;
  return isAbsolute(path) ? path : join(context.cwd, path);
}

/** The endorser's key from its file, or the reason it cannot be used (never quoting the file). */
async function readEndorserKey(
  path: string,
): Promise<{ ok: true; privateKey: CryptoKey; publicKey: Uint8Array } | { ok: false; reason: string }> {
  let parsed: Partial<EndorserKeyFile>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<EndorserKeyFile>;
  } catch {
    return { ok: false, reason: 'it could not be read as an endorser key file (JSON).' };
  }
  const jwk = parsed?.jwk;
  if (
    parsed?.type !== KEY_FILE_TYPE ||
    typeof jwk !== 'object' ||
    jwk === null ||
    jwk.kty !== 'OKP' ||
    jwk.crv !== 'Ed25519' ||
    typeof jwk.d !== 'string' ||
    typeof jwk.x !== 'string'
  ) {
    return {
      ok: false,
      reason: 'it is not an endorser key (make one with `npm run badges -- keygen --endorser <file>`).',
    };
  }
  try {
    const privateKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d },
      'Ed25519',
      false,
      ['sign'],
    );
    return { ok: true, privateKey, publicKey: base64url.decode(jwk.x) };
  } catch {
    return { ok: false, reason: 'its key could not be imported: the file is damaged.' };
  }
}

/** The proof's `created`: now to the second, or the pinned day (INSIGNE_TODAY) for reproducible runs. */
function createdNow(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INSIGNE_TODAY) return toDateTimeZ(today(env));
  return `${new Date().toISOString().slice(0, 19)}Z`;
}

async function sign(args: string[], context: CliContext): Promise<number> {
  const parsed = parseOptions(args, SIGN_OPTIONS, ENDORSE_USAGE, context);
  if ('exit' in parsed) return parsed.exit;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0 || parsed.values.key === undefined) {
    context.err.write(`✖ Give the request file and --key <endorser key file>.\n\n${ENDORSE_USAGE}`);
    return 2;
  }
  const requestPath = resolveOut(context, file, file);
  let requestJson: JsonValue;
  try {
    requestJson = JSON.parse(readFileSync(requestPath, 'utf8').replace(/^\uFEFF/, '')) as JsonValue;
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not valid JSON';
    context.err.write(`✖ ${display(requestPath, context.cwd)} ${why}.\n`);
    return 1;
  }
  const keyPath = resolveOut(context, parsed.values.key, parsed.values.key);
  if (!existsSync(keyPath)) {
    context.err.write(
      `✖ ${display(keyPath, context.cwd)} does not exist. Make a key with \`npm run badges -- keygen --endorser ${basename(keyPath)}\`.\n`,
    );
    return 1;
  }
  const key = await readEndorserKey(keyPath);
  if (!key.ok) {
    context.err.write(`✖ ${display(keyPath, context.cwd)}: ${key.reason}\n`);
    return 1;
  }
  const signed = await signEndorsement(requestJson, key, createdNow(context.env));
  if (!signed.ok) {
    context.err.write(
      `✖ ${display(requestPath, context.cwd)} cannot be signed:\n${signed.problems.map((p) => `  - ${p}\n`).join('')}`,
    );
    return 1;
  }
  const fallback = basename(requestPath).endsWith('.request.json')
    ? basename(requestPath).slice(0, -'.request.json'.length).concat('.json')
    : basename(requestPath).replace(/(\.json)?$/, '.signed.json');
  const out = resolveOut(context, parsed.values.out, join(dirname(requestPath), fallback));
  if (existsSync(out)) {
    context.err.write(`✖ ${display(out, context.cwd)} already exists: nothing was written.\n`);
    return 1;
  }
  writeFileSync(out, `${JSON.stringify(signed.document, null, 2)}\n`, { flag: 'wx' });
  context.out.write(
    [
      `✔ Signed as ${signed.did}: ${display(out, context.cwd)}.`,
      `  Send ${basename(out)} back to the badge's administrator; they commit it unchanged under`,
      '  content/endorsements/. Any change to it breaks the signature.',
      '',
    ].join('\n'),
  );
  return 0;
}

/**
 * `badges keygen --endorser <file>`: a new Ed25519 key for an endorser, written only to `file` (mode
 * 0600, never overwritten); prints the did:key it gives.
 */
export async function writeEndorserKey(path: string, context: CliContext): Promise<number> {
  const out = resolveOut(context, path, path);
  if (existsSync(out)) {
    context.err.write(
      `✖ ${display(out, context.cwd)} already exists: nothing was written (a key is never overwritten).\n`,
    );
    return 1;
  }
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const exported = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const jwk: JsonWebKey = { kty: 'OKP', crv: 'Ed25519', x: exported.x as string, d: exported.d as string };
  const publicKey = base64url.decode(jwk.x as string);
  const did = didKeyOf(publicKey);
  const file: EndorserKeyFile = { type: KEY_FILE_TYPE, did, jwk };
  try {
    writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    context.err.write(`✖ ${display(out, context.cwd)} could not be written: ${(error as Error).message}\n`);
    return 1;
  }
  chmodSync(out, 0o600);
  const ignored = out.endsWith('.private.jwk.json');
  context.out.write(
    [
      `✔ Endorser key written to ${display(out, context.cwd)} (readable by you only). Keep it private and backed up.`,
      `  Your identity as an endorser: ${did}`,
      ...(ignored
        ? []
        : [
            `  Warning: name the file <something>.private.jwk.json, so that git ignores it in an Insigne project.`,
          ]),
      '',
      'Sign an endorsement request with it:',
      `  npm run badges -- endorse sign <request.json> --key ${basename(out)}`,
      '',
    ].join('\n'),
  );
  return 0;
}
