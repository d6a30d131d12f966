import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { ModuleMetadata } from './metadata.ts';

/** The package-level parts of a .nupkg (an Open Packaging Conventions zip), as NuGet writes them. */

const NUSPEC_NS = 'http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CORE_NS = 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties';
const MANIFEST_REL = 'http://schemas.microsoft.com/packaging/2010/07/manifest';
const CORE_REL =
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

export const CONTENT_TYPES = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  psmdcp: 'application/vnd.openxmlformats-package.core-properties+xml',
  other: 'application/octet',
} as const;

function xml(root: Record<string, unknown>): Buffer {
  return Buffer.from(
    create({ version: '1.0', encoding: 'utf-8' }, root).end({ prettyPrint: true }),
    'utf8',
  );
}

export function nuspecPath(meta: ModuleMetadata): string {
  return `${meta.id}.nuspec`;
}

export function corePropertiesPath(meta: ModuleMetadata): string {
  return `package/services/metadata/core-properties/${meta.id}.psmdcp`;
}

export function nuspec(meta: ModuleMetadata): Buffer {
  const metadata: Record<string, unknown> = {
    id: meta.id,
    version: meta.version,
    authors: meta.authors,
    ...(meta.owners ? { owners: meta.owners } : {}),
    requireLicenseAcceptance: 'false',
    ...(meta.licenseUrl ? { licenseUrl: meta.licenseUrl } : {}),
    ...(meta.projectUrl ? { projectUrl: meta.projectUrl } : {}),
    ...(meta.iconUrl ? { iconUrl: meta.iconUrl } : {}),
    description: meta.description,
    ...(meta.releaseNotes ? { releaseNotes: meta.releaseNotes } : {}),
    ...(meta.copyright ? { copyright: meta.copyright } : {}),
    tags: meta.tags.join(' '),
  };
  return xml({ package: { '@xmlns': NUSPEC_NS, metadata } });
}

export function coreProperties(meta: ModuleMetadata, generator: string): Buffer {
  return xml({
    coreProperties: {
      '@xmlns': CORE_NS,
      '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@xmlns:dcterms': 'http://purl.org/dc/terms/',
      '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'dc:creator': meta.authors,
      'dc:description': meta.description,
      'dc:identifier': meta.id,
      version: meta.version,
      keywords: meta.tags.join(' '),
      lastModifiedBy: generator,
    },
  });
}

/** Relationship ids are derived from their targets, so the bytes do not change between builds. */
export function relationships(meta: ModuleMetadata): Buffer {
  const rel = (type: string, target: string) => ({
    '@Type': type,
    '@Target': target,
    '@Id': 'R' + createHash('sha256').update(target).digest('hex').slice(0, 16).toUpperCase(),
  });
  return xml({
    Relationships: {
      '@xmlns': RELS_NS,
      Relationship: [
        rel(MANIFEST_REL, `/${nuspecPath(meta)}`),
        rel(CORE_REL, `/${corePropertiesPath(meta)}`),
      ],
    },
  });
}

/** One Default per extension in the package (NuGet's way), an Override for names without one. */
export function contentTypes(entryNames: readonly string[]): Buffer {
  const extensions = new Set<string>();
  const overrides: string[] = [];
  for (const name of entryNames) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    if (dot >= 0) extensions.add(base.slice(dot + 1).toLowerCase());
    else overrides.push(name);
  }
  const typeOf = (ext: string) =>
    ext === 'rels'
      ? CONTENT_TYPES.rels
      : ext === 'psmdcp'
        ? CONTENT_TYPES.psmdcp
        : CONTENT_TYPES.other;
  return xml({
    Types: {
      '@xmlns': TYPES_NS,
      Default: [...extensions]
        .sort()
        .map((ext) => ({ '@Extension': ext, '@ContentType': typeOf(ext) })),
      ...(overrides.length > 0
        ? {
            Override: overrides
              .sort()
              .map((n) => ({ '@PartName': `/${n}`, '@ContentType': CONTENT_TYPES.other })),
          }
        : {}),
    },
  });
}
