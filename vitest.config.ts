import { existsSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

// Sized for a 2-core machine: two workers at most. Integration tests run a real `astro build`; the example
// site is built once by a global setup and shared. `INSIGNE_UNIT=1 npx vitest run <files>` skips those
// builds, for a quick run of tests that do not use them.
//
// The browser tests drive Debian's Chromium. Where it is not installed, `npm test` leaves them out and
// says so; CI (`.ci/run` installs Chromium and sets CI=1) always runs them, so there a missing browser is
// a failure, not a skip.
const chromium = existsSync('/usr/bin/chromium');
const withBrowser = chromium || process.env.CI === '1';
if (!withBrowser)
  console.warn(
    '\n⚠ Chromium (/usr/bin/chromium) is not installed: the browser tests (tests/browser/) are left out of this run.\n  Install it to run them: sudo apt-get install chromium (or run `bash .ci/run`, which installs it).\n',
  );

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(withBrowser ? [] : ['tests/browser/**'])],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 600_000,
    globalSetup: process.env.INSIGNE_UNIT ? [] : ['tests/integration/global-setup.ts'],
  },
});
