# Status truth table and report lines
# The same truth table as src/model/report.ts decideStatus, shared by every RdpRescue target:
#   a precondition that is quiet          -> CLEAR  n/a:<check>
#   a primary check fired (preconditions met or none) -> DETECTED <fired primary>,<fired supporting>
#   a precondition or primary that failed -> UNKNOWN <check>?,...
#   otherwise                             -> CLEAR  -

function Resolve-RdpScenarioStatus {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Results
    )
    $preconditions = @($Results | Where-Object { $_.Role -eq 'precondition' })
    $unmet = @($preconditions | Where-Object { $_.Outcome -eq 'quiet' })
    if ($unmet.Count -gt 0) {
        return [pscustomobject]@{ Status = 'CLEAR'; Evidence = 'n/a:' + $unmet[0].CheckId }
    }
    $failedPreconditions = @($preconditions | Where-Object { $_.Outcome -eq 'failed' })
    $primary = @($Results | Where-Object { $_.Role -eq 'primary' })
    $supporting = @($Results | Where-Object { $_.Role -eq 'supporting' })
    $firedPrimary = @($primary | Where-Object { $_.Outcome -eq 'fired' })
    if ($failedPreconditions.Count -eq 0 -and $firedPrimary.Count -gt 0) {
        $fired = @($firedPrimary) + @($supporting | Where-Object { $_.Outcome -eq 'fired' })
        $tokens = foreach ($result in $fired) {
            if ($result.Detail) {
                $result.CheckId + '=' + $result.Detail
            }
            else {
                $result.CheckId
            }
        }
        return [pscustomobject]@{ Status = 'DETECTED'; Evidence = (@($tokens) -join ',') }
    }
    $failed = @($failedPreconditions) + @($primary | Where-Object { $_.Outcome -eq 'failed' })
    if ($failed.Count -gt 0) {
        return [pscustomobject]@{ Status = 'UNKNOWN'; Evidence = (@($failed | ForEach-Object { $_.CheckId + '?' }) -join ',') }
    }
    [pscustomobject]@{ Status = 'CLEAR'; Evidence = '-' }
}

function Format-RdpReportLine {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$ScenarioId,
        [Parameter(Mandatory = $true)]
        [string]$Status,
        [Parameter(Mandatory = $true)]
        [string]$Evidence
    )
    # Run Command keeps only the last 4096 bytes: with every scenario detected, a line each
    # stays short enough that the whole text report (Report=Full) still fits.
    if ($Evidence.Length -gt 150) {
        $Evidence = $Evidence.Substring(0, 147) + '...'
    }
    'RDPRESCUE {0} {1} {2}' -f $ScenarioId, $Status, $Evidence
}

function Format-RdpVerdictLine {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Detected
    )
    'RDPRESCUE verdict {0} detected' -f $Detected
}
