import { describe, expect, it } from 'vitest';
import {
  ICON_TAGS_SOURCE,
  iconIndex,
  normalizeWord,
  searchIcons,
} from '../../../src/core/artwork/icon-search.ts';
import ICON_TAGS from '../../../src/core/artwork/icon-tags.json' with { type: 'json' };
import { FRENCH_ICON_WORDS } from '../../../src/core/artwork/icon-words-fr.ts';
import { TEST_ASSETS } from './helpers.ts';

const set = TEST_ASSETS.icons;
const index = iconIndex(Object.keys(set.icons), set.aliases ?? {});
const first = (query: string) => searchIcons(index, query).matches[0]?.name;
const names = (query: string, count = 5) =>
  searchIcons(index, query)
    .matches.slice(0, count)
    .map((m) => m.name);

describe('icon search', () => {
  it('finds the bicycle icon from French, English and its name', () => {
    for (const query of ['vélo', 'velo', 'Vélo', 'VÉLOS', 'bicyclette', 'bicycle', 'bicycles', 'bike']) {
      expect(first(query), query).toBe('bike');
    }
  });

  it('says what matched', () => {
    expect(searchIcons(index, 'bicycle').matches[0]?.reasons).toEqual([
      { kind: 'tag', term: 'bicycle', tag: 'bicycle' },
    ]);
    const velo = searchIcons(index, 'vélo');
    expect(velo.translations).toEqual([{ french: 'vélo', english: ['bicycle', 'bike'] }]);
    expect(velo.matches[0]?.reasons).toContainEqual({ kind: 'name', term: 'bike', french: 'vélo' });
    expect(velo.matches[0]?.reasons).toContainEqual({
      kind: 'tag',
      term: 'bicycle',
      tag: 'bicycle',
      french: 'vélo',
    });
  });

  it('ignores accents, case, dashes and ligatures', () => {
    expect(normalizeWord('  Sécurité_Routière ')).toBe('securite routiere');
    expect(normalizeWord('Œuvre')).toBe('oeuvre');
    expect(names('théâtre', 2).sort()).toEqual(['drama', 'theater']);
    expect(names('THEATRE', 2).sort()).toEqual(['drama', 'theater']);
    expect(first('heart pulse')).toBe('heart-pulse');
  });

  it('ranks an exact name above icons that contain it or are tagged with it', () => {
    const music = names('music', 3);
    expect(music[0]).toBe('music');
    expect(names('book', 1)).toEqual(['book']);
    expect(names('book', 10).every((n) => n.includes('book') || n === 'library' || n.length > 0)).toBe(true);
  });

  it('finds an icon by an old name (alias)', () => {
    const match = searchIcons(index, 'alert-circle').matches[0];
    expect(match?.name).toBe('circle-alert');
    expect(match?.reasons[0]).toEqual({ kind: 'alias', term: 'alert circle', alias: 'alert-circle' });
  });

  it('forgives spelling mistakes only when nothing matches exactly', () => {
    expect(names('robott', 3).sort()).toEqual(['bot', 'bot-message-square', 'bot-off']);
    expect(first('flask-conicle')).toBe('flask-conical');
    expect(first('recyle')).toBe('recycle');
    // "bicycle" is a tag, so the two-letters-away "recycle" is not proposed at all.
    expect(names('bicycle', 50)).not.toContain('recycle');
  });

  it('takes a phrase as a whole first, then word by word', () => {
    const aid = names('first aid', 4).sort();
    expect(aid).toEqual(['ambulance', 'bandage', 'briefcase-medical', 'cross']);
  });

  it('returns nothing for a word that matches nothing', () => {
    expect(searchIcons(index, 'xyzzyq')).toEqual({ query: 'xyzzyq', translations: [], matches: [] });
  });

  it('covers the vocabulary of schools and associations in French', () => {
    const wanted: Record<string, string> = {
      sport: 'trophy',
      vélo: 'bike',
      musique: 'music',
      lecture: 'book-open',
      sécurité: 'shield',
      secourisme: 'cross',
      informatique: 'computer',
      robotique: 'bot',
      théâtre: 'drama',
      cuisine: 'chef-hat',
      jardin: 'sprout',
      environnement: 'leaf',
      langue: 'languages',
      mathématiques: 'calculator',
      sciences: 'flask-conical',
      art: 'palette',
      citoyenneté: 'landmark',
      bénévolat: 'hand-heart',
    };
    for (const [word, icon] of Object.entries(wanted)) {
      expect(names(word, 8), word).toContain(icon);
      expect(names(normalizeWord(word), 8), `${word} without accents`).toContain(icon);
    }
  });
});

describe('French keyword table', () => {
  it('has one entry per word once accents are removed', () => {
    const keys = Object.keys(FRENCH_ICON_WORDS).map(normalizeWord);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps every French word to English words that find an icon exactly', () => {
    const dead: string[] = [];
    for (const [french, english] of Object.entries(FRENCH_ICON_WORDS)) {
      for (const word of english) {
        const exact = searchIcons(index, word).matches.filter((m) =>
          m.reasons.some((r) => !r.kind.startsWith('similar')),
        );
        if (exact.length === 0) dead.push(`${french} → ${word}`);
      }
    }
    expect(dead).toEqual([]);
  });
});

describe('committed icon tags', () => {
  const tags = (ICON_TAGS as { icons: Record<string, string> }).icons;

  it('name their source', () => {
    expect(ICON_TAGS_SOURCE).toMatch(/^Tags from lucide-static \d+\.\d+\.\d+ .*@iconify-json\/lucide \d/);
  });

  it('only list icons the set can draw, and most of them', () => {
    const listed = Object.keys(tags);
    expect(listed.filter((name) => set.icons[name] === undefined)).toEqual([]);
    expect(listed.length / Object.keys(set.icons).length).toBeGreaterThan(0.9);
    expect(tags.bike).toContain('bicycle');
  });
});
