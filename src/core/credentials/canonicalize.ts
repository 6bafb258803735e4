/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document, the transformation the
 * `eddsa-rdfc-2022` cryptosuite signs (DIGEST §4.2 step 3).
 *
 * Cost: jsonld keeps processed contexts in a process-wide cache keyed by context URL, and expansion to
 * RDF is done once per document shape (rdf-template.ts), so a credential costs its canonicalization
 * (~0.5 ms) rather than a full expansion (~5 ms). Since the loader serves only pinned, immutable
 * documents, sharing both caches across thousands of credentials is safe.
 */
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { InsigneError } from '../errors.ts';
import { type DocumentLoader, documentLoader as pinnedLoader } from './document-loader.ts';
import type { JsonObject } from './json.ts';
import { createTemplatedToDataset, type RdfQuad } from './rdf-template.ts';

export interface CanonicalizeOptions {
  /** Defaults to the shared pinned loader. */
  readonly documentLoader?: DocumentLoader;
  /** Expand with jsonld for this document even where a cached shape would do (tests, cross-checks). */
  readonly reference?: boolean;
}

// @types/jsonld describes jsonld 1.5: it lacks the `safe` option that jsonld 9 supports.
type ToRdf = (input: JsonObject, options: { documentLoader: DocumentLoader; safe: true }) => Promise<object>;
const toRdf = jsonld.toRDF as unknown as ToRdf;

/** Expansion once per document shape (see rdf-template.ts), over the pinned contexts. */
const templated = createTemplatedToDataset(
  (document) => toRdf(document, { documentLoader: pinnedLoader, safe: true }) as Promise<RdfQuad[]>,
);

/** jsonld wraps a loader's error (`details.cause`); find ours so its code reaches the caller. */
function insigneErrorIn(error: unknown, depth = 0): InsigneError | undefined {
  if (error instanceof InsigneError) return error;
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const { cause, details } = error as { cause?: unknown; details?: { cause?: unknown } };
  return insigneErrorIn(details?.cause, depth + 1) ?? insigneErrorIn(cause, depth + 1);
}

/**
 * Canonical N-Quads (UTF-8 text, every line LF-terminated) of `document`. JSON-LD "safe mode" is on:
 * a term no context defines, or any other lossy construct, makes it reject with
 * `ERR_JSONLD_UNSAFE` instead of being silently dropped from what gets signed.
 */
export async function canonicalize(document: JsonObject, options: CanonicalizeOptions = {}): Promise<string> {
  let dataset: object;
  const loader = options.documentLoader ?? pinnedLoader;
  try {
    dataset =
      options.reference || loader !== pinnedLoader
        ? await toRdf(document, { documentLoader: loader, safe: true })
        : await templated(document);
  } catch (error) {
    const ours = insigneErrorIn(error);
    if (ours !== undefined) throw ours;
    const cause = error as { details?: { event?: { code?: string } }; message?: string };
    if (cause.details?.event?.code !== undefined) {
      throw new InsigneError(
        'ERR_JSONLD_UNSAFE',
        `The document cannot be signed safely: JSON-LD reported "${cause.details.event.code}" ` +
          `(${cause.message ?? 'no detail'}). Every property and type must be defined by its @context.`,
        { cause: error },
      );
    }
    throw new InsigneError(
      'ERR_JSONLD_INVALID',
      `The document is not valid JSON-LD: ${String(cause.message)}`,
      {
        cause: error,
      },
    );
  }
  return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
}
