// pwsh-host: the real PowerShell engine (System.Management.Automation) for RdpRescue's tests,
// on machines where no pwsh can be installed. Every command prints one JSON document on stdout.
//
//   pwsh-host parse <file>...                    the real parser's errors, per file
//   pwsh-host parse-windows <codepage> <file>... the same, reading each file as Windows
//                                                PowerShell 5.1 does where the ANSI code page is
//                                                <codepage> (1252, 950 ...): BOM, else that page
//   pwsh-host module <manifest.psd1> [culture] [prelude.ps1]
//                                                Import-Module (after dot-sourcing prelude, e.g.
//                                                stand-ins for cmdlets this engine lacks);
//                                                exported commands, help, verbs
//   pwsh-host functions <file>...                functions, their help and CmdletBinding (AST); psd1 data
//   pwsh-host run <script.ps1> [culture]         run a script in a fresh runspace
//
// Exit codes: 0 the command ran (its findings are in the JSON), 2 bad usage.
using System.Text.Json;
using RdpRescue.PwshHost;

var json = new JsonSerializerOptions { WriteIndented = true };
object? result = args switch
{
    ["parse", .. var files] when files.Length > 0 => ParseCommand.Run(files),
    ["parse-windows", var codePage, .. var files] when files.Length > 0 && int.TryParse(codePage, out var page)
        => ParseCommand.RunAsWindows(page, files),
    ["functions", .. var files] when files.Length > 0 => FunctionsCommand.Run(files),
    ["module", var manifest] => ModuleCommand.Run(manifest, null, null),
    ["module", var manifest, var culture] => ModuleCommand.Run(manifest, culture, null),
    ["module", var manifest, var culture, var prelude] => ModuleCommand.Run(manifest, culture, prelude),
    ["run", var script] => RunCommand.Run(script, null),
    ["run", var script, var culture] => RunCommand.Run(script, culture),
    _ => null,
};
if (result is null)
{
    Console.Error.WriteLine("usage: pwsh-host parse <file>... | parse-windows <codepage> <file>... | functions <file>... | module <psd1> [culture] [prelude] | run <ps1> [culture]");
    return 2;
}
Console.Out.Write(JsonSerializer.Serialize(result, json));
return 0;
