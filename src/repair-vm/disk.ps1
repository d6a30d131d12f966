# Finding the broken OS disk and its boot store
# az vm repair create attaches a copy of the broken OS disk as a data disk, often offline. The
# script brings data disks online read-only, then looks for the one volume that holds a Windows
# installation (\Windows\System32\config\SYSTEM) and is not this VM's own system volume; only a
# repair or an undo makes that one disk writable. It never guesses: none, several, or a volume
# BitLocker keeps locked stop the run with a message that names what it saw and what to do.
# A Windows partition without a drive letter is lent one while it is looked at.

$script:RdpOfflineEspType = '{c12a7328-f81f-11d2-ba4b-00a0c93ec93b}'
# Partitions that can hold Windows: GPT basic data, MBR IFS (NTFS).
$script:RdpOfflineBasicDataType = '{ebd0a0a2-b9e5-4433-87c0-68b6b72699c7}'
$script:RdpOfflineMbrIfsType = 7
# Windows gives a disk that comes online its drive letters a few seconds later.
$script:RdpOfflineLetterWaitSeconds = 30
$script:RdpOfflineAssignedLetters = New-Object -TypeName System.Collections.ArrayList
# Why a disk was not brought online, for the message that finds no Windows.
$script:RdpOfflineDiskProblems = New-Object -TypeName System.Collections.ArrayList

function Get-RdpOfflineDiskPartition {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk,
        [AllowEmptyCollection()]
        [object[]]$AllDisks = @()
    )
    $cameOnline = $false
    if ($Disk.IsOffline) {
        Write-RdpOfflineLog -Message ("disk {0} ({1}, {2}): offline (reason {3}), read-only={4}: bringing it online" -f $Disk.Number, $Disk.BusType, $Disk.FriendlyName, $Disk.OfflineReason, $Disk.IsReadOnly)
        try {
            if (Test-RdpOfflineDiskCollision -Disk $Disk -AllDisks $AllDisks) {
                Enable-RdpOfflineCollidingDisk -Disk $Disk
            }
            else {
                Enable-RdpOfflineDisk -Number $Disk.Number -Confirm:$false
            }
            $cameOnline = $true
        }
        catch {
            Write-RdpOfflineLog -Message ("disk {0} could not be brought online: {1}" -f $Disk.Number, $_.Exception.Message)
            $null = $script:RdpOfflineDiskProblems.Add(('disk {0}: {1}' -f $Disk.Number, $_.Exception.Message))
            return
        }
    }
    $partitions = @(Get-RdpOfflinePartition -DiskNumber $Disk.Number)
    $waited = 0
    while ($cameOnline -and $waited -lt $script:RdpOfflineLetterWaitSeconds -and @($partitions | Where-Object { $_.DriveLetter }).Count -eq 0) {
        Wait-RdpOfflineSecond -Seconds 2
        $waited += 2
        $partitions = @(Get-RdpOfflinePartition -DiskNumber $Disk.Number)
    }
    $partitions
}

function Test-RdpOfflineWindowsPartitionType {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Partition
    )
    if ($Partition.GptType) {
        return ($Partition.GptType -eq $script:RdpOfflineBasicDataType)
    }
    [int]$Partition.MbrType -eq $script:RdpOfflineMbrIfsType
}

function Add-RdpOfflineLentLetter {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$DiskNumber,
        [Parameter(Mandatory = $true)]
        [int]$PartitionNumber,
        [Parameter(Mandatory = $true)]
        [string]$What
    )
    # Remembered before it is asked for, so Remove-RdpOfflineAssignedLetter gives it back
    # whatever happens, also when Windows shows the letter only after the call gave up on it.
    $lent = [pscustomobject]@{ DiskNumber = $DiskNumber; PartitionNumber = $PartitionNumber; DriveLetter = '' }
    $null = $script:RdpOfflineAssignedLetters.Add($lent)
    $letter = [string](Add-RdpOfflinePartitionLetter -DiskNumber $DiskNumber -PartitionNumber $PartitionNumber -Confirm:$false)
    if ($letter) {
        $lent.DriveLetter = $letter
        Write-RdpOfflineLog -Message ("{0} (disk {1} partition {2}): drive letter {3}: lent for this run" -f $What, $DiskNumber, $PartitionNumber, $letter)
    }
    $letter
}

function Remove-RdpOfflineLentLetter {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$DriveLetter
    )
    foreach ($lent in @($script:RdpOfflineAssignedLetters | Where-Object { $_.DriveLetter -eq $DriveLetter })) {
        Remove-RdpOfflinePartitionLetter -DiskNumber $lent.DiskNumber -PartitionNumber $lent.PartitionNumber -DriveLetter $lent.DriveLetter -Confirm:$false
        $script:RdpOfflineAssignedLetters.Remove($lent)
        Write-RdpOfflineLog -Message ("drive letter {0} given back (disk {1} partition {2}): no Windows there" -f $lent.DriveLetter, $lent.DiskNumber, $lent.PartitionNumber)
    }
}

function Find-RdpOfflineWindowsVolume {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [AllowEmptyString()]
        [string]$Drive = ''
    )
    $systemDrive = Get-RdpOfflineSystemDrive
    $script:RdpOfflineDiskProblems.Clear()
    $candidates = New-Object -TypeName System.Collections.ArrayList
    $locked = New-Object -TypeName System.Collections.ArrayList
    $unreadable = New-Object -TypeName System.Collections.ArrayList
    $seen = New-Object -TypeName System.Collections.ArrayList
    $disks = @(Get-RdpOfflineDisk)
    Import-RdpOfflineIdentityNote -AllDisks $disks
    foreach ($disk in $disks) {
        if ($disk.IsBoot -or $disk.IsSystem) {
            Write-RdpOfflineLog -Message ("disk {0}: this rescue VM's own system disk, skipped" -f $disk.Number)
            continue
        }
        foreach ($partition in @(Get-RdpOfflineDiskPartition -Disk $disk -AllDisks $disks)) {
            $lent = $false
            $letter = $partition.DriveLetter
            if (-not $letter) {
                # Windows may have left the broken OS partition without a letter.
                if ($partition.GptType -eq $script:RdpOfflineEspType -or -not (Test-RdpOfflineWindowsPartitionType -Partition $partition)) {
                    continue
                }
                $letter = Add-RdpOfflineLentLetter -DiskNumber $disk.Number -PartitionNumber $partition.PartitionNumber -What 'partition without a drive letter'
                if (-not $letter) {
                    Write-RdpOfflineLog -Message ("disk {0} partition {1} has no drive letter and could not be lent one" -f $disk.Number, $partition.PartitionNumber)
                    continue
                }
                $lent = $true
            }
            $letter = $letter.ToUpperInvariant()
            $where = '{0}: (disk {1})' -f $letter, $disk.Number
            if (($letter + ':') -eq $systemDrive) {
                continue
            }
            $null = $seen.Add($where)
            $lock = Get-RdpOfflineLockStatus -DriveLetter $letter
            Write-RdpOfflineLog -Message ("{0}: BitLocker {1}" -f $where, $lock)
            if ($lock -eq 'Locked') {
                $null = $locked.Add($where)
                continue
            }
            if (Test-RdpOfflinePath -Path ($letter + ':\Windows\System32\config\SYSTEM')) {
                $generation = 1
                if ($disk.PartitionStyle -eq 'GPT') {
                    $generation = 2
                }
                $null = $candidates.Add([pscustomobject]@{
                        Drive           = $letter
                        DiskNumber      = $disk.Number
                        PartitionNumber = $partition.PartitionNumber
                        Generation      = $generation
                        Where           = $where
                        IsReadOnly      = [bool]$disk.IsReadOnly
                    })
                continue
            }
            if ($lock -eq 'Unreadable') {
                $null = $unreadable.Add($where)
            }
            if ($lent) {
                Remove-RdpOfflineLentLetter -DriveLetter $letter
            }
        }
    }
    $names = @($candidates | ForEach-Object { $_.Where })
    if ($Drive) {
        $chosen = @($candidates | Where-Object { $_.Drive -eq $Drive })
        if ($chosen.Count -eq 0) {
            throw ("Drive={0}: that volume holds no Windows installation of an attached disk. Volumes that do: {1}." -f $Drive, (Join-RdpOfflineName -Name $names))
        }
        return $chosen[0]
    }
    if ($candidates.Count -eq 1) {
        return $candidates[0]
    }
    if ($candidates.Count -gt 1) {
        throw ("Several attached volumes hold a Windows installation: {0}. Run again with Drive=<letter> to name the broken OS disk." -f ($names -join ', '))
    }
    if ($locked.Count -gt 0) {
        throw ("BitLocker keeps {0} locked, so the broken OS cannot be read. Create the rescue VM with az vm repair create --unlock-encrypted-vm (for Azure Disk Encryption), or unlock the volume with its recovery password (manage-bde -unlock <drive>: -RecoveryPassword <password>), then run again." -f ($locked -join ', '))
    }
    $hint = ''
    if ($unreadable.Count -gt 0) {
        $hint = (' {0} show no file system (encrypted or damaged?).' -f ($unreadable -join ', '))
    }
    if ($script:RdpOfflineDiskProblems.Count -gt 0) {
        $hint += (' Not brought online: {0}.' -f (@($script:RdpOfflineDiskProblems) -join '; '))
    }
    throw ("No attached disk holds \Windows\System32\config\SYSTEM (this rescue VM's own {0} is not counted; volumes seen: {1}).{2} Attach a copy of the broken OS disk (az vm repair create) and run again." -f $systemDrive, (Join-RdpOfflineName -Name @($seen)), $hint)
}

function Join-RdpOfflineName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyCollection()]
        [string[]]$Name = @()
    )
    if ($Name.Count -eq 0) {
        return 'none'
    }
    $Name -join ', '
}

function Find-RdpOfflineBootStore {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    # Generation 2 boots from the EFI system partition, which has no drive letter; Generation 1
    # from the active partition (System Reserved, or the OS volume itself).
    $partitions = @(Get-RdpOfflinePartition -DiskNumber $Volume.DiskNumber)
    if ($Volume.Generation -eq 2) {
        $boot = @($partitions | Where-Object { $_.GptType -eq $script:RdpOfflineEspType })
        $relative = '\EFI\Microsoft\Boot\BCD'
        $what = 'EFI system partition'
    }
    else {
        $boot = @($partitions | Where-Object { $_.IsActive })
        $relative = '\Boot\BCD'
        $what = 'active partition'
    }
    if ($boot.Count -eq 0) {
        throw ("Disk {0} (Generation {1}) has no {2}: its boot store cannot be found." -f $Volume.DiskNumber, $Volume.Generation, $what)
    }
    $partition = $boot[0]
    $letter = $partition.DriveLetter
    if (-not $letter) {
        $letter = Add-RdpOfflineLentLetter -DiskNumber $Volume.DiskNumber -PartitionNumber $partition.PartitionNumber -What $what
        if (-not $letter) {
            throw ("The {0} of disk {1} could not be given a drive letter." -f $what, $Volume.DiskNumber)
        }
    }
    $path = $letter + ':' + $relative
    if (-not (Test-RdpOfflinePath -Path $path)) {
        throw ("No boot store at {0} ({1} of disk {2})." -f $path, $what, $Volume.DiskNumber)
    }
    [pscustomobject]@{ Path = $path; Folder = $letter + ':' + (Get-RdpOfflineParentPath -Path $relative) }
}

function Remove-RdpOfflineAssignedLetter {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    # Every letter this run lent is taken back, whatever happened in between.
    $failures = @()
    foreach ($lent in @($script:RdpOfflineAssignedLetters)) {
        try {
            if (-not $lent.DriveLetter) {
                # Asked for but not seen in time: whatever letter the partition shows now is it.
                $lent.DriveLetter = [string](@(Get-RdpOfflinePartition -DiskNumber $lent.DiskNumber | Where-Object { $_.PartitionNumber -eq $lent.PartitionNumber } | ForEach-Object { $_.DriveLetter }) -join '')
                if (-not $lent.DriveLetter) {
                    continue
                }
            }
            Remove-RdpOfflinePartitionLetter -DiskNumber $lent.DiskNumber -PartitionNumber $lent.PartitionNumber -DriveLetter $lent.DriveLetter -Confirm:$false
            Write-RdpOfflineLog -Message ("drive letter {0} given back (disk {1} partition {2})" -f $lent.DriveLetter, $lent.DiskNumber, $lent.PartitionNumber)
        }
        catch {
            $failures += ('{0}: {1}' -f $lent.DriveLetter, $_.Exception.Message)
        }
    }
    $script:RdpOfflineAssignedLetters.Clear()
    $failures
}

function Enable-RdpOfflineVolumeWrite {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    # Only the disk a repair or an undo changes, and only then: every other attached disk, and
    # this one during a diagnosis, stays read-only.
    if ($Volume.IsReadOnly) {
        Write-RdpOfflineLog -Message ("disk {0}: clearing read-only to change it" -f $Volume.DiskNumber)
        Set-RdpOfflineDiskWritable -Number $Volume.DiskNumber -Confirm:$false
    }
}
