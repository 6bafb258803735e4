/**
 * The content check of `content/endorsements/*.json`: each file is an EndorsementCredential signed by a
 * third party (OB 3.0 §EndorsementCredential, DIGEST §3.10), checked for its structure (the official
 * schema), its address on this site, its subject (a badge, issuer or award that exists), its dates and its
 * endorser; then, asynchronously, for its proof, with the verifier's own Data Integrity check over an
 * offline resolver (a did:key is decoded locally, nothing is fetched). Every mistake is a ContentProblem
 * with the line of the JSON field.
 */

import { controlCharacterIn, scanForUnreadableText, showControlCharacters } from '../content/characters.ts';
import type { ParsedSource, SourceFile } from '../content/parse.ts';
import { parseYamlSource } from '../content/parse.ts';
import type { ContentProblem } from '../content/problems.ts';
import { closestName } from '../content/problems.ts';
import { describeInvisible, invisibleCharacterIn } from '../content/text-safety.ts';
import type { JsonObject } from '../credentials/json.ts';
import type { Award, Badge, Endorsement, Issuer, Model } from '../model/types.ts';
import { awardUrn, type SiteUrls, sitePaths } from '../urls.ts';
import { checkDataIntegrity } from '../verify/data-integrity.ts';
import { endorsementCredentialErrors } from '../verify/ob3-schema.ts';
import { createSession } from '../verify/session.ts';
import { ENDORSEMENT_NAME, ENDORSEMENT_NAME_MAX } from './document.ts';

export interface EndorsementContent {
  /** Files under content/endorsements/. */
  readonly files: readonly SourceFile[];
  /** The linked model, when the rest of the content is valid (subjects are looked up in it). */
  readonly model?: Model;
  /** The site's URL authority; undefined when the shell could not tell where the site is published. */
  readonly urls?: SiteUrls;
  /** Why the site's address is unknown, for the problem told when there are endorsements. */
  readonly siteUnknown?: string;
  /** YYYY-MM-DD. */
  readonly today: string;
}

export interface EndorsementLinkResult {
  /** The model with every endorsement attached to its subject (unchanged when there is none). */
  readonly model?: Model;
  readonly problems: readonly ContentProblem[];
}

const SIGN_AGAIN =
  'Do not edit a signed endorsement: ask the endorser to sign the request again (`npm run badges -- endorse sign`) and commit the file they send back unchanged.';
const NEW_REQUEST =
  'Write a new request in this project (`npm run badges -- endorse request`) and have it signed: the request holds the right addresses.';
const MAX_SUGGEST_LENGTH = 300;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const dotted = (path: readonly (string | number)[]) =>
  path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');

function pointerPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Day part of a dateTime, or undefined when it is not one. */
const dayOf = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : undefined;

interface Targets {
  readonly byId: ReadonlyMap<string, Endorsement['subject']>;
  readonly achievementIds: readonly string[];
}

function targetsOf(model: Model, urls: SiteUrls): Targets {
  const byId = new Map<string, Endorsement['subject']>();
  const achievementIds: string[] = [];
  for (const slug of model.badges.keys()) {
    const id = urls.absolute(sitePaths.achievement(slug));
    byId.set(id, { kind: 'badge', key: slug });
    achievementIds.push(id);
  }
  for (const slug of model.issuers.keys()) byId.set(urls.issuerDid(slug), { kind: 'issuer', key: slug });
  for (const id of model.awards.keys()) byId.set(awardUrn(id), { kind: 'award', key: id });
  return { byId, achievementIds };
}

/** The id an endorsement named `name` has on this site. */
export function endorsementUrl(urls: SiteUrls, name: string): string {
  return urls.absolute(sitePaths.endorsement(name));
}

/** Reads and checks one file; the endorsement when nothing is wrong with it. */
function readOne(
  file: SourceFile,
  input: EndorsementContent,
  targets: Targets | undefined,
  problems: ContentProblem[],
): Endorsement | undefined {
  const at = (line: number, field: string, message: string, hint?: string) =>
    problems.push({ file: file.path, line, field, message, ...(hint !== undefined && { hint }) });
  if (!file.path.toLowerCase().endsWith('.json')) {
    at(
      0,
      '',
      'Files under content/endorsements/ are signed endorsements in JSON; this one is not a .json file.',
      'Move it out of content/endorsements/, or commit the .json file `badges endorse sign` wrote.',
    );
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // Without the excerpt of the file V8 quotes after the reason: it could be anything pasted there.
    const reason = error instanceof Error ? error.message : String(error);
    const detail = showControlCharacters(
      (reason.split(/, (?:\.\.\.)?"/)[0] ?? '').split('\n')[0] ?? '',
    ).slice(0, 200);
    // V8 gives "(line L column C)" for most mistakes; otherwise the first line.
    const line = Number(/\(line (\d+) column/.exec(detail)?.[1] ?? 1);
    at(line, '', `The file is not valid JSON: ${detail}`, SIGN_AGAIN);
    return undefined;
  }
  if (!isObject(data)) {
    at(1, '', 'The file does not hold a JSON object, so it is not an endorsement.', SIGN_AGAIN);
    return undefined;
  }
  const unreadable = scanForUnreadableText(file);
  if (unreadable.length > 0) {
    problems.push(...unreadable);
    return undefined;
  }
  // The same text read as YAML (JSON is YAML) gives the line of every field; read once, when needed.
  let lines: ParsedSource | undefined;
  const lineOf = (path: readonly (string | number)[]) => {
    lines ??= parseYamlSource(file);
    return lines.lineOf(path);
  };
  const before = problems.length;

  const schemaErrors = endorsementCredentialErrors(data);
  // One problem per top-level field: the schema often says the same thing twice (the list and its item).
  const fields = new Set<string>();
  for (const error of schemaErrors) {
    const path = pointerPath(error.pointer);
    const top = String(path[0] ?? '');
    if (fields.has(top) || fields.size >= 10) continue;
    fields.add(top);
    at(lineOf(path), dotted(path), `Not a valid OB 3.0 EndorsementCredential: ${error.message}.`, SIGN_AGAIN);
  }
  const subject = isObject(data.credentialSubject) ? data.credentialSubject : {};
  const issuer = isObject(data.issuer) ? data.issuer : {};
  const id = typeof data.id === 'string' ? data.id : '';
  const subjectId = typeof subject.id === 'string' ? subject.id : '';
  const endorserId = typeof issuer.id === 'string' ? issuer.id : '';
  const endorserName = typeof issuer.name === 'string' ? issuer.name.trim() : '';
  if (schemaErrors.length > 0) return undefined;
  // Written as \u escapes, control characters pass the line scan; what pages show is checked once parsed.
  for (const [path, value] of [
    [['issuer', 'name'], endorserName],
    [['credentialSubject', 'endorsementComment'], subject.endorsementComment],
  ] as const) {
    const control = typeof value === 'string' ? controlCharacterIn(value) : undefined;
    if (control !== undefined)
      at(
        lineOf(path),
        dotted(path),
        `This text holds a control character (${control}), which cannot be published.`,
        SIGN_AGAIN,
      );
  }
  // The endorser's name is shown as theirs: no character that hides or reorders part of it.
  const invisible = invisibleCharacterIn(endorserName);
  if (invisible !== undefined) {
    at(
      lineOf(['issuer', 'name']),
      'issuer.name',
      `The endorser's name holds an invisible or direction-changing character (${describeInvisible(invisible)}).`,
      SIGN_AGAIN,
    );
  }

  if (data.proof === undefined) {
    at(
      1,
      'proof',
      'The endorsement is not signed: it has no proof.',
      'Send this request to the endorser; they sign it with `npm run badges -- endorse sign <file> --key <their key>`, and you commit the signed file they send back.',
    );
  }
  if (!/^did:(key|web):/.test(endorserId)) {
    at(
      lineOf(['issuer', 'id']),
      'issuer.id',
      `The endorser is identified by "${showControlCharacters(endorserId.slice(0, 200))}", which is neither a did:key nor a did:web.`,
      SIGN_AGAIN,
    );
  }
  if (endorserName === '') {
    at(
      lineOf(['issuer']),
      'issuer.name',
      "The endorser's name is missing; pages show it with the endorsement.",
      SIGN_AGAIN,
    );
  }
  const validFrom = dayOf(data.validFrom);
  if (validFrom !== undefined && validFrom > input.today) {
    at(
      lineOf(['validFrom']),
      'validFrom',
      `The endorsement is valid from ${validFrom}, after today (${input.today}).`,
      'Commit it on or after that day, or ask the endorser to sign a request dated today.',
    );
  }
  const validUntil = dayOf(data.validUntil);
  if (validUntil !== undefined && validUntil <= input.today) {
    at(
      lineOf(['validUntil']),
      'validUntil',
      `The endorsement expired on ${validUntil}.`,
      'Remove the file, or ask the endorser for a new endorsement.',
    );
  }

  const urls = input.urls;
  if (urls === undefined) {
    at(
      lineOf(['id']),
      'id',
      `The endorsement cannot be checked: ${input.siteUnknown ?? 'the address of the site is unknown.'}`,
      'Set `site` and `base` in astro.config.mjs as plain strings.',
    );
    return undefined;
  }
  const prefix = urls.absolute(sitePaths.endorsement(''));
  const stem = prefix.slice(0, -'.json'.length);
  const name = id.startsWith(stem) && id.endsWith('.json') ? id.slice(stem.length, -'.json'.length) : '';
  if (name.length > ENDORSEMENT_NAME_MAX || !ENDORSEMENT_NAME.test(name)) {
    at(
      lineOf(['id']),
      'id',
      `The endorsement's id "${showControlCharacters(id.slice(0, 200))}" is not an address of this site's endorsements (${stem}<name>.json).`,
      NEW_REQUEST,
    );
  }
  let target: Endorsement['subject'] | undefined;
  if (targets !== undefined) {
    target = targets.byId.get(subjectId);
    if (target === undefined) {
      const shown = showControlCharacters(subjectId.slice(0, 200));
      const near =
        subjectId.length <= MAX_SUGGEST_LENGTH ? closestName(subjectId, targets.achievementIds) : undefined;
      at(
        lineOf(['credentialSubject', 'id']),
        'credentialSubject.id',
        `It endorses "${shown}", which is no badge, issuer or award of this site.`,
        near !== undefined
          ? `Did you mean the badge "${targets.byId.get(near)?.key ?? near}" (${near})? ${NEW_REQUEST}`
          : `The endorsed badge, issuer or award may have been renamed or removed. ${NEW_REQUEST}`,
      );
    }
  }
  if (problems.length > before || target === undefined) return undefined;
  return {
    file: file.path,
    id,
    path: sitePaths.endorsement(name),
    subject: target,
    endorser: {
      id: endorserId,
      name: endorserName,
      ...(typeof issuer.url === 'string' && { url: issuer.url }),
    },
    ...(typeof subject.endorsementComment === 'string' && { comment: subject.endorsementComment }),
    validFrom: String(data.validFrom),
    document: data,
    lines: {
      proof: lineOf(['proof']),
      issuer: lineOf(['issuer', 'id']),
      comment: lineOf(['credentialSubject', 'endorsementComment']),
    },
  };
}

const byId = (a: Endorsement, b: Endorsement) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function attach<T extends Issuer | Badge | Award>(
  values: ReadonlyMap<string, T>,
  kind: Endorsement['subject']['kind'],
  endorsements: readonly Endorsement[],
): ReadonlyMap<string, T> {
  const of = new Map<string, Endorsement[]>();
  for (const e of endorsements) {
    if (e.subject.kind !== kind) continue;
    of.set(e.subject.key, [...(of.get(e.subject.key) ?? []), e]);
  }
  if (of.size === 0) return values;
  return new Map(
    [...values].map(([key, value]) => {
      const own = of.get(key);
      return [key, own === undefined ? value : { ...value, endorsements: own }];
    }),
  );
}

/**
 * Checks every endorsement file and attaches the good ones to their subjects. Without a model (the rest
 * of the content has problems), files are still checked for everything but their subject.
 */
export function linkEndorsements(input: EndorsementContent): EndorsementLinkResult {
  const problems: ContentProblem[] = [];
  const targets = input.model && input.urls ? targetsOf(input.model, input.urls) : undefined;
  const found: Endorsement[] = [];
  const seen = new Map<string, string>();
  for (const file of input.files) {
    const endorsement = readOne(file, input, targets, problems);
    if (endorsement === undefined) continue;
    const earlier = seen.get(endorsement.id);
    if (earlier !== undefined) {
      problems.push({
        file: file.path,
        line: parseYamlSource(file).lineOf(['id']),
        field: 'id',
        message: `Another file already holds the endorsement ${endorsement.id} (${earlier}).`,
        hint: 'Keep one file per endorsement: delete the copy.',
      });
      continue;
    }
    seen.set(endorsement.id, file.path);
    found.push(endorsement);
  }
  const model = input.model;
  if (model === undefined || found.length === 0) return { ...(model && { model }), problems };
  const endorsements = found.sort(byId);
  return {
    model: {
      ...model,
      issuers: attach(model.issuers, 'issuer', endorsements),
      badges: attach(model.badges, 'badge', endorsements),
      awards: attach(model.awards, 'award', endorsements),
      endorsements,
    },
    problems,
  };
}

/** The verifier's answer for a document nothing may be fetched for. */
const offline = async (url: string) =>
  ({ ok: false, url, reason: `${url} is not fetched: endorsements are checked offline.` }) as const;

/**
 * The signature of every endorsement, checked as any verifier would (the endorser's did:key decoded
 * locally; a did:web cannot be resolved offline and is reported as such).
 */
export async function checkEndorsementProofs(
  endorsements: readonly Endorsement[],
): Promise<ContentProblem[]> {
  const session = createSession(offline);
  const problems: ContentProblem[] = [];
  for (const endorsement of endorsements) {
    const { proof, key, proofInfo } = await checkDataIntegrity(
      session,
      endorsement.document as JsonObject,
      endorsement.endorser.id,
    );
    const at = (line: number, field: string, message: string, hint: string) =>
      problems.push({ file: endorsement.file, line, field, message, hint });
    const did = showControlCharacters(endorsement.endorser.id);
    const name = showControlCharacters(endorsement.endorser.name);
    if (key.status === 'failure' && key.verdict === 'error') {
      at(
        endorsement.lines.issuer,
        'issuer.id',
        `The endorser's key (${did}) cannot be checked: Insigne checks endorsements offline and cannot read a did:web document.`,
        'Ask the endorser to sign with a did:key instead (`npm run badges -- keygen --endorser <file>` makes one).',
      );
    } else if (key.status === 'failure') {
      at(
        endorsement.lines.proof,
        'proof',
        `The endorsement is signed with a key that is not the endorser's: ${proofInfo?.type === 'DataIntegrityProof' ? proofInfo.verificationMethod : 'its key'} is not a key of ${did}.`,
        SIGN_AGAIN,
      );
    } else if (proof.status !== 'success') {
      at(
        endorsement.lines.proof,
        'proof',
        `The endorsement's signature does not match its content: it was changed after ${name} signed it, or signed with another key than ${did}.`,
        SIGN_AGAIN,
      );
    }
  }
  return problems;
}
