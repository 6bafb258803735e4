/** The language of the command line: --lang first, then LC_ALL, LC_MESSAGES and LANG in POSIX order. */
import { describe, expect, it } from 'vitest';
import { chooseLanguage, languageOfEnvironment } from '../../../src/core/messages/language.ts';

describe('languageOfEnvironment', () => {
  it('speaks French to a French locale, whatever its country or encoding', () => {
    for (const LANG of ['fr', 'fr_FR.UTF-8', 'fr_CA', 'fr_BE@euro', 'FR_ch.utf8'])
      expect(languageOfEnvironment({ LANG }), LANG).toBe('fr');
  });

  it('speaks English to every other locale and to none', () => {
    for (const LANG of ['C', 'POSIX', 'C.UTF-8', 'en_GB.UTF-8', 'de_DE', 'fri', 'french', ''])
      expect(languageOfEnvironment({ LANG }), LANG).toBe('en');
    expect(languageOfEnvironment({})).toBe('en');
  });

  it('takes the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty', () => {
    expect(languageOfEnvironment({ LC_ALL: 'C', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(languageOfEnvironment({ LC_ALL: '', LC_MESSAGES: 'fr_FR', LANG: 'en_US' })).toBe('fr');
    expect(languageOfEnvironment({ LC_MESSAGES: 'C', LANG: 'fr_FR' })).toBe('en');
    expect(languageOfEnvironment({ LC_ALL: 'fr_CA.UTF-8', LC_MESSAGES: 'en_US' })).toBe('fr');
  });
});

describe('chooseLanguage', () => {
  it('takes --lang out of the arguments, wherever it is, and lets it win', () => {
    expect(chooseLanguage(['check', '--lang', 'en'], { LANG: 'fr_FR.UTF-8' })).toEqual({
      ok: true,
      language: 'en',
      args: ['check'],
    });
    expect(chooseLanguage(['--lang=fr', 'list', '--json'], { LC_ALL: 'C' })).toEqual({
      ok: true,
      language: 'fr',
      args: ['list', '--json'],
    });
    expect(chooseLanguage(['list'], { LANG: 'fr_FR' })).toEqual({ ok: true, language: 'fr', args: ['list'] });
  });

  it('leaves what follows a lone -- alone', () => {
    expect(chooseLanguage(['revoke', '--', '--lang', 'fr'], {})).toEqual({
      ok: true,
      language: 'en',
      args: ['revoke', '--', '--lang', 'fr'],
    });
  });

  it('refuses a language it does not speak, or a missing value', () => {
    expect(chooseLanguage(['check', '--lang', 'de'], { LANG: 'fr_FR' })).toEqual({
      ok: false,
      value: 'de',
      fallback: 'fr',
    });
    expect(chooseLanguage(['check', '--lang'], {})).toEqual({ ok: false, value: '', fallback: 'en' });
  });
});
