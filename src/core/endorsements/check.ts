/**
 * The content check of `content/endorsements/*.json`: each file is an EndorsementCredential signed by a
 * third party (OB 3.0 §EndorsementCredential, DIGEST §3.10), checked for its structure (the official
 * schema), its address on this site, its subject (a badge, issuer or award that exists), its dates and its
 * endorser; then, asynchronously, for its proof, with the verifier's own Data Integrity check over a
 * resolver that fetches nothing (a did:key is decoded locally, a did:web read from its pinned copy under
 * content/endorsers/, see pinned.ts). Every mistake is a ContentProblem with the line of the JSON field.
 */

import { controlCharacterIn, scanForUnreadableText, showControlCharacters } from '../content/characters.ts';
import type { ParsedSource, SourceFile } from '../content/parse.ts';
import { parseYamlSource } from '../content/parse.ts';
import type { ContentProblem } from '../content/problems.ts';
import { closestName, said } from '../content/problems.ts';
import { invisibleCharacterIn } from '../content/text-safety.ts';
import type { JsonObject } from '../credentials/json.ts';
import { type Message, say } from '../messages/catalogue.ts';
import type { Award, Badge, Endorsement, Issuer, Model, PinnedDidDocument } from '../model/types.ts';
import { awardUrn, type SiteUrls, sitePaths } from '../urls.ts';
import { checkDataIntegrity } from '../verify/data-integrity.ts';
import { endorsementCredentialErrors } from '../verify/ob3-schema.ts';
import { didWebToUrl } from '../verify/resolver.ts';
import { createSession } from '../verify/session.ts';
import { pinnedPathOf } from './did-web.ts';
import { ENDORSEMENT_NAME, ENDORSEMENT_NAME_MAX } from './document.ts';
import { readJsonFile } from './json-file.ts';
import { createPinnedResolver, linkPinnedDocuments } from './pinned.ts';

export interface EndorsementContent {
  /** Files under content/endorsements/. */
  readonly files: readonly SourceFile[];
  /** Files under content/endorsers/: pinned DID documents of did:web endorsers (see pinned.ts). */
  readonly didDocuments?: readonly SourceFile[];
  /** The linked model, when the rest of the content is valid (subjects are looked up in it). */
  readonly model?: Model;
  /** The site's URL authority; undefined when the shell could not tell where the site is published. */
  readonly urls?: SiteUrls;
  /** Why the site's address is unknown, for the problem told when there are endorsements. */
  readonly siteUnknown?: Message;
  /** YYYY-MM-DD. */
  readonly today: string;
}

export interface EndorsementLinkResult {
  /** The model with every endorsement attached to its subject (unchanged when there is none). */
  readonly model?: Model;
  readonly problems: readonly ContentProblem[];
}

const SIGN_AGAIN = say('endorsement.signAgain.hint');
const NEW_REQUEST = say('endorsement.newRequest.hint');
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
  const at = (line: number, field: string, message: Message, hint?: Message) =>
    problems.push({ file: file.path, line, field, ...said(message, hint) });
  if (!file.path.toLowerCase().endsWith('.json')) {
    at(0, '', say('endorsement.notJson'), say('endorsement.notJson.hint'));
    return undefined;
  }
  const read = readJsonFile(file);
  if (!read.ok) {
    at(read.line, '', say('endorsement.invalidJson', { detail: read.detail }), SIGN_AGAIN);
    return undefined;
  }
  const data = read.value;
  if (!isObject(data)) {
    at(1, '', say('endorsement.notObject'), SIGN_AGAIN);
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
    at(lineOf(path), dotted(path), say('endorsement.schema', { detail: error.message }), SIGN_AGAIN);
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
      at(lineOf(path), dotted(path), say('endorsement.control', { control }), SIGN_AGAIN);
  }
  // The endorser's name is shown as theirs: no character that hides or reorders part of it.
  const invisible = invisibleCharacterIn(endorserName);
  if (invisible !== undefined) {
    at(
      lineOf(['issuer', 'name']),
      'issuer.name',
      say('endorsement.invisibleName', {
        code: invisible.code,
        name: invisible.name,
        position: invisible.position,
      }),
      SIGN_AGAIN,
    );
  }

  if (data.proof === undefined) {
    at(1, 'proof', say('endorsement.unsigned'), say('endorsement.unsigned.hint'));
  }
  if (!/^did:key:/.test(endorserId) && !(endorserId.startsWith('did:web:') && didWebToUrl(endorserId))) {
    at(
      lineOf(['issuer', 'id']),
      'issuer.id',
      say('endorsement.endorserId', { id: showControlCharacters(endorserId.slice(0, 200)) }),
      SIGN_AGAIN,
    );
  }
  if (endorserName === '') {
    at(lineOf(['issuer']), 'issuer.name', say('endorsement.endorserName'), SIGN_AGAIN);
  }
  const validFrom = dayOf(data.validFrom);
  if (validFrom !== undefined && validFrom > input.today) {
    at(
      lineOf(['validFrom']),
      'validFrom',
      say('endorsement.notYetValid', { day: validFrom, today: input.today }),
      say('endorsement.notYetValid.hint'),
    );
  }
  const validUntil = dayOf(data.validUntil);
  if (validUntil !== undefined && validUntil <= input.today) {
    at(
      lineOf(['validUntil']),
      'validUntil',
      say('endorsement.expired', { day: validUntil }),
      say('endorsement.expired.hint'),
    );
  }

  const urls = input.urls;
  if (urls === undefined) {
    at(
      lineOf(['id']),
      'id',
      say('endorsement.siteUnknown', {
        reason: input.siteUnknown ?? say('endorsement.siteUnknown.default'),
      }),
      say('endorsement.siteUnknown.hint'),
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
      say('endorsement.badId', { id: showControlCharacters(id.slice(0, 200)), stem }),
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
        say('endorsement.unknownSubject', { id: shown }),
        near !== undefined
          ? say('endorsement.unknownSubject.guess.hint', {
              slug: targets.byId.get(near)?.key ?? near,
              id: near,
              next: NEW_REQUEST,
            })
          : say('endorsement.unknownSubject.hint', { next: NEW_REQUEST }),
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
        ...said(
          say('endorsement.duplicate', { id: endorsement.id, file: earlier }),
          say('endorsement.duplicate.hint'),
        ),
      });
      continue;
    }
    seen.set(endorsement.id, file.path);
    found.push(endorsement);
  }
  const pinned = linkPinnedDocuments(input.didDocuments ?? []);
  problems.push(...pinned.problems);
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
      ...(pinned.documents.size > 0 && { endorsers: pinned.documents }),
    },
    problems,
  };
}

/** The verifier's answer for a document nothing may be fetched for. */
const offline = async (url: string) =>
  ({ ok: false, url, reason: `${url} is not fetched: endorsements are checked offline.` }) as const;

/**
 * The signature of every endorsement, checked as any verifier would, offline: a did:key is decoded
 * locally, a did:web is read from its pinned copy in `endorsers` (content/endorsers/), never fetched.
 */
export async function checkEndorsementProofs(
  endorsements: readonly Endorsement[],
  endorsers: ReadonlyMap<string, PinnedDidDocument> = new Map(),
): Promise<ContentProblem[]> {
  const session = createSession(createPinnedResolver(endorsers, offline));
  const problems: ContentProblem[] = [];
  for (const endorsement of endorsements) {
    const at = (line: number, field: string, message: Message, hint: Message) =>
      problems.push({ file: endorsement.file, line, field, ...said(message, hint) });
    const did = showControlCharacters(endorsement.endorser.id);
    const name = showControlCharacters(endorsement.endorser.name);
    const didWeb = endorsement.endorser.id.startsWith('did:web:');
    const pinned = endorsers.get(endorsement.endorser.id);
    // A did:web (checked well-formed by linkEndorsements) without its pinned copy cannot be resolved here.
    if (didWeb && pinned === undefined) {
      const url = didWebToUrl(endorsement.endorser.id) ?? '';
      const file = pinnedPathOf(endorsement.endorser.id);
      at(
        endorsement.lines.issuer,
        'issuer.id',
        say('endorsement.didWebNotPinned', { did }),
        say('endorsement.didWebNotPinned.hint', { url, file }),
      );
      continue;
    }
    const { proof, key, proofInfo } = await checkDataIntegrity(
      session,
      endorsement.document as JsonObject,
      endorsement.endorser.id,
    );
    const method =
      proofInfo?.type === 'DataIntegrityProof'
        ? proofInfo.verificationMethod
        : say('endorsement.wrongKey.itsKey');
    if (key.status === 'failure' && pinned !== undefined) {
      at(
        endorsement.lines.proof,
        'proof',
        say('endorsement.didWebKey', { method, did, file: pinned.file }),
        say('endorsement.didWebKey.hint', { url: pinned.url, file: pinned.file }),
      );
    } else if (key.status === 'failure') {
      at(endorsement.lines.proof, 'proof', say('endorsement.wrongKey', { method, did }), SIGN_AGAIN);
    } else if (proof.status !== 'success') {
      at(endorsement.lines.proof, 'proof', say('endorsement.badSignature', { name, did }), SIGN_AGAIN);
    }
  }
  return problems;
}
