// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { insigne } from './src/shell/integration.ts';
import { CRITERIA_FEATURES, safeHtml } from './src/shell/markdown/safe-html.ts';

// `site` and `base` say where the example school's site is published (a GitHub Pages project site).
// Change both for your own site: every URL, id and did:web identifier is derived from them.
export default defineConfig({
  site: 'https://lycee-trois-rivieres.github.io',
  base: '/badges',
  // Astro 7's default ('jsx') eats spaces next to newlines; full compression keeps them.
  compressHTML: true,
  trailingSlash: 'ignore',
  // One shared stylesheet file instead of a copy inlined in each of thousands of award pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Criteria go through the allowlist sanitizer (the content check has refused anything it would change).
  // No syntax highlighting: its inline styles are not on the allowlist, and criteria seldom hold code.
  markdown: {
    syntaxHighlight: false,
    processor: satteri({ features: CRITERIA_FEATURES, hastPlugins: [safeHtml] }),
  },
  integrations: [mdx(), insigne()],
  vite: {
    build: {
      rollupOptions: {
        // Astro's MDX integration gives every MDX module a "use astro:head-inject" directive, which the
        // bundler warns it may not keep where it is; Astro itself places the module's head content, so
        // the warning says nothing about the site. Only that warning is dropped: every other one prints.
        onwarn(warning, warn) {
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            String(warning.message).includes('astro:head-inject')
          )
            return;
          warn(warning);
        },
      },
    },
  },
});
