<#
.SYNOPSIS
Stand-ins for the three Windows PowerShell cmdlets RdpRescue.psm1 calls while it loads, which
tools/pwsh-host's engine lacks (their modules, Microsoft.PowerShell.Utility and .Management, are
not on the NuGet copy our machines reach).

.DESCRIPTION
Used only by real-parser.test.ts to get past the module's top level, so that Import-Module,
the export list and Get-Help are checked by the real engine. They implement just the parameters
the module uses, on .NET; they are not a test of the module's culture handling (the Pester
suite tests that in real pwsh).
#>

function global:Import-LocalizedData {
    [CmdletBinding()]
    param(
        [string]$BindingVariable,
        [string]$BaseDirectory,
        [string]$FileName,
        [string]$UICulture = [System.Globalization.CultureInfo]::CurrentUICulture.Name
    )
    $path = [System.IO.Path]::Combine($BaseDirectory, $UICulture, $FileName)
    # A .psd1 is data in PowerShell's restricted language; evaluate it as such.
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($path, [ref]$null, [ref]$null)
    $data = $ast.EndBlock.Statements[0].PipelineElements[0].Expression.SafeGetValue()
    $PSCmdlet.SessionState.PSVariable.Set($BindingVariable, $data)
}

function global:Test-Path {
    param([string]$LiteralPath)
    [System.IO.File]::Exists($LiteralPath) -or [System.IO.Directory]::Exists($LiteralPath)
}

function global:Join-Path {
    param([string]$Path, [string]$ChildPath)
    [System.IO.Path]::Combine($Path, $ChildPath)
}
