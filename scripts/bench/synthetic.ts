/**
 * Synthetic awards for the shard benchmark and the sharded-build equivalence test: n award files spread
 * over the badges of a project, every content feature an award has (evidence, narrative, listed or
 * not, revoked, expired through a badge's validity), reproducible from a seed (mulberry32).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { hashIdentity } from '../../src/core/identity/email.ts';
import { mulberry32 } from '../../tests/helpers/random.ts';

const STATUS_ENTRIES = 131_072;

/** A UUID v4 drawn from `next` (the content schema refuses other versions). */
function uuidFrom(next: () => number): string {
  const hex = (count: number) =>
    Array.from({ length: count }, () => Math.floor(next() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(next() * 4)] ?? '8';
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/**
 * Writes `n` awards of the badges found in `<project>/content/badges/` under
 * `<project>/content/awards/<year>/`, with status indexes unused by `taken` (the project's own awards).
 * Returns the award ids.
 */
export function writeSyntheticAwards(
  project: string,
  n: number,
  seed = n,
  taken: ReadonlySet<number> = new Set(),
): string[] {
  const badges = readdirSync(join(project, 'content', 'badges'))
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => name.replace(/\.mdx?$/, ''))
    .sort();
  const next = mulberry32(seed);
  const used = new Set(taken);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    let statusIndex = Math.floor(next() * STATUS_ENTRIES);
    while (used.has(statusIndex)) statusIndex = (statusIndex + 1) % STATUS_ENTRIES;
    used.add(statusIndex);
    const salt = Math.floor(next() * 2 ** 48)
      .toString(36)
      .padStart(10, '0');
    const id = uuidFrom(next);
    const award = {
      badge: badges[i % badges.length],
      recipient: {
        name: `Apprenant ${i} Synthétique`,
        identity: hashIdentity(`apprenant${i}@synthetic.example`, salt),
        salt,
      },
      issuedOn: `202${3 + (i % 4)}-0${1 + (i % 9)}-2${i % 8}`,
      ...(i % 5 === 0 ? { evidence: [{ url: `https://evidence.example/${i}`, name: 'Dossier' }] } : {}),
      ...(i % 13 === 0 ? { narrative: 'Projet mené en équipe et présenté au jury.' } : {}),
      ...(i % 89 === 0 ? { revoked: { date: '2026-10-02', reason: 'Attribué par erreur.' } } : {}),
      listed: i % 4 === 0,
      statusIndex,
    };
    // Filed by year, as `badges award` files them.
    const folder = join(project, 'content', 'awards', award.issuedOn.slice(0, 4));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${id}.yaml`), stringify(award));
    ids.push(id);
  }
  return ids;
}
