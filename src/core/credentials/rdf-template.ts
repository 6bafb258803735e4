/**
 * A faster route from our own JSON-LD documents to the RDF dataset that RDFC-1.0 canonicalizes, with
 * exactly the reference result. jsonld's expansion costs ~5 ms per credential (most of it re-entering
 * the OB 3.0 type-scoped contexts), while canonicalizing the resulting dataset costs ~0.4 ms. Thousands
 * of credentials share a handful of shapes, so expansion is done once per shape:
 *
 * 1. The **skeleton** of a document is everything that can change how JSON-LD expands it: keys, array
 *    lengths, `@context`, `type` values, numbers, booleans and nulls. Only string values are left out.
 * 2. For a new skeleton, the document is expanded once by jsonld with every string replaced by a unique
 *    placeholder IRI. Where a placeholder lands in the dataset, the string is used verbatim by JSON-LD:
 *    as a literal (any value), or as an IRI (verbatim only for an absolute IRI whose scheme no pinned
 *    context defines as a term: `https`, `http`, `urn`, `did`; checked by a test over the contexts).
 * 3. A document whose IRI-position strings are all such absolute IRIs is the template with its strings
 *    put back; any other IRI-position string (a vocabulary term such as `Badge`) is expanded for real, in
 *    a per-value variant of the template.
 *
 * Equivalence with the reference (jsonld.toRDF) is tested on every credential of the example site and on
 * generated documents. The verifier runs this on documents from anyone, so anything unusual falls back to
 * jsonld: an inline `@context` (it could redefine a scheme as a prefix), a placeholder that does not land
 * verbatim, or one that lands inside a longer value.
 */
import type { JsonObject, JsonValue } from './json.ts';

/** An RDF/JS-like term as jsonld.toRDF produces it. */
export interface RdfTerm {
  termType: string;
  value: string;
  datatype?: RdfTerm;
  language?: string;
}

export interface RdfQuad {
  subject: RdfTerm;
  predicate: RdfTerm;
  object: RdfTerm;
  graph: RdfTerm;
}

export type ToDataset = (document: JsonObject) => Promise<RdfQuad[]>;

const PLACEHOLDER = 'urn:insigne-placeholder:';
/** Any trace of a placeholder, even transformed (a prefix expanded in front of it). */
const PLACEHOLDER_MARK = 'insigne-placeholder:';
/** Absolute IRIs that JSON-LD keeps verbatim in @id and @vocab positions (no pinned context defines these schemes as terms). */
export const VERBATIM_IRI = /^(?:https?|urn|did):[^\s<>"{}|\\^`]*$/;
const POSITIONS = ['subject', 'object', 'graph'] as const;

interface Slot {
  readonly quad: number;
  readonly position: (typeof POSITIONS)[number];
  readonly leaf: number;
}

interface Template {
  readonly quads: readonly RdfQuad[];
  readonly slots: readonly Slot[];
}

interface Shape {
  /** Leaves that land in IRI positions; their values decide between the template and a variant. */
  readonly iriLeaves: ReadonlySet<number>;
  /** Template per combination of non-verbatim IRI values ('' = all verbatim). `undefined`: use jsonld. */
  readonly variants: Map<string, Template | undefined>;
}

/**
 * The string leaves of a document in traversal order, and its skeleton key; `undefined` when the document
 * defines terms inline (an `@context` that is not a list of context URLs): such a document could remap
 * the IRI schemes the template relies on, so it always goes through jsonld.
 */
function analyse(document: JsonObject): { leaves: string[]; skeleton: string } | undefined {
  const leaves: string[] = [];
  const parts: string[] = [];
  let inlineContext = false;
  const walk = (value: JsonValue, key: string | undefined): void => {
    if (typeof value === 'string') {
      if (key === 'type' || key === '@type') parts.push(JSON.stringify(value));
      else {
        leaves.push(value);
        parts.push('$');
      }
    } else if (Array.isArray(value)) {
      parts.push('[');
      for (const item of value as readonly JsonValue[]) walk(item, key);
      parts.push(']');
    } else if (value !== null && typeof value === 'object') {
      parts.push('{');
      for (const [k, v] of Object.entries(value)) {
        parts.push(JSON.stringify(k), ':');
        if (k === '@context') {
          const urls = Array.isArray(v) ? v : [v];
          if (!urls.every((url) => typeof url === 'string')) inlineContext = true;
          parts.push(JSON.stringify(v));
        } else if (v !== undefined) walk(v, k);
      }
      parts.push('}');
    } else parts.push(JSON.stringify(value));
  };
  walk(document, undefined);
  return inlineContext ? undefined : { leaves, skeleton: parts.join('') };
}

/** The document with its string leaves replaced, in traversal order, by `replace(index, value)`. */
function replaceLeaves(document: JsonObject, replace: (index: number, value: string) => string): JsonObject {
  let index = 0;
  const walk = (value: JsonValue, key: string | undefined): JsonValue => {
    if (typeof value === 'string') {
      if (key === 'type' || key === '@type') return value;
      const i = index++;
      return replace(i, value);
    }
    if (Array.isArray(value)) return (value as readonly JsonValue[]).map((item) => walk(item, key));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined) continue;
        out[k] = k === '@context' ? v : walk(v, k);
      }
      return out;
    }
    return value;
  };
  return walk(document, undefined) as JsonObject;
}

/** Builds a template from a placeholder-filled expansion; undefined if a placeholder did not land verbatim. */
function toTemplate(
  quads: readonly RdfQuad[],
  leafCount: number,
  keptLeaves: ReadonlySet<number> = new Set(),
): { template: Template; iriLeaves: Set<number> } | undefined {
  const slots: Slot[] = [];
  const iriLeaves = new Set<number>();
  for (const [q, quad] of quads.entries()) {
    for (const position of POSITIONS) {
      const term = quad[position];
      if (!term.value.includes(PLACEHOLDER_MARK)) continue;
      const leaf = Number(term.value.slice(PLACEHOLDER.length));
      if (!term.value.startsWith(PLACEHOLDER) || !Number.isInteger(leaf) || leaf >= leafCount)
        return undefined;
      if (term.termType !== 'Literal') iriLeaves.add(leaf);
      slots.push({ quad: q, position, leaf });
    }
    if (
      quad.predicate.value.includes(PLACEHOLDER_MARK) ||
      quad.object.datatype?.value.includes(PLACEHOLDER_MARK)
    )
      return undefined;
  }
  // Every placeholder must land verbatim somewhere; one that did not was transformed, so its value matters.
  const landed = new Set(slots.map((slot) => slot.leaf));
  for (let leaf = 0; leaf < leafCount; leaf++)
    if (!landed.has(leaf) && !keptLeaves.has(leaf)) return undefined;
  return { template: { quads, slots }, iriLeaves };
}

function instantiate(template: Template, leaves: readonly string[]): RdfQuad[] {
  const quads = template.quads.map((quad) => ({ ...quad }));
  for (const slot of template.slots) {
    const quad = quads[slot.quad] as RdfQuad;
    quad[slot.position] = { ...quad[slot.position], value: leaves[slot.leaf] as string };
  }
  // Two nodes that now share an id are one node for JSON-LD: its identical triples appear once.
  const seen = new Set<string>();
  return quads.filter((q) => {
    const key = `${q.subject.termType} ${q.subject.value}\u0000${q.predicate.value}\u0000${q.object.termType} ${q.object.value}\u0000${q.object.datatype?.value ?? ''}\u0000${q.object.language ?? ''}\u0000${q.graph.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A caching document → dataset converter over a reference converter (jsonld.toRDF with pinned contexts). */
export function createTemplatedToDataset(
  reference: ToDataset,
): ToDataset & { readonly shapes: () => number } {
  const shapes = new Map<string, Shape | undefined>();

  const convert = async (document: JsonObject): Promise<RdfQuad[]> => {
    const analysed = analyse(document);
    if (!analysed) return reference(document);
    const { leaves, skeleton } = analysed;
    let shape = shapes.get(skeleton);
    if (!shapes.has(skeleton)) {
      const probe = replaceLeaves(document, (i) => `${PLACEHOLDER}${i}`);
      const built = toTemplate(await reference(probe), leaves.length);
      shape = built && { iriLeaves: built.iriLeaves, variants: new Map([['', built.template]]) };
      shapes.set(skeleton, shape);
    }
    if (!shape) return reference(document);
    const fixed = [...shape.iriLeaves].filter((i) => !VERBATIM_IRI.test(leaves[i] as string));
    const variantKey = fixed.length === 0 ? '' : JSON.stringify(fixed.map((i) => [i, leaves[i]]));
    if (!shape.variants.has(variantKey)) {
      const keep = new Set(fixed);
      const probe = replaceLeaves(document, (i, value) => (keep.has(i) ? value : `${PLACEHOLDER}${i}`));
      shape.variants.set(variantKey, toTemplate(await reference(probe), leaves.length, keep)?.template);
    }
    const template = shape.variants.get(variantKey);
    return template ? instantiate(template, leaves) : reference(document);
  };
  return Object.assign(convert, { shapes: () => shapes.size });
}
