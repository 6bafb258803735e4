import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../src/core/authoring/columns.ts';
import {
  type AwardDefaults,
  checkDefaults,
  checkRequest,
  checkRequests,
  rosterRequests,
} from '../../../src/core/authoring/requests.ts';
import { parseRoster } from '../../../src/core/authoring/roster.ts';
import { render, say } from '../../../src/core/messages/catalogue.ts';

const TODAY = '2026-11-28';
const defaults: AwardDefaults = { issuedOn: TODAY, listed: false };

describe('checkDefaults', () => {
  it('reads the options, dates in either form', () => {
    expect(
      checkDefaults(
        {
          issuedOn: '20/06/2026',
          expires: '2027-06-20',
          evidence: ' https://ecole.example/t ',
          listed: true,
        },
        TODAY,
      ),
    ).toEqual({
      ok: true,
      defaults: {
        issuedOn: '2026-06-20',
        expires: '2027-06-20',
        evidence: 'https://ecole.example/t',
        listed: true,
      },
    });
  });

  it('reports every wrong option at once', () => {
    expect(
      checkDefaults({ issuedOn: '2026-12-01', expires: '2026-11-01', evidence: 'ftp://x' }, TODAY),
    ).toMatchObject({
      ok: false,
      problems: [
        {
          field: 'evidence',
          message: 'The evidence link "ftp://x" is not a web address starting with https:// (or http://).',
        },
        {
          field: 'issuedOn',
          message:
            'The issue date 2026-12-01 is in the future (today is 2026-11-28); award it on or after that day.',
        },
        { field: 'expires', message: 'The expiry date 2026-11-01 is not after the issue date 2026-12-01.' },
      ],
    });
  });
});

describe('checkRequest', () => {
  it('normalises the email and the name; row values win over defaults', () => {
    const result = checkRequest(
      {
        line: 4,
        name: ' Léa  Martin ',
        email: ' Lea.Martin@Ecole.FR ',
        issuedOn: '01/09/2026',
        narrative: 'Bravo',
      },
      { ...defaults, narrative: 'Default', evidence: 'https://ecole.example/x', expires: '2030-01-01' },
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      request: {
        line: 4,
        name: 'Léa Martin',
        email: 'lea.martin@ecole.fr',
        issuedOn: '2026-09-01',
        expires: '2030-01-01',
        evidence: 'https://ecole.example/x',
        narrative: 'Bravo',
        listed: false,
      },
    });
  });

  it('lists every problem of a request, never repeating the email', () => {
    const result = checkRequest(
      { name: 'lea@ecole.fr', email: 'lea@ecole', issuedOn: '31/02/2026' },
      defaults,
      TODAY,
    );
    expect(result).toMatchObject({
      ok: false,
      rejected: {
        name: 'lea@ecole.fr',
        problems: [
          {
            field: 'name',
            message:
              'The name contains an email address, which would be published (are two columns swapped?).',
          },
          { field: 'email', message: 'The email address does not end with a domain such as "school.org".' },
          {
            field: 'issuedOn',
            message: 'The issue date "31/02/2026" is not a real day (02/2026 has 28 days).',
          },
        ],
      },
    });
  });

  it('never shows an email typed in a date or link field', () => {
    const result = checkRequest(
      {
        name: 'Léa',
        email: 'lea@ecole.fr',
        expires: 'lea@ecole.fr',
        evidence: 'https://x.example/?u=lea@ecole.fr',
      },
      defaults,
      TODAY,
    );
    expect(JSON.stringify(result)).not.toContain('lea@ecole.fr');
  });
});

describe('checkRequests', () => {
  it('rejects a second row with the same address (any case), naming the first', () => {
    const { requests, rejected } = checkRequests(
      [
        { line: 2, name: 'Léa Martin', email: 'lea@ecole.fr' },
        { line: 3, name: 'Hugo', email: 'hugo@ecole.fr' },
        { line: 5, name: 'Léa M.', email: 'LEA@ECOLE.FR' },
        { line: 6, name: '', email: 'lea@ecole.fr' },
      ],
      defaults,
      TODAY,
    );
    expect(requests.map((r) => r.line)).toEqual([2, 3]);
    expect(rejected).toMatchObject([
      {
        line: 5,
        name: 'Léa M.',
        problems: [{ field: 'email', message: 'The same email address as line 2 (Léa Martin).' }],
      },
      {
        line: 6,
        name: '',
        problems: [
          { field: 'name', message: 'The name is missing.' },
          { field: 'email', message: 'The same email address as line 2 (Léa Martin).' },
        ],
      },
    ]);
  });
});

describe('rosterRequests', () => {
  it('turns rows into requests, and flags values past the last column', () => {
    const parsed = parseRoster('Prénom,Nom,Email\nLéa,Martin,lea@ecole.fr\nJean,Dupont, Jr,jean@ecole.fr\n');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const mapped = mapColumns(parsed.roster.header);
    if (!mapped.ok) throw new Error(mapped.problem.message);
    expect(rosterRequests(parsed.roster, mapped.columns)).toEqual([
      {
        line: 2,
        name: 'Léa Martin',
        email: 'lea@ecole.fr',
        issuedOn: '',
        expires: '',
        evidence: '',
        narrative: '',
      },
      {
        line: 3,
        name: 'Jean Dupont',
        email: 'Jr',
        issuedOn: '',
        expires: '',
        evidence: '',
        narrative: '',
        rowProblem: say('row.tooManyValues', { separator: say('separator.comma') }),
      },
    ]);
    const [, second] = rosterRequests(parsed.roster, mapped.columns);
    expect(render(second?.rowProblem ?? say('text.verbatim', { text: '' }), 'en')).toBe(
      'The row has more values than the header has columns: a value holding a comma needs quotes around it.',
    );
  });
});
