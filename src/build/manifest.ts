import { createHash } from 'node:crypto';
import type { Artifact } from '../emit/artifact.ts';

export interface ManifestEntry {
  path: string;
  kind: string;
  scenario?: string;
  bytes: number;
  sha256: string;
  signed: boolean;
  [extra: string]: unknown;
}

export interface Manifest {
  tool: 'rdp-rescue';
  version: string;
  signed: boolean;
  /** An organisation's module (rdp-rescue.config.json); absent for the upstream RdpRescue. */
  module?: { name: string; version: string; guid: string };
  scenarios: string[];
  /** A team's scenario files that went into the build (--scenarios), with their SHA-256. */
  scenarioFiles?: { path: string; sha256: string }[];
  /** Serial Console transfer of the module: paste blocks and their total characters. */
  transfer?: { blocks: number; totalChars: number };
  /** Why the build has no transfer blocks although it has a module (too many pastes). */
  transferSkipped?: string;
  artifacts: ManifestEntry[];
}

export function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function manifestEntry(artifact: Artifact, signed: boolean): ManifestEntry {
  const bytes = Buffer.byteLength(artifact.content);
  return {
    path: artifact.path,
    kind: artifact.kind,
    ...(artifact.scenario ? { scenario: artifact.scenario } : {}),
    bytes,
    sha256: sha256(artifact.content),
    signed,
    ...artifact.meta,
  };
}

export function renderManifest(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}
