import { readPsd1, Psd1Error, type PsData } from './psd1.ts';

/** What the package says about the module, all read from the module's own manifest (.psd1). */
export interface ModuleMetadata {
  id: string;
  /** NuGet-normalized version, with the PSData Prerelease label if any. */
  version: string;
  authors: string;
  owners?: string;
  description: string;
  copyright?: string;
  projectUrl?: string;
  licenseUrl?: string;
  iconUrl?: string;
  releaseNotes?: string;
  /** PSModule, the module's own tags, and the PowerShellGet command/edition tags. */
  tags: string[];
}

/**
 * The package must agree with what Install-PSResource reads from the .psd1, so the .psd1 is
 * the one source: its ModuleVersion, Author, Description and PrivateData.PSData.
 */
export async function moduleMetadata(
  id: string,
  psd1Text: string,
  file: string,
): Promise<ModuleMetadata> {
  const data = await readPsd1(psd1Text, file);
  const field = new Fields(data, file);
  const psData = field.table('PrivateData')?.['PSData'];
  const ps = new Fields(isTable(psData) ? psData : {}, `${file}: PrivateData.PSData`);
  if (field.has('RequiredModules') && field.list('RequiredModules').length > 0)
    throw new Psd1Error(`${file}: RequiredModules: packing dependencies is not supported yet`);

  const functions = field.list('FunctionsToExport');
  if (functions.some((f) => f.includes('*')))
    throw new Psd1Error(`${file}: FunctionsToExport: wildcards cannot be listed in the package`);
  const ownTags = ps.list('Tags');
  const bad = ownTags.find((t) => /\s/.test(t) || t === '');
  if (bad !== undefined)
    throw new Psd1Error(`${file}: PrivateData.PSData.Tags: '${bad}' has a space`);
  const tags = unique([
    'PSModule',
    ...ownTags,
    ...field.list('CompatiblePSEditions').map((e) => `PSEdition_${e}`),
    ...(functions.length > 0 ? ['PSIncludes_Function'] : []),
    ...functions.flatMap((f) => [`PSFunction_${f}`, `PSCommand_${f}`]),
  ]);
  const prerelease = ps.optional('Prerelease');
  const metadata: ModuleMetadata = {
    id,
    version:
      nugetVersion(field.required('ModuleVersion'), file) + (prerelease ? `-${prerelease}` : ''),
    authors: field.required('Author'),
    description: field.required('Description'),
    tags,
  };
  const optional: [keyof ModuleMetadata, string | undefined][] = [
    ['owners', field.optional('CompanyName')],
    ['copyright', field.optional('Copyright')],
    ['projectUrl', ps.optional('ProjectUri')],
    ['licenseUrl', ps.optional('LicenseUri')],
    ['iconUrl', ps.optional('IconUri')],
    ['releaseNotes', ps.optional('ReleaseNotes')],
  ];
  for (const [key, value] of optional) if (value) Object.assign(metadata, { [key]: value });
  return metadata;
}

/** NuGet's normal form of a System.Version: at least three parts, a zero fourth part dropped. */
export function nugetVersion(moduleVersion: string, file: string): string {
  if (!/^\d+(\.\d+){1,3}$/.test(moduleVersion))
    throw new Psd1Error(`${file}: ModuleVersion: '${moduleVersion}' is not a version`);
  const parts = moduleVersion.split('.').map((p) => String(Number(p)));
  while (parts.length < 3) parts.push('0');
  if (parts.length === 4 && parts[3] === '0') parts.pop();
  return parts.join('.');
}

function isTable(value: PsData | undefined): value is { [key: string]: PsData } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Typed, case-insensitive access to a hashtable (PowerShell keys ignore case). */
class Fields {
  constructor(
    private readonly data: { [key: string]: PsData },
    private readonly where: string,
  ) {}

  private get(key: string): PsData | undefined {
    const found = Object.keys(this.data).find((k) => k.toLowerCase() === key.toLowerCase());
    return found === undefined ? undefined : this.data[found];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  optional(key: string): string | undefined {
    const value = this.get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new Psd1Error(`${this.where}: ${key}: expected a string`);
    return value;
  }

  required(key: string): string {
    const value = this.optional(key);
    if (!value) throw new Psd1Error(`${this.where}: ${key}: missing`);
    return value;
  }

  list(key: string): string[] {
    const value = this.get(key);
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value) ? value : [value];
    if (!items.every((i): i is string => typeof i === 'string'))
      throw new Psd1Error(`${this.where}: ${key}: expected strings`);
    return items;
  }

  table(key: string): { [key: string]: PsData } | undefined {
    const value = this.get(key);
    if (value === undefined || value === null) return undefined;
    if (!isTable(value)) throw new Psd1Error(`${this.where}: ${key}: expected a hashtable`);
    return value;
  }
}
