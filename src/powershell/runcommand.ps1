# Run Command only: what runcommand/Invoke-RdpRescue.ps1 adds around the inlined module.
# Run Command passes every parameter as a string and keeps only the last 4,096 bytes of
# output, so the lines that matter most (the error, the undo command, [STATUS]) come last and
# are kept short.

# The longest error text printed, in characters (at most 3 bytes each in UTF-8): together with
# the undo line and [STATUS], the end of the output stays far inside 4,096 bytes.
$script:RdpRunCommandErrorChars = 600

function Split-RdpList {
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [AllowEmptyString()]
        [string]$Text
    )
    @($Text -split '[,; ]+' | Where-Object { $_ })
}

function Format-RdpRunCommandError {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string]$Message
    )
    # A native command's whole output can be in the message: one line, its start and its end.
    $text = ($Message -replace '\s+', ' ').Trim()
    $limit = $script:RdpRunCommandErrorChars
    if ($text.Length -gt $limit) {
        $tail = [int]($limit / 4)
        $text = $text.Substring(0, $limit - $tail - 5) + ' ... ' + $text.Substring($text.Length - $tail)
    }
    'RDPRESCUE error ' + $text
}

function Format-RdpRunCommandUndo {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$BackupPath
    )
    'RDPRESCUE undo ' + ($script:RdpRunCommandUndo -f $BackupPath)
}

function Get-RdpBackupList {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$BackupRoot
    )
    # The folders Backup-RdpFixState names yyyyMMdd-HHmmss[-n] that hold a backup.json, oldest
    # first. Undo-RdpRepair checks a manifest before it restores anything; this only lists.
    $backups = foreach ($folder in @(Get-RdpChildFolder -Path $BackupRoot)) {
        $name = Split-Path -Path $folder -Leaf
        $match = [regex]::Match($name, '^(?<stamp>\d{8}-\d{6})(-(?<n>\d{1,6}))?$')
        if (-not $match.Success) {
            continue
        }
        $manifest = $null
        try {
            $manifest = Read-RdpBackupManifest -Path (Join-Path -Path $folder -ChildPath 'backup.json')
        }
        catch {
            $manifest = $null
        }
        if ($null -eq $manifest) {
            continue
        }
        $fields = @{ scenario = ''; fixes = @() }
        foreach ($field in @($fields.Keys)) {
            $property = $manifest.PSObject.Properties[$field]
            if ($null -ne $property -and $null -ne $property.Value) {
                $fields[$field] = $property.Value
            }
        }
        $number = 1
        if ($match.Groups['n'].Success) {
            $number = [int]$match.Groups['n'].Value
        }
        [pscustomobject]@{
            Path     = $folder
            Order    = '{0}-{1:D6}' -f $match.Groups['stamp'].Value, $number
            Scenario = ConvertTo-RdpToken -Value ([string]$fields.scenario)
            Fixes    = (@($fields.fixes | ForEach-Object { ConvertTo-RdpToken -Value ([string]$_) }) -join '+')
        }
    }
    @($backups) | Sort-Object -Property 'Order'
}

function Format-RdpBackupLine {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Backup
    )
    'RDPRESCUE backup {0} scenario={1} fixes={2}' -f $Backup.Path, $Backup.Scenario, $Backup.Fixes
}

function Format-RdpRunCommandEvidence {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Status,
        [Parameter(Mandatory = $true)]
        [string]$Evidence
    )
    # The Run Command form of src/model/report.ts (runCommandEvidence): a DETECTED or UNKNOWN
    # line names its first token without detail, and how many more there are.
    if ($Status -eq 'CLEAR') {
        return $Evidence
    }
    $tokens = @($Evidence -split ',')
    $first = ($tokens[0] -split '=', 2)[0]
    if ($tokens.Count -gt 1) {
        return '{0},+{1}' -f $first, ($tokens.Count - 1)
    }
    $first
}

function Format-RdpRunCommandReport {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Results
    )
    # One short line per scenario, then the verdict: every scenario's status fits the 4,096
    # bytes Run Command keeps, whatever fires (the whole evidence: Report=Full).
    foreach ($result in $Results) {
        $status = $result.Status.ToUpperInvariant()
        $evidence = Format-RdpRunCommandEvidence -Status $status -Evidence $result.Evidence
        Format-RdpReportLine -ScenarioId $result.Id -Status $status -Evidence $evidence
    }
    Format-RdpVerdictLine -Detected @($Results | Where-Object { $_.Status -eq 'Detected' }).Count
}
