/**
 * The content check of `content/endorsers/`: each file is the pinned copy of a did:web endorser's DID
 * document (DID Core §5), at the place its did.json URL gives (`content/endorsers/<host>[/<path>…]/did.json`,
 * see did-web.ts). A copy must be JSON, name its own did:web as `id` and list its verification methods;
 * whether it holds the key of an endorsement's proof is told by `checkEndorsementProofs`. A copy holding
 * private key material is refused by the content key scan, as any file of content/ is.
 */
import { scanForUnreadableText } from '../content/characters.ts';
import { parseYamlSource, type SourceFile } from '../content/parse.ts';
import type { ContentProblem } from '../content/problems.ts';
import { said } from '../content/problems.ts';
import { type Message, say } from '../messages/catalogue.ts';
import type { PinnedDidDocument } from '../model/types.ts';
import type { Resolver } from '../verify/resolver.ts';
import { didWebToUrl } from '../verify/resolver.ts';
import { didOfPinnedPath, pinnedPathOf } from './did-web.ts';
import { readJsonFile } from './json-file.ts';

export interface PinnedLinkResult {
  readonly documents: ReadonlyMap<string, PinnedDidDocument>;
  readonly problems: readonly ContentProblem[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is malformed in a DID document's methods, or undefined (DID Core §5.2: ids are strings). */
function malformedMember(document: Record<string, unknown>): string | undefined {
  for (const member of ['verificationMethod', 'assertionMethod'] as const) {
    const list = document[member];
    if (!Array.isArray(list) || list.length === 0) return member;
    for (const entry of list) {
      const ok = member === 'assertionMethod' && typeof entry === 'string';
      if (!ok && !(isObject(entry) && typeof entry.id === 'string')) return member;
    }
  }
  return undefined;
}

function readOne(file: SourceFile, problems: ContentProblem[]): PinnedDidDocument | undefined {
  const at = (line: number, field: string, message: Message, hint: Message) =>
    problems.push({ file: file.path, line, field, ...said(message, hint) });
  const did = didOfPinnedPath(file.path);
  if (did === undefined) {
    at(0, '', say('endorser.place'), say('endorser.place.hint'));
    return undefined;
  }
  const url = didWebToUrl(did) as string;
  const again = say('endorser.download.hint', { url, file: pinnedPathOf(did) });
  const read = readJsonFile(file);
  if (!read.ok) {
    at(read.line, '', say('endorser.invalidJson', { detail: read.detail }), again);
    return undefined;
  }
  const unreadable = scanForUnreadableText(file);
  if (unreadable.length > 0) {
    problems.push(...unreadable);
    return undefined;
  }
  const document = read.value;
  if (!isObject(document)) {
    at(1, '', say('endorser.notObject'), again);
    return undefined;
  }
  const lineOf = (path: readonly (string | number)[]) => parseYamlSource(file).lineOf(path);
  if (document.id !== did) {
    const id =
      typeof document.id === 'string' ? document.id.slice(0, 200) : JSON.stringify(document.id ?? null);
    at(lineOf(['id']), 'id', say('endorser.idMismatch', { id, did }), again);
    return undefined;
  }
  const member = malformedMember(document);
  if (member !== undefined) {
    at(lineOf([member]), member, say('endorser.malformed', { member }), again);
    return undefined;
  }
  return { file: file.path, did, url, text: file.text };
}

/** Checks every pinned copy; the good ones by DID. */
export function linkPinnedDocuments(files: readonly SourceFile[]): PinnedLinkResult {
  const problems: ContentProblem[] = [];
  const documents = new Map<string, PinnedDidDocument>();
  for (const file of files) {
    const document = readOne(file, problems);
    if (document !== undefined) documents.set(document.did, document);
  }
  return { documents, problems };
}

const encoder = new TextEncoder();

/**
 * A verifier's resolver answering only the did.json URLs of pinned copies, from the copies: what `check`
 * and the build's self-check resolve did:web endorsers with. Any other URL fails with `otherwise`'s
 * answer (the offline refusal, or the site's own files).
 */
export function createPinnedResolver(
  documents: ReadonlyMap<string, PinnedDidDocument>,
  otherwise: Resolver,
): Resolver {
  const byUrl = new Map([...documents.values()].map((document) => [document.url, document.text]));
  if (byUrl.size === 0) return otherwise;
  return async (url) => {
    const text = byUrl.get(url);
    return text === undefined
      ? otherwise(url)
      : { ok: true, url, body: encoder.encode(text), contentType: 'application/json' };
  };
}
