/**
 * Every published OB 3.0 artefact of an award, as the oracles take them: the credential JSON, the VC-JWT,
 * and the OB 3.0 payload baked in each PNG and SVG (JSON or JWT, whichever the image carries). Paths are
 * the site's public layout (CHANGELOG.md), written out here rather than taken from Insigne's URL module.
 */
import { pngCredentials, svgCredentials } from './baked.ts';
import { type PublishedSite, textOf } from './published-site.ts';

export interface Artefact {
  /** Site path of the file, with `#openbadgecredential` for a payload baked in an image. */
  readonly path: string;
  readonly form: 'json' | 'jwt';
  readonly text: string;
}

const formOf = (text: string): Artefact['form'] => (text.trimStart().startsWith('{') ? 'json' : 'jwt');

/** The award's OB 3.0 artefacts that the site holds; images without an OB 3.0 payload give none. */
export function ob3ArtefactsOf(site: PublishedSite, awardId: string): Artefact[] {
  const dir = `awards/${awardId}`;
  const artefacts: Artefact[] = [];
  const json = site.read(`${dir}/credential.json`);
  if (json !== undefined)
    artefacts.push({ path: `${dir}/credential.json`, form: 'json', text: textOf(json) });
  const jwt = site.read(`${dir}/credential.jwt`);
  if (jwt !== undefined)
    artefacts.push({ path: `${dir}/credential.jwt`, form: 'jwt', text: textOf(jwt).trim() });
  const png = site.read(`${dir}/badge.png`);
  for (const text of png === undefined ? [] : pngCredentials(png)) {
    artefacts.push({ path: `${dir}/badge.png#openbadgecredential`, form: formOf(text), text });
  }
  const svg = site.read(`${dir}/badge.svg`);
  for (const text of svg === undefined ? [] : svgCredentials(textOf(svg))) {
    artefacts.push({ path: `${dir}/badge.svg#openbadgecredential`, form: formOf(text), text });
  }
  return artefacts;
}
