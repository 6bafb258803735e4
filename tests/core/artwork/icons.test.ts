import { describe, expect, it } from 'vitest';
import {
  iconSvg,
  indexOfSet,
  resolveIcon,
  suggestIcons,
  unknownIconHint,
} from '../../../src/core/artwork/icons.ts';
import { InsigneError } from '../../../src/core/errors.ts';
import { render } from '../../../src/core/messages/catalogue.ts';
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
      /^No icon "flask-conicle" in the lucide icon set\. Did you mean "flask-conical"(, "[a-z0-9-]+")*\? Find icons by French or English word with `npm run badges -- icons <word>`, or browse https:\/\/lucide\.dev\/icons\.$/,
    );
  });

  it('says nothing about close names when none is close', () => {
    expect(() => resolveIcon(icons, 'zzzzzzzzzzzzzzzzqq')).toThrow(
      'No icon "zzzzzzzzzzzzzzzzqq" in the lucide icon set. Find icons by French or English word with `npm run badges -- icons <word>`, or browse https://lucide.dev/icons.',
    );
  });

  it('proposes icons by meaning before spelling: "bicycle" gives bike, not recycle', () => {
    expect(suggestIcons(indexOfSet(icons), 'bicycle')).toEqual(['bike']);
    expect(() => resolveIcon(icons, 'bicycle')).toThrow(/Did you mean "bike"\?/);
    expect(suggestIcons(indexOfSet(icons), 'bicycle')).not.toContain('recycle');
  });

  it('proposes icons for a French word written as an icon name', () => {
    expect(suggestIcons(indexOfSet(icons), 'velo')).toEqual(['bike']);
    expect(suggestIcons(indexOfSet(icons), 'musique')[0]).toBe('music');
  });

  it('gives the content check a hint over the names it knows, aliases included', () => {
    const names = new Set([...Object.keys(icons.icons), ...Object.keys(icons.aliases ?? {})]);
    expect(render(unknownIconHint('bicycle', names), 'en')).toBe(
      'Did you mean "bike"? Find icons by French or English word with `npm run badges -- icons <word>`, or browse https://lucide.dev/icons.',
    );
    expect(render(unknownIconHint('zzzzzzzzzzzzzzzzqq', names), 'en')).toBe(
      'Find icons by French or English word with `npm run badges -- icons <word>`, or browse https://lucide.dev/icons.',
    );
    // Only names the check knows are proposed.
    expect(render(unknownIconHint('bicycle', new Set(['car', 'house'])), 'en')).not.toContain('bike');
  });
});
