/** Builds the example site once for every integration test (a real `astro build`). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, PROJECT_ROOT } from '../helpers/project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    exampleDist: string;
    exampleBuildLog: string;
  }
}

export default function setup(project: TestProject): void {
  const outDir = join(mkdtempSync(join(tmpdir(), 'insigne-example-')), 'dist');
  const run = astroBuild(PROJECT_ROOT, outDir, { INSIGNE_TODAY: '2026-11-28' });
  if (run.status !== 0) throw new Error(`The example site did not build:\n${run.stdout}\n${run.stderr}`);
  project.provide('exampleDist', outDir);
  project.provide('exampleBuildLog', `${run.stdout}\n${run.stderr}`);
}
