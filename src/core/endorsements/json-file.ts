/**
 * Reading a committed JSON file (an endorsement, an endorser's DID document) for the content check: the
 * value, or the line and reason of the syntax error, quoting nothing of the file (it could hold anything).
 */
import { showControlCharacters } from '../content/characters.ts';
import type { SourceFile } from '../content/parse.ts';

export type JsonFileRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly line: number; readonly detail: string };

export function readJsonFile(file: SourceFile): JsonFileRead {
  try {
    return { ok: true, value: JSON.parse(file.text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    // Without the excerpt of the file V8 quotes after the reason: it could be anything pasted there.
    const reason = error instanceof Error ? error.message : String(error);
    const detail = showControlCharacters(
      (reason.split(/, (?:\.\.\.)?"/)[0] ?? '').split('\n')[0] ?? '',
    ).slice(0, 200);
    // V8 gives "(line L column C)" for most mistakes; otherwise the first line.
    const line = Number(/\(line (\d+) column/.exec(detail)?.[1] ?? 1);
    return { ok: false, line, detail };
  }
}
