/**
 * SVG baking (DIGEST §2.2 and §2.3): `<openbadges:assertion>` (OB 2.0, namespace `http://openbadges.org`)
 * and `<openbadges:credential>` (OB 3.0, namespace `https://purl.imsglobal.org/ob/v3p0`), directly after the
 * `<svg …>` start tag, at most one of each.
 *
 * Two namespaces, one prefix. The OB 2.0 extractor (Python minidom, `getElementsByTagName`) matches the
 * literal qualified name `openbadges:assertion`; the OB 3.0 extractor (1EdTech's StAX parser) matches the
 * expanded name (namespace, `credential`) and ignores the prefix. A prefix can be bound to one namespace per
 * element, so the specifications' habit of declaring `xmlns:openbadges` on `<svg>` cannot serve both at once.
 * Each element therefore declares `xmlns:openbadges` on itself: both qualified names stay literal, both
 * expanded names are right, and an older declaration on `<svg>` is simply shadowed.
 *
 * Text-level work, no DOM: a baker is prepared once per artwork and each award only concatenates strings.
 * The small scanner below skips comments, CDATA sections and processing instructions, and resolves a
 * baked element's prefix from the element itself or from `<svg>` (where bakers put the declaration).
 */
import { InsigneError } from '../errors.ts';

export const OB2_SVG_NAMESPACE = 'http://openbadges.org';
export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

/**
 * The OB 2.0 payload. Signed: `jws` alone (a self-closing element with `verify`). Hosted: `json` (the
 * assertion) and, as the Python bakery writes it, `hostedUrl` (the assertion id) in `verify`.
 */
export interface SvgAssertionPayload {
  readonly json?: string;
  readonly jws?: string;
  readonly hostedUrl?: string;
}

/** The OB 3.0 payload: the credential JSON with its embedded proof, or a compact VC-JWT in `verify`. */
export interface SvgCredentialPayload {
  readonly json?: string;
  readonly jwt?: string;
}

export interface SvgBakePayloads {
  readonly assertion?: SvgAssertionPayload;
  readonly credential?: SvgCredentialPayload;
}

type BakedKind = 'assertion' | 'credential';

/** Extractors sniff an SVG by `<svg` within the first 256 bytes (DIGEST §2.3). */
export const SVG_SNIFF_BYTES = 256;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const utf8Encoder = new TextEncoder();

interface StartTag {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly selfClosing: boolean;
  readonly attributes: ReadonlyMap<string, string>;
}

interface SvgRoot {
  /** The prolog to keep, possibly shortened so that `<svg` stays within the first 256 bytes. */
  readonly prolog: string;
  readonly tag: StartTag;
}

/**
 * Prepares an SVG once and returns a function that bakes it. The SVG is checked, its prolog shortened if
 * `<svg` would fall beyond byte 256, and existing baked elements located; each call then writes the new
 * elements after the `<svg …>` start tag and drops any existing element of the same kind (re-baking
 * replaces). The result is a string: write it as UTF-8.
 */
export function createSvgBaker(svgText: string): (payloads: SvgBakePayloads) => string {
  const root = locateSvgRoot(svgText);
  // What unbaking refuses is refused here too, so an artwork the content check accepts always verifies.
  refuseMarkupEntities(svgText, root);
  const startTag = svgText.slice(root.tag.start, root.tag.end);
  const head = root.prolog + (root.tag.selfClosing ? `${startTag.slice(0, -2).trimEnd()}>` : startTag);
  const segments: { text: string; kind?: BakedKind }[] = [];
  if (root.tag.selfClosing) {
    segments.push({ text: `</svg>${svgText.slice(root.tag.end)}` });
  } else {
    let runStart = root.tag.end;
    for (const found of findBakedElements(svgText, root.tag)) {
      segments.push({ text: svgText.slice(runStart, found.start) });
      segments.push({ text: svgText.slice(found.start, found.end), kind: found.kind });
      runStart = found.end;
    }
    segments.push({ text: svgText.slice(runStart) });
  }

  return (payloads) => {
    const assertion = payloads.assertion === undefined ? '' : assertionElement(payloads.assertion);
    const credential = payloads.credential === undefined ? '' : credentialElement(payloads.credential);
    let out = head + assertion + credential;
    for (const s of segments) {
      if (s.kind === undefined || (s.kind === 'assertion' ? assertion === '' : credential === ''))
        out += s.text;
    }
    return out;
  };
}

/** Bakes payloads into an SVG in one go; see createSvgBaker for the rules and for baking many awards. */
export function bakeSvg(svgText: string, payloads: SvgBakePayloads): string {
  return createSvgBaker(svgText)(payloads);
}

/**
 * Reads the OB 2.0 and the OB 3.0 element. A `verify` attribute holds a compact JWS/JWT, or for OB 2.0 an
 * http(s) URL (a hosted assertion id); the element body (CDATA or text) holds JSON.
 *
 * Each kind may occur once, and the element must be one every extractor reads the same way: an element
 * that either extractor would take for a payload (the OB 2.0 one by its literal name `openbadges:assertion`,
 * the OB 3.0 one by its namespace and local name) counts, and a second one of a kind is refused, as is one
 * whose literal name and namespace disagree. Otherwise two tools could read two different badges (another
 * earner) from one image.
 */
export function unbakeSvg(svgText: string): SvgBakePayloads {
  const root = locateSvgRoot(svgText);
  refuseMarkupEntities(svgText, root);
  let assertion: SvgAssertionPayload | undefined;
  let credential: SvgCredentialPayload | undefined;
  if (!root.tag.selfClosing) {
    const seen = new Map<BakedKind, FoundElement>();
    for (const found of findBakedElements(svgText, root.tag)) {
      const first = seen.get(found.kind);
      if (first !== undefined) throw duplicatedElement(found.kind, first, found);
      seen.set(found.kind, found);
      if (!found.declared) throw misdeclaredElement(found);
      const verify = found.tag.attributes.get('verify');
      const body = found.body === '' ? undefined : found.body;
      if (found.kind === 'assertion') {
        const url = verify !== undefined && /^https?:\/\//i.test(verify) ? verify : undefined;
        const jws = verify !== undefined && url === undefined ? verify : undefined;
        assertion = definedOnly({ json: body, jws, hostedUrl: url });
      } else {
        credential = definedOnly({ json: verify === undefined ? body : undefined, jwt: verify });
      }
    }
  }
  return definedOnly({ assertion, credential });
}

const ELEMENT_NAMES: Record<BakedKind, string> = {
  assertion: '<openbadges:assertion> (OB 2.0)',
  credential: '<openbadges:credential> (OB 3.0)',
};

function duplicatedElement(kind: BakedKind, first: FoundElement, second: FoundElement): InsigneError {
  return new InsigneError(
    'ERR_BAKE_DUPLICATE_PAYLOAD',
    `The SVG carries ${ELEMENT_NAMES[kind]} more than once (<${first.tag.name}> at character ${first.start}, <${second.tag.name}> at character ${second.start}); the baking specification allows one. Tools that read different elements would show different badges, so none can be trusted.`,
  );
}

function misdeclaredElement(found: FoundElement): InsigneError {
  const expected = found.kind === 'assertion' ? OB2_SVG_NAMESPACE : OB3_SVG_NAMESPACE;
  return new InsigneError(
    'ERR_BAKE_DUPLICATE_PAYLOAD',
    `The SVG element <${found.tag.name}> at character ${found.start} is in the namespace "${found.namespace ?? '(none)'}", not "${expected}": one extractor reads it as ${ELEMENT_NAMES[found.kind]} by its name, another ignores it by its namespace, so the two would show different badges.`,
  );
}

/**
 * Refuses a DOCTYPE that declares an entity holding markup: an XML parser expands it, so it could carry a
 * payload element this scanner (which does not expand entities) never sees.
 */
function refuseMarkupEntities(text: string, root: SvgRoot): void {
  const prolog = text.slice(0, root.tag.start);
  for (const m of prolog.matchAll(/<!ENTITY\s+(%\s+)?([^\s>]+)\s+(?:"([^"]*)"|'([^']*)')/g)) {
    const value = m[3] ?? m[4] ?? '';
    if (/[<&]/.test(value)) {
      throw malformed(
        `its DOCTYPE declares the entity "${m[2]}", which holds markup an XML parser would expand into the document`,
      );
    }
  }
  if (/<!ENTITY\s+(%\s+)?[^\s>]+\s+(SYSTEM|PUBLIC)\b/.test(prolog)) {
    throw malformed('its DOCTYPE declares an external entity, whose content no verifier can see');
  }
}

/** Whether `<svg` occurs within the first 256 bytes, as the Python bakery sniffs an SVG. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SVG_SNIFF_BYTES) - 4;
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x3c && bytes[i + 1] === 0x73 && bytes[i + 2] === 0x76 && bytes[i + 3] === 0x67)
      return true;
  }
  return false;
}

function assertionElement(payload: SvgAssertionPayload): string {
  const open = `<openbadges:assertion xmlns:openbadges="${OB2_SVG_NAMESPACE}"`;
  const { json, jws, hostedUrl } = payload;
  if (jws !== undefined) {
    if (json !== undefined || hostedUrl !== undefined) {
      throw invalidPayload(
        'an OB 2.0 assertion is either signed (jws) or hosted (json and hostedUrl), not both',
      );
    }
    return `${open} verify="${escapeAttribute(checkCompact(jws, 'assertion.jws'))}"/>`;
  }
  if (hostedUrl !== undefined && !/^https?:\/\/\S+$/i.test(hostedUrl)) {
    throw invalidPayload(`assertion.hostedUrl must be an http(s) URL; received "${hostedUrl.slice(0, 60)}"`);
  }
  const verify = hostedUrl === undefined ? '' : ` verify="${escapeAttribute(hostedUrl)}"`;
  if (json === undefined) {
    if (hostedUrl === undefined) throw invalidPayload('the OB 2.0 assertion needs json, jws or hostedUrl');
    return `${open}${verify}/>`;
  }
  return `${open}${verify}>${cdata(checkJson(json, 'assertion.json'))}</openbadges:assertion>`;
}

function credentialElement(payload: SvgCredentialPayload): string {
  const open = `<openbadges:credential xmlns:openbadges="${OB3_SVG_NAMESPACE}"`;
  const { json, jwt } = payload;
  if ((json === undefined) === (jwt === undefined)) {
    throw invalidPayload('the OB 3.0 credential needs exactly one of json (with an embedded proof) or jwt');
  }
  if (jwt !== undefined) return `${open} verify="${escapeAttribute(checkCompact(jwt, 'credential.jwt'))}"/>`;
  return `${open}>${cdata(checkJson(json as string, 'credential.json'))}</openbadges:credential>`;
}

/**
 * One CDATA section, so that extractors reading "the CDATA node" or "the first character event" get the
 * whole document. `]]>` can only occur inside a JSON string, where `\u003e` denotes the same `>`.
 */
function cdata(json: string): string {
  return `<![CDATA[${json.replaceAll(']]>', ']]\\u003e')}]]>`;
}

function checkJson(json: string, field: string): string {
  if (!json.trimStart().startsWith('{')) {
    throw invalidPayload(`${field} must be a JSON object (extractors read text starting with "{" as JSON)`);
  }
  return json;
}

function checkCompact(token: string, field: string): string {
  if (!COMPACT_JWS.test(token)) {
    throw invalidPayload(`${field} must be a compact JWS (three base64url parts joined by dots)`);
  }
  return token;
}

function invalidPayload(detail: string): InsigneError {
  return new InsigneError('ERR_BAKE_INVALID_PAYLOAD', `Cannot bake the SVG: ${detail}.`);
}

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * Finds the `<svg>` start tag after an optional prolog (BOM, XML declaration, comments, processing
 * instructions, DOCTYPE). When `<svg` would start beyond the sniffing window, comments, processing
 * instructions and an external-only DOCTYPE are dropped; a DOCTYPE with an internal subset is kept (it may
 * declare entities the document uses), and if it is too long the SVG is refused.
 */
function locateSvgRoot(text: string): SvgRoot {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let xmlDeclaration = '';
  let internalDoctype = '';
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.startsWith('<?', i)) {
      const end = indexAfter(text, '?>', i + 2);
      if (text.startsWith('<?xml', i) && isSpace(text.charCodeAt(i + 5))) {
        xmlDeclaration = normaliseXmlDeclaration(text.slice(i, end));
      }
      i = end;
    } else if (text.startsWith('<!--', i)) {
      i = indexAfter(text, '-->', i + 4);
    } else if (text.startsWith('<!DOCTYPE', i)) {
      const end = doctypeEnd(text, i);
      const doctype = text.slice(i, end);
      if (doctype.includes('[')) internalDoctype = doctype;
      i = end;
    } else {
      break;
    }
  }
  if (!/^<svg[\s/>]/.test(text.slice(i, i + 5))) {
    throw new InsigneError(
      'ERR_BAKE_NOT_SVG',
      'Image is not an SVG: the document does not start with an <svg> element (after any XML declaration, comments or DOCTYPE).',
    );
  }
  const tag = readStartTag(text, i);
  let prolog = text.slice(0, i);
  if (utf8Length(prolog) + 4 > SVG_SNIFF_BYTES) {
    prolog = [xmlDeclaration, internalDoctype].filter((p) => p !== '').join('\n');
    if (prolog !== '') prolog += '\n';
    if (utf8Length(prolog) + 4 > SVG_SNIFF_BYTES) {
      throw new InsigneError(
        'ERR_BAKE_SVG_PROLOG',
        `Cannot bake the SVG: its DOCTYPE, which declares entities, is ${utf8Length(internalDoctype)} bytes long, so <svg> cannot start within the first ${SVG_SNIFF_BYTES} bytes where extractors look for it. Export the SVG without a DOCTYPE.`,
      );
    }
  }
  return { prolog, tag };
}

function normaliseXmlDeclaration(declaration: string): string {
  const encoding = /encoding\s*=\s*["']([^"']+)["']/.exec(declaration)?.[1];
  return encoding === undefined || /^utf-?8$/i.test(encoding)
    ? declaration
    : '<?xml version="1.0" encoding="UTF-8"?>';
}

function doctypeEnd(text: string, start: number): number {
  const close = text.indexOf('>', start);
  const subset = text.indexOf('[', start);
  if (subset !== -1 && (close === -1 || subset < close))
    return indexAfter(text, '>', indexAfter(text, ']', subset));
  return indexAfter(text, '>', start);
}

interface FoundElement {
  readonly kind: BakedKind;
  readonly tag: StartTag;
  readonly start: number;
  readonly end: number;
  /** Text content: CDATA kept verbatim, character references decoded, comments dropped, trimmed. */
  readonly body: string;
  /** The element's namespace, resolved through every ancestor's declarations. */
  readonly namespace: string | undefined;
  /** Whether its literal name and its namespace agree on its kind (every extractor reads it). */
  readonly declared: boolean;
}

type Namespaces = ReadonlyMap<string, string>;

/**
 * Every element inside the root that an extractor could read as a payload, in document order: the OB 2.0
 * extractor matches the literal name `openbadges:assertion`, the OB 3.0 one the expanded name (namespace,
 * `credential`). The literal `openbadges:credential` counts too, for tools that match names as text.
 */
function* findBakedElements(text: string, root: StartTag): Generator<FoundElement> {
  for (const { tag, namespaces } of elementsInScope(text, root)) {
    const colon = tag.name.indexOf(':');
    const prefix = colon === -1 ? '' : tag.name.slice(0, colon);
    const local = tag.name.slice(colon + 1);
    if (local !== 'assertion' && local !== 'credential') continue;
    const namespace = namespaces.get(prefix);
    const byName: BakedKind | undefined =
      tag.name === 'openbadges:assertion'
        ? 'assertion'
        : tag.name === 'openbadges:credential'
          ? 'credential'
          : undefined;
    const byNamespace: BakedKind | undefined =
      local === 'assertion' && namespace === OB2_SVG_NAMESPACE
        ? 'assertion'
        : local === 'credential' && namespace === OB3_SVG_NAMESPACE
          ? 'credential'
          : undefined;
    const kind = byNamespace ?? byName;
    if (kind === undefined) continue;
    const declared = byNamespace !== undefined && (byName === undefined || byName === byNamespace);
    const common = { kind, tag, start: tag.start, namespace, declared };
    if (tag.selfClosing) {
      yield { ...common, end: tag.end, body: '' };
      continue;
    }
    const close = findEndTag(text, tag);
    yield { ...common, end: close.end, body: textContent(text.slice(tag.end, close.start)) };
  }
}

/**
 * The start tags inside the root with the namespace declarations in scope (prefix → namespace, `''` for
 * the default), tracking nesting with an explicit stack, so any depth costs no recursion. End tags must
 * match their start tags, as in any XML parser; the walk stops at the root's end tag.
 */
function* elementsInScope(
  text: string,
  root: StartTag,
): Generator<{ readonly tag: StartTag; readonly namespaces: Namespaces }> {
  const open: { name: string; namespaces: Namespaces }[] = [
    { name: root.name, namespaces: withDeclarations(new Map(), root) },
  ];
  let i = text.indexOf('<', root.end);
  while (i !== -1) {
    if (text.startsWith('</', i)) {
      const end = indexAfter(text, '>', i + 2);
      const name = text.slice(i + 2, end - 1).trim();
      const element = open.pop();
      if (element?.name !== name) {
        throw malformed(`the end tag </${name}> at character ${i} closes <${element?.name}>`);
      }
      if (open.length === 0) return;
      i = text.indexOf('<', end);
      continue;
    }
    const skipped = skipNonElement(text, i);
    if (skipped !== undefined) {
      i = text.indexOf('<', skipped);
      continue;
    }
    const tag = readStartTag(text, i);
    const parent = open[open.length - 1] as { namespaces: Namespaces };
    const namespaces = withDeclarations(parent.namespaces, tag);
    yield { tag, namespaces };
    if (!tag.selfClosing) open.push({ name: tag.name, namespaces });
    i = text.indexOf('<', tag.end);
  }
  throw malformed(`<${open[open.length - 1]?.name}> is never closed`);
}

/** The namespaces in scope on `tag`: its parent's, plus its own `xmlns` and `xmlns:*` declarations. */
function withDeclarations(parent: Namespaces, tag: StartTag): Namespaces {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of tag.attributes) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice(6), value);
  }
  return scope ?? parent;
}

function skipNonElement(text: string, i: number): number | undefined {
  if (text.startsWith('<!--', i)) return indexAfter(text, '-->', i + 4);
  if (text.startsWith('<![CDATA[', i)) return indexAfter(text, ']]>', i + 9);
  if (text.startsWith('<?', i)) return indexAfter(text, '?>', i + 2);
  if (text.startsWith('<!', i) || text.startsWith('</', i)) return indexAfter(text, '>', i + 2);
  return undefined;
}

function findEndTag(text: string, open: StartTag): { start: number; end: number } {
  let depth = 0;
  let i = text.indexOf('<', open.end);
  while (i !== -1) {
    if (text.startsWith(`</${open.name}`, i) && /[\s>]/.test(text.charAt(i + open.name.length + 2))) {
      const end = indexAfter(text, '>', i);
      if (depth === 0) return { start: i, end };
      depth--;
      i = text.indexOf('<', end);
      continue;
    }
    const skipped = skipNonElement(text, i);
    if (skipped !== undefined) {
      i = text.indexOf('<', skipped);
      continue;
    }
    const tag = readStartTag(text, i);
    if (tag.name === open.name && !tag.selfClosing) depth++;
    i = text.indexOf('<', tag.end);
  }
  throw malformed(`<${open.name}> at character ${open.start} is never closed`);
}

function readStartTag(text: string, start: number): StartTag {
  let i = start + 1;
  while (i < text.length && !/[\s/>]/.test(text.charAt(i))) i++;
  const name = text.slice(start + 1, i);
  let quote = '';
  for (; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      const attributes = parseAttributes(text, start + 1 + name.length, i);
      return { name, start, end: i + 1, selfClosing: text.charAt(i - 1) === '/', attributes };
    }
  }
  throw malformed(`the tag <${name}> at character ${start} is never closed`);
}

/**
 * The `name="value"` and `name='value'` pairs between `from` and `to`, in one pass (a regular expression
 * over a long run of name characters without `=` backtracks quadratically: hostile input must cost no more
 * than its length). A name without a value is skipped.
 */
function parseAttributes(text: string, from: number, to: number): Map<string, string> {
  const attributes = new Map<string, string>();
  let i = from;
  const skipSpace = () => {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
  };
  while (i < to) {
    skipSpace();
    const nameStart = i;
    while (i < to && !isSpace(text.charCodeAt(i)) && !'=/>'.includes(text.charAt(i))) i++;
    const name = text.slice(nameStart, i);
    skipSpace();
    if (text.charAt(i) !== '=') {
      if (i === nameStart) i++;
      continue;
    }
    i++;
    skipSpace();
    const quote = text.charAt(i);
    if (quote !== '"' && quote !== "'") continue;
    const close = text.indexOf(quote, i + 1);
    if (close === -1 || close > to) break;
    if (name !== '') attributes.set(name, decodeEntities(text.slice(i + 1, close)));
    i = close + 1;
  }
  return attributes;
}

function textContent(inner: string): string {
  let out = '';
  let i = 0;
  while (i < inner.length) {
    const lt = inner.indexOf('<', i);
    const end = lt === -1 ? inner.length : lt;
    out += decodeEntities(inner.slice(i, end));
    if (lt === -1) break;
    if (inner.startsWith('<![CDATA[', lt)) {
      const close = indexAfter(inner, ']]>', lt + 9);
      out += inner.slice(lt + 9, close - 3);
      i = close;
    } else {
      i = skipNonElement(inner, lt) ?? readStartTag(inner, lt).end;
    }
  }
  return out.trim();
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref.toLowerCase()] ?? '';
  });
}

function indexAfter(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  if (at === -1) throw malformed(`"${token}" expected after character ${from}`);
  return at + token.length;
}

function malformed(detail: string): InsigneError {
  return new InsigneError('ERR_BAKE_SVG_MALFORMED', `SVG is malformed: ${detail}. Re-export the SVG.`);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function utf8Length(text: string): number {
  return utf8Encoder.encode(text).length;
}

/** Drops keys whose value is undefined (`exactOptionalPropertyTypes` keeps "absent" and "undefined" apart). */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
