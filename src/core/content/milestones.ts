/**
 * Milestone badges (pathways): a badge whose `requires` lists other badges of the site, all of them or at
 * least `atLeast`. Every listed slug must be a badge, listed once, other than the milestone itself; the
 * count must be reachable; and milestones must not require each other in a circle, since nobody could ever
 * earn the first of them. A required badge may belong to another issuer of the site: the earner's awards
 * are matched the same way whoever issued them, and the milestone's issuer is the one vouching for it.
 * Linear in the number of badges and listed slugs (one depth-first walk for circles).
 */

import { say } from '../messages/catalogue.ts';
import type { Badge, RequiredBadge, Requirement } from '../model/types.ts';
import type { ParsedSource } from './parse.ts';
import { type ContentProblem, closestName, said } from './problems.ts';

/** One badge file's `requires`, as the schema accepted it. */
export interface MilestoneEntry {
  readonly slug: string;
  readonly parsed: ParsedSource;
  readonly requires: { readonly badges: readonly string[]; readonly atLeast?: number | undefined };
}

export interface MilestoneCheck {
  readonly problems: readonly ContentProblem[];
  /** The resolved requirement of each milestone whose parts all linked, by slug. */
  readonly requirements: ReadonlyMap<string, Requirement>;
}

/**
 * Checks every milestone. `known` holds the slug of every badge file (valid or not), `badges` the badges
 * that linked, whose names the requirement carries.
 */
export function checkMilestones(
  entries: readonly MilestoneEntry[],
  known: ReadonlySet<string>,
  badges: ReadonlyMap<string, Badge>,
): MilestoneCheck {
  const problems: ContentProblem[] = [];
  const requirements = new Map<string, Requirement>();
  for (const { slug, parsed, requires } of entries) {
    const at = (index?: number) => {
      const path = index === undefined ? ['requires', 'atLeast'] : ['requires', 'badges', index];
      return {
        file: parsed.file,
        line: parsed.lineOf(path),
        field: index === undefined ? 'requires.atLeast' : `requires.badges[${index}]`,
      };
    };
    const before = problems.length;
    const seen = new Set<string>();
    for (const [index, part] of requires.badges.entries()) {
      if (part === slug) {
        problems.push({
          ...at(index),
          ...said(say('milestone.requiresItself', { slug }), say('milestone.requiresItself.hint')),
        });
      } else if (seen.has(part)) {
        problems.push({
          ...at(index),
          ...said(say('milestone.listedTwice', { slug: part }), say('milestone.listedTwice.hint')),
        });
      } else if (!known.has(part)) {
        const guess = closestName(part, [...known].filter((name) => name !== slug).sort());
        problems.push({
          ...at(index),
          ...said(
            say('milestone.unknownBadge', { slug: part }),
            say('milestone.unknownBadge.hint', {
              guess: guess ? say('milestone.didYouMean', { name: guess }) : '',
            }),
          ),
        });
      }
      seen.add(part);
    }
    const distinct = new Set(requires.badges).size;
    if (requires.atLeast !== undefined && requires.atLeast > distinct) {
      problems.push({
        ...at(),
        ...said(
          say(distinct === 1 ? 'milestone.atLeast.one' : 'milestone.atLeast.other', {
            atLeast: requires.atLeast,
            count: distinct,
          }),
          say('milestone.atLeast.hint', { count: distinct }),
        ),
      });
    }
    if (problems.length > before) continue;
    const parts = requires.badges.map((part) => badges.get(part));
    if (parts.some((part) => part === undefined)) continue;
    requirements.set(slug, {
      badges: (parts as Badge[]).map(toRequiredBadge),
      atLeast: requires.atLeast ?? requires.badges.length,
    });
  }
  problems.push(...circleProblems(entries));
  return { problems, requirements };
}

function toRequiredBadge(badge: Badge): RequiredBadge {
  return {
    slug: badge.slug,
    name: badge.name,
    language: badge.language,
    ...(badge.edition && { edition: { language: badge.edition.language, name: badge.edition.name } }),
  };
}

/** How many milestones of a circle its problem names. */
const CIRCLE_SHOWN = 6;

/**
 * Milestones that require each other in a circle, each circle reported once, at the entry that closes it.
 * Iterative depth-first walk in slug order, so the report is the same on every run.
 */
function circleProblems(entries: readonly MilestoneEntry[]): ContentProblem[] {
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  const state = new Map<string, 'open' | 'done'>();
  const problems: ContentProblem[] = [];
  for (const start of [...bySlug.keys()].sort()) {
    if (state.has(start)) continue;
    const path: { slug: string; next: number }[] = [{ slug: start, next: 0 }];
    // Where each open milestone sits on the path, so a circle is found without searching the path.
    const depth = new Map<string, number>([[start, 0]]);
    state.set(start, 'open');
    while (path.length > 0) {
      const top = path[path.length - 1] as { slug: string; next: number };
      const entry = bySlug.get(top.slug) as MilestoneEntry;
      const index = top.next++;
      if (index >= entry.requires.badges.length) {
        state.set(top.slug, 'done');
        depth.delete(top.slug);
        path.pop();
        continue;
      }
      const part = entry.requires.badges[index] as string;
      if (part === top.slug || !bySlug.has(part)) continue;
      const seen = state.get(part);
      if (seen === 'open') {
        // A long circle is named by its ends, so a report stays short (and linear) however deep it goes.
        const from = depth.get(part) as number;
        const name = (step: { slug: string }) => `"${step.slug}"`;
        const shown =
          path.length - from > CIRCLE_SHOWN
            ? [...path.slice(from, from + CIRCLE_SHOWN - 1).map(name), '…', name(top)]
            : path.slice(from).map(name);
        problems.push({
          file: entry.parsed.file,
          line: entry.parsed.lineOf(['requires', 'badges', index]),
          field: `requires.badges[${index}]`,
          ...said(
            say('milestone.circle', { circle: [...shown, `"${part}"`].join(' → ') }),
            say('milestone.circle.hint', { slug: part }),
          ),
        });
      } else if (seen === undefined) {
        state.set(part, 'open');
        depth.set(part, path.length);
        path.push({ slug: part, next: 0 });
      }
    }
  }
  return problems;
}
