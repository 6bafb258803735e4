/** Shared by the authoring command tests: what is on disk in a temp project. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BADGE = 'robotique-niveau-1';
export const FIXTURE_AWARD_ID = '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e';
export const FIXTURE_AWARD = `content/awards/2026/${FIXTURE_AWARD_ID}.yaml`;
export const ROSTERS = join(import.meta.dirname, '..', '..', 'fixtures', 'rosters');

/** Every file under `dir`, relative to `root`, hidden ones included. */
export function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

/** Award files the test added to the valid fixture. */
export function newAwards(root: string): string[] {
  return filesUnder(root, 'content/awards').filter((f) => f !== FIXTURE_AWARD);
}

/** The id of an award file path. */
export const idOf = (file: string) => file.slice(file.lastIndexOf('/') + 1, -'.yaml'.length);

export const readText = (root: string, file: string) => readFileSync(join(root, file), 'utf8');
