# A copied disk whose identity collides with another disk's
# The copy of an OS disk keeps its MBR signature or GPT disk GUID. When the rescue VM has a disk
# with the same one (both made from the same image), Windows keeps the copy offline
# (MSFT_Disk.OfflineReason 4, Collision), and bringing it online makes Windows write the copy a
# new identity; its boot configuration still names the old one, so the VM the copy is swapped
# back into may stop with 0xc000000e. The script notes the identity before the disk comes
# online and writes it back when the run ends, reading it back; if that fails the run ends in
# ERROR with the exact Set-Disk command to run before az vm repair restore. Once it reads back,
# the disk shares its identity with another online disk again, so it is put back as Windows
# kept it: read-only if it was, and offline.
# The note is also written to a file on the rescue VM before the disk comes online, by the
# disk's UniqueId (its number can change), so a run that was stopped half-way (Run Command's
# time limit, a closed window) is finished by the next one: it writes the identity back too.

$script:RdpOfflineCollisionReason = 4
$script:RdpOfflineChangedIdentities = New-Object -TypeName System.Collections.ArrayList
$script:RdpOfflineIdentityNoteName = 'disk-identity-pending.txt'

function Format-RdpOfflineDiskIdentity {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk
    )
    if ($Disk.PartitionStyle -eq 'GPT') {
        return ('GPT disk GUID ' + $Disk.Guid)
    }
    'MBR signature 0x{0:X8}' -f [int64]$Disk.Signature
}

function Get-RdpOfflineDiskByNumber {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    $disk = @(Get-RdpOfflineDisk | Where-Object { $_.Number -eq $Number })
    if ($disk.Count -eq 0) {
        throw ("Disk {0} is gone." -f $Number)
    }
    $disk[0]
}

function Test-RdpOfflineDiskCollision {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk,
        [AllowEmptyCollection()]
        [object[]]$AllDisks = @()
    )
    # Windows says so (OfflineReason 4), or another disk has the same identity: a disk this
    # script took offline again after an earlier run reads as offline for another reason.
    if ([int]$Disk.OfflineReason -eq $script:RdpOfflineCollisionReason) {
        return $true
    }
    $identity = Format-RdpOfflineDiskIdentity -Disk $Disk
    if ($identity -eq 'GPT disk GUID ' -or $identity -eq 'MBR signature 0x00000000') {
        return $false
    }
    @($AllDisks | Where-Object { $_.Number -ne $Disk.Number -and (Format-RdpOfflineDiskIdentity -Disk $_) -eq $identity }).Count -gt 0
}

function Enable-RdpOfflineCollidingDisk {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk
    )
    # Without the original there is nothing to write back: the disk stays offline.
    $what = 'MBR signature'
    $known = ([int64]$Disk.Signature -ne 0)
    if ($Disk.PartitionStyle -eq 'GPT') {
        $what = 'GPT disk GUID'
        $known = [bool]$Disk.Guid
    }
    if (-not $known) {
        throw ("offline because its identity collides with another disk's, and its {0} cannot be read to be written back" -f $what)
    }
    # Windows can write the new identity only to a writable disk.
    $original = Format-RdpOfflineDiskIdentity -Disk $Disk
    Write-RdpOfflineLog -Message ("disk {0}: offline because its {1} collides with another disk's; noted, to be written back when the run ends" -f $Disk.Number, $original)
    $null = $script:RdpOfflineChangedIdentities.Add((New-RdpOfflineIdentityNote -Disk $Disk))
    Save-RdpOfflineIdentityNote
    Set-RdpOfflineDiskWritable -Number $Disk.Number -Confirm:$false
    Enable-RdpOfflineDisk -Number $Disk.Number -Confirm:$false
}

function Restore-RdpOfflineDiskIdentity {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # A hive of the disk stays loaded: taking the disk offline would pull it from under it.
        [switch]$KeepOnline
    )
    # Returns a failure per disk whose identity does not read back as it was.
    $any = $script:RdpOfflineChangedIdentities.Count -gt 0
    foreach ($noted in @($script:RdpOfflineChangedIdentities)) {
        $failure = ''
        $command = "Set-Disk -Number {0} -Signature {1}" -f $noted.Number, $noted.Signature
        if ($noted.PartitionStyle -eq 'GPT') {
            $command = "Set-Disk -Number {0} -Guid '{1}'" -f $noted.Number, $noted.Guid
        }
        try {
            $current = Get-RdpOfflineDiskByNumber -Number $noted.Number
            $changed = Format-RdpOfflineDiskIdentity -Disk $current
            if ($changed -ne $noted.Original) {
                # A disk an interrupted run left behind may be read-only again (Windows cannot
                # write it then); it is put back read-only afterwards if it was.
                if ($current.IsReadOnly) {
                    Set-RdpOfflineDiskWritable -Number $noted.Number -Confirm:$false
                }
                if ($noted.PartitionStyle -eq 'GPT') {
                    Set-RdpOfflineDiskIdentity -Number $noted.Number -Guid $noted.Guid -Confirm:$false
                }
                else {
                    Set-RdpOfflineDiskIdentity -Number $noted.Number -Signature $noted.Signature -Confirm:$false
                }
                $now = Format-RdpOfflineDiskIdentity -Disk (Get-RdpOfflineDiskByNumber -Number $noted.Number)
                if ($now -eq $noted.Original) {
                    Write-RdpOfflineReport -Line ('RDPRESCUE disk {0} {1} restored (Windows had changed it to {2} to bring the disk online)' -f $noted.Number, $noted.Original, ($changed -replace '^(GPT disk GUID|MBR signature) ', ''))
                }
                else {
                    $failure = 'disk {0} keeps {1}, not its own {2}' -f $noted.Number, $now, ($noted.Original -replace '^(GPT disk GUID|MBR signature) ', '')
                }
            }
        }
        catch {
            $failure = 'disk {0}: its {1} could not be written back: {2}' -f $noted.Number, $noted.Original, (Format-RdpOfflineError -Message $_.Exception.Message)
        }
        if ($failure) {
            # Left online: the command needs the disk online.
            '{0}: the restored VM may not boot (0xc000000e). Before az vm repair restore, run on the rescue VM: {1}' -f $failure, $command
            continue
        }
        Reset-RdpOfflineCollidingDisk -Noted $noted -KeepOnline:$KeepOnline
        $noted.Restored = $true
    }
    if ($any) {
        # What is not back yet stays noted for the next run.
        $pending = @($script:RdpOfflineChangedIdentities | Where-Object { -not $_.Restored })
        $script:RdpOfflineChangedIdentities.Clear()
        foreach ($noted in $pending) {
            $null = $script:RdpOfflineChangedIdentities.Add($noted)
        }
        Save-RdpOfflineIdentityNote
    }
    $script:RdpOfflineChangedIdentities.Clear()
}

function Reset-RdpOfflineCollidingDisk {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Noted,
        [switch]$KeepOnline
    )
    # Its identity is its own again, the same as another online disk's: back offline, as
    # Windows kept it, so the two never stay online together. Not a failure of the run when it
    # cannot be done: the copy boots either way; the rescue VM is told what to do.
    $command = 'Set-Disk -Number {0} -IsOffline $true' -f $Noted.Number
    if ($KeepOnline) {
        Write-RdpOfflineReport -Line ('RDPRESCUE warning disk {0} stays online, with the same identity as another disk, while a hive of it is loaded: after reg unload, run {1}' -f $Noted.Number, $command)
        return
    }
    try {
        if ($Noted.WasReadOnly) {
            Set-RdpOfflineDiskReadOnly -Number $Noted.Number -Confirm:$false
        }
        Disable-RdpOfflineDisk -Number $Noted.Number -Confirm:$false
        if (-not (Get-RdpOfflineDiskByNumber -Number $Noted.Number).IsOffline) {
            throw 'it still reads as online'
        }
        Write-RdpOfflineLog -Message ('disk {0}: offline again, as Windows kept it (read-only: {1})' -f $Noted.Number, $Noted.WasReadOnly)
    }
    catch {
        Write-RdpOfflineReport -Line ('RDPRESCUE warning disk {0} could not be taken offline again ({1}): it has the same identity as another online disk; run {2}' -f $Noted.Number, (Format-RdpOfflineError -Message $_.Exception.Message), $command)
    }
}

function New-RdpOfflineIdentityNote {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk,
        [bool]$WasReadOnly = [bool]$Disk.IsReadOnly
    )
    [pscustomobject]@{
        Number         = $Disk.Number
        UniqueId       = [string]$Disk.UniqueId
        PartitionStyle = $Disk.PartitionStyle
        Signature      = [int64]$Disk.Signature
        Guid           = [string]$Disk.Guid
        Original       = Format-RdpOfflineDiskIdentity -Disk $Disk
        WasReadOnly    = $WasReadOnly
        Restored       = $false
    }
}

function Get-RdpOfflineIdentityNotePath {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    (Get-RdpOfflineWorkFolder) + '\' + $script:RdpOfflineIdentityNoteName
}

function Save-RdpOfflineIdentityNote {
    [CmdletBinding()]
    param()
    # One line per disk: UniqueId|GPT or MBR|signature|GUID|read-only. No note left, no file.
    $path = Get-RdpOfflineIdentityNotePath
    $lines = @($script:RdpOfflineChangedIdentities | Where-Object { $_.UniqueId } | ForEach-Object {
            '{0}|{1}|{2}|{3}|{4}' -f $_.UniqueId, $_.PartitionStyle, $_.Signature, $_.Guid, [int]$_.WasReadOnly
        })
    try {
        if ($lines.Count -eq 0) {
            if (Test-RdpOfflinePath -Path $path) {
                Remove-RdpOfflineFile -Path $path -Confirm:$false
            }
            return
        }
        Initialize-RdpOfflineProtectedFolder -Path (Get-RdpOfflineWorkFolder)
        Write-RdpOfflineText -Path $path -Text (($lines -join "`r`n") + "`r`n") -Confirm:$false
    }
    catch {
        Write-RdpOfflineLog -Message ('disk identity note {0} not written: {1}' -f $path, $_.Exception.Message)
    }
}

function Import-RdpOfflineIdentityNote {
    [CmdletBinding()]
    param(
        [AllowEmptyCollection()]
        [object[]]$AllDisks = @()
    )
    # A run stopped half-way left a disk with the identity Windows gave it: this run writes
    # the noted one back when it ends, as if it had brought the disk online itself.
    $path = Get-RdpOfflineIdentityNotePath
    if (-not (Test-RdpOfflinePath -Path $path)) {
        return
    }
    # Only what an administrator could have written names an identity to write to a disk; a
    # file's owner is whoever wrote it (a named administrator too), its folder decides who could.
    $untrusted = (Get-RdpOfflineUntrustedReason -Path (Get-RdpOfflineWorkFolder)) + (Get-RdpOfflineUntrustedReason -Path $path -IgnoreOwner)
    if ($untrusted) {
        Write-RdpOfflineReport -Line ('RDPRESCUE warning disk identity note ignored: ' + $untrusted)
        return
    }
    foreach ($line in @((Read-RdpOfflineText -Path $path) -split "`r?`n")) {
        $fields = $line.Split('|')
        if ($fields.Count -ne 5 -or -not $fields[0]) {
            continue
        }
        $disk = @($AllDisks | Where-Object { $_.UniqueId -eq $fields[0] -and -not $_.IsBoot -and -not $_.IsSystem })
        if ($disk.Count -ne 1 -or [string]$disk[0].PartitionStyle -ne $fields[1]) {
            Write-RdpOfflineLog -Message ('disk identity note for {0}: no such disk attached now' -f $fields[0])
            continue
        }
        $noted = New-RdpOfflineIdentityNote -Disk ([pscustomobject]@{
                Number = $disk[0].Number; UniqueId = $fields[0]; PartitionStyle = $fields[1]
                Signature = [int64]$fields[2]; Guid = $fields[3]
            }) -WasReadOnly ($fields[4] -eq '1')
        if ((Format-RdpOfflineDiskIdentity -Disk $disk[0]) -eq $noted.Original) {
            continue
        }
        if (@($script:RdpOfflineChangedIdentities | Where-Object { $_.UniqueId -eq $noted.UniqueId }).Count -eq 0) {
            $null = $script:RdpOfflineChangedIdentities.Add($noted)
            Write-RdpOfflineLog -Message ('disk {0}: an earlier run did not finish; its {1} is written back when this run ends' -f $noted.Number, $noted.Original)
        }
    }
}
