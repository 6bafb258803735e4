import { defineConfig } from 'vitest/config';

// Sized for a 2-core machine: two workers at most. Integration tests run a real `astro build`; the example
// site is built once by a global setup and shared. `INSIGNE_UNIT=1 npx vitest run <files>` skips those
// builds, for a quick run of tests that do not use them.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 600_000,
    globalSetup: process.env.INSIGNE_UNIT ? [] : ['tests/integration/global-setup.ts'],
  },
});
