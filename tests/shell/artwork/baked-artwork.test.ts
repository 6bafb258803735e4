/**
 * The real product files: rendered artwork (resvg PNG, satori SVG), baked with both versions, then read by
 * a namespace-aware XML parser and, when the machine has them, by the independent Python (OB 2.0) and Java
 * (OB 3.0) extractors of tests/core/bake/extractors.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bakeSvg,
  createPngBaker,
  OB2_SVG_NAMESPACE,
  OB3_SVG_NAMESPACE,
  unbake,
} from '../../../src/core/bake/index.ts';
import { renderArtwork } from '../../../src/shell/artwork/render.ts';

const extractors = join(process.cwd(), 'tests', 'core', 'bake', 'extractors');
const available = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const assertion = JSON.stringify({
  id: 'https://badges.example.org/awards/1/assertion.json',
  type: 'Assertion',
});
const credential = JSON.stringify({
  id: 'urn:uuid:1',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Éco-conception 🌱',
});
const dir = mkdtempSync(join(tmpdir(), 'insigne-baked-artwork-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('baked rendered artwork', async () => {
  const art = await renderArtwork(
    {
      name: 'Éco-conception 🌱',
      artwork: { shape: 'shield', palette: 'forest', icon: 'leaf', year: 2026, showIssuer: true },
    },
    'Lycée Ferdinand Buisson',
  );
  const png = createPngBaker(art.png)([
    { keyword: 'openbadges', text: assertion },
    { keyword: 'openbadgecredential', text: credential },
  ]);
  const svg = bakeSvg(art.svg, { assertion: { json: assertion }, credential: { json: credential } });
  const pngPath = join(dir, 'badge.png');
  const svgPath = join(dir, 'badge.svg');
  writeFileSync(pngPath, png);
  writeFileSync(svgPath, svg);

  it('round-trips and keeps the image intact', () => {
    expect(unbake(png)).toEqual({ format: 'png', assertion, credential });
    expect(unbake(new TextEncoder().encode(svg))).toEqual({ format: 'svg', assertion, credential });
    expect(PNG.sync.read(Buffer.from(png)).data.equals(PNG.sync.read(Buffer.from(art.png)).data)).toBe(true);
  });

  it('parses as namespace-correct XML with one element per version', () => {
    const problems: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => problems.push(`${level}: ${message}`),
    }).parseFromString(svg, 'image/svg+xml');
    expect(problems).toEqual([]);
    expect(doc.getElementsByTagNameNS(OB2_SVG_NAMESPACE, 'assertion').length).toBe(1);
    expect(doc.getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'credential').length).toBe(1);
  });

  it.skipIf(!available('python3', ['-c', 'import xml.dom.minidom']))(
    'is read by the OB 2.0 extractor',
    () => {
      const out = execFileSync('python3', [join(extractors, 'ob2_extract.py'), pngPath, svgPath], {
        encoding: 'utf8',
      });
      expect(
        out
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { payload: string }).payload),
      ).toEqual([assertion, assertion]);
    },
  );

  it.skipIf(!available('java', ['-version']))('is read by the OB 3.0 extractor', () => {
    const out = execFileSync('java', [join(extractors, 'Ob3Extract.java'), pngPath, svgPath], {
      encoding: 'utf8',
    });
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[1]),
    ).toEqual([credential, credential]);
  });
});
