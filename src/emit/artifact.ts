import type { Catalog } from '../model/index.ts';
import type { ModuleIdentity } from '../identity/identity.ts';

/** What an artifact is, for the manifest and for later stages (signing, packing, docs). */
export type ArtifactKind =
  | 'catalog'
  | 'schema'
  | 'ps-module'
  | 'ps-runcommand'
  | 'ps-repair-vm'
  | 'cmd-paste'
  | 'cmd-batch'
  | 'cmd-offline'
  | 'transfer'
  | 'docs'
  | 'page'
  | 'package';

export interface Artifact {
  /** Path under the output folder, with forward slashes. */
  path: string;
  kind: ArtifactKind;
  scenario?: string;
  content: Buffer | string;
  /** Extra manifest fields (character counts, repeated-character pairs, block numbers ...). */
  meta?: Record<string, unknown>;
}

export interface EmitContext {
  catalog: Catalog;
  /** Tool version from package.json. */
  version: string;
  /** The PowerShell module's name, version, GUID and gallery metadata (upstream or the org's). */
  identity: ModuleIdentity;
  /** Artifacts of the emitters that ran before (docs link to paste blocks, for example). */
  earlier: readonly Artifact[];
}

/** One target. Emitters never import each other; they meet only through artifacts. */
export interface Emitter {
  name: string;
  emit(context: EmitContext): Promise<Artifact[]> | Artifact[];
}
