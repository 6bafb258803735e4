/**
 * Astro content collections over content/, validated by the same zod schemas as the core linker. The
 * integration has already checked everything (with lines and hints) before Astro loads these; pages use
 * them to render badge criteria (Markdown/MDX) with Astro's renderer.
 */

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { awardSchema, badgeSchema, issuerSchema } from './core/content/schemas.ts';

const fileStem = (entry: string) => entry.slice(entry.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');

export const collections = {
  issuers: defineCollection({
    loader: glob({
      pattern: '*.yaml',
      base: './content/issuers',
      generateId: ({ entry }) => fileStem(entry),
    }),
    schema: issuerSchema,
  }),
  badges: defineCollection({
    loader: glob({
      pattern: '*.{md,mdx}',
      base: './content/badges',
      generateId: ({ entry }) => fileStem(entry),
    }),
    schema: badgeSchema,
  }),
  awards: defineCollection({
    loader: glob({
      pattern: '**/*.yaml',
      base: './content/awards',
      generateId: ({ entry }) => fileStem(entry),
    }),
    schema: awardSchema,
  }),
};
