import { describe, expect, it } from 'vitest';
import {
  describeCharacters,
  describeInvisible,
  invisibleCharacterIn,
  undrawableCharacters,
} from '../../../src/core/content/text-safety.ts';

const found = (text: string) => {
  const hit = invisibleCharacterIn(text);
  return hit && describeInvisible(hit);
};

describe('invisibleCharacterIn', () => {
  it('names the reversing override and its position, as the terminal would hide it', () => {
    expect(found('Zoé \u202egnp.exe\u202c')).toBe('U+202E RIGHT-TO-LEFT OVERRIDE at character 5');
  });

  it.each([
    [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
    [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
    [0x202c, 'POP DIRECTIONAL FORMATTING'],
    [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
    [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
    [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
    [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
    [0x2068, 'FIRST STRONG ISOLATE'],
    [0x2069, 'POP DIRECTIONAL ISOLATE'],
    [0x200e, 'LEFT-TO-RIGHT MARK'],
    [0x200f, 'RIGHT-TO-LEFT MARK'],
    [0x061c, 'ARABIC LETTER MARK'],
    [0x200b, 'ZERO WIDTH SPACE'],
    [0x200c, 'ZERO WIDTH NON-JOINER'],
    [0x200d, 'ZERO WIDTH JOINER'],
    [0x2060, 'WORD JOINER'],
    [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
    [0x00ad, 'SOFT HYPHEN'],
    [0x3164, 'HANGUL FILLER'],
  ])('refuses U+%s (%s) inside a Latin name', (codePoint, name) => {
    const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    expect(found(`Ali${String.fromCodePoint(codePoint)}ce`)).toBe(`${code} ${name} at character 4`);
  });

  it('counts positions in characters, not UTF-16 units', () => {
    expect(found('🎓🎓 Zoé\u200b')).toBe('U+200B ZERO WIDTH SPACE at character 7');
  });

  it('accepts the joiners of emoji sequences and of scripts that need them', () => {
    for (const text of [
      '👩‍🔬 Chimie',
      '👩🏽‍🚀 Espace',
      '❤️‍🔥',
      'می‌خواهم',
      'क्‍ष',
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Écosse',
      'Zoé Ångström-Nguyễn',
    ])
      expect(found(text), text).toBeUndefined();
  });

  it('refuses a joiner that joins nothing, and tag characters outside a flag', () => {
    expect(found('👩\u200d')).toBe('U+200D ZERO WIDTH JOINER at character 2');
    expect(found('Ma\u200crie')).toBe('U+200C ZERO WIDTH NON-JOINER at character 3');
    expect(found('a\u{E0061}')).toBe('U+E0061 TAG CHARACTER at character 2');
  });
});

describe('undrawableCharacters', () => {
  const latinOnly = (cp: number) => cp < 0x250 || (cp >= 0x2000 && cp <= 0x20ff);

  it('lists what the fonts lack, once each, and never emoji', () => {
    expect(undrawableCharacters('Robotique 🤖 1️⃣ 🇫🇷 — été', latinOnly)).toEqual([]);
    const hebrew = undrawableCharacters('רובוטיקה', latinOnly);
    expect(hebrew).toEqual(['ר', 'ו', 'ב', 'ט', 'י', 'ק', 'ה']);
    expect(describeCharacters(hebrew)).toBe(
      '"ר" U+05E8, "ו" U+05D5, "ב" U+05D1, "ט" U+05D8, "י" U+05D9, "ק" U+05E7 and 1 more (Hebrew)',
    );
    expect(describeCharacters(undrawableCharacters('علم', latinOnly))).toBe(
      '"ع" U+0639, "ل" U+0644, "م" U+0645 (Arabic)',
    );
  });

  it('checks the composed form, as the renderer draws it', () => {
    const composedOnly = (cp: number) => cp !== 0x301 && cp < 0x250;
    expect(undrawableCharacters('e\u0301te\u0301', composedOnly)).toEqual([]);
  });
});
