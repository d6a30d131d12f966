import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ask } from './process.ts';
import { CACHE, REPO } from './paths.ts';

export interface FreshBuild {
  dir: string;
  /** Deletes the build (its parent folder under .cache/builds). */
  remove(): void;
  manifest: { artifacts: { path: string; kind: string }[] };
}

/** An existing build to test instead of a fresh one (RDPRESCUE_PESTER_BUILD, e.g. CI's own). */
export function existingBuild(dir: string): FreshBuild {
  const manifest = JSON.parse(
    readFileSync(join(dir, 'manifest.json'), 'utf8'),
  ) as FreshBuild['manifest'];
  return { dir, manifest, remove: () => undefined };
}

/**
 * Builds everything with the real CLI into a new folder under .cache/ (inside the repo, so a
 * Docker container that mounts the repo sees it too); `pack` adds the gallery .nupkg.
 */
export function buildFresh(label: string, { pack = false } = {}): FreshBuild {
  mkdirSync(join(CACHE, 'builds'), { recursive: true });
  const dir = join(mkdtempSync(join(CACHE, 'builds', `${label}-`)), 'dist');
  const answer = ask(
    process.execPath,
    [join(REPO, 'bin', 'rdp-rescue.js'), 'build', '--out', dir, ...(pack ? ['--pack'] : [])],
    {
      cwd: REPO,
    },
  );
  if (answer.code !== 0)
    throw new Error(`rdp-rescue build failed:\n${answer.stderr}${answer.stdout}`);
  const manifest = JSON.parse(
    readFileSync(join(dir, 'manifest.json'), 'utf8'),
  ) as FreshBuild['manifest'];
  return { dir, manifest, remove: () => rmSync(dirname(dir), { recursive: true, force: true }) };
}
