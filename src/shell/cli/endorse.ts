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
import { didWebOfUrl, pinnedPathOf, toEndorserDidDocument } from '../../core/endorsements/did-web.ts';
import {
  didKeyOf,
  ENDORSEMENT_NAME_MAX,
  type EndorsementSubjectKind,
  nameSlug,
  toEndorsementRequest,
} from '../../core/endorsements/document.ts';
import { signEndorsement } from '../../core/endorsements/sign.ts';
import { type Message, say } from '../../core/messages/catalogue.ts';
import { awardUrn, isAwardId, sitePaths, urlsFor } from '../../core/urls.ts';
import { didWebToUrl } from '../../core/verify/resolver.ts';
import { today } from '../content.ts';
import { readSiteLocation } from '../site-config.ts';
import { findBadge, loadValidContent, parseOptions, redact } from './authoring.ts';
import { type CliContext, t } from './context.ts';

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

/**
 * What the endorser's key file holds: their private JWK and their DID: the did:key it gives (for
 * reference), or the did:web of their site (`keygen --endorser --did-web`), which `endorse sign` signs as.
 */
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
    context.out.write(t(context)('help.endorse'));
    return 0;
  }
  context.err.write(t(context)('help.endorse'));
  return 2;
}

const display = (path: string, cwd: string) => {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown;
};

function textProblem(what: Message, value: string, max: number): Message | undefined {
  if (value.trim() === '') return say('endorse.text.empty', { what });
  if (value.length > max) return say('endorse.text.tooLong', { what, length: value.length, max });
  if (hasUnsafeCharacter(value)) return say('endorse.text.unsafe', { what });
  return undefined;
}

async function request(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  const usage = tr('help.endorse');
  const parsed = parseOptions(args, REQUEST_OPTIONS, usage, context);
  if ('exit' in parsed) return parsed.exit;
  if (parsed.positionals.length > 0) {
    context.err.write(usage);
    return 2;
  }
  const values: Partial<Record<keyof typeof REQUEST_OPTIONS, string>> = { ...parsed.values };
  const subjects = (['badge', 'issuer', 'award'] as const).filter((kind) => values[kind] !== undefined);
  if (subjects.length > 1) {
    context.err.write(`${tr('endorse.oneSubject')}\n`);
    return 2;
  }
  let kind: EndorsementSubjectKind | undefined = subjects[0];
  if (kind === undefined && context.ask) {
    const answer = (await context.ask(tr('endorse.askBadge')))?.trim();
    if (answer) {
      kind = 'badge';
      values.badge = answer;
    }
  }
  const missing: string[] = kind === undefined ? [tr('endorse.missingSubject')] : [];
  for (const name of ['endorser-name', 'endorser-url', 'comment'] as const) {
    if (values[name]?.trim()) continue;
    const answer = (await context.ask?.(`${name}: `))?.trim();
    if (answer) values[name] = answer;
    else missing.push(`--${name}`);
  }
  if (missing.length > 0 || kind === undefined) {
    context.err.write(`${tr('endorse.missing', { options: missing.join(', ') })}\n\n${usage}`);
    return 2;
  }
  const endorserName = (values['endorser-name'] as string).trim();
  const endorserUrl = (values['endorser-url'] as string).trim();
  const comment = (values.comment as string).trim();
  const refusals = [
    textProblem(say('endorse.text.name'), endorserName, NAME_MAX),
    textProblem(say('endorse.text.comment'), comment, COMMENT_MAX),
    URL.canParse(endorserUrl) && /^https?:$/.test(new URL(endorserUrl).protocol)
      ? undefined
      : say('endorse.badUrl', { value: redact(endorserUrl.slice(0, 200)) }),
  ].filter((text) => text !== undefined);
  if (refusals.length > 0) {
    context.err.write(refusals.map((text) => `✖ ${tr('text.verbatim', { text })}\n`).join(''));
    return 2;
  }

  const day = today(context.env);
  const model = loadValidContent(context, day);
  if (!model) return 1;
  const site = readSiteLocation(context.cwd);
  if (!site.ok) {
    context.err.write(`${tr('endorse.siteUnknown', { reason: site.says })}\n`);
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
        `${tr('endorse.noIssuer', { slug: redact(key), guess: guess ? say('new.didYouMean', { name: guess }) : '' })}\n`,
      );
      return 1;
    }
    subjectId = urls.issuerDid(issuer.slug);
    subjectName = issuer.name;
    slugPart = issuer.slug;
  } else {
    const award = isAwardId(key) ? model.awards.get(key) : undefined;
    if (!award) {
      context.err.write(`${tr('endorse.noAward', { id: redact(key) })}\n`);
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
    context.err.write(`${t(context)('endorse.exists', { file: display(out, context.cwd) })}\n`);
    return 1;
  }
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`, { flag: 'wx' });
  context.out.write(
    tr('endorse.requestWritten', {
      file: display(out, context.cwd),
      subject: subjectId,
      id: String(document.id),
      name: basename(out),
      endorser: endorserName,
    }),
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
): Promise<
  { ok: true; privateKey: CryptoKey; publicKey: Uint8Array; didWeb?: string } | { ok: false; reason: Message }
> {
  let parsed: Partial<EndorserKeyFile>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<EndorserKeyFile>;
  } catch {
    return { ok: false, reason: say('endorse.key.unreadable') };
  }
  const jwk = parsed?.jwk;
  if (
    parsed?.type !== KEY_FILE_TYPE ||
    typeof jwk !== 'object' ||
    jwk === null ||
    jwk.kty !== 'OKP' ||
    jwk.crv !== 'Ed25519' ||
    typeof jwk.d !== 'string' ||
    typeof jwk.x !== 'string' ||
    (typeof parsed.did === 'string' &&
      parsed.did.startsWith('did:web:') &&
      didWebToUrl(parsed.did) === undefined)
  ) {
    return { ok: false, reason: say('endorse.key.notEndorserKey') };
  }
  try {
    const privateKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d },
      'Ed25519',
      false,
      ['sign'],
    );
    const didWeb = parsed.did?.startsWith('did:web:') ? parsed.did : undefined;
    return { ok: true, privateKey, publicKey: base64url.decode(jwk.x), ...(didWeb && { didWeb }) };
  } catch {
    return { ok: false, reason: say('endorse.key.damaged') };
  }
}

/** The proof's `created`: now to the second, or the pinned day (INSIGNE_TODAY) for reproducible runs. */
function createdNow(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INSIGNE_TODAY) return toDateTimeZ(today(env));
  return `${new Date().toISOString().slice(0, 19)}Z`;
}

async function sign(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  const usage = tr('help.endorse');
  const parsed = parseOptions(args, SIGN_OPTIONS, usage, context);
  if ('exit' in parsed) return parsed.exit;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0 || parsed.values.key === undefined) {
    context.err.write(`${tr('endorse.giveFileAndKey')}\n\n${usage}`);
    return 2;
  }
  const requestPath = resolveOut(context, file, file);
  let requestJson: JsonValue;
  try {
    requestJson = JSON.parse(readFileSync(requestPath, 'utf8').replace(/^\uFEFF/, '')) as JsonValue;
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'endorse.fileMissing' : 'endorse.fileNotJson';
    context.err.write(`${tr(why, { file: display(requestPath, context.cwd) })}\n`);
    return 1;
  }
  const keyPath = resolveOut(context, parsed.values.key, parsed.values.key);
  if (!existsSync(keyPath)) {
    context.err.write(
      `${tr('endorse.keyMissing', { file: display(keyPath, context.cwd), name: basename(keyPath) })}\n`,
    );
    return 1;
  }
  const key = await readEndorserKey(keyPath);
  if (!key.ok) {
    context.err.write(
      `${tr('endorse.keyRefused', { file: display(keyPath, context.cwd), reason: key.reason })}\n`,
    );
    return 1;
  }
  const signed = await signEndorsement(requestJson, key, createdNow(context.env));
  if (!signed.ok) {
    context.err.write(
      `${tr('endorse.cannotSign', { file: display(requestPath, context.cwd) })}\n${signed.problems.map((p) => `  - ${tr('text.verbatim', { text: p })}\n`).join('')}`,
    );
    return 1;
  }
  const fallback = basename(requestPath).endsWith('.request.json')
    ? basename(requestPath).slice(0, -'.request.json'.length).concat('.json')
    : basename(requestPath).replace(/(\.json)?$/, '.signed.json');
  const out = resolveOut(context, parsed.values.out, join(dirname(requestPath), fallback));
  if (existsSync(out)) {
    context.err.write(`${t(context)('endorse.exists', { file: display(out, context.cwd) })}\n`);
    return 1;
  }
  writeFileSync(out, `${JSON.stringify(signed.document, null, 2)}\n`, { flag: 'wx' });
  context.out.write(
    tr('endorse.signed', { did: signed.did, file: display(out, context.cwd), name: basename(out) }),
  );
  const documentUrl = didWebToUrl(signed.did);
  if (documentUrl !== undefined)
    context.out.write(tr('endorse.signed.didWeb', { pinned: pinnedPathOf(signed.did), url: documentUrl }));
  return 0;
}

/** Where the DID document of a did:web key file goes: `federation.private.jwk.json` → `federation.did.json`. */
function didDocumentPathOf(keyPath: string): string {
  const name = basename(keyPath);
  const stem = name.replace(/\.private\.jwk\.json$/, '').replace(/\.json$/, '');
  return join(dirname(keyPath), `${stem === name ? `${name}.did` : `${stem}.did`}.json`);
}

/**
 * `badges keygen --endorser <file> [--did-web <https URL>]`: a new Ed25519 key for an endorser, written
 * only to `file` (mode 0600, never overwritten); prints the DID it gives. With `didWebUrl`, the endorser
 * is the did:web of that address: the key file records it and their DID document (public key only) is
 * written beside it, `<name>.did.json`, for them to publish and send to the administrator.
 */
export async function writeEndorserKey(
  path: string,
  context: CliContext,
  didWebUrl?: string,
): Promise<number> {
  const tr = t(context);
  const web = didWebUrl === undefined ? undefined : didWebOfUrl(didWebUrl);
  if (web !== undefined && !web.ok) {
    context.err.write(`${tr('endorse.didWebRefused', { reason: web.reason })}\n`);
    return 2;
  }
  const out = resolveOut(context, path, path);
  const documentPath = web === undefined ? undefined : didDocumentPathOf(out);
  for (const file of [out, documentPath]) {
    if (file !== undefined && existsSync(file)) {
      context.err.write(`${tr('endorse.keyExists', { file: display(file, context.cwd) })}\n`);
      return 1;
    }
  }
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const exported = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const jwk: JsonWebKey = { kty: 'OKP', crv: 'Ed25519', x: exported.x as string, d: exported.d as string };
  const publicKey = base64url.decode(jwk.x as string);
  const did = web?.ok ? web.did : didKeyOf(publicKey);
  const file: EndorserKeyFile = { type: KEY_FILE_TYPE, did, jwk };
  try {
    writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    if (documentPath !== undefined) {
      // Built from the public key alone: the private half never reaches this file.
      const document = toEndorserDidDocument(did, publicKey);
      writeFileSync(documentPath, `${JSON.stringify(document, null, 2)}\n`, { flag: 'wx' });
    }
  } catch (error) {
    context.err.write(
      `${tr('endorse.keyNotWritten', { file: display(out, context.cwd), reason: (error as Error).message })}\n`,
    );
    return 1;
  }
  chmodSync(out, 0o600);
  const ignored = out.endsWith('.private.jwk.json');
  context.out.write(
    [
      tr('endorse.keyWritten', { file: display(out, context.cwd), did }),
      ...(ignored ? [] : [tr('endorse.keyName.warning')]),
      ...(web?.ok && documentPath !== undefined
        ? [
            tr('endorse.didDocumentWritten', {
              file: display(documentPath, context.cwd),
              url: web.documentUrl,
              pinned: pinnedPathOf(did),
            }),
          ]
        : []),
      '',
      tr('endorse.keyNext', { name: basename(out) }),
      '',
    ].join('\n'),
  );
  return 0;
}
