# Output and log
# Run Command keeps only the last 4096 bytes of what the script prints, so the output is a short
# report: RDPRESCUE lines, then [STATUS]::SUCCESS or [STATUS]::ERROR as the very last line
# (az vm repair run looks for that text). Everything, with the details, also goes to a log
# file on the rescue VM, written when the run ends.
# Under az vm repair run each line carries the level tag of the repair-script-library loggers
# ("[Output <time>]", "[Error <time>]"): the driver splits the output at these tags and shows
# the Output lines of a run that ends in SUCCESS but only the Error lines of one that ends in
# ERROR. The report is therefore printed when the run ends, every line tagged Error when it
# failed: the reason, and what was done before it (the fixes applied, the undo command).

$script:RdpOfflineLog = @{
    Path   = ''
    Lines  = (New-Object -TypeName System.Collections.ArrayList)
    Report = (New-Object -TypeName System.Collections.ArrayList)
    Tagged = $false
    Start  = [datetime]::MinValue
    Clock  = $null
}

function Initialize-RdpOfflineLog {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Folder,
        [Parameter(Mandatory = $true)]
        [datetime]$Start,
        [switch]$Tagged
    )
    $script:RdpOfflineLog.Lines.Clear()
    $script:RdpOfflineLog.Report.Clear()
    $script:RdpOfflineLog.Tagged = [bool]$Tagged
    $script:RdpOfflineLog.Start = $Start
    $script:RdpOfflineLog.Clock = [System.Diagnostics.Stopwatch]::StartNew()
    $script:RdpOfflineLog.Path = $Folder.TrimEnd('\') + '\offline-' + $Start.ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture) + '.log'
}

function Get-RdpOfflineLogTime {
    [CmdletBinding()]
    [OutputType([datetime])]
    param()
    # One clock read per run; the log counts on from it.
    if ($null -eq $script:RdpOfflineLog.Clock) {
        return $script:RdpOfflineLog.Start
    }
    $script:RdpOfflineLog.Start.Add($script:RdpOfflineLog.Clock.Elapsed)
}

function ConvertTo-RdpOfflineAscii {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string]$Text
    )
    # Messages from the rescue VM may be localized; the output and the log stay ASCII.
    [regex]::Replace([string]$Text, '[^\x20-\x7e]', '?')
}

function Write-RdpOfflineLog {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Message
    )
    $time = (Get-RdpOfflineLogTime).ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
    $null = $script:RdpOfflineLog.Lines.Add($time + ' ' + (ConvertTo-RdpOfflineAscii -Text $Message))
}

function Save-RdpOfflineLog {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    # Returns why it could not be written; the report still says everything that matters.
    $folder = $script:RdpOfflineLog.Path.Substring(0, $script:RdpOfflineLog.Path.LastIndexOf('\'))
    try {
        if (-not (Test-RdpOfflinePath -Path $folder -Container)) {
            New-RdpOfflineProtectedDirectory -Path $folder -Confirm:$false
        }
        Write-RdpOfflineText -Path $script:RdpOfflineLog.Path -Text (($script:RdpOfflineLog.Lines -join "`r`n") + "`r`n") -Confirm:$false
    }
    catch {
        Format-RdpOfflineError -Message $_.Exception.Message
    }
}

function Write-RdpOfflineReport {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Line
    )
    # Kept for the end of the run (Format-RdpOfflineReport), with the time it was written.
    $Line = ConvertTo-RdpOfflineAscii -Text $Line
    Write-RdpOfflineLog -Message $Line
    $null = $script:RdpOfflineLog.Report.Add([pscustomobject]@{ Line = $Line; Time = (Get-RdpOfflineLogTime) })
}

function Format-RdpOfflineReport {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [switch]$Failed
    )
    $level = 'Output'
    if ($Failed) {
        $level = 'Error'
    }
    foreach ($entry in @($script:RdpOfflineLog.Report)) {
        if (-not $script:RdpOfflineLog.Tagged -or $entry.Line.StartsWith('[STATUS]::')) {
            $entry.Line
            continue
        }
        # The date as the driver's pattern reads it, whatever the rescue VM's culture.
        '[{0} {1}]{2}' -f $level, $entry.Time.ToString('MM/dd/yyyy HH:mm:ss', [System.Globalization.CultureInfo]::InvariantCulture), $entry.Line
    }
}

function Format-RdpOfflineError {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Message
    )
    # One line, short enough that the report keeps its end within what Run Command keeps.
    $text = (ConvertTo-RdpOfflineAscii -Text $Message) -replace '\s+', ' '
    if ($text.Length -gt 600) {
        $text = $text.Substring(0, 597) + '...'
    }
    $text.Trim()
}
