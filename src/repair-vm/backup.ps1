# Backups on the broken OS disk
# A repair saves exactly what each fix changes before it changes it, in a backup set on the
# broken disk itself (<drive>:\RdpRescueOffline\<time>), so the backup travels with the disk
# and outlives the rescue VM: per registry key a reg export plus, per value, whether it
# existed and what it held; icacls /save plus every owner (icacls does not save owners); the
# boot store files; and, as a last resort for a hand restore, the hive files with their .LOG
# files. backup.json lists it all per fix.
#
# Undo runs as SYSTEM or an administrator, but a standard user of the broken VM could have
# written to that disk: the backup folders must be owned by SYSTEM or Administrators and
# writable by nobody else, and every entry must name something the fix of the catalog it
# claims to come from changes (its registry keys and values, its folders).

$script:RdpOfflineTrustedSids = @('S-1-5-18', 'S-1-5-32-544')
# Write or append data, write extended attributes or attributes, delete a child, delete, change
# permissions, take ownership, generic write, generic all.
$script:RdpOfflineChangeRights = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000
$script:RdpOfflineBackupSchema = 'urn:rdp-rescue:repair-vm-backup:1'
$script:RdpOfflineHiveLogSuffixes = @('', '.LOG', '.LOG1', '.LOG2')

function Get-RdpOfflineBackupRoot {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    $Volume.Drive + ':\RdpRescueOffline'
}

function Get-RdpOfflineUntrustedReason {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        # A file's owner is whoever wrote it; its folder decides who could have.
        [switch]$IgnoreOwner
    )
    $security = Get-RdpOfflineItemSecurity -Path $Path
    if (-not $IgnoreOwner -and $script:RdpOfflineTrustedSids -notcontains [string]$security.Owner) {
        return ('{0} is owned by {1}, not by SYSTEM or Administrators' -f $Path, $security.Owner)
    }
    $writers = @($security.Rules | Where-Object {
            $_.AccessType -eq 'Allow' -and $script:RdpOfflineTrustedSids -notcontains [string]$_.Sid -and ([int64]$_.Rights -band $script:RdpOfflineChangeRights) -ne 0
        } | ForEach-Object { [string]$_.Sid } | Sort-Object -Unique)
    if ($writers.Count -gt 0) {
        return ('{0} can be changed by {1}' -f $Path, ($writers -join ', '))
    }
    ''
}

function Assert-RdpOfflineTrustedPath {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [switch]$IgnoreOwner
    )
    $reason = Get-RdpOfflineUntrustedReason -Path $Path -IgnoreOwner:$IgnoreOwner
    if ($reason) {
        throw ("Refusing the backup: {0}. Someone other than an administrator could have written it; move it away and run again." -f $reason)
    }
}

function Initialize-RdpOfflineProtectedFolder {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not (Test-RdpOfflinePath -Path $Path -Container)) {
        New-RdpOfflineProtectedDirectory -Path $Path -Confirm:$false
    }
    # Read back also after creating it: a folder someone made in the meantime stays as it was.
    Assert-RdpOfflineTrustedPath -Path $Path
}

function New-RdpOfflineBackupSet {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [string]$Stamp
    )
    $root = Get-RdpOfflineBackupRoot -Volume $Volume
    Initialize-RdpOfflineProtectedFolder -Path $root
    $folder = $root + '\' + $Stamp
    if (Test-RdpOfflinePath -Path $folder -Container) {
        throw ("A backup {0} exists already; wait a second and run again." -f $folder)
    }
    Initialize-RdpOfflineProtectedFolder -Path $folder
    $set = @{
        Folder   = $folder
        Counter  = 0
        Manifest = [ordered]@{
            schema     = $script:RdpOfflineBackupSchema
            tool       = 'rdp-rescue'
            version    = $script:RdpOfflineCatalog.Version
            created    = (Get-RdpOfflineDate).ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)
            controlSet = $script:RdpOfflineControlSet
            hives      = (New-Object -TypeName System.Collections.ArrayList)
            fixes      = (New-Object -TypeName System.Collections.ArrayList)
        }
    }
    Save-RdpOfflineBackupManifest -Set $set
    $set
}

function Save-RdpOfflineBackupManifest {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Set
    )
    # Written after every step, so a run that stops half way leaves what it did restorable.
    $json = ConvertTo-Json -InputObject $Set.Manifest -Depth 10
    Write-RdpOfflineText -Path ($Set.Folder + '\backup.json') -Text $json -Confirm:$false
}

function New-RdpOfflineBackupName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Set,
        [Parameter(Mandatory = $true)]
        [string]$Prefix
    )
    $Set.Counter++
    '{0}-{1:D3}' -f $Prefix, $Set.Counter
}

function Backup-RdpOfflineHiveFileItem {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [System.Collections.IList]$Entries
    )
    # The whole hive with its transaction logs, copied before it is loaded: restoring it by
    # hand is the last resort when a per-key restore cannot be done.
    $set = $Run.Set
    if (@($set.Manifest.hives | Where-Object { $_.hive -eq $Item.Hive }).Count -gt 0) {
        return
    }
    $source = Get-RdpOfflineHiveFile -Volume $Run.Volume -Hive $Item.Hive
    $folder = $set.Folder + '\hive'
    Initialize-RdpOfflineProtectedFolder -Path $folder
    $files = @(foreach ($suffix in $script:RdpOfflineHiveLogSuffixes) {
            $path = $source + $suffix
            if (Test-RdpOfflinePath -Path $path) {
                $name = $Item.Hive + $suffix
                Copy-RdpOfflineFile -Source $path -Destination ($folder + '\' + $name) -Confirm:$false
                [ordered]@{ name = $name; sha256 = (Get-RdpOfflineFileHash -Path ($folder + '\' + $name)) }
            }
        })
    if ($files.Count -eq 0) {
        throw ("{0} could not be backed up: it does not exist." -f $source)
    }
    $null = $set.Manifest.hives.Add([ordered]@{ kind = 'hive-file'; hive = $Item.Hive; folder = 'hive'; files = $files })
    Write-RdpOfflineLog -Message ("hive {0} copied to {1} ({2} files)" -f $Item.Hive, $folder, $files.Count)
}

function Get-RdpOfflineMissingKey {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key
    )
    # The topmost key a write would create ('' when the key exists): what undo deletes.
    $missing = ''
    $current = $Key
    while ($current.Contains('\') -and -not (Test-RdpOfflineRegistryKey -Key $current)) {
        $missing = $current
        $current = $current.Substring(0, $current.LastIndexOf('\'))
    }
    $missing
}

function Backup-RdpOfflineRegistryItem {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [System.Collections.IList]$Entries
    )
    $key = Resolve-RdpOfflineKey -Location $Item.Location
    if (@($Entries | Where-Object { $_.kind -eq 'registry-key' -and $_.key -eq $key }).Count -eq 0) {
        $entry = [ordered]@{ kind = 'registry-key'; key = $key; existed = $false; file = ''; created = '' }
        if (Test-RdpOfflineRegistryKey -Key $key) {
            $entry.existed = $true
            $entry.file = (New-RdpOfflineBackupName -Set $Run.Set -Prefix 'key') + '.reg'
            Export-RdpOfflineRegistryKey -Key $key -File ($Run.Set.Folder + '\' + $entry.file) -Confirm:$false
        }
        else {
            $entry.created = Get-RdpOfflineMissingKey -Key $key
        }
        $null = $Entries.Add($entry)
    }
    $value = Get-RdpOfflineRegistryValue -Key $key -Name $Item.Name
    $entry = [ordered]@{ kind = 'registry-value'; key = $key; name = $Item.Name; existed = ($null -ne $value); valueKind = ''; data = '' }
    if ($null -ne $value) {
        $entry.valueKind = [string]$value.Kind
        $entry.data = ConvertTo-RdpOfflineRegistryText -Value $value.Value
    }
    $null = $Entries.Add($entry)
}

function Get-RdpOfflineRelativePath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Stored without the drive letter: the disk may get another one at undo time.
    $prefix = $Volume.Drive + ':\'
    if (-not $Path.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
        throw ("{0} is not on the broken OS volume {1}" -f $Path, $prefix)
    }
    $Path.Substring($prefix.Length)
}

function Backup-RdpOfflineAclItem {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [System.Collections.IList]$Entries
    )
    $path = Resolve-RdpOfflineWindowsPath -Volume $Run.Volume -Path $Item.Path
    $relative = Get-RdpOfflineRelativePath -Volume $Run.Volume -Path $path
    if (@($Entries | Where-Object { $_.kind -eq 'acl' -and $_.path -eq $relative }).Count -gt 0) {
        return
    }
    if (-not (Test-RdpOfflinePath -Path $path -Container)) {
        throw ("{0} does not exist on the broken OS disk." -f $path)
    }
    $file = (New-RdpOfflineBackupName -Set $Run.Set -Prefix 'acl') + '.txt'
    # An item the administrators cannot read (a key file only its creator may open) leaves the
    # save partial: that is recorded, and said, rather than the whole repair given up.
    $partial = [string](Save-RdpOfflineAcl -Path $path -File ($Run.Set.Folder + '\' + $file) -Confirm:$false)
    # icacls /save keeps no owners: each item's owner and DACL are kept as SDDL too.
    $targets = @($path)
    if ($Item.Recurse) {
        $targets += @(Get-RdpOfflineChildItem -Path $path -Recurse)
    }
    $items = @(foreach ($target in $targets) {
            $saved = [ordered]@{ path = (Get-RdpOfflineRelativePath -Volume $Run.Volume -Path $target); sddl = ''; unreadable = $false }
            try {
                $saved.sddl = (Get-RdpOfflineItemSecurity -Path $target).Sddl
            }
            catch {
                $saved.unreadable = $true
                Write-RdpOfflineLog -Message ("{0}: owner and permissions cannot be read, not in the backup: {1}" -f $target, $_.Exception.Message)
            }
            $saved
        })
    if ($partial) {
        Write-RdpOfflineLog -Message ("icacls /save of {0} is partial: {1}" -f $path, $partial)
    }
    $null = $Entries.Add([ordered]@{ kind = 'acl'; path = $relative; file = $file; partial = $partial; items = $items })
}

function Format-RdpOfflinePartialBackup {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$FixId,
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Collections.IList]$Entries
    )
    # One warning per folder whose permissions backup misses items.
    foreach ($entry in @($Entries | Where-Object { $_.kind -eq 'acl' })) {
        $missing = @($entry.items | Where-Object { $_.unreadable } | ForEach-Object { $_.path })
        if ($missing.Count -eq 0 -and -not $entry.partial) {
            continue
        }
        $names = @($missing | Select-Object -First 3) -join ', '
        if ($missing.Count -gt 3) {
            $names += ', ...'
        }
        'RDPRESCUE warning {0}: partial backup of {1}: {2} item(s) could not be read, Undo cannot restore them: {3}' -f $FixId, $entry.path, $missing.Count, $names
    }
}

function Backup-RdpOfflineBcdStoreItem {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [System.Collections.IList]$Entries
    )
    if (@($Entries | Where-Object { $_.kind -eq 'bcd-store' }).Count -gt 0) {
        return
    }
    # bcdedit /export works on the system store only: the store is copied as files, with the
    # transaction logs that belong to it, and which of them did not exist.
    $store = Get-RdpOfflineBootStore -Run $Run
    $folder = (New-RdpOfflineBackupName -Set $Run.Set -Prefix 'bcd')
    Initialize-RdpOfflineProtectedFolder -Path ($Run.Set.Folder + '\' + $folder)
    $files = New-Object -TypeName System.Collections.ArrayList
    $absent = New-Object -TypeName System.Collections.ArrayList
    foreach ($suffix in $script:RdpOfflineHiveLogSuffixes) {
        $name = 'BCD' + $suffix
        $path = $store.Folder + '\' + $name
        if (Test-RdpOfflinePath -Path $path) {
            $copy = $Run.Set.Folder + '\' + $folder + '\' + $name
            Copy-RdpOfflineFile -Source $path -Destination $copy -Confirm:$false
            $null = $files.Add([ordered]@{ name = $name; sha256 = (Get-RdpOfflineFileHash -Path $copy) })
        }
        else {
            $null = $absent.Add($name)
        }
    }
    if (@($files | Where-Object { $_.name -eq 'BCD' }).Count -eq 0) {
        throw ("The boot store {0} could not be backed up." -f $store.Path)
    }
    $null = $Entries.Add([ordered]@{ kind = 'bcd-store'; folder = $folder; files = @($files); absent = @($absent) })
}
