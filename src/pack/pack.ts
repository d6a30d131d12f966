import type { Artifact } from '../emit/artifact.ts';
import { moduleMetadata, type ModuleMetadata } from './metadata.ts';
import {
  contentTypes,
  coreProperties,
  corePropertiesPath,
  nuspec,
  nuspecPath,
  relationships,
} from './parts.ts';
import { moduleFiles, UPSTREAM_NAME, type ModuleIdentity } from '../identity/identity.ts';
import { reproducibleZip, type ZipEntry } from './zip.ts';

export interface Package {
  artifact: Artifact;
  metadata: ModuleMetadata;
}

/**
 * Packs the module folder (every artifact under <name>/, signed if the build signed) into
 * <name>.<version>.nupkg for Install-PSResource / Install-Module: module files at the
 * package root, plus the nuspec, _rels/.rels, the core properties and [Content_Types].xml.
 * The name is the upstream RdpRescue or an organisation's own (rdp-rescue.config.json).
 */
export async function packModule(
  artifacts: readonly Artifact[],
  generator: string,
  identity: Pick<ModuleIdentity, 'name'> = { name: UPSTREAM_NAME },
): Promise<Package> {
  const { dir, manifest: manifestName } = moduleFiles(identity);
  const prefix = `${dir}/`;
  const files = artifacts
    .filter((a) => a.path.startsWith(prefix))
    .map((a) => ({ name: a.path.slice(prefix.length), content: bytes(a.content) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const psd1 = files.find((f) => f.name === manifestName);
  if (!psd1) throw new Error(`cannot pack: the build produced no ${prefix}${manifestName}`);
  const metadata = await moduleMetadata(
    identity.name,
    psd1.content.toString('utf8'),
    prefix + manifestName,
  );

  const entries: ZipEntry[] = [
    { name: '_rels/.rels', content: relationships(metadata) },
    { name: nuspecPath(metadata), content: nuspec(metadata) },
    // Zip entry names are URIs in a package: NuGet unescapes them when it extracts.
    ...files.map((f) => ({
      name: f.name.split('/').map(encodeURIComponent).join('/'),
      content: f.content,
    })),
    { name: corePropertiesPath(metadata), content: coreProperties(metadata, generator) },
  ];
  entries.push({ name: '[Content_Types].xml', content: contentTypes(entries.map((e) => e.name)) });
  const reserved = new Set(['_rels/.rels', nuspecPath(metadata).toLowerCase()]);
  const clash = files.find(
    (f) => reserved.has(f.name.toLowerCase()) || f.name.startsWith('package/'),
  );
  if (clash) throw new Error(`cannot pack: ${prefix}${clash.name} would clash with a package part`);

  return {
    metadata,
    artifact: {
      path: `${identity.name}.${metadata.version}.nupkg`,
      kind: 'package',
      content: await reproducibleZip(entries),
      meta: { packageId: metadata.id, packageVersion: metadata.version },
    },
  };
}

function bytes(content: Buffer | string): Buffer {
  return Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
}
