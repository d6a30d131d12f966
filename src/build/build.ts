import { readFileSync } from 'node:fs';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../model/load.ts';
import type { Catalog } from '../model/index.ts';
import { EMITTERS } from '../emit/index.ts';
import type { Artifact, Emitter } from '../emit/artifact.ts';
import { StagingFolder } from './atomic.ts';
import { manifestEntry, renderManifest, type Manifest } from './manifest.ts';
import { checkSigningKey, isSignable, signStaged } from '../sign/sign.ts';
import type { SignOptions } from '../sign/options.ts';
import { packModule } from '../pack/pack.ts';
import { transferStage } from '../transfer/index.ts';
import { loadTeamCatalog, type TeamFile } from '../scenarios/team.ts';
import { upstreamIdentity, type ModuleIdentity } from '../identity/identity.ts';

export { isSignable };

export interface BuildOptions {
  out: string;
  catalogDir?: string;
  /** A team's scenario and fix files or folders, added to the catalog (--scenarios). */
  scenarios?: readonly string[];
  /** Where warnings go (a team text falling back to en-US ...); default stderr. */
  warn?: (message: string) => void;
  emitters?: readonly Emitter[];
  /** An organisation's module identity (rdp-rescue.config.json); default: upstream RdpRescue. */
  identity?: ModuleIdentity;
  /** Authenticode-sign every .ps1/.psm1/.psd1/.ps1xml, then verify every signature. */
  sign?: SignOptions;
  /** Also write RdpRescue.<version>.nupkg (after signing, so it carries the signed files). */
  pack?: boolean;
  /** Runs on the staged folder after all artifacts are written (signing, packing). */
  afterWrite?: (
    stagingDir: string,
    artifacts: Artifact[],
  ) => Promise<{ artifacts: Artifact[]; signed: boolean }>;
}

export interface BuildResult {
  manifest: Manifest;
  catalog: Catalog;
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Validates the catalog, runs every emitter, and swaps the result into options.out. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  if (options.sign) await checkSigningKey(options.sign); // a bad key fails before any work
  const { catalog, teamFiles } = await loadBuildCatalog(options);
  const warn = options.warn ?? ((m: string) => process.stderr.write(`${m}\n`));
  const version = toolVersion();
  const identity = options.identity ?? upstreamIdentity(version);
  const artifacts: Artifact[] = [];
  for (const emitter of options.emitters ?? EMITTERS) {
    const produced = await emitter.emit({ catalog, version, identity, earlier: artifacts });
    artifacts.push(...produced);
  }
  assertUniquePaths(artifacts);

  const staging = await StagingFolder.create(options.out);
  try {
    for (const artifact of artifacts) await staging.write(artifact.path, artifact.content);
    let final = artifacts;
    let signed = false;
    if (options.sign) {
      final = await signStaged(staging.path, final, options.sign);
      signed = final.some((a) => isSignable(a.path));
    }
    if (options.afterWrite) {
      const after = await options.afterWrite(staging.path, final);
      final = after.artifacts;
      signed ||= after.signed;
    }
    // The Serial Console transfer carries the module as it will be installed: signed, if signing ran.
    const transfer = transferStage(final, identity);
    if (transfer && 'skipped' in transfer) warn(`warning: ${transfer.skipped}`);
    if (transfer) {
      for (const a of transfer.artifacts) await staging.write(a.path, a.content);
      final = [...final, ...transfer.artifacts];
    }
    if (options.pack) {
      const { artifact } = await packModule(final, `rdp-rescue ${version}`, identity);
      await staging.write(artifact.path, artifact.content);
      final = [...final, artifact];
    }
    final = [...final].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifest: Manifest = {
      tool: 'rdp-rescue',
      version,
      signed,
      ...(options.identity
        ? {
            module: {
              name: options.identity.name,
              version: options.identity.version,
              guid: options.identity.guid,
            },
          }
        : {}),
      scenarios: catalog.scenarios.map((s) => s.id),
      ...(teamFiles.length > 0 ? { scenarioFiles: teamFiles } : {}),
      ...(transfer && 'summary' in transfer
        ? { transfer: { blocks: transfer.summary.blocks, totalChars: transfer.summary.totalChars } }
        : {}),
      ...(transfer && 'skipped' in transfer ? { transferSkipped: transfer.skipped } : {}),
      artifacts: final.map((a) => manifestEntry(a, signed && isSignable(a.path))),
    };
    await staging.write('manifest.json', renderManifest(manifest));
    await staging.commit();
    return { manifest, catalog };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

/** The built-in (or --catalog) catalog, plus the team's files when --scenarios names any. */
async function loadBuildCatalog(
  options: BuildOptions,
): Promise<{ catalog: Catalog; teamFiles: TeamFile[] }> {
  if (!options.scenarios?.length)
    return {
      catalog: await loadCatalog(options.catalogDir ?? DEFAULT_CATALOG_DIR),
      teamFiles: [],
    };
  const team = await loadTeamCatalog({
    scenarios: options.scenarios,
    ...(options.catalogDir ? { catalogDir: options.catalogDir } : {}),
    ...(options.warn ? { warn: options.warn } : {}),
  });
  return { catalog: team.catalog, teamFiles: team.files };
}

function assertUniquePaths(artifacts: Artifact[]): void {
  const seen = new Set<string>();
  for (const a of artifacts) {
    if (seen.has(a.path)) throw new Error(`two emitters produced ${a.path}`);
    seen.add(a.path);
  }
}
