import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashIdentity, matchesIdentity } from '../../../src/core/identity/email.ts';
import { nativeMatchesIdentity, writeFilesAtomically } from '../../../src/shell/cli/authoring.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'insigne-write-'));

describe('writeFilesAtomically', () => {
  it('writes every file, creating folders, and leaves no temporary file', () => {
    const root = scratch();
    writeFilesAtomically(root, [
      { path: 'content/awards/2026/a.yaml', text: 'a' },
      { path: 'content/awards/2025/b.yaml', text: 'b' },
    ]);
    expect(readdirSync(join(root, 'content/awards/2026'))).toEqual(['a.yaml']);
    expect(readdirSync(join(root, 'content/awards/2025'))).toEqual(['b.yaml']);
  });

  it('removes what it wrote, and the folders it created, when one file fails', () => {
    const root = scratch();
    mkdirSync(join(root, 'content/awards/2026'), { recursive: true });
    writeFileSync(join(root, 'content/awards/2026/taken.yaml'), 'already here');
    expect(() =>
      writeFilesAtomically(root, [
        { path: 'content/awards/2024/new.yaml', text: 'x' },
        { path: 'content/awards/2026/first.yaml', text: 'y' },
        { path: 'content/awards/2026/taken.yaml', text: 'z' },
      ]),
    ).toThrow('content/awards/2026/taken.yaml already exists; it was not overwritten.');
    expect(readdirSync(join(root, 'content/awards/2026'))).toEqual(['taken.yaml']);
    expect(existsSync(join(root, 'content/awards/2024'))).toBe(false);
  });

  it('removes its temporary files when a folder cannot be created', () => {
    const root = scratch();
    mkdirSync(join(root, 'content/awards'), { recursive: true });
    writeFileSync(join(root, 'content/awards/2027'), 'a file where a folder should be');
    expect(() =>
      writeFilesAtomically(root, [
        { path: 'content/awards/2026/a.yaml', text: 'a' },
        { path: 'content/awards/2027/b.yaml', text: 'b' },
      ]),
    ).toThrow();
    expect(readdirSync(join(root, 'content/awards')).sort()).toEqual(['2027']);
  });
});

describe('nativeMatchesIdentity', () => {
  it('agrees with the portable matchesIdentity', () => {
    const salt = 'EsnQwGbE3n2IiHlXH2EiWA';
    const recipient = { name: 'Léa', identity: hashIdentity('Léa.Martin@École.example', salt), salt };
    for (const email of [
      'léa.martin@école.example',
      ' LÉA.MARTIN@ÉCOLE.EXAMPLE ',
      'lea.martin@ecole.example',
    ]) {
      expect(nativeMatchesIdentity(email, recipient)).toBe(matchesIdentity(email, recipient));
    }
    expect(nativeMatchesIdentity('léa.martin@école.example', recipient)).toBe(true);
    expect(nativeMatchesIdentity('lea.martin@ecole.example', recipient)).toBe(false);
    const upper = { ...recipient, identity: recipient.identity.toUpperCase().replace('SHA256$', 'sha256$') };
    expect(nativeMatchesIdentity('léa.martin@école.example', upper)).toBe(true);
  });
});
