/**
 * Baked files checked by independent extractors running in their own languages (DIGEST §2.3), when the
 * machine has them (the project's Node machines ship python3 and a JDK): the OB 2.0 reading of the Python
 * bakery (minidom, the literal prefix `openbadges`) and the OB 3.0 reading of the 1EdTech validator (Java
 * ImageIO for PNG, a namespace-aware StAX reader for SVG). Each file carries both versions.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bakePng } from '../../../src/core/bake/png.ts';
import { bakeSvg } from '../../../src/core/bake/svg.ts';
import { SAMPLE_ASSERTION, SAMPLE_CREDENTIAL, SAMPLE_JWS, samplePng } from './helpers.ts';

const here = import.meta.dirname;
const has = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasPython = has('python3', ['-c', 'import xml.dom.minidom']);
const hasJava = has('java', ['-version']);

const HOSTED = 'https://badges.example.org/awards/0f8fad5b-d9cb-469f-a165-70867728950e/assertion.json';
const TRICKY = JSON.stringify({ id: 'urn:uuid:1', narrative: 'x ]]> y « é » 🌱' });
const SVG =
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

const dir = mkdtempSync(join(tmpdir(), 'insigne-extractors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each case: a baked file, what the OB 2.0 extractor must read, and what the OB 3.0 extractor must read. */
const cases: { name: string; bytes: Uint8Array; ob2: string; ob3: string }[] = [
  {
    name: 'json.png',
    bytes: bakePng(samplePng(), [
      { keyword: 'openbadges', text: SAMPLE_ASSERTION },
      { keyword: 'openbadgecredential', text: SAMPLE_CREDENTIAL },
    ]),
    ob2: SAMPLE_ASSERTION,
    ob3: SAMPLE_CREDENTIAL,
  },
  {
    name: 'signed.png',
    bytes: bakePng(samplePng(), [
      { keyword: 'openbadgecredential', text: SAMPLE_JWS },
      { keyword: 'openbadges', text: SAMPLE_JWS.split('').reverse().join('') },
    ]),
    ob2: SAMPLE_JWS.split('').reverse().join(''),
    ob3: SAMPLE_JWS,
  },
  {
    name: 'hosted.svg',
    bytes: new TextEncoder().encode(
      bakeSvg(SVG, {
        assertion: { json: SAMPLE_ASSERTION, hostedUrl: HOSTED },
        credential: { json: TRICKY },
      }),
    ),
    ob2: HOSTED,
    ob3: TRICKY.replace(']]>', ']]\\u003e'),
  },
  {
    name: 'json.svg',
    bytes: new TextEncoder().encode(
      bakeSvg(SVG, { assertion: { json: TRICKY }, credential: { json: SAMPLE_CREDENTIAL } }),
    ),
    ob2: TRICKY.replace(']]>', ']]\\u003e'),
    ob3: SAMPLE_CREDENTIAL,
  },
  {
    name: 'signed.svg',
    bytes: new TextEncoder().encode(
      bakeSvg(SVG, { assertion: { jws: SAMPLE_JWS }, credential: { jwt: SAMPLE_JWS } }),
    ),
    ob2: SAMPLE_JWS,
    ob3: SAMPLE_JWS,
  },
];
const files = cases.map((c) => {
  const path = join(dir, c.name);
  writeFileSync(path, c.bytes);
  return path;
});

describe('independent extractors read every version a baked file claims', () => {
  it.skipIf(!hasPython)('OB 2.0: the Python bakery reading (minidom, literal openbadges: prefix)', () => {
    const out = execFileSync('python3', [join(here, 'extractors', 'ob2_extract.py'), ...files], {
      encoding: 'utf8',
    });
    const results = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { payload: string | null; error?: string });
    expect(results.map((r) => r.error)).toEqual(cases.map(() => undefined));
    expect(results.map((r) => r.payload)).toEqual(cases.map((c) => c.ob2));
  });

  it.skipIf(!hasJava)('OB 3.0: the 1EdTech validator reading (ImageIO, namespace-aware StAX)', () => {
    const out = execFileSync('java', [join(here, 'extractors', 'Ob3Extract.java'), ...files], {
      encoding: 'utf8',
    });
    const payloads = out
      .trimEnd()
      .split('\n')
      .map((line) =>
        (line.split('\t')[1] ?? '').replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')),
      );
    expect(payloads).toEqual(cases.map((c) => c.ob3));
  });
});
