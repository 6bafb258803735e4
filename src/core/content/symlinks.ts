/**
 * Symbolic links under content/ (DESIGN.md §4: a file reference never leaves the repository, symlinks
 * included). The shell resolves every link it meets and follows only those whose real path stays inside the
 * project; the others are reported here, never skipped in silence. Content files (issuers, badges, awards)
 * must be real files even when their link stays inside: the pages, `badges award` and `badges revoke` read
 * and write them where they are, and a link would make them edit or show another file.
 */
import { type Message, say } from '../messages/catalogue.ts';
import { type ContentProblem, said } from './problems.ts';

/** A symbolic link met under content/, and where its real path leads. */
export interface ContentSymlink {
  /** The link's own path, relative to the project root, forward slashes. */
  readonly path: string;
  /** `inside` the project (followed), `outside` it, `nowhere` (missing target), or a `loop` to a folder above. */
  readonly leads: 'inside' | 'outside' | 'nowhere' | 'loop';
}

const under = (path: string, link: string) => path === link || path.startsWith(`${link}/`);

/** The link, not followed, through which `path` would be reached, if any. */
export function refusedLinkTo(path: string, links: readonly ContentSymlink[]): ContentSymlink | undefined {
  return links.find((link) => link.leads !== 'inside' && under(path, link.path));
}

/** What is wrong with a link that is not followed, in one sentence. */
export function refusedLinkMessage(link: ContentSymlink): Message {
  switch (link.leads) {
    case 'outside':
      return say('link.outside');
    case 'nowhere':
      return say('link.nowhere');
    default:
      return say('link.loop');
  }
}

/** Problems of the links themselves, and of content files reached through a link. */
export function symlinkProblems(
  links: readonly ContentSymlink[],
  contentFiles: readonly { readonly path: string }[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const link of links) {
    if (link.leads === 'inside') continue;
    problems.push({
      file: link.path,
      line: 0,
      field: '',
      ...said(
        refusedLinkMessage(link),
        say(link.leads === 'outside' ? 'link.outside.hint' : 'link.refused.hint'),
      ),
    });
  }
  const followed = links.filter((link) => link.leads === 'inside');
  for (const file of contentFiles) {
    const link = followed.find((l) => under(file.path, l.path));
    if (!link) continue;
    problems.push({
      file: file.path,
      line: 0,
      field: '',
      ...said(
        link.path === file.path ? say('link.contentFile') : say('link.throughLink', { link: link.path }),
        say('link.contentFile.hint'),
      ),
    });
  }
  return problems;
}
