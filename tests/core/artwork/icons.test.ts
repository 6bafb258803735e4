import { describe, expect, it } from 'vitest';
import { closestNames, iconSvg, resolveIcon } from '../../../src/core/artwork/icons.ts';
import { editDistance } from '../../../src/core/content/problems.ts';
import { InsigneError } from '../../../src/core/errors.ts';
import { TEST_ASSETS } from './helpers.ts';

const icons = TEST_ASSETS.icons;

describe('icons', () => {
  it('resolves a Lucide icon by name and by alias', () => {
    const flask = resolveIcon(icons, 'flask-conical');
    expect(flask).toMatchObject({ name: 'flask-conical', width: 24, height: 24 });
    expect(flask.body).toContain('<path');
    const alias = Object.entries(icons.aliases ?? {})[0];
    expect(alias).toBeDefined();
    const [aliasName, { parent }] = alias as [string, { parent: string }];
    expect(resolveIcon(icons, aliasName).body).toBe(icons.icons[parent]?.body);
  });

  it('colours the icon', () => {
    const svg = iconSvg(resolveIcon(icons, 'leaf'), '#ffffff');
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="24" height="24" viewBox="0 0 24 24">/,
    );
    expect(svg).toContain('stroke="#ffffff"');
    expect(svg).not.toContain('currentColor');
  });

  it('lists close names when an icon is unknown', () => {
    let error: unknown;
    try {
      resolveIcon(icons, 'flask-conicle');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InsigneError);
    expect((error as InsigneError).code).toBe('ERR_ARTWORK_UNKNOWN_ICON');
    expect((error as InsigneError).message).toMatch(
      /^No icon "flask-conicle" in the lucide icon set\. Did you mean "flask-conical"(, "[a-z0-9-]+")*\? Icon names are listed at https:\/\/lucide\.dev\/icons\.$/,
    );
  });

  it('says nothing about close names when none is close', () => {
    expect(() => resolveIcon(icons, 'zzzzzzzzzzzzzzzzqq')).toThrow(
      'No icon "zzzzzzzzzzzzzzzzqq" in the lucide icon set. Icon names are listed at https://lucide.dev/icons.',
    );
  });

  it('ranks names containing the query first, then by edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestNames('rocket', ['rocket-launch', 'pocket', 'locket', 'ticket', 'house'], 3)).toEqual([
      'rocket-launch',
      'locket',
      'pocket',
    ]);
  });
});
