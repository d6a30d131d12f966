# Undo
# Restores the newest backup set on the broken OS disk that has not been undone (or the one
# Backup=<time> names), fix by fix in reverse order, and reads every restored item back. What
# the set says is checked first: its folders must be trusted (backup.ps1), and every entry must
# describe something the catalog's fix of that id changes. An entry that does not is refused,
# never applied.

$script:RdpOfflineUndoneMarker = 'undone.txt'
$script:RdpOfflineBackupFileNames = @('BCD', 'BCD.LOG', 'BCD.LOG1', 'BCD.LOG2')

function Get-RdpOfflineEntryField {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if ($null -eq $Entry -or @($Entry.PSObject.Properties.Name) -notcontains $Name) {
        throw ("backup.json: an entry has no '{0}'" -f $Name)
    }
    $Entry.$Name
}

function Select-RdpOfflineBackupSet {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [AllowEmptyString()]
        [string]$Backup = ''
    )
    $root = Get-RdpOfflineBackupRoot -Volume $Volume
    if (-not (Test-RdpOfflinePath -Path $root -Container)) {
        throw ("Nothing to undo: {0} does not exist on the broken OS disk." -f $root)
    }
    Assert-RdpOfflineTrustedPath -Path $root
    $names = @(Get-RdpOfflineChildItem -Path $root -Directory | ForEach-Object { Get-RdpOfflineLeafName -Path $_ } | Where-Object { $_ -match '^\d{8}-\d{6}$' } | Sort-Object -Descending)
    if ($Backup) {
        $names = @($names | Where-Object { $_ -eq $Backup })
        if ($names.Count -eq 0) {
            throw ("No backup {0} in {1}." -f $Backup, $root)
        }
    }
    else {
        $names = @($names | Where-Object { -not (Test-RdpOfflinePath -Path ($root + '\' + $_ + '\' + $script:RdpOfflineUndoneMarker)) })
        if ($names.Count -eq 0) {
            throw ("Nothing to undo: every backup in {0} has been undone." -f $root)
        }
    }
    $folder = $root + '\' + $names[0]
    Assert-RdpOfflineTrustedPath -Path $folder
    $manifestPath = $folder + '\backup.json'
    if (-not (Test-RdpOfflinePath -Path $manifestPath)) {
        throw ("{0} has no backup.json." -f $folder)
    }
    Assert-RdpOfflineTrustedPath -Path $manifestPath -IgnoreOwner
    $manifest = Read-RdpOfflineText -Path $manifestPath | ConvertFrom-Json
    if ([string](Get-RdpOfflineEntryField -Entry $manifest -Name 'schema') -ne $script:RdpOfflineBackupSchema) {
        throw ("{0} is not a backup of this script." -f $manifestPath)
    }
    @{ Folder = $folder; Name = $names[0]; Manifest = $manifest }
}

function Test-RdpOfflineFileName {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowEmptyString()]
        [string]$Name
    )
    # A file of the set: a plain name, never a path out of it.
    $Name -match '^[A-Za-z0-9][A-Za-z0-9._-]*$' -and $Name -notmatch '\.\.'
}

function Get-RdpOfflineAllowedChange {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix,
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    # What the catalog's fix may have backed up, as this run resolves it.
    $values = @{}
    $paths = @()
    $bcd = $false
    foreach ($item in $Fix.Backup) {
        switch ($item.Kind) {
            'registry-value' {
                $key = (Resolve-RdpOfflineKey -Location $item.Location).ToUpperInvariant()
                if (-not $values.ContainsKey($key)) {
                    $values[$key] = @()
                }
                $values[$key] += $item.Name
            }
            'acl' {
                $paths += (Get-RdpOfflineRelativePath -Volume $Volume -Path (Resolve-RdpOfflineWindowsPath -Volume $Volume -Path $item.Path))
            }
            'bcd-store' {
                $bcd = $true
            }
        }
    }
    @{ Values = $values; Paths = $paths; Bcd = $bcd }
}

function Assert-RdpOfflineEntryAllowed {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Allowed,
        [Parameter(Mandatory = $true)]
        [string]$FixId
    )
    $kind = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'kind')
    $refuse = { param($why) throw ("backup.json: fix {0}: refusing a {1} entry: {2}" -f $FixId, $kind, $why) }
    switch ($kind) {
        'registry-key' {
            $key = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'key')
            if (-not $Allowed.Values.ContainsKey($key.ToUpperInvariant())) {
                & $refuse "$key is no key this fix changes"
            }
            $file = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'file')
            if ([bool](Get-RdpOfflineEntryField -Entry $Entry -Name 'existed') -and -not (Test-RdpOfflineFileName -Name $file)) {
                & $refuse "'$file' is not a file of the backup"
            }
            $created = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'created')
            if ($created) {
                # Only the key itself or one of its parents, at least two levels into its hive's
                # control set: never the hive or the control set itself.
                $inside = $key -eq $created -or $key.StartsWith($created + '\', [System.StringComparison]::OrdinalIgnoreCase)
                $depth = $created.Split('\').Count
                if (-not $inside -or $depth -lt 4) {
                    & $refuse "'$created' is not a key this fix could have created"
                }
            }
        }
        'registry-value' {
            $key = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'key')
            $name = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'name')
            if (-not $Allowed.Values.ContainsKey($key.ToUpperInvariant()) -or @($Allowed.Values[$key.ToUpperInvariant()]) -notcontains $name) {
                & $refuse "$key\$name is no value this fix changes"
            }
            foreach ($field in @('existed', 'valueKind', 'data')) {
                $null = Get-RdpOfflineEntryField -Entry $Entry -Name $field
            }
        }
        'acl' {
            $path = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'path')
            if ($Allowed.Paths -notcontains $path) {
                & $refuse "$path is no folder this fix changes"
            }
            if (-not (Test-RdpOfflineFileName -Name ([string](Get-RdpOfflineEntryField -Entry $Entry -Name 'file')))) {
                & $refuse 'its ACL file is not a file of the backup'
            }
            foreach ($saved in @(Get-RdpOfflineEntryField -Entry $Entry -Name 'items')) {
                $item = [string](Get-RdpOfflineEntryField -Entry $saved -Name 'path')
                $null = Get-RdpOfflineEntryField -Entry $saved -Name 'sddl'
                if (($item -ne $path -and -not $item.StartsWith($path + '\', [System.StringComparison]::OrdinalIgnoreCase)) -or $item -match '\\\.\.(\\|$)') {
                    & $refuse "$item is outside $path"
                }
            }
        }
        'bcd-store' {
            if (-not $Allowed.Bcd) {
                & $refuse 'this fix does not change the boot store'
            }
            if (-not (Test-RdpOfflineFileName -Name ([string](Get-RdpOfflineEntryField -Entry $Entry -Name 'folder')))) {
                & $refuse 'its folder is not a folder of the backup'
            }
            $files = @(Get-RdpOfflineEntryField -Entry $Entry -Name 'files')
            $names = @($files | ForEach-Object { $null = Get-RdpOfflineEntryField -Entry $_ -Name 'sha256'; [string](Get-RdpOfflineEntryField -Entry $_ -Name 'name') }) + @(Get-RdpOfflineEntryField -Entry $Entry -Name 'absent')
            foreach ($name in $names) {
                if ($script:RdpOfflineBackupFileNames -notcontains [string]$name) {
                    & $refuse "'$name' is not a boot store file"
                }
            }
        }
        default {
            & $refuse 'unknown kind'
        }
    }
}

function Restore-RdpOfflineRegistryItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Entries,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    # Values that did not exist go, each exported key is imported again, keys the fix created
    # go; then every value must read as it was. Returns what does not.
    $keys = @($Entries | Where-Object { $_.kind -eq 'registry-key' })
    $values = @($Entries | Where-Object { $_.kind -eq 'registry-value' })
    foreach ($value in @($values | Where-Object { -not $_.existed })) {
        Remove-RdpOfflineRegistryValue -Key $value.key -Name $value.name -Confirm:$false
    }
    foreach ($key in $keys) {
        if ($key.existed) {
            Import-RdpOfflineRegistryFile -File ($Undo.Set.Folder + '\' + $key.file) -Confirm:$false
        }
        elseif ($key.created) {
            Remove-RdpOfflineRegistryKey -Key $key.created -Confirm:$false
        }
    }
    foreach ($value in $values) {
        $read = Get-RdpOfflineRegistryValue -Key $value.key -Name $value.name
        if (-not $value.existed) {
            if ($null -ne $read) {
                'HKLM\{0}\{1} is still there' -f $value.key, $value.name
            }
        }
        elseif ($null -eq $read -or [string]$read.Kind -ne [string]$value.valueKind -or (ConvertTo-RdpOfflineRegistryText -Value $read.Value) -cne [string]$value.data) {
            'HKLM\{0}\{1} does not read back as before' -f $value.key, $value.name
        }
    }
}

function ConvertTo-RdpOfflineAclSignature {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Sddl
    )
    # What a restore must bring back: the owner, whether inheritance is blocked, and the
    # explicit entries. Inherited entries (flag ID) are Windows' to recompute.
    $owner = [regex]::Match($Sddl, '^O:(.*?)(?=[GDS]:|$)').Groups[1].Value
    $dacl = [regex]::Match($Sddl, 'D:([A-Z]*)((\([^)]*\))*)')
    $protected = $dacl.Groups[1].Value.Contains('P')
    $entries = @(foreach ($ace in [regex]::Matches($dacl.Groups[2].Value, '\(([^)]*)\)')) {
            $fields = $ace.Groups[1].Value.Split(';')
            if ($fields.Count -ge 6 -and $fields[1] -notmatch 'ID') {
                $ace.Groups[1].Value.ToUpperInvariant()
            }
        })
    'O:{0} P:{1} {2}' -f $owner, $protected, (($entries | Sort-Object) -join ' ')
}

function Restore-RdpOfflineAclItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Entries,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    $drive = $Undo.Volume.Drive + ':\'
    foreach ($entry in $Entries) {
        $path = $drive + $entry.path
        Restore-RdpOfflineAcl -Folder (Get-RdpOfflineParentPath -Path $path) -File ($Undo.Set.Folder + '\' + $entry.file) -Confirm:$false
        foreach ($saved in @($entry.items)) {
            $target = $drive + $saved.path
            if (@($saved.PSObject.Properties.Name) -contains 'unreadable' -and $saved.unreadable) {
                '{0}: its owner and permissions could not be read before the repair; set them by hand' -f $target
                continue
            }
            $owner = [regex]::Match([string]$saved.sddl, '^O:(S-1-\d+(-\d+)+)').Groups[1].Value
            if ($owner -and (Get-RdpOfflineItemSecurity -Path $target).Owner -ne $owner) {
                Set-RdpOfflineOwner -Path $target -Sid $owner -Confirm:$false
            }
            if ((ConvertTo-RdpOfflineAclSignature -Sddl (Get-RdpOfflineItemSecurity -Path $target).Sddl) -ne (ConvertTo-RdpOfflineAclSignature -Sddl ([string]$saved.sddl))) {
                '{0}: owner or permissions do not read back as before' -f $target
            }
        }
    }
}

function Restore-RdpOfflineBcdStoreItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Entries,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    # The store with its own logs, and no log it did not have: a newer log left beside an older
    # store could be replayed into it.
    $store = Get-RdpOfflineBootStore -Run $Undo
    foreach ($entry in $Entries) {
        foreach ($file in @($entry.files)) {
            Copy-RdpOfflineFile -Source ($Undo.Set.Folder + '\' + $entry.folder + '\' + $file.name) -Destination ($store.Folder + '\' + $file.name) -Confirm:$false
        }
        foreach ($name in @($entry.absent)) {
            Remove-RdpOfflineFile -Path ($store.Folder + '\' + $name) -Confirm:$false
        }
        foreach ($file in @($entry.files)) {
            if ((Get-RdpOfflineFileHash -Path ($store.Folder + '\' + $file.name)) -ne [string]$file.sha256) {
                '{0}\{1} does not read back as saved' -f $store.Folder, $file.name
            }
        }
    }
}

function Restore-RdpOfflineHiveFileItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Entries,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    # The copied hive is the last resort, restored by hand only (see the log): replacing the
    # whole hive would also undo what happened to it after the backup.
}

function Get-RdpOfflineEntryKind {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry
    )
    # The model's backup kind a manifest entry belongs to.
    switch ([string]$Entry.kind) {
        'registry-key' {
            return 'registry-value'
        }
        default {
            return [string]$Entry.kind
        }
    }
}

function Undo-RdpOfflineFix {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$FixEntry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    # Returns the problems; none means restored and read back.
    $id = [string](Get-RdpOfflineEntryField -Entry $FixEntry -Name 'id')
    $fix = @($script:RdpOfflineCatalog.Fixes | Where-Object { $_.Id -eq $id })
    if ($fix.Count -eq 0) {
        throw ("backup.json names fix '{0}', which this script does not know." -f $id)
    }
    $entries = @(Get-RdpOfflineEntryField -Entry $FixEntry -Name 'items')
    $allowed = Get-RdpOfflineAllowedChange -Fix $fix[0] -Volume $Undo.Volume
    foreach ($entry in $entries) {
        Assert-RdpOfflineEntryAllowed -Entry $entry -Allowed $allowed -FixId $id
    }
    foreach ($kind in @($script:RdpOfflineRestoreFunctions.Keys | Sort-Object)) {
        $mine = @($entries | Where-Object { (Get-RdpOfflineEntryKind -Entry $_) -eq $kind })
        if ($mine.Count -gt 0) {
            & $script:RdpOfflineRestoreFunctions[$kind] -Entries $mine -Undo $Undo
        }
    }
}
