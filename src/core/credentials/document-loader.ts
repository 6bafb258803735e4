/**
 * The JSON-LD document loader: pinned copies of every context Insigne reads, and nothing else
 * (DIGEST §3.11 "Pin all contexts locally … never fetch at runtime"). Asking for any other URL is a
 * programming or input error, reported with a code instead of a network request.
 */
import { InsigneError } from '../errors.ts';
import credentialsV2 from './contexts/credentials-v2.json' with { type: 'json' };
import didV1 from './contexts/did-v1.json' with { type: 'json' };
import multikeyV1 from './contexts/multikey-v1.json' with { type: 'json' };
import ob2Context from './contexts/ob-v2p0-context.json' with { type: 'json' };
import ob3Context from './contexts/ob-v3p0-context-3.0.3.json' with { type: 'json' };
import ob3Extensions from './contexts/ob-v3p0-extensions.json' with { type: 'json' };

/** The URLs of the pinned contexts (contexts/README.md gives each file's source). */
export const CONTEXT_URLS = {
  credentialsV2: 'https://www.w3.org/ns/credentials/v2',
  ob3: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ob3Extensions: 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
  ob2: 'https://w3id.org/openbadges/v2',
  didV1: 'https://www.w3.org/ns/did/v1',
  multikeyV1: 'https://w3id.org/security/multikey/v1',
} as const;

/** What a JSON-LD processor expects back from a document loader (JSON-LD 1.1 API §RemoteDocument). */
export interface RemoteDocument {
  readonly contextUrl: null;
  readonly documentUrl: string;
  readonly document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

const PINNED: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [CONTEXT_URLS.credentialsV2, credentialsV2],
  [CONTEXT_URLS.ob3, ob3Context],
  [CONTEXT_URLS.ob3Extensions, ob3Extensions],
  [CONTEXT_URLS.ob2, ob2Context],
  [CONTEXT_URLS.didV1, didV1],
  [CONTEXT_URLS.multikeyV1, multikeyV1],
]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

for (const document of PINNED.values()) deepFreeze(document);

/**
 * Creates a loader serving the pinned contexts, plus `extra` documents (URL → parsed JSON) when a caller
 * needs more, e.g. a test context. Unknown URLs reject with `ERR_JSONLD_CONTEXT_NOT_PINNED`.
 */
export function createDocumentLoader(extra: ReadonlyMap<string, unknown> = new Map()): DocumentLoader {
  return async (url: string) => {
    const document = PINNED.get(url) ?? extra.get(url);
    if (document === undefined) {
      throw new InsigneError(
        'ERR_JSONLD_CONTEXT_NOT_PINNED',
        `The JSON-LD document ${url} is not one of the pinned contexts, and Insigne never fetches contexts ` +
          `over the network. Use only the contexts listed in CONTEXT_URLS, or pin a copy with its source.`,
      );
    }
    return { contextUrl: null, documentUrl: url, document };
  };
}

/** The shared loader over the pinned contexts only: reuse it so processed contexts stay cached. */
export const documentLoader: DocumentLoader = createDocumentLoader();
