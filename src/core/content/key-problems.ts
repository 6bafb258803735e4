/**
 * Private key material anywhere under content/ is refused (DESIGN.md §4): it would be committed, and
 * published with the site. Content files are scanned value by value (the problem names the field) and
 * line by line (comments, keys, the Markdown body); every other file, whatever its extension (images,
 * notes, stray key files), is scanned whole. Messages say what kind of material it is, never the material.
 */
import { type Message, say } from '../messages/catalogue.ts';
import { findKeyMaterial, type KeyNeedles, linesWithKeyMaterial } from './key-material.ts';
import { type ParsedSource, type SourceFile, scalarStrings } from './parse.ts';
import { type ContentProblem, said } from './problems.ts';
import { formatField } from './zod-problems.ts';

/** Key material in a content file: one problem per value, then one per other line. */
export function contentFileKeyProblems(
  file: SourceFile,
  parsed: ParsedSource | undefined,
  needles: KeyNeedles,
): ContentProblem[] {
  // One pass over the text finds every key; the values are then only scanned to name the field.
  const lines = linesWithKeyMaterial(file.text, needles);
  if (lines.size === 0) return [];
  const problems: ContentProblem[] = [];
  const covered = new Set<number>();
  for (const [path, value] of parsed ? scalarStrings(parsed.data) : []) {
    const hit = findKeyMaterial(value, needles);
    if (!hit || !parsed) continue;
    const [first, last] = parsed.linesOf(path);
    for (let line = first; line <= last; line++) covered.add(line);
    problems.push({
      file: file.path,
      line: first,
      field: formatField(path),
      ...said(say('keyMaterial.value', { what: keyMaterialName(hit.what) }), say('keyMaterial.hint')),
    });
  }
  for (const [line, what] of lines) {
    if (covered.has(line)) continue;
    problems.push({
      file: file.path,
      line,
      field: '',
      ...said(say('keyMaterial.line', { what: keyMaterialName(what) }), say('keyMaterial.hint')),
    });
  }
  return problems;
}

/**
 * Key material in any other file under content/, read as Latin-1 (one character per byte). The line is
 * given for text files; a binary file (one holding a NUL byte) gets line 0, the file itself.
 */
export function otherFileKeyProblems(file: SourceFile, needles: KeyNeedles): ContentProblem[] {
  const hit = findKeyMaterial(file.text, needles);
  if (!hit) return [];
  const binary = file.text.includes('\0');
  let line = 0;
  if (!binary) {
    line = 1;
    for (let i = file.text.indexOf('\n'); i >= 0 && i < hit.offset; i = file.text.indexOf('\n', i + 1))
      line++;
  }
  return [
    {
      file: file.path,
      line,
      field: '',
      ...said(say('keyMaterial.file', { what: keyMaterialName(hit.what) }), say('keyMaterial.file.hint')),
    },
  ];
}

const KEY_MATERIAL_NAMES: Readonly<Record<string, Message>> = {
  'a PEM private key': say('keyMaterial.pem'),
  'the signing-key secret': say('keyMaterial.secret'),
  'a private JWK member': say('keyMaterial.jwkMember'),
  'a private key field': say('keyMaterial.namedField'),
  'a PKCS#8 private key in base64': say('keyMaterial.pkcs8Base64'),
  'a PKCS#8 private key in DER': say('keyMaterial.pkcs8Der'),
};

const BASE64_SUFFIX = ', base64-encoded';
const PROJECT_KEY = /^the private key "([^"]*)"$/;

/**
 * What key-material.ts found (its English labels, shared with the leak gate) as a message: the closed set
 * of shapes, a project key by id, either one base64-encoded. An unknown label is shown as it is.
 */
export function keyMaterialName(what: string): Message {
  if (what.endsWith(BASE64_SUFFIX))
    return say('keyMaterial.base64', { what: keyMaterialName(what.slice(0, -BASE64_SUFFIX.length)) });
  const project = PROJECT_KEY.exec(what);
  if (project) return say('keyMaterial.projectKey', { id: project[1] ?? '' });
  return KEY_MATERIAL_NAMES[what] ?? say('text.verbatim', { text: what });
}
