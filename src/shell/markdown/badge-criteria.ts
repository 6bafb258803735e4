/**
 * A badge's own criteria (its file's Markdown or MDX body), as Astro's content layer renders it. Every
 * page of the badge and every award page shows it: the entry is looked up and prepared once per build.
 */
import { getEntry, render } from 'astro:content';

type Rendered = Awaited<ReturnType<typeof render>>;

const prepared = new Map<string, Promise<Rendered>>();

async function prepare(slug: string): Promise<Rendered> {
  const entry = await getEntry('badges', slug);
  if (!entry) throw new Error(`Badge ${slug} is missing from the content collection.`);
  return render(entry);
}

/** The badge's criteria, ready for `<Content />`. */
export function badgeCriteria(slug: string): Promise<Rendered> {
  let found = prepared.get(slug);
  if (found === undefined) {
    found = prepare(slug);
    prepared.set(slug, found);
  }
  return found;
}
