/**
 * Which column of a roster holds what. Column names are matched after folding case, accents and
 * punctuation, against the names French and English spreadsheets commonly use ("Nom complet", "Prénom",
 * "Courriel", "E-mail", "Adresse électronique", "Full name"…), so the columns may come in any order and
 * unknown columns are ignored (and reported, so nothing is ignored silently).
 */
import { said } from '../content/problems.ts';
import { say } from '../messages/catalogue.ts';
import type { RosterFileProblem, RosterRow } from './roster.ts';

export type ColumnKind =
  | 'fullName'
  | 'nameOrLastName'
  | 'lastName'
  | 'firstName'
  | 'email'
  | 'evidence'
  | 'narrative'
  | 'issuedOn'
  | 'expires';

/** Column names as `foldHeader` returns them. */
const NAMES: Record<ColumnKind, readonly string[]> = {
  fullName: [
    'nom complet',
    'nom et prenom',
    'nom prenom',
    'prenom nom',
    'prenom et nom',
    'noms et prenoms',
    'nom affiche',
    'full name',
    'fullname',
    'display name',
    'student name',
    'eleve',
    'etudiant',
    'etudiante',
    'apprenant',
    'apprenante',
    'stagiaire',
    'participant',
    'student',
    'learner',
    'recipient',
  ],
  // "Nom" alone is the whole name, unless a first-name column exists: then it is the family name.
  nameOrLastName: ['nom', 'name'],
  lastName: ['nom de famille', 'nom d usage', 'last name', 'lastname', 'surname', 'family name'],
  firstName: ['prenom', 'prenoms', 'prenom usuel', 'first name', 'firstname', 'given name', 'forename'],
  email: [
    'email',
    'e mail',
    'mail',
    'mel',
    'courriel',
    'adresse electronique',
    'adresse email',
    'adresse e mail',
    'adresse mail',
    'adresse courriel',
    'adresse de courriel',
    'adresse de messagerie',
    'email address',
    'e mail address',
    'mail address',
  ],
  evidence: [
    'evidence',
    'evidence url',
    'evidence link',
    'preuve',
    'preuves',
    'url preuve',
    'lien preuve',
    'lien vers la preuve',
    'url',
    'lien',
    'link',
    'portfolio',
  ],
  narrative: [
    'narrative',
    'narration',
    'commentaire',
    'commentaires',
    'comment',
    'comments',
    'remarque',
    'remarques',
    'appreciation',
    'appreciations',
    'justification',
    'motif',
    'observation',
    'observations',
  ],
  issuedOn: [
    'issued on',
    'issuedon',
    'issue date',
    'date of issue',
    'awarded on',
    'date',
    'date d attribution',
    'date attribution',
    'attribue le',
    'date de delivrance',
    'delivre le',
    'date d obtention',
    'date obtention',
    'obtenu le',
  ],
  expires: [
    'expires',
    'expires on',
    'expiry',
    'expiry date',
    'expiration',
    'expiration date',
    'valid until',
    'date d expiration',
    'expire le',
    'fin de validite',
    'date de fin de validite',
    'valable jusqu au',
  ],
};

/** Words that make an otherwise unknown column an email column ("Courriel de l'élève", "Email pro"). */
const EMAIL_WORDS = new Set(['email', 'mail', 'courriel', 'mel']);

/** Folds a column name for matching: no accents, lower case, words separated by single spaces. */
export function foldHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Spreadsheet letter of a 0-based column index: A, B, …, Z, AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A used column: its 0-based index and its name as written in the file. */
export interface Column {
  readonly index: number;
  readonly header: string;
}

/** Where each value of a row comes from. The name is one column, or a first-name and a last-name column. */
export interface ColumnMap {
  readonly name: Column | { readonly first: Column; readonly last?: Column };
  readonly email: Column;
  readonly evidence?: Column;
  readonly narrative?: Column;
  readonly issuedOn?: Column;
  readonly expires?: Column;
  /** Columns that were not recognised and are not used. */
  readonly ignored: readonly Column[];
}

export type ColumnResult =
  | { readonly ok: true; readonly columns: ColumnMap }
  | { readonly ok: false; readonly problem: RosterFileProblem };

const describe = (c: Column) => say('columns.column', { header: c.header, letter: columnLetter(c.index) });

/** Maps the header row's names to the values Insigne needs. */
export function mapColumns(header: RosterRow): ColumnResult {
  if (looksLikeData(header.cells)) {
    return {
      ok: false,
      problem: {
        line: header.line,
        ...said(say('columns.noHeader'), say('columns.noHeader.hint')),
      },
    };
  }
  const found = new Map<ColumnKind, Column[]>();
  const unknown: Column[] = [];
  for (const [index, name] of header.cells.entries()) {
    if (name === '') continue;
    const folded = foldHeader(name);
    const kind = (Object.keys(NAMES) as ColumnKind[]).find((k) => NAMES[k].includes(folded));
    if (kind) found.set(kind, [...(found.get(kind) ?? []), { index, header: name }]);
    else unknown.push({ index, header: name });
  }
  const ignored = [...unknown];
  if (!found.has('email')) {
    const emailLike = unknown.filter((c) =>
      foldHeader(c.header)
        .split(' ')
        .some((w) => EMAIL_WORDS.has(w)),
    );
    if (emailLike.length > 0) {
      found.set('email', emailLike);
      ignored.splice(0, ignored.length, ...unknown.filter((c) => !emailLike.includes(c)));
    }
  }

  for (const [kind, columns] of found) {
    if (columns.length > 1) {
      const [first, second] = columns as [Column, Column];
      return {
        ok: false,
        problem: {
          line: header.line,
          ...said(
            say('columns.two', {
              what: say(`columns.kind.${kind}`),
              first: describe(first),
              second: describe(second),
            }),
            say('columns.two.hint'),
          ),
        },
      };
    }
  }
  const one = (kind: ColumnKind) => found.get(kind)?.[0];
  const columnList = header.cells.filter((c) => c !== '').map((c) => `"${c}"`);
  const seen =
    columnList.length > 0 ? say('columns.seen', { line: header.line, columns: columnList.join(', ') }) : '';

  const email = one('email');
  if (!email) {
    return {
      ok: false,
      problem: {
        line: header.line,
        ...said(say('columns.noEmail', { seen }), say('columns.noEmail.hint')),
      },
    };
  }

  const full = one('fullName');
  const nameOrLast = one('nameOrLastName');
  const last = one('lastName');
  const first = one('firstName');
  let name: ColumnMap['name'] | undefined;
  const unused: Column[] = [];
  if (full) {
    name = full;
    unused.push(...[nameOrLast, last, first].filter((c) => c !== undefined));
  } else if (first) {
    if (nameOrLast && last) unused.push(nameOrLast);
    const family = last ?? nameOrLast;
    name = family ? { first, last: family } : { first };
  } else {
    name = nameOrLast ?? last;
    if (nameOrLast && last) unused.push(last);
  }
  if (!name) {
    return {
      ok: false,
      problem: {
        line: header.line,
        ...said(say('columns.noName', { seen }), say('columns.noName.hint')),
      },
    };
  }
  const optional = (kind: 'evidence' | 'narrative' | 'issuedOn' | 'expires') => {
    const column = one(kind);
    return column ? { [kind]: column } : {};
  };
  return {
    ok: true,
    columns: {
      name,
      email,
      ...optional('evidence'),
      ...optional('narrative'),
      ...optional('issuedOn'),
      ...optional('expires'),
      ignored: [...ignored, ...unused].sort((a, b) => a.index - b.index),
    },
  };
}

/**
 * A whole cell shaped like an address. The domain is matched as "first character, no dot, a dot, the rest",
 * which accepts the same cells as `[^\s@]+\.[^\s@]+` but without retrying every dot (quadratic on a long
 * cell).
 */
const ADDRESS_CELL = /^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/;

function looksLikeData(cells: readonly string[]): boolean {
  return cells.some((cell) => ADDRESS_CELL.test(cell));
}

/** The display name of a row, from one column or from first name + last name. */
export function nameOf(columns: ColumnMap, cells: readonly string[]): string {
  const cell = (c: Column | undefined) => (c ? (cells[c.index] ?? '') : '');
  if ('index' in columns.name) return cell(columns.name);
  return [cell(columns.name.first), cell(columns.name.last)]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/** The value of an optional column in a row ('' when the column is absent or the cell is empty). */
export function cellOf(column: Column | undefined, cells: readonly string[]): string {
  return column ? (cells[column.index] ?? '') : '';
}
