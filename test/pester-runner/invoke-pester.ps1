<#
.SYNOPSIS
Runs RdpRescue's Pester suite against one fresh build (called by run-pester.ts).

.DESCRIPTION
Imports Pester 5, points the tests at the build through $env:RDPRESCUE_BUILD, writes JUnit XML
to ResultPath and the counts as JSON to SummaryPath. Exits 0 whatever the counts: the caller
reads the summary and decides.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $Pester,
    [Parameter(Mandatory = $true)] [string] $BuildDir,
    [Parameter(Mandatory = $true)] [string] $TestPath,
    [Parameter(Mandatory = $true)] [string] $ResultPath,
    [Parameter(Mandatory = $true)] [string] $SummaryPath
)
$ErrorActionPreference = 'Stop'
$module = Import-Module -Name $Pester -PassThru -Force
if ($module.Version.Major -ne 5) {
    throw "Pester 5 is required; '$Pester' is $($module.Version)"
}
$env:RDPRESCUE_BUILD = $BuildDir

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration

# A Describe that fails in BeforeAll or a file that fails to load fails no single test: count them.
$summary = [ordered]@{
    passed  = $result.PassedCount
    failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    skipped = $result.SkippedCount
    notRun  = $result.NotRunCount
    pester  = $module.Version.ToString()
    engine  = $PSVersionTable.PSVersion.ToString()
}
$summary | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding UTF8
