import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { awardFilePath, toAwardYaml } from '../../../src/core/authoring/document.ts';
import { awardSchema } from '../../../src/core/content/schemas.ts';

describe('award documents', () => {
  const fields = {
    id: '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e',
    badge: 'robotique-niveau-1',
    name: 'Léa Martin',
    identity: `sha256$${'a'.repeat(64)}`,
    salt: 'AAAAAAAAAAAAAAAAAAAAAA',
    issuedOn: '2026-06-20',
    listed: true,
    statusIndex: 42,
  };

  it('writes the schema’s fields in reading order', () => {
    expect(
      toAwardYaml({
        ...fields,
        expires: '2027-06-20',
        evidence: 'https://ecole.example/t',
        narrative: 'Bravo : robot.',
      }),
    ).toBe(`badge: robotique-niveau-1
recipient:
  name: Léa Martin
  identity: sha256$${'a'.repeat(64)}
  salt: AAAAAAAAAAAAAAAAAAAAAA
issuedOn: 2026-06-20
expires: 2027-06-20
evidence:
  - url: https://ecole.example/t
narrative: "Bravo : robot."
listed: true
statusIndex: 42
`);
  });

  it('quotes names YAML would otherwise read as something else', () => {
    const text = toAwardYaml({ ...fields, name: 'No' });
    expect(awardSchema.parse(parse(text)).recipient.name).toBe('No');
  });

  it('files awards by year of issue', () => {
    expect(awardFilePath(fields.id, '2025-01-20')).toBe(`content/awards/2025/${fields.id}.yaml`);
  });
});
