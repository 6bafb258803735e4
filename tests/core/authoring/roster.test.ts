import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeRoster,
  detectSeparator,
  parseRoster,
  type Roster,
  unclosedQuoteLine,
} from '../../../src/core/authoring/roster.ts';

const ROSTERS = join(import.meta.dirname, '..', '..', 'fixtures', 'rosters');
const bytes = (name: string) => new Uint8Array(readFileSync(join(ROSTERS, name)));

function read(name: string): Roster {
  const { text, encoding } = decodeRoster(bytes(name));
  const result = parseRoster(text, encoding);
  if (!result.ok) throw new Error(result.problem.message);
  return result.roster;
}

describe('decodeRoster', () => {
  it('reads UTF-8 and drops the byte order mark', () => {
    const { text, encoding } = decodeRoster(bytes('utf8-bom-semicolon.csv'));
    expect(encoding).toBe('UTF-8');
    expect(text.startsWith('Nom complet;')).toBe(true);
  });

  it('falls back to Windows-1252 (Excel’s French CSV), including characters Latin-1 lacks', () => {
    const { text, encoding } = decodeRoster(bytes('windows-1252-accents.csv'));
    expect(encoding).toBe('Windows-1252');
    expect(text).toContain('Prénom;Nom;Adresse électronique');
    expect(text).toContain('Œillet-Françoise');
    expect(text).toContain('5 €');
  });

  it('reads UTF-16 with a byte order mark (Excel’s "Unicode text")', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('Nom\tEmail\n', 'utf16le'))]);
    expect(decodeRoster(utf16)).toEqual({ text: 'Nom\tEmail\n', encoding: 'UTF-16' });
  });
});

describe('detectSeparator', () => {
  it.each([
    ['Nom;Email', ';'],
    ['Nom\tEmail', '\t'],
    ['Nom,Email', ','],
    ['"Nom, prénom";Email', ';'],
    ['Nom', ','],
  ])('%j → %j', (line, separator) => {
    expect(detectSeparator(line)).toBe(separator);
  });
});

describe('parseRoster', () => {
  it('skips blank and separator-only lines, trims values, and keeps file line numbers (CRLF)', () => {
    const roster = read('utf8-bom-semicolon.csv');
    expect(roster.separator).toBe(';');
    expect(roster.header).toEqual({ line: 1, cells: ['Nom complet', 'Courriel', 'Classe', '', ''] });
    expect(roster.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'Léa Martin'],
      [4, 'Hugo Bernard'],
      [6, 'Anaïs Nguyễn'],
    ]);
  });

  it('keeps separators and line breaks inside quoted values, and numbers rows by their first line', () => {
    const roster = read('quoted-fields.csv');
    expect(roster.separator).toBe(',');
    const [jade, louis] = roster.rows;
    expect(jade?.line).toBe(2);
    expect(jade?.cells[1]).toBe(
      'Built a robot that sorts bricks, by colour.\nPresented it at the open day, to "rave" reviews.',
    );
    expect(jade?.cells[2]).toBe('Rousseau, Jade');
    expect(louis?.line).toBe(4);
  });

  it('reads tab-separated rosters', () => {
    const roster = read('tab-separated.csv');
    expect(roster.separator).toBe('\t');
    expect(roster.rows[0]?.cells).toEqual([
      'Inès Moreau',
      'ines.moreau@eleves.ecole-test.example',
      '20/06/2026',
    ]);
  });

  it('accepts a space after the separator before a quoted value', () => {
    const result = parseRoster('Name, Email\n"Martin, Léa", lea@ecole.fr\n');
    expect(result.ok && result.roster.rows[0]?.cells).toEqual(['Martin, Léa', 'lea@ecole.fr']);
  });

  it('reports an unclosed quote at the line where it opens', () => {
    const { text } = decodeRoster(bytes('unclosed-quote.csv'));
    expect(parseRoster(text)).toMatchObject({
      ok: false,
      problem: {
        line: 2,
        message: 'The quoted value that starts on line 2 is never closed.',
        hint: 'Add the missing closing quote ("), or remove the opening one.',
      },
    });
    expect(unclosedQuoteLine('a;b\n"x""y";z\n"open;w\n', ';')).toBe(3);
  });

  it('reports an empty file', () => {
    expect(parseRoster('\n \r\n')).toMatchObject({
      ok: false,
      problem: { message: 'The file is empty.', hint: 'Export the roster again.' },
    });
  });
});
