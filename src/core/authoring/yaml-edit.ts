/**
 * Edits of a content file's YAML text that leave every other byte alone: comments, folded and literal
 * blocks (`description: >-`), quoting and blank lines stay as the administrator wrote them. Re-serialising
 * the whole document (what a YAML library's `toString` does) would rewrite all of those. Each edit finds
 * its place through the parser's source ranges and splices in a few new lines.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';

/** The column of the line that holds `offset`. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Where the line holding `offset` ends (after its newline, or the end of the text). */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Offset after the last non-blank line of `[start, end)`, so a block's trailing blank lines stay after it. */
function endOfContent(text: string, start: number, end: number): number {
  let cut = end;
  while (cut > start && /\s/.test(text[cut - 1] as string)) cut--;
  return endOfLine(text, cut - 1);
}

const indent = (block: string, spaces: number) =>
  block
    .split('\n')
    .map((line) => (line ? `${' '.repeat(spaces)}${line}` : line))
    .join('\n');

/** Block-style YAML of `items` as sequence entries, each line indented by `spaces`. */
function sequenceEntries(items: readonly unknown[], spaces: number): string {
  return indent(stringify(items, { lineWidth: 0 }), spaces);
}

export class YamlEditError extends Error {
  readonly code = 'ERR_YAML_EDIT';
}

/**
 * Appends `items` to the top-level sequence `key` (created at the end of the file when missing; an empty
 * flow sequence `key: []` becomes a block one).
 */
export function appendToTopLevelSequence(text: string, key: string, items: readonly unknown[]): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) throw new YamlEditError(`not valid YAML: ${doc.errors[0]?.message}`);
  const root = doc.contents;
  if (!isMap(root)) throw new YamlEditError('the file is not a YAML mapping');
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) {
    const base = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
    return `${base}${key}:\n${sequenceEntries(items, 2)}`;
  }
  const value = pair.value;
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    const keyNode = pair.key as { range?: [number, number, number] };
    const lineEnd = endOfLine(text, keyNode.range?.[0] ?? 0);
    const line = text.slice(keyNode.range?.[0] ?? 0, lineEnd).replace(/\n$/, '');
    const keyCol = columnOf(text, keyNode.range?.[0] ?? 0);
    const head = text.slice(0, keyNode.range?.[0] ?? 0);
    const comment = line.includes('#') ? ` ${line.slice(line.indexOf('#'))}` : '';
    return `${head}${key}:${comment}\n${sequenceEntries(items, keyCol + 2)}${text.slice(lineEnd)}`;
  }
  if (!isSeq(value) || !value.range) throw new YamlEditError(`"${key}" is not a list`);
  const keyCol = columnOf(text, (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0);
  if (value.flow) {
    if (value.items.length > 0)
      throw new YamlEditError(`"${key}" is written as an inline list [..]; write one entry per line first`);
    const [start, end] = value.range;
    const rest = text.slice(end);
    const trailing = rest.slice(0, endOfLine(rest, 0)).replace(/\n$/, '');
    const after = rest.slice(trailing.length).replace(/^\n/, '');
    const comment = trailing.trim() ? ` ${trailing.trim()}` : '';
    return `${text.slice(0, start).replace(/ +$/, '')}${comment}\n${sequenceEntries(items, keyCol + 2)}${after}`;
  }
  const first = value.items[0] as { range?: [number, number, number] } | undefined;
  const dashCol = first?.range ? columnOf(text, first.range[0]) - 2 : keyCol + 2;
  const insertAt = endOfContent(text, value.range[0], value.range[2]);
  const prefix = insertAt > 0 && text[insertAt - 1] !== '\n' ? '\n' : '';
  return `${text.slice(0, insertAt)}${prefix}${sequenceEntries(items, Math.max(dashCol, 0))}${text.slice(insertAt)}`;
}

/**
 * Adds `field: value` to every mapping entry of the top-level sequence `key` that lacks `field` and for
 * which `select` holds, as a new line after the entry's last line, at the entry's own indentation.
 */
export function addFieldToSequenceEntries(
  text: string,
  key: string,
  field: string,
  value: string,
  select: (entry: YAMLMap) => boolean = () => true,
): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new YamlEditError(`not valid YAML: ${doc.errors[0]?.message}`);
  const seq = doc.get(key, true);
  if (!isSeq(seq)) return text;
  const inserts: [number, string][] = [];
  for (const entry of seq.items) {
    if (!isMap(entry) || entry.flow || !entry.range || entry.has(field) || !select(entry)) continue;
    const firstKey = entry.items[0]?.key as { range?: [number, number, number] } | undefined;
    const column = columnOf(text, firstKey?.range?.[0] ?? entry.range[0]);
    const at = endOfContent(text, entry.range[0], entry.range[2]);
    const line = `${' '.repeat(column)}${stringify({ [field]: value }, { lineWidth: 0 })}`;
    inserts.push([at, at > 0 && text[at - 1] !== '\n' ? `\n${line}` : line]);
  }
  let result = text;
  for (const [at, line] of inserts.sort((a, b) => b[0] - a[0]))
    result = `${result.slice(0, at)}${line}${result.slice(at)}`;
  return result;
}
