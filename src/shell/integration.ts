/**
 * The Astro integration: runs the full content check before Astro touches anything, so a content
 * mistake lists every problem and publishes nothing (Astro itself stops at the first invalid entry and
 * only logs dangling references: STACK.md traps 2-3).
 */
import type { AstroIntegration } from 'astro';
import { formatProblems } from '../core/content/problems.ts';
import { loadContent, today } from './content.ts';

export function insigne(): AstroIntegration {
  return {
    name: 'insigne',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const result = loadContent(process.cwd(), today());
        if (!result.ok) {
          // Printed as-is: the report is meant for people, one problem per line with its file and line.
          console.error(`\n${formatProblems(result.problems)}\n`);
          throw new Error(
            `${result.problems.length} content problem(s); see the list above. Nothing was published.`,
          );
        }
        const { issuers, badges, awards } = result.model;
        logger.info(
          `content: ${issuers.size} issuer(s), ${badges.size} badge(s), ${awards.size} award(s), no problems`,
        );
      },
    },
  };
}
