/**
 * Who the generated PowerShell module says it is: its name (folder, .psd1, .psm1, package id,
 * install folder), version, GUID and gallery metadata. The upstream module is RdpRescue; an
 * organisation's build takes its own from rdp-rescue.config.json so it never collides with
 * the upstream module in a gallery or in $env:PSModulePath.
 */
export interface ModuleIdentity {
  name: string;
  version: string;
  guid: string;
  author: string;
  company: string;
  copyright: string;
  /** Gallery tags of the .psd1 (PrivateData.PSData.Tags). */
  tags: readonly string[];
  projectUri?: string;
  licenseUri?: string;
  releaseNotes: string;
}

export const UPSTREAM_NAME = 'RdpRescue';
/** Never change the upstream GUID: PowerShellGet and users rely on it. */
export const UPSTREAM_GUID = '3f6a1c52-8d4e-4b7a-9c1e-5a2d7e0b9f43';

const EDITION_TAGS = ['PSEdition_Desktop', 'PSEdition_Core'];

export function upstreamIdentity(toolVersion: string): ModuleIdentity {
  return {
    name: UPSTREAM_NAME,
    version: toolVersion,
    guid: UPSTREAM_GUID,
    author: 'RdpRescue contributors',
    company: 'RdpRescue',
    copyright: '(c) RdpRescue contributors. MIT License.',
    tags: ['RDP', 'RemoteDesktop', 'Azure', 'Troubleshooting', 'Windows', ...EDITION_TAGS],
    projectUri: 'https://github.com/rdp-rescue/rdp-rescue',
    licenseUri: 'https://github.com/rdp-rescue/rdp-rescue/blob/main/LICENSE',
    releaseNotes: `RdpRescue ${toolVersion}: generated from the RdpRescue catalog.`,
  };
}

/** The gallery tags an organisation's module carries: its own, then the edition tags. */
export function withEditionTags(tags: readonly string[]): string[] {
  const own = tags.filter((t) => !EDITION_TAGS.some((e) => e.toLowerCase() === t.toLowerCase()));
  return [...own, ...EDITION_TAGS];
}

/** Paths of the module's own files inside the build output and inside the module folder. */
export function moduleFiles(identity: Pick<ModuleIdentity, 'name'>) {
  return {
    dir: identity.name,
    manifest: `${identity.name}.psd1`,
    rootModule: `${identity.name}.psm1`,
  };
}
