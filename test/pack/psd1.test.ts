import { describe, expect, it } from 'vitest';
import { readPsd1 } from '../../src/pack/psd1.ts';
import { moduleMetadata, nugetVersion } from '../../src/pack/metadata.ts';

describe('reading a module manifest (.psd1) with the PowerShell grammar', () => {
  it('reads strings, here-strings, arrays, nested hashtables, booleans and numbers', async () => {
    const text =
      '\uFEFF# comment\r\n@{\r\n  A = \'it\'\'s\'\r\n  B = "say ""hi"""\r\n' +
      "  C = @'\r\nline 1\r\nit's line 2\r\n'@\r\n  D = 'x', 'y'\r\n" +
      "  E = @(\r\n    'p'   # one\r\n    'q', 'r'\r\n  )\r\n  F = @()\r\n" +
      "  G = @{ H = @{ I = $true; J = 42 } }\r\n  'K L' = $null\r\n}\r\n" +
      '# SIG # Begin signature block\r\n# MIIabc\r\n# SIG # End signature block\r\n';
    expect(await readPsd1(text, 'x.psd1')).toEqual({
      A: "it's",
      B: 'say "hi"',
      C: "line 1\r\nit's line 2",
      D: ['x', 'y'],
      E: ['p', 'q', 'r'],
      F: [],
      G: { H: { I: true, J: 42 } },
      'K L': null,
    });
  });

  it.each([
    ['@{ A = "$env:USERNAME" }', /x\.psd1:1: .*not a constant/],
    ['@{ A = Get-Date }', /x\.psd1:1: .*not a constant/],
    ['@{ A = "tab`t" }', /not a constant/],
    ["@{ A = 'unterminated }", /x\.psd1: not valid PowerShell/],
    ["'no hashtable'", /x\.psd1: no @\{ \.\.\. \} hashtable/],
  ])('refuses what needs evaluating or does not parse: %s', async (text, message) => {
    await expect(readPsd1(text, 'x.psd1')).rejects.toThrow(message);
  });
});

describe('package metadata from the module manifest', () => {
  const manifest = (extra: string, functions = "@('Get-Thing')") => `@{
    ModuleVersion = '1.2.3.0'
    Author = 'A. Author'
    Description = 'Does things.'
    CompatiblePSEditions = 'Desktop', 'Core'
    FunctionsToExport = ${functions}
    ${extra}
}`;

  it('adds PowerShellGet tags and takes the URLs and release notes from PSData', async () => {
    const meta = await moduleMetadata(
      'M',
      manifest(
        `PrivateData = @{ PSData = @{ tags = @('Azure', 'psmodule'); PROJECTURI = 'https://p'; Prerelease = 'beta1'; ReleaseNotes = 'n' } }`,
      ),
      'M.psd1',
    );
    expect(meta).toMatchObject({
      id: 'M',
      version: '1.2.3-beta1',
      authors: 'A. Author',
      description: 'Does things.',
      projectUrl: 'https://p',
      releaseNotes: 'n',
    });
    expect(meta.tags).toEqual([
      'PSModule',
      'Azure',
      'PSEdition_Desktop',
      'PSEdition_Core',
      'PSIncludes_Function',
      'PSFunction_Get-Thing',
      'PSCommand_Get-Thing',
    ]);
  });

  it.each([
    ['', "'*'", /FunctionsToExport: wildcards/],
    [
      `PrivateData = @{ PSData = @{ Tags = @('two words') } }`,
      undefined,
      /Tags: 'two words' has a space/,
    ],
    [
      `RequiredModules = @('Other')`,
      undefined,
      /RequiredModules: packing dependencies is not supported/,
    ],
    [`PrivateData = 'x'`, undefined, /PrivateData: expected a hashtable/],
  ])(
    'refuses a manifest the package could not describe faithfully: %s %s',
    async (extra, functions, message) => {
      await expect(moduleMetadata('M', manifest(extra, functions), 'M.psd1')).rejects.toThrow(
        message,
      );
    },
  );

  it('needs ModuleVersion, Author and Description', async () => {
    await expect(
      moduleMetadata('M', "@{ ModuleVersion = '1.0'; Author = 'a' }", 'M.psd1'),
    ).rejects.toThrow(/M\.psd1: Description: missing/);
  });

  it.each([
    ['1.0', '1.0.0'],
    ['0.1.0', '0.1.0'],
    ['1.2.3.0', '1.2.3'],
    ['1.2.3.4', '1.2.3.4'],
    ['01.002.3', '1.2.3'],
  ])('normalizes ModuleVersion %s to NuGet %s', (version, expected) => {
    expect(nugetVersion(version, 'M.psd1')).toBe(expected);
  });

  it('refuses a ModuleVersion that is not a version', () => {
    expect(() => nugetVersion('1.0-beta', 'M.psd1')).toThrow(
      /M\.psd1: ModuleVersion: '1\.0-beta' is not a version/,
    );
  });
});
