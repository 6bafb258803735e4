/**
 * Git ignores private keys under the names tools give them, wherever they are, so `git add .` cannot
 * commit one (DESIGN.md §4), and ignores nothing the project tracks.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KEYS_DIR, SECRET_FILE } from '../../src/shell/keys.ts';
import { PROJECT_ROOT } from '../helpers/project.ts';

const ignored = (path: string) =>
  spawnSync('git', ['check-ignore', '--no-index', '--quiet', path], { cwd: PROJECT_ROOT }).status === 0;

describe('.gitignore', () => {
  it.each([
    `${KEYS_DIR}/${SECRET_FILE}`,
    `${KEYS_DIR}/ecole-test/ed25519-2026-11.private.jwk.json`,
    SECRET_FILE,
    `content/${SECRET_FILE}`,
    'content/issuers/signing.pem',
    'content/badges/server.key',
    'content/AuthKey_ABC123.p8',
    'certs/school.p12',
    'certs/school.pfx',
    'android/release.jks',
    'android/release.keystore',
    'content/key.private.json',
    'content/issuers/ecole.private.yaml',
    'id_rsa',
    'id_rsa.pub',
    'deploy/id_ed25519',
    'deploy/id_ecdsa',
    'old/id_dsa',
  ])('ignores %s', (path) => {
    expect(ignored(path)).toBe(true);
  });

  it.each([
    'content/issuers/ecole-test.yaml',
    'content/badges/robotique-niveau-1.md',
    'content/issuers/logo.svg',
    'src/shell/keys.ts',
    'tests/security/key-material.ts',
  ])('does not ignore %s', (path) => {
    expect(ignored(path)).toBe(false);
  });

  it('ignores no file the project tracks', () => {
    const tracked = execFileSync('git', ['ls-files', '--cached', '--ignored', '--exclude-standard'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(tracked).toBe('');
  });
});
