import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** Gitignored: the host build, a locally installed pwsh, Pester, per-run builds. */
export const CACHE = join(REPO, '.cache');
/** Gitignored: test result XML for CI to collect. */
export const ARTIFACTS = join(REPO, 'test', 'artifacts');
export const PESTER_TESTS = join(REPO, 'test', 'pester');
