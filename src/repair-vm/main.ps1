# The run: Diagnose, Repair or Undo
# Whatever happens, the hives are unloaded, the lent drive letter is given back, and the last
# line is [STATUS]::SUCCESS or [STATUS]::ERROR.

$script:RdpOfflineRun = @{ Failed = $false; Stamp = '' }

function Format-RdpOfflineHeader {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Mode,
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    $line = 'RDPRESCUE offline {0} disk={1} drive={2}: generation={3}' -f $Mode.ToLowerInvariant(), $Volume.DiskNumber, $Volume.Drive, $Volume.Generation
    if ($script:RdpOfflineControlSet) {
        $line += ' controlset=' + $script:RdpOfflineControlSet
    }
    $line
}

function Get-RdpOfflineHiveToLoad {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [string]$Hive,
        [switch]$ReadOnly
    )
    if ($ReadOnly) {
        # A hive an earlier run left loaded is locked: unloaded before it can be copied.
        Dismount-RdpOfflineLeftoverHive -Hive $Hive
        $folder = (Get-RdpOfflineWorkFolder) + '\hives-' + $script:RdpOfflineRun.Stamp
        return (Copy-RdpOfflineHiveForReading -Volume $Volume -Hive $Hive -Folder $folder)
    }
    Get-RdpOfflineHiveFile -Volume $Volume -Hive $Hive
}

function Open-RdpOfflineRegistry {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        # Load copies, so the broken disk is only read.
        [switch]$ReadOnly
    )
    # SYSTEM is needed for anything; without SOFTWARE only its checks cannot run (UNKNOWN).
    $null = Open-RdpOfflineHive -Hive 'SYSTEM' -Path (Get-RdpOfflineHiveToLoad -Volume $Volume -Hive 'SYSTEM' -ReadOnly:$ReadOnly)
    $null = Resolve-RdpOfflineControlSet
    try {
        $null = Open-RdpOfflineHive -Hive 'SOFTWARE' -Path (Get-RdpOfflineHiveToLoad -Volume $Volume -Hive 'SOFTWARE' -ReadOnly:$ReadOnly)
    }
    catch {
        Write-RdpOfflineLog -Message $_.Exception.Message
    }
}

function Invoke-RdpOfflineDiagnoseMode {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Arguments
    )
    # Nothing is written to the broken disk: it stays read-only, the hives are loaded from copies.
    $volume = Find-RdpOfflineWindowsVolume -Drive $Arguments.Drive
    Open-RdpOfflineRegistry -Volume $volume -ReadOnly
    $context = New-RdpOfflineContext -Volume $volume -SinceHours $Arguments.SinceHours
    $anchor = Get-RdpOfflineEventAnchor -Context $context
    Write-RdpOfflineReport -Line ((Format-RdpOfflineHeader -Mode 'Diagnose' -Volume $volume) + ' events-until=' + $anchor.ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture))
    foreach ($line in @(Format-RdpOfflineDiagnosis -Scenario @(Invoke-RdpOfflineDiagnosis -Context $context))) {
        Write-RdpOfflineReport -Line $line
    }
}

function Invoke-RdpOfflineRepairMode {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Arguments,
        [Parameter(Mandatory = $true)]
        [string]$Stamp
    )
    $volume = Find-RdpOfflineWindowsVolume -Drive $Arguments.Drive
    Enable-RdpOfflineVolumeWrite -Volume $volume
    $run = @{ Volume = $volume; Set = $null; BootStore = $null }
    $run.Set = New-RdpOfflineBackupSet -Volume $volume -Stamp $Stamp
    # The hive files are copied while nothing has them loaded.
    foreach ($fix in $Arguments.Repair) {
        foreach ($item in @($fix.Backup | Where-Object { $_.Kind -eq 'hive-file' })) {
            Backup-RdpOfflineHiveFileItem -Item $item -Run $run -Entries (New-Object -TypeName System.Collections.ArrayList)
        }
    }
    Save-RdpOfflineBackupManifest -Set $run.Set
    Open-RdpOfflineRegistry -Volume $volume
    $run.Set.Manifest.controlSet = $script:RdpOfflineControlSet
    Write-RdpOfflineReport -Line (Format-RdpOfflineHeader -Mode 'Repair' -Volume $volume)
    Write-RdpOfflineReport -Line ('RDPRESCUE backup ' + $run.Set.Folder)
    $stopped = $false
    foreach ($fix in $Arguments.Repair) {
        if ($stopped) {
            Write-RdpOfflineReport -Line ('RDPRESCUE fix {0} NOTRUN' -f $fix.Id)
            continue
        }
        try {
            Invoke-RdpOfflineFix -Fix $fix -Run $run
            Write-RdpOfflineReport -Line ('RDPRESCUE fix {0} APPLIED' -f $fix.Id)
            if ($fix.Warning) {
                Write-RdpOfflineReport -Line ('RDPRESCUE warning {0}: {1}' -f $fix.Id, $fix.Warning)
            }
        }
        catch {
            # Nothing after a failed fix runs: its backup is what Undo restores.
            $script:RdpOfflineRun.Failed = $true
            $stopped = $true
            Write-RdpOfflineLog -Message ("{0} failed: {1}" -f $fix.Id, $_.Exception.Message)
            Write-RdpOfflineReport -Line ('RDPRESCUE fix {0} FAILED {1}' -f $fix.Id, (Format-RdpOfflineError -Message $_.Exception.Message))
        }
    }
    Write-RdpOfflineReport -Line ('RDPRESCUE undo with Mode=Undo Backup=' + $Stamp)
}

function Invoke-RdpOfflineUndoMode {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Arguments
    )
    $volume = Find-RdpOfflineWindowsVolume -Drive $Arguments.Drive
    $selected = Select-RdpOfflineBackupSet -Volume $volume -Backup $Arguments.Backup
    Enable-RdpOfflineVolumeWrite -Volume $volume
    Open-RdpOfflineRegistry -Volume $volume
    $saved = [string](Get-RdpOfflineEntryField -Entry $selected.Manifest -Name 'controlSet')
    if ($saved -and $saved -ne $script:RdpOfflineControlSet) {
        throw ("The backup {0} was taken in {1}, but the broken OS now boots {2}: refusing to restore into another control set." -f $selected.Name, $saved, $script:RdpOfflineControlSet)
    }
    Write-RdpOfflineReport -Line ((Format-RdpOfflineHeader -Mode 'Undo' -Volume $volume) + ' backup=' + $selected.Name)
    $undo = @{ Volume = $volume; Set = $selected; BootStore = $null }
    $fixes = @(Get-RdpOfflineEntryField -Entry $selected.Manifest -Name 'fixes')
    [array]::Reverse($fixes)
    foreach ($entry in $fixes) {
        $id = [string](Get-RdpOfflineEntryField -Entry $entry -Name 'id')
        try {
            $problems = @(Undo-RdpOfflineFix -FixEntry $entry -Undo $undo)
        }
        catch {
            $problems = @($_.Exception.Message)
        }
        if ($problems.Count -eq 0) {
            Write-RdpOfflineReport -Line ('RDPRESCUE undo {0} RESTORED' -f $id)
            continue
        }
        $script:RdpOfflineRun.Failed = $true
        foreach ($problem in $problems) {
            Write-RdpOfflineLog -Message ("{0}: {1}" -f $id, $problem)
        }
        Write-RdpOfflineReport -Line ('RDPRESCUE undo {0} FAILED {1}' -f $id, (Format-RdpOfflineError -Message $problems[0]))
    }
    foreach ($hive in @(Get-RdpOfflineEntryField -Entry $selected.Manifest -Name 'hives')) {
        Write-RdpOfflineLog -Message ("last resort, by hand, with the hive unloaded: copy {0}\{1}\{2}* over {3}" -f $selected.Folder, $hive.folder, $hive.hive, (Get-RdpOfflineHiveFile -Volume $volume -Hive $hive.hive))
    }
    if (-not $script:RdpOfflineRun.Failed) {
        Write-RdpOfflineText -Path ($selected.Folder + '\' + $script:RdpOfflineUndoneMarker) -Text ((Get-RdpOfflineDate).ToString('o') + "`r`n") -Confirm:$false
    }
}

function Close-RdpOfflineRun {
    [CmdletBinding()]
    param()
    # Every hive unloaded (and its copy deleted), every lent letter given back and every disk
    # identity Windows changed written back, whatever happened before.
    $loaded = @(Close-RdpOfflineAllHive)
    foreach ($name in $loaded) {
        $script:RdpOfflineRun.Failed = $true
        Write-RdpOfflineReport -Line ('RDPRESCUE error HKLM\{0} stays loaded: close regedit and run reg unload HKLM\{0}' -f $name)
    }
    foreach ($failure in @(Remove-RdpOfflineHiveCopy)) {
        Write-RdpOfflineLog -Message ('hive copy not deleted: ' + $failure)
    }
    foreach ($failure in @(Remove-RdpOfflineAssignedLetter)) {
        $script:RdpOfflineRun.Failed = $true
        Write-RdpOfflineReport -Line ('RDPRESCUE error drive letter not given back: ' + (Format-RdpOfflineError -Message $failure))
    }
    foreach ($failure in @(Restore-RdpOfflineDiskIdentity -KeepOnline:($loaded.Count -gt 0))) {
        $script:RdpOfflineRun.Failed = $true
        Write-RdpOfflineReport -Line ('RDPRESCUE error ' + $failure)
    }
}

function Invoke-RdpOfflineScript {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyCollection()]
        [object[]]$ArgumentList = @()
    )
    Set-StrictMode -Version Latest
    $ErrorActionPreference = 'Stop'
    $script:RdpOfflineRun.Failed = $false
    $script:RdpOfflineControlSet = ''
    $start = Get-RdpOfflineDate
    $stamp = $start.ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture)
    $script:RdpOfflineRun.Stamp = $stamp
    Initialize-RdpOfflineLog -Folder (Get-RdpOfflineWorkFolder) -Start $start -Tagged:(Test-RdpOfflineRepairDriver)
    try {
        Write-RdpOfflineLog -Message ('RdpRescue {0} offline script' -f $script:RdpOfflineCatalog.Version)
        $arguments = Resolve-RdpOfflineArgument -ArgumentList $ArgumentList
        Write-RdpOfflineLog -Message ('mode {0}, repairs {1}' -f $arguments.Mode, (@($arguments.Repair | ForEach-Object { $_.Id }) -join ','))
        if (-not (Test-RdpOfflineElevation)) {
            throw 'Run it as an administrator (az vm repair run runs it as SYSTEM).'
        }
        switch ($arguments.Mode) {
            'Repair' {
                Invoke-RdpOfflineRepairMode -Arguments $arguments -Stamp $stamp
            }
            'Undo' {
                Invoke-RdpOfflineUndoMode -Arguments $arguments
            }
            default {
                Invoke-RdpOfflineDiagnoseMode -Arguments $arguments
            }
        }
    }
    catch {
        $script:RdpOfflineRun.Failed = $true
        Write-RdpOfflineLog -Message ($_ | Out-String)
        Write-RdpOfflineReport -Line ('RDPRESCUE error ' + (Format-RdpOfflineError -Message $_.Exception.Message))
    }
    finally {
        Close-RdpOfflineRun
    }
    $status = '[STATUS]::SUCCESS'
    if ($script:RdpOfflineRun.Failed) {
        $status = '[STATUS]::ERROR'
    }
    Write-RdpOfflineLog -Message $status
    $unsaved = Save-RdpOfflineLog
    if ($unsaved) {
        Write-RdpOfflineReport -Line ('RDPRESCUE log not written: ' + $unsaved)
    }
    else {
        Write-RdpOfflineReport -Line ('RDPRESCUE log ' + $script:RdpOfflineLog.Path)
    }
    Write-RdpOfflineReport -Line $status
    Format-RdpOfflineReport -Failed:$script:RdpOfflineRun.Failed
}
