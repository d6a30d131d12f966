import type { Artifact } from '../artifact.ts';
import { textOf } from '../paste-blocks.ts';
import { moduleFiles, type ModuleIdentity } from '../../identity/identity.ts';

/**
 * The public commands of the generated PowerShell module (FunctionsToExport of its psd1),
 * or undefined when no module was generated in this build.
 */
export function moduleExports(
  earlier: readonly Artifact[],
  identity: ModuleIdentity,
): Set<string> | undefined {
  const { dir, manifest } = moduleFiles(identity);
  const psd1 = earlier.find((a) => a.kind === 'ps-module' && a.path === `${dir}/${manifest}`);
  if (!psd1) return undefined;
  const list = /FunctionsToExport\s*=\s*@\(([^)]*)\)/i.exec(textOf(psd1).replace(/^\uFEFF/, ''));
  if (!list) return new Set();
  return new Set([...list[1]!.matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => (m[1] ?? m[2])!));
}
