/**
 * The command line speaks the system's language: French under a French LANG, English when LC_ALL says C
 * or --lang en says so, whatever the command; an unknown --lang is refused in both languages.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.ts';
import { CONTENT_FIXTURES, projectFromFixture } from '../../helpers/fixtures.ts';

const FRENCH = { LANG: 'fr_FR.UTF-8' };
const fixtureReport = (name: string, file: string) =>
  readFileSync(join(CONTENT_FIXTURES, name, file), 'utf8');

describe('the language of the command line', () => {
  it('reports content problems in French under a French LANG', async () => {
    const run = await cli(projectFromFixture('broken-several-mistakes'), ['check'], FRENCH);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      fixtureReport('broken-several-mistakes', 'expected.fr.txt').replace(
        'Rien n’a été publié.',
        'Corrigez-les, puis relancez la vérification.',
      ),
    );
    expect(run.err).toContain('Conseil\u00a0: Vouliez-vous dire «\u00a0robotique-niveau-1\u00a0»\u202f?');
  });

  it('speaks English when LC_ALL=C overrides a French LANG', async () => {
    const run = await cli(projectFromFixture('broken-several-mistakes'), ['check'], {
      ...FRENCH,
      LC_ALL: 'C',
    });
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      fixtureReport('broken-several-mistakes', 'expected.txt').replace(
        'Nothing was published.',
        'Fix them, then run the check again.',
      ),
    );
  });

  it('speaks English with --lang en in a French environment, and French with --lang fr in an English one', async () => {
    const root = projectFromFixture('valid');
    const english = await cli(root, ['check', '--lang', 'en'], { LC_ALL: 'fr_FR.UTF-8' });
    expect(english).toMatchObject({
      code: 0,
      out: '✔ Content is valid: 1 issuer(s), 1 badge(s), 1 award(s).\n',
    });
    const french = await cli(root, ['--lang=fr', 'check'], { LANG: 'C' });
    expect(french).toMatchObject({
      code: 0,
      out: '✔ Le contenu est valide\u00a0: 1 émetteur(s), 1 badge(s), 1 attribution(s).\n',
    });
  });

  it('refuses an unknown --lang in both languages, before running anything', async () => {
    const run = await cli(projectFromFixture('valid'), ['check', '--lang', 'de'], FRENCH);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe(
      'Unknown language "de" for --lang: use --lang en or --lang fr.\n' +
        'Langue inconnue «\u00a0de\u00a0» pour --lang\u00a0: utilisez --lang en ou --lang fr.\n',
    );
  });

  it('prints the help in French, commands and options untranslated', async () => {
    const run = await cli(projectFromFixture('valid'), ['--help'], FRENCH);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Utilisation\u00a0: npm run badges -- <commande> [options]');
    expect(run.out).toContain('revoke <award-id> --reason "<text>" [--date <day>]');
    const check = await cli(projectFromFixture('valid'), ['check', '--help'], FRENCH);
    expect(check.out).toContain('Exemple\u00a0:\n  npm run badges -- check\n');
  });

  it('speaks French in the endorsement, shard, upload and verify commands too', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'insigne-lang-'));
    const sign = await cli(empty, ['endorse', 'sign', 'demande.json'], FRENCH);
    expect(sign.code).toBe(2);
    expect(sign.err).toMatch(
      /^✖ Donnez le fichier de demande et --key <endorser key file>\.\n\nUtilisation\u00a0:/,
    );
    const merge = await cli(empty, ['merge', 'nulle-part', '--out', 'dist'], FRENCH);
    expect(merge.err).toBe('✖ Pas un dossier\u00a0: nulle-part. Rien n’a été publié.\n');
    const upload = await cli(empty, ['upload', '--bucket', 'b'], FRENCH);
    expect(upload.err).toMatch(/^Indiquez avec --s3 <endpoint> où envoyer le site\.\n/);
    const verify = await cli(empty, ['verify'], FRENCH);
    expect(verify.err).toMatch(/^Donnez un fichier ou une URL à vérifier\.\n/);
    const notify = await cli(empty, ['notify', '--send', '--purge'], FRENCH);
    expect(notify.err).toMatch(/^Choisissez une seule option parmi --send, --export et --purge\.\n/);
    const shard = await cli(projectFromFixture('valid'), ['check'], { ...FRENCH, INSIGNE_SHARD: '4/3' });
    expect(shard.err).toContain(
      'INSIGNE_SHARD="4/3"\u00a0: il n’y a pas de fragment 4 sur 3\u202f; les fragments sont numérotés de 1 à 3.',
    );
  });
});
