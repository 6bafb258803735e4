import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  addFieldToSequenceEntries,
  appendToTopLevelSequence,
  YamlEditError,
} from '../../../src/core/authoring/yaml-edit.ts';

const key = (id: string) => ({ id, algorithm: 'Ed25519', publicKeyJwk: { kty: 'OKP', x: 'abc' } });
const folded = '# Commentaire\nname: X\ndescription: >-\n  un texte\n  replié.\n';

describe('appendToTopLevelSequence', () => {
  it('turns `keys: []` into a block list and keeps its comment and the other lines', () => {
    const text = `${folded}keys: [] # aucune clé\nlogo: a.svg\n`;
    const edited = appendToTopLevelSequence(text, 'keys', [key('a')]);
    expect(edited).toBe(
      `${folded}keys: # aucune clé\n  - id: a\n    algorithm: Ed25519\n    publicKeyJwk:\n      kty: OKP\n      x: abc\nlogo: a.svg\n`,
    );
    expect(parse(edited).keys).toEqual([key('a')]);
  });

  it('appends after the last entry, before blank lines and the next field', () => {
    const once = appendToTopLevelSequence(`${folded}keys: []\n\nlogo: a.svg\n`, 'keys', [key('a')]);
    const twice = appendToTopLevelSequence(once, 'keys', [key('b')]);
    expect(parse(twice)).toMatchObject({ keys: [key('a'), key('b')], logo: 'a.svg' });
    expect(twice.startsWith(folded)).toBe(true);
    expect(twice).toContain('      x: abc\n\nlogo: a.svg\n');
  });

  it('adds the list at the end when the field is missing or empty', () => {
    expect(parse(appendToTopLevelSequence('name: X', 'keys', [key('a')])).keys).toEqual([key('a')]);
    expect(parse(appendToTopLevelSequence('name: X\nkeys:\n', 'keys', [key('a')])).keys).toEqual([key('a')]);
  });

  it('refuses what it cannot edit without rewriting the file', () => {
    expect(() => appendToTopLevelSequence('keys: [{id: a}]\n', 'keys', [key('b')])).toThrow(YamlEditError);
    expect(() => appendToTopLevelSequence('keys: nothing\n', 'keys', [key('b')])).toThrow(/not a list/);
    expect(() => appendToTopLevelSequence('- a\n', 'keys', [key('b')])).toThrow(/not a YAML mapping/);
  });
});

describe('addFieldToSequenceEntries', () => {
  it('adds the field at each selected entry’s indentation, skipping entries that have it', () => {
    const text = appendToTopLevelSequence(`${folded}keys:\n  - id: old\n    retired: 2025-01-01\n`, 'keys', [
      key('a'),
      key('b'),
    ]);
    const edited = addFieldToSequenceEntries(
      text,
      'keys',
      'retired',
      '2026-11-28',
      (e) => e.get('id') !== 'b',
    );
    expect(parse(edited).keys.map((k: { id: string; retired?: string }) => [k.id, k.retired])).toEqual([
      ['old', '2025-01-01'],
      ['a', '2026-11-28'],
      ['b', undefined],
    ]);
    expect(edited.startsWith(folded)).toBe(true);
  });
});
