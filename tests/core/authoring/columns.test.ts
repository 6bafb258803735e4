import { describe, expect, it } from 'vitest';
import { columnLetter, foldHeader, mapColumns, nameOf } from '../../../src/core/authoring/columns.ts';

const header = (...cells: string[]) => ({ line: 1, cells });

describe('foldHeader', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldHeader('Adresse Électronique')).toBe('adresse electronique');
    expect(foldHeader(" Date d'attribution ")).toBe('date d attribution');
    expect(foldHeader('E-mail')).toBe('e mail');
  });
});

describe('columnLetter', () => {
  it('numbers columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('mapColumns', () => {
  it('maps French names in any order and lists ignored columns', () => {
    const result = mapColumns(
      header('Classe', 'Courriel', 'Nom complet', "Date d'attribution", 'Expire le', 'Appréciation', 'Lien'),
    );
    expect(result).toEqual({
      ok: true,
      columns: {
        name: { index: 2, header: 'Nom complet' },
        email: { index: 1, header: 'Courriel' },
        issuedOn: { index: 3, header: "Date d'attribution" },
        expires: { index: 4, header: 'Expire le' },
        narrative: { index: 5, header: 'Appréciation' },
        evidence: { index: 6, header: 'Lien' },
        ignored: [{ index: 0, header: 'Classe' }],
      },
    });
  });

  it('maps English names', () => {
    const result = mapColumns(
      header('E-mail', 'Full name', 'Issued on', 'Expiry date', 'Comments', 'Evidence URL'),
    );
    expect(result.ok && Object.keys(result.columns).sort()).toEqual([
      'email',
      'evidence',
      'expires',
      'ignored',
      'issuedOn',
      'name',
      'narrative',
    ]);
  });

  it('joins first name and last name when both exist; "Nom" alone is the whole name', () => {
    const split = mapColumns(header('NOM', 'Prénom', 'Mail'));
    if (!split.ok) throw new Error(split.problem.message);
    expect(split.columns.name).toEqual({
      first: { index: 1, header: 'Prénom' },
      last: { index: 0, header: 'NOM' },
    });
    expect(nameOf(split.columns, ['Garnier', ' Nathan', 'x'])).toBe('Nathan Garnier');
    expect(nameOf(split.columns, ['', 'Nathan', 'x'])).toBe('Nathan');

    const whole = mapColumns(header('Nom', 'Email'));
    expect(whole.ok && whole.columns.name).toEqual({ index: 0, header: 'Nom' });
  });

  it('prefers a full-name column over first and last names', () => {
    const result = mapColumns(header('Prénom', 'Nom', 'Nom complet', 'Email'));
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.columns.name).toEqual({ index: 2, header: 'Nom complet' });
    expect(result.columns.ignored.map((c) => c.header)).toEqual(['Prénom', 'Nom']);
  });

  it('recognises other email column names by their words', () => {
    const result = mapColumns(header('Nom', "Courriel de l'élève"));
    expect(result.ok && result.columns.email).toEqual({ index: 1, header: "Courriel de l'élève" });
  });

  it('refuses two candidate columns for one value', () => {
    expect(mapColumns(header('Nom', 'Email', 'Courriel'))).toMatchObject({
      ok: false,
      problem: {
        line: 1,
        message: 'Two columns could hold the email address: "Email" (column B) and "Courriel" (column C).',
        hint: 'Rename or delete one of them, then run the command again.',
      },
    });
  });

  it('explains a missing email or name column, and a missing header row', () => {
    expect(mapColumns(header('Nom', 'Classe'))).toMatchObject({
      ok: false,
      problem: {
        line: 1,
        message: 'No column holds the email addresses. The header row (line 1) has "Nom", "Classe".',
        hint: 'Name that column "Email" or "Courriel".',
      },
    });
    expect(mapColumns(header('Classe', 'Email'))).toMatchObject({
      ok: false,
      problem: {
        message: 'No column holds the earners\' names. The header row (line 1) has "Classe", "Email".',
      },
    });
    expect(mapColumns(header('Léa Martin', 'lea@ecole.fr'))).toMatchObject({
      ok: false,
      problem: { message: 'The first row holds an email address: the roster has no header row.' },
    });
  });
});
