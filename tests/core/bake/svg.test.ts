import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import {
  bakeSvg,
  createSvgBaker,
  OB2_SVG_NAMESPACE,
  OB3_SVG_NAMESPACE,
  unbakeSvg,
} from '../../../src/core/bake/svg.ts';
import { InsigneError } from '../../../src/core/errors.ts';
import { SAMPLE_ASSERTION, SAMPLE_CREDENTIAL, SAMPLE_JWS } from './helpers.ts';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><circle cx="200" cy="200" r="190" fill="#0b4f6c"/></svg>';
const HOSTED_URL = 'https://badges.example.org/awards/0f8fad5b-d9cb-469f-a165-70867728950e/assertion.json';

function codeOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof InsigneError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an InsigneError');
}

/** Parses with a namespace-aware XML parser; any warning or error (an unbound prefix, say) fails the test. */
function parseStrict(svg: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => problems.push(`${level}: ${message}`),
  }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  return doc;
}

/** The Python bakery's reading (minidom): the literal qualified name; `verify`, else the CDATA section. */
function ob2Extract(svg: string): string | undefined {
  const node = parseStrict(svg).getElementsByTagName('openbadges:assertion')[0];
  if (node === undefined) return undefined;
  if (node.hasAttribute('verify')) return node.getAttribute('verify') ?? undefined;
  for (let c = node.firstChild; c !== null; c = c.nextSibling)
    if (c.nodeType === 4) return c.nodeValue ?? undefined;
  return undefined;
}

/** The 1EdTech reading (StAX): the expanded name; `verify`, else the first non-whitespace character data. */
function ob3Extract(svg: string): string | undefined {
  const node = parseStrict(svg).getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'credential')[0];
  if (node === undefined) return undefined;
  if (node.hasAttribute('verify')) return node.getAttribute('verify') ?? undefined;
  for (let c = node.firstChild; c !== null; c = c.nextSibling) {
    if ((c.nodeType === 3 || c.nodeType === 4) && (c.nodeValue ?? '').trim() !== '')
      return c.nodeValue ?? undefined;
  }
  return undefined;
}

describe('bakeSvg', () => {
  const baked = bakeSvg(SVG, {
    assertion: { json: SAMPLE_ASSERTION, hostedUrl: HOSTED_URL },
    credential: { json: SAMPLE_CREDENTIAL },
  });

  it('round-trips both versions', () => {
    expect(unbakeSvg(baked)).toEqual({
      assertion: { json: SAMPLE_ASSERTION, hostedUrl: HOSTED_URL },
      credential: { json: SAMPLE_CREDENTIAL },
    });
  });

  it('writes the elements directly after the <svg> start tag, each declaring its own namespace', () => {
    const start = SVG.indexOf('>') + 1;
    expect(baked.slice(0, start)).toBe(SVG.slice(0, start));
    expect(baked.slice(start)).toBe(
      `<openbadges:assertion xmlns:openbadges="${OB2_SVG_NAMESPACE}" verify="${HOSTED_URL}"><![CDATA[${SAMPLE_ASSERTION}]]></openbadges:assertion>` +
        `<openbadges:credential xmlns:openbadges="${OB3_SVG_NAMESPACE}"><![CDATA[${SAMPLE_CREDENTIAL}]]></openbadges:credential>` +
        SVG.slice(start),
    );
  });

  it('is namespace-correct for a namespace-aware parser: each element has exactly its own expanded name', () => {
    const doc = parseStrict(baked);
    const assertions = doc.getElementsByTagNameNS(OB2_SVG_NAMESPACE, 'assertion');
    const credentials = doc.getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'credential');
    expect(assertions.length).toBe(1);
    expect(credentials.length).toBe(1);
    expect(doc.getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'assertion').length).toBe(0);
    expect(doc.getElementsByTagNameNS(OB2_SVG_NAMESPACE, 'credential').length).toBe(0);
    const parent = (assertions[0] as Element).parentNode as Element;
    expect(parent.localName).toBe('svg');
    expect(parent.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect((credentials[0] as Element).prefix).toBe('openbadges');
  });

  it('is read by the OB 2.0 (qualified name) and OB 3.0 (expanded name) extractors, each its own payload', () => {
    expect(ob2Extract(baked)).toBe(HOSTED_URL);
    expect(ob3Extract(baked)).toBe(SAMPLE_CREDENTIAL);
    const jsonOnly = bakeSvg(SVG, { assertion: { json: SAMPLE_ASSERTION } });
    expect(ob2Extract(jsonOnly)).toBe(SAMPLE_ASSERTION);
    expect(ob3Extract(jsonOnly)).toBeUndefined();
  });

  it('bakes signed forms as self-closing elements with verify', () => {
    const signed = bakeSvg(SVG, { assertion: { jws: SAMPLE_JWS }, credential: { jwt: SAMPLE_JWS } });
    expect(signed).toContain(
      `<openbadges:assertion xmlns:openbadges="${OB2_SVG_NAMESPACE}" verify="${SAMPLE_JWS}"/>`,
    );
    expect(signed).toContain(
      `<openbadges:credential xmlns:openbadges="${OB3_SVG_NAMESPACE}" verify="${SAMPLE_JWS}"/>`,
    );
    expect(unbakeSvg(signed)).toEqual({ assertion: { jws: SAMPLE_JWS }, credential: { jwt: SAMPLE_JWS } });
    expect(ob2Extract(signed)).toBe(SAMPLE_JWS);
    expect(ob3Extract(signed)).toBe(SAMPLE_JWS);
  });

  it('keeps one CDATA section when the JSON contains "]]>", and the JSON means the same', () => {
    const tricky = JSON.stringify({ narrative: 'a ]]> b <openbadges:assertion> & c' });
    const out = bakeSvg(SVG, { credential: { json: tricky } });
    expect(out.match(/<!\[CDATA\[/g)).toHaveLength(1);
    expect(JSON.parse(ob3Extract(out) ?? '')).toEqual(JSON.parse(tricky));
    expect(JSON.parse(unbakeSvg(out).credential?.json ?? '')).toEqual(JSON.parse(tricky));
  });

  it('escapes the hosted URL in the attribute', () => {
    const url = 'https://example.org/a.json?x=1&y="2"';
    const out = bakeSvg(SVG, { assertion: { json: SAMPLE_ASSERTION, hostedUrl: url } });
    expect(ob2Extract(out)).toBe(url);
    expect(unbakeSvg(out).assertion?.hostedUrl).toBe(url);
  });

  it('replaces on re-baking: exactly one element of each kind', () => {
    const again = bakeSvg(baked, { assertion: { jws: SAMPLE_JWS }, credential: { jwt: SAMPLE_JWS } });
    const doc = parseStrict(again);
    expect(doc.getElementsByTagNameNS(OB2_SVG_NAMESPACE, 'assertion').length).toBe(1);
    expect(doc.getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'credential').length).toBe(1);
    expect(unbakeSvg(again)).toEqual({ assertion: { jws: SAMPLE_JWS }, credential: { jwt: SAMPLE_JWS } });
  });

  it('keeps the payload of a kind that is not re-baked', () => {
    const again = bakeSvg(baked, { credential: { jwt: SAMPLE_JWS } });
    expect(unbakeSvg(again)).toEqual({
      assertion: { json: SAMPLE_ASSERTION, hostedUrl: HOSTED_URL },
      credential: { jwt: SAMPLE_JWS },
    });
  });

  it('replaces elements baked by other tools, with the namespace declared on <svg>', () => {
    const python = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB2_SVG_NAMESPACE}"><openbadges:assertion verify="https://old.example/a.json"><![CDATA[{"old":true}]]></openbadges:assertion><rect/></svg>`;
    expect(unbakeSvg(python)).toEqual({
      assertion: { json: '{"old":true}', hostedUrl: 'https://old.example/a.json' },
    });
    const ob3 = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="${OB3_SVG_NAMESPACE}"><rect/><ob:credential>\n  <![CDATA[ {"old":3} ]]>\n</ob:credential></svg>`;
    expect(unbakeSvg(ob3)).toEqual({ credential: { json: '{"old":3}' } });
    const rebaked = bakeSvg(python, { assertion: { jws: SAMPLE_JWS } });
    expect(rebaked).not.toContain('old');
    expect(ob2Extract(rebaked)).toBe(SAMPLE_JWS);
    const rebaked3 = bakeSvg(ob3, { credential: { jwt: SAMPLE_JWS } });
    expect(rebaked3).not.toContain('old');
    expect(parseStrict(rebaked3).getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'credential').length).toBe(1);
  });

  it('ignores look-alike elements in other namespaces and text inside CDATA or comments', () => {
    const decoy = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="https://other.example"><!-- <openbadges:assertion verify="no"/> --><x:credential>no</x:credential><style><![CDATA[ <openbadges:credential xmlns:openbadges="${OB3_SVG_NAMESPACE}">no</openbadges:credential> ]]></style></svg>`;
    expect(unbakeSvg(decoy)).toEqual({});
    const out = bakeSvg(decoy, { credential: { jwt: SAMPLE_JWS } });
    expect(out).toContain('<x:credential>no</x:credential>');
    expect(unbakeSvg(out)).toEqual({ credential: { jwt: SAMPLE_JWS } });
  });

  it('bakes many awards from one prepared baker', () => {
    const bake = createSvgBaker(SVG);
    expect(unbakeSvg(bake({ credential: { json: '{"id":"a"}' } }))).toEqual({
      credential: { json: '{"id":"a"}' },
    });
    expect(unbakeSvg(bake({ credential: { json: '{"id":"b"}' } }))).toEqual({
      credential: { json: '{"id":"b"}' },
    });
  });

  it('expands a self-closing <svg/>', () => {
    const out = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg" />', { credential: { jwt: SAMPLE_JWS } });
    expect(out).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential xmlns:openbadges="${OB3_SVG_NAMESPACE}" verify="${SAMPLE_JWS}"/></svg>`,
    );
  });
});

describe('SVG prolog', () => {
  it('keeps a short prolog as it is', () => {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- icon -->\n${SVG}`;
    expect(
      bakeSvg(svg, { credential: { jwt: SAMPLE_JWS } }).startsWith(
        `<?xml version="1.0" encoding="UTF-8"?>\n<!-- icon -->\n<svg `,
      ),
    ).toBe(true);
  });

  it('drops comments and an external DOCTYPE so that <svg appears within the first 256 bytes', () => {
    const svg = `\ufeff<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: ${'é'.repeat(200)} -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${SVG}`;
    const out = bakeSvg(svg, { credential: { jwt: SAMPLE_JWS } });
    expect(out.startsWith(`<?xml version="1.0" encoding="utf-8"?>\n<svg `)).toBe(true);
    expect(Buffer.from(out).subarray(0, 256).includes('<svg')).toBe(true);
    expect(ob3Extract(out)).toBe(SAMPLE_JWS);
  });

  it('rewrites a non-UTF-8 XML declaration when shortening, since the result is written as UTF-8', () => {
    const svg = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<!--${'x'.repeat(300)}-->${SVG}`;
    expect(bakeSvg(svg, {}).startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
  });

  it('refuses an SVG whose DOCTYPE declares too many entities', () => {
    const svg = `<!DOCTYPE svg [${'<!ENTITY e "x">'.repeat(20)}]>\n${SVG}`;
    expect(codeOf(() => bakeSvg(svg, {}))).toEqual({
      code: 'ERR_BAKE_SVG_PROLOG',
      message:
        'Cannot bake the SVG: its DOCTYPE, which declares entities, is 317 bytes long, so <svg> cannot start within the first 256 bytes where extractors look for it. Export the SVG without a DOCTYPE.',
    });
  });
});

describe('SVG errors', () => {
  it('refuses documents that are not SVG', () => {
    for (const text of ['<html><body/></html>', 'plain text', '', '<svgx/>', '<?xml version="1.0"?><g/>']) {
      expect(codeOf(() => bakeSvg(text, {}))).toEqual({
        code: 'ERR_BAKE_NOT_SVG',
        message:
          'Image is not an SVG: the document does not start with an <svg> element (after any XML declaration, comments or DOCTYPE).',
      });
      expect(codeOf(() => unbakeSvg(text)).code).toBe('ERR_BAKE_NOT_SVG');
    }
  });

  it('refuses malformed markup around baked elements', () => {
    expect(codeOf(() => bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"', {})).code).toBe(
      'ERR_BAKE_SVG_MALFORMED',
    );
    const open = `<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential xmlns:openbadges="${OB3_SVG_NAMESPACE}">{}</svg>`;
    expect(codeOf(() => unbakeSvg(open))).toEqual({
      code: 'ERR_BAKE_SVG_MALFORMED',
      message:
        'SVG is malformed: <openbadges:credential> at character 40 is never closed. Re-export the SVG.',
    });
  });

  it('refuses payloads that extractors would misread', () => {
    const cases: [Parameters<typeof bakeSvg>[1], string][] = [
      [
        { assertion: { jws: SAMPLE_JWS, json: '{}' } },
        'an OB 2.0 assertion is either signed (jws) or hosted (json and hostedUrl), not both',
      ],
      [{ assertion: {} }, 'the OB 2.0 assertion needs json, jws or hostedUrl'],
      [
        { assertion: { json: '{}', hostedUrl: 'ftp://x' } },
        'assertion.hostedUrl must be an http(s) URL; received "ftp://x"',
      ],
      [
        { assertion: { jws: '{"not":"a jws"}' } },
        'assertion.jws must be a compact JWS (three base64url parts joined by dots)',
      ],
      [{ credential: {} }, 'the OB 3.0 credential needs exactly one of json (with an embedded proof) or jwt'],
      [
        { credential: { json: '{}', jwt: SAMPLE_JWS } },
        'the OB 3.0 credential needs exactly one of json (with an embedded proof) or jwt',
      ],
      [
        { credential: { json: '[1]' } },
        'credential.json must be a JSON object (extractors read text starting with "{" as JSON)',
      ],
    ];
    for (const [payloads, detail] of cases) {
      expect(codeOf(() => bakeSvg(SVG, payloads))).toEqual({
        code: 'ERR_BAKE_INVALID_PAYLOAD',
        message: `Cannot bake the SVG: ${detail}.`,
      });
    }
  });
});

describe('unbakeSvg on hostile SVG', () => {
  const ob3 = (body: string) =>
    `<openbadges:credential xmlns:openbadges="${OB3_SVG_NAMESPACE}"><![CDATA[${body}]]></openbadges:credential>`;
  const ob2 = (url: string) =>
    `<openbadges:assertion xmlns:openbadges="${OB2_SVG_NAMESPACE}" verify="${url}"/>`;
  const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg">${inner}<rect/></svg>`;

  it('refuses a second OB 3.0 credential, however it is spelled, and says which elements', () => {
    const twice = svg(`${ob3('{"a":1}')}${ob3('{"a":2}')}`);
    expect(parseStrict(twice).getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'credential').length).toBe(2);
    expect(codeOf(() => unbakeSvg(twice))).toEqual({
      code: 'ERR_BAKE_DUPLICATE_PAYLOAD',
      message:
        'The SVG carries <openbadges:credential> (OB 3.0) more than once (<openbadges:credential> at character 40, <openbadges:credential> at character 160); the baking specification allows one. Tools that read different elements would show different badges, so none can be trusted.',
    });
    // The same element under another prefix bound in an ancestor, or as the default namespace: the OB 3.0
    // extractor matches the namespace, so it is a second credential too.
    for (const hidden of [
      `<g xmlns:x="${OB3_SVG_NAMESPACE}"><g><x:credential><![CDATA[{"a":2}]]></x:credential></g></g>`,
      `<g><credential xmlns="${OB3_SVG_NAMESPACE}">{"a":2}</credential></g>`,
    ]) {
      const doc = parseStrict(svg(`${hidden}${ob3('{"a":1}')}`));
      expect(doc.getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'credential').length).toBe(2);
      expect(codeOf(() => unbakeSvg(svg(`${hidden}${ob3('{"a":1}')}`))).code).toBe(
        'ERR_BAKE_DUPLICATE_PAYLOAD',
      );
    }
  });

  it('refuses a second OB 2.0 assertion, and one whose name and namespace disagree', () => {
    expect(
      codeOf(() => unbakeSvg(svg(`${ob2('https://a.example/1')}${ob2('https://a.example/2')}`))).code,
    ).toBe('ERR_BAKE_DUPLICATE_PAYLOAD');
    // The Python extractor matches the literal name and would read this one; the namespace says otherwise.
    const foreign = svg(`<openbadges:assertion xmlns:openbadges="urn:other" verify="https://a.example/2"/>`);
    expect(ob2Extract(foreign)).toBe('https://a.example/2');
    expect(codeOf(() => unbakeSvg(foreign))).toEqual({
      code: 'ERR_BAKE_DUPLICATE_PAYLOAD',
      message: `The SVG element <openbadges:assertion> at character 40 is in the namespace "urn:other", not "${OB2_SVG_NAMESPACE}": one extractor reads it as <openbadges:assertion> (OB 2.0) by its name, another ignores it by its namespace, so the two would show different badges.`,
    });
  });

  it('refuses entities that would expand into markup the scanner cannot see', () => {
    const entity = `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY hidden "${ob2('https://a.example/2').replaceAll('"', "'")}">]>\n${svg('&hidden;')}`;
    expect(codeOf(() => unbakeSvg(entity))).toEqual({
      code: 'ERR_BAKE_SVG_MALFORMED',
      message:
        'SVG is malformed: its DOCTYPE declares the entity "hidden", which holds markup an XML parser would expand into the document. Re-export the SVG.',
    });
    expect(codeOf(() => createSvgBaker(entity)).code).toBe('ERR_BAKE_SVG_MALFORMED');
    const plain = `<!DOCTYPE svg [<!ENTITY ns "http://ns.example/1.0/">]>\n${svg(ob3('{"a":1}'))}`;
    expect(unbakeSvg(plain)).toEqual({ credential: { json: '{"a":1}' } });
  });

  it('walks any depth without recursion, and refuses end tags that do not match', () => {
    const depth = 100_000;
    const deep = svg(`${'<g>'.repeat(depth)}${ob3('{"deep":true}')}${'</g>'.repeat(depth)}`);
    expect(unbakeSvg(deep)).toEqual({ credential: { json: '{"deep":true}' } });
    expect(codeOf(() => unbakeSvg(svg('<g><a></g></a>')))).toEqual({
      code: 'ERR_BAKE_SVG_MALFORMED',
      message: 'SVG is malformed: the end tag </g> at character 46 closes <a>. Re-export the SVG.',
    });
    expect(codeOf(() => unbakeSvg('<svg xmlns="http://www.w3.org/2000/svg"><g>')).message).toBe(
      'SVG is malformed: <g> is never closed. Re-export the SVG.',
    );
  });

  it('reads a tag of a megabyte of attribute characters in one pass', () => {
    // A regular expression backtracked quadratically over such a run: minutes for this one.
    const long = svg(`<g ${'a'.repeat(1 << 20)}/>${ob3('{"a":1}')}`);
    expect(unbakeSvg(long)).toEqual({ credential: { json: '{"a":1}' } });
  });
});
