/**
 * The message catalogue is complete: every message has an English and a French text (the type system
 * already refuses a missing one), both name the same placeholders, the French is not a copy of the English,
 * follows French typography, and every text the content schemas can show has its French.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as schemas from '../../../src/core/content/schemas.ts';
import {
  type Bilingual,
  catalogue,
  render,
  say,
  sayFromSchema,
  typesetFrench,
} from '../../../src/core/messages/catalogue.ts';

const entries = Object.entries(catalogue) as [string, Bilingual][];

/**
 * Messages whose French is rightly the same text as the English: a text shown as it is, a list or a
 * value with nothing to translate.
 */
const SAME_IN_BOTH: Record<string, string> = {
  'text.verbatim': 'a text from a library or another module, shown as it is',
  'zod.type.other': 'only placeholders: an article and a type name',
  'zod.other': 'only a placeholder: a schema refusal, itself translated',
  'shard.refused': 'only placeholders: a problem and its hint, each translated',
  'merge.line': 'only placeholders: one line of a list, indented',
  'verify.line.badge': 'a label and a value: "badge" is also the French word',
};

/** Messages whose French names a placeholder more than the English: the gist of a library's sentence. */
const FRENCH_ADDS: Record<string, string[]> = { 'yaml.unreadable.coded': ['gist'] };

const holes = (text: string) => [...text.matchAll(/\{\^?([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]).sort();

/** The prose of a French template: what is outside "…" and `…` (code and values, typed as they are). */
const prose = (text: string) => text.split(/"[^"\n]*"|`[^`\n]*`/).join(' ');

describe('the message catalogue', () => {
  it('has hundreds of messages, each with non-empty English and French', () => {
    expect(entries.length).toBeGreaterThan(150);
    for (const [id, entry] of entries) {
      expect(entry.en.trim(), id).not.toBe('');
      expect(entry.fr.trim(), id).not.toBe('');
    }
  });

  it('names the same placeholders in both languages', () => {
    for (const [id, entry] of entries) {
      const french = holes(entry.fr).filter((name) => !(FRENCH_ADDS[id] ?? []).includes(name ?? ''));
      expect([...new Set(french)], id).toEqual([...new Set(holes(entry.en))]);
    }
  });

  it('has French that is not a copy of the English, apart from a few justified messages', () => {
    const copies = entries.filter(([, e]) => e.en === e.fr).map(([id]) => id);
    expect(copies.sort()).toEqual(
      Object.keys(SAME_IN_BOTH)
        .filter((id) => id in catalogue)
        .sort(),
    );
  });

  it('writes French with French quotes and apostrophes, and spaces before double punctuation', () => {
    for (const [id, { fr }] of entries) {
      const text = prose(fr);
      expect(text, `${id}: typewriter apostrophe`).not.toMatch(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/);
      expect(text, `${id}: no space before ; ! ?`).not.toMatch(/[^\s][;!?](\s|$)/);
      expect(text, `${id}: no space before :`).not.toMatch(/[A-Za-zÀ-ÿ)»][:](\s|$)/);
      expect(text.split('«').length, `${id}: unbalanced « »`).toBe(text.split('»').length);
    }
  });

  it('typesets French with no-break spaces, leaving quoted code alone', () => {
    expect(typesetFrench('Conseil : « x » ; oui ? "a : b" `c ; d`')).toBe(
      'Conseil\u00a0: «\u00a0x\u00a0»\u202f; oui\u202f? "a : b" `c ; d`',
    );
    expect(render(say('reference.badge', { slug: 'a : b' }), 'fr')).toBe(
      'Il n’existe aucun badge «\u00a0a : b\u00a0».',
    );
  });

  it('renders nested messages and lists in the same language', () => {
    const hint = say('design.palette.hint', {
      guess: say('hint.didYouMean', { name: 'ocean' }),
      palettes: 'a, b',
    });
    expect(render(hint, 'en')).toBe('Did you mean "ocean"? Palettes: a, b.');
    expect(render(hint, 'fr')).toBe('Vouliez-vous dire «\u00a0ocean\u00a0»\u202f? Palettes\u00a0: a, b.');
    const list = say('design.icon.didYouMean', {
      names: [say('quoted', { name: 'a' }), say('quoted', { name: 'b' })],
    });
    expect(render(list, 'fr')).toBe('Vouliez-vous dire «\u00a0a\u00a0», «\u00a0b\u00a0»\u202f? ');
  });

  it('has the French of every doc line and refusal of the content schemas', () => {
    const texts = new Set<string>();
    const walk = (schema: z.ZodType | undefined, depth = 0): void => {
      if (!schema || depth > 30) return;
      if (schema.description) texts.add(schema.description);
      const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
      for (const key of ['innerType', 'in', 'out', 'element'])
        walk(def[key] as z.ZodType | undefined, depth + 1);
      for (const inner of Object.values((def.shape as Record<string, z.ZodType> | undefined) ?? {}))
        walk(inner, depth + 1);
      for (const inner of (def.options as z.ZodType[] | undefined) ?? []) walk(inner, depth + 1);
      for (const check of (def.checks as
        | { _zod: { def: { error?: () => string; message?: string } } }[]
        | undefined) ?? []) {
        const message = check._zod.def.error?.() ?? check._zod.def.message;
        if (typeof message === 'string') texts.add(message);
      }
    };
    for (const value of Object.values(schemas))
      if (typeof value === 'object' && value && '_zod' in value) walk(value as z.ZodType);
    expect(texts.size).toBeGreaterThan(60);
    const missing = [...texts].filter((text) => sayFromSchema(text).id === 'text.verbatim');
    expect(missing).toEqual([]);
  });
});
