<#
.SYNOPSIS
One sample of what the built module costs in pwsh (called by bench/pwsh.ts, once per run).

.DESCRIPTION
In a fresh pwsh: the time of the first Import-Module of the built module, then, in a Pester
block on the fake machine of test/pester/FakeMachine.ps1 (a healthy machine; every platform
function mocked), the time of a full Invoke-RdpDiagnosis -AsText, first and second run. Writes
the times, in milliseconds, as JSON to OutPath.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $Pester,
    [Parameter(Mandatory = $true)] [string] $BuildDir,
    [Parameter(Mandatory = $true)] [string] $FakeMachine,
    [Parameter(Mandatory = $true)] [string] $OutPath
)
$ErrorActionPreference = 'Stop'
$manifest = Join-Path -Path $BuildDir -ChildPath 'RdpRescue/RdpRescue.psd1'
$import = Measure-Command { Import-Module -Name $manifest -Force }
Remove-Module -Name 'RdpRescue' -Force

Import-Module -Name $Pester -Force
$env:RDPRESCUE_BUILD = $BuildDir
$container = New-PesterContainer -Data @{ FakeMachine = $FakeMachine; OutPath = $OutPath; ImportMs = $import.TotalMilliseconds } -ScriptBlock {
    param($FakeMachine, $OutPath, $ImportMs)
    Describe 'bench' {
        BeforeAll {
            . $FakeMachine
            Initialize-RdpTestEnvironment
            Register-FakeMachineMock
            Reset-FakeMachine
        }
        AfterAll {
            Restore-RdpTestEnvironment
        }
        It 'runs a full diagnosis, twice' {
            # The first run pays for compiling the module's code paths; the second does not.
            $times = foreach ($run in 1, 2) {
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $report = @(Invoke-RdpDiagnosis -AsText)
                $watch.Stop()
                $report[-1] | Should -Match '^RDPRESCUE verdict '
                $watch.Elapsed.TotalMilliseconds
            }
            [ordered]@{ importMs = $ImportMs; diagnosisMs = $times[0]; warmDiagnosisMs = $times[1] } | ConvertTo-Json | Set-Content -LiteralPath $OutPath
        }
    }
}
$configuration = New-PesterConfiguration
$configuration.Run.Container = $container
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $configuration
if ($result.FailedCount -gt 0 -or $result.PassedCount -ne 1) {
    throw 'the diagnosis on the fake machine failed'
}
