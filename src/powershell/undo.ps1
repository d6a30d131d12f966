# Undo: what a restore may trust, and the restore itself
# backup.json lives in a folder under ProgramData, where every user may create folders, and Undo
# runs as an administrator or SYSTEM. So the backup root is created with permissions for SYSTEM
# and Administrators only, a folder anyone else owns or may change is refused, and each manifest
# entry must describe something a fix of the catalog backs up (one Test-<noun> per backup item
# kind, dispatch table $script:RdpBackupEntryTests). Each item is restored on its own: one that
# fails is reported with its reason and the others are still restored.

# SYSTEM and Administrators, by SID: the only accounts that may own or change a backup.
$script:RdpTrustedSids = @('S-1-5-18', 'S-1-5-32-544')

# Access rights that let an account change a folder or what is in it: write or append data
# (create a file or a subfolder), write extended attributes or attributes, delete a child,
# delete, change permissions, take ownership, generic write and generic all.
$script:RdpChangeRights = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000

function Get-RdpUntrustedReason {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        # A file's owner is whoever wrote it; its folder decides who could have.
        [switch]$IgnoreOwner
    )
    $security = Get-RdpItemSecurity -Path $Path
    if (-not $IgnoreOwner -and $script:RdpTrustedSids -notcontains [string]$security.Owner) {
        return ($script:RdpStrings.BackupOwnerUntrusted -f $Path, $security.Owner)
    }
    $writers = @($security.Rules | Where-Object {
            $_.AccessType -eq 'Allow' -and $script:RdpTrustedSids -notcontains [string]$_.Sid -and ([int64]$_.Rights -band $script:RdpChangeRights) -ne 0
        } | ForEach-Object { [string]$_.Sid } | Sort-Object -Unique)
    if ($writers.Count -gt 0) {
        return ($script:RdpStrings.BackupWritableByOthers -f $Path, ($writers -join ', '))
    }
}

function Assert-RdpTrustedPath {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [switch]$IgnoreOwner
    )
    $reason = Get-RdpUntrustedReason -Path $Path -IgnoreOwner:$IgnoreOwner
    if ($reason) {
        throw $reason
    }
}

function Initialize-RdpBackupRoot {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
        New-RdpProtectedDirectory -Path $Path
    }
    # Read back also after creating it: a folder someone made in the meantime is left as it was.
    Assert-RdpTrustedPath -Path $Path
}

function Get-RdpEntryField {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [AllowNull()]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # Nothing when the field is missing (strict mode forbids reading an absent property).
    if ($null -eq $Entry) {
        return
    }
    if ($Entry -is [System.Collections.IDictionary]) {
        return $Entry[$Name]
    }
    $property = $Entry.PSObject.Properties[$Name]
    if ($null -ne $property) {
        $property.Value
    }
}

function Get-RdpEntryTarget {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()]
        [object]$Entry
    )
    # What an entry restores, for messages: the registry value, path, service, store, rule or file.
    $key = Get-RdpEntryField -Entry $Entry -Name 'Key'
    if ($key) {
        return ('{0}\{1}' -f $key, (Get-RdpEntryField -Entry $Entry -Name 'Name'))
    }
    foreach ($field in @('Path', 'Service', 'Store', 'Rule', 'File')) {
        $value = Get-RdpEntryField -Entry $Entry -Name $field
        if ($value) {
            return [string]$value
        }
    }
    ''
}

function Test-RdpPathWithin {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Folder,
        [switch]$Recurse
    )
    # The folder itself or a file in it (at any depth with -Recurse), never through '..'.
    if ($Path -eq $Folder) {
        return $true
    }
    $separators = [char[]]@('\', '/')
    if ($Path.Length -le $Folder.Length + 1 -or -not $Path.StartsWith($Folder, [System.StringComparison]::OrdinalIgnoreCase)) {
        return $false
    }
    if ($separators -notcontains $Path[$Folder.Length]) {
        return $false
    }
    $parts = $Path.Substring($Folder.Length + 1).Split($separators)
    if (@($parts | Where-Object { $_ -eq '' -or $_ -eq '.' -or $_ -eq '..' }).Count -gt 0) {
        return $false
    }
    $Recurse -or $parts.Count -eq 1
}

function Test-RdpRegistryValueItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    $kind = Get-RdpEntryField -Entry $Entry -Name 'ValueKind'
    ([string](Get-RdpEntryField -Entry $Entry -Name 'Key') -eq $Item.Key) -and
    ([string](Get-RdpEntryField -Entry $Entry -Name 'Name') -eq $Item.Name) -and
    ($null -eq $kind -or $script:RdpRegistryTypes.ContainsKey([string]$kind))
}

function Test-RdpAclItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    $folder = Resolve-RdpWindowsPath -Path $Item.Path
    if ([string](Get-RdpEntryField -Entry $Entry -Name 'Path') -ne $folder) {
        return $false
    }
    foreach ($saved in @(Get-RdpEntryField -Entry $Entry -Name 'Entries')) {
        if (-not (Test-RdpPathWithin -Path ([string](Get-RdpEntryField -Entry $saved -Name 'Path')) -Folder $folder -Recurse:([bool]$Item.Recurse))) {
            return $false
        }
    }
    $true
}

function Test-RdpServiceConfigItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    $service = Get-RdpEntryField -Entry $Entry -Name 'Service'
    $start = Get-RdpEntryField -Entry $Entry -Name 'Start'
    if ($null -ne $start -and [string]$start -notmatch '^[0-4]$') {
        return $false
    }
    # An account name: no control characters or quotes, at most 256 characters.
    $account = Get-RdpEntryField -Entry $Entry -Name 'Account'
    if ($null -ne $account -and [string]$account -notmatch '^[^\x00-\x1f"]{0,256}$') {
        return $false
    }
    if ($Item.Service) {
        $named = ([string]$service -eq $Item.Service)
    }
    else {
        # A service found at run time (the RDP port's owner): none, or a name the service manager
        # allows (no slash or backslash, at most 256 characters) that is not '.' or '..'.
        $named = ($null -eq $service -or [string]$service -match '^(?!\.+$)[^\\/]{1,256}$')
    }
    $named -and (Test-RdpSavedDependent -Entry $Entry -Service $service)
}

function Test-RdpSavedDependent {
    # Undo starts the saved dependents again: only services that depend on this one now, so a
    # planted list cannot make Undo start any other service.
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [AllowNull()]
        [object]$Service
    )
    $saved = @(Get-RdpEntryField -Entry $Entry -Name 'Dependents' | Where-Object { $null -ne $_ })
    if ($saved.Count -eq 0) {
        return $true
    }
    if ($null -eq $Service) {
        return $false
    }
    $current = @(Get-RdpDependentService -Name ([string]$Service))
    foreach ($dependent in $saved) {
        if ($current -notcontains [string]$dependent) {
            return $false
        }
    }
    $true
}

function Test-RdpCertificateStoreItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    if ([string](Get-RdpEntryField -Entry $Entry -Name 'Store') -ne $Item.Store) {
        return $false
    }
    foreach ($certificate in @(Get-RdpEntryField -Entry $Entry -Name 'Certificates')) {
        if ([string](Get-RdpEntryField -Entry $certificate -Name 'Thumbprint') -notmatch '^[0-9A-Fa-f]{40}$') {
            return $false
        }
    }
    $true
}

function Test-RdpFirewallRuleItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    if ([string](Get-RdpEntryField -Entry $Entry -Name 'Rule') -ne $Item.Rule) {
        return $false
    }
    # A port, a range, or a keyword such as Any or RPC.
    $ports = @(Get-RdpEntryField -Entry $Entry -Name 'LocalPort')
    @($ports | Where-Object { [string]$_ -notmatch '^([0-9]{1,5}(-[0-9]{1,5})?|[A-Za-z]+)$' }).Count -eq 0
}

function Test-RdpBcdStoreItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    # The export Backup-RdpBcdStoreItem writes into the backup folder, and nothing else.
    [string](Get-RdpEntryField -Entry $Entry -Name 'File') -eq 'bcd.export'
}

function Test-RdpBootElementItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    # The catalog's entry and element, and a value bcdedit /set takes for that element (or none).
    if ([string](Get-RdpEntryField -Entry $Entry -Name 'Entry') -ne $Item.Entry -or [string](Get-RdpEntryField -Entry $Entry -Name 'Element') -ne $Item.Element) {
        return $false
    }
    $setting = Get-RdpEntryField -Entry $Entry -Name 'Setting'
    ($null -eq $setting) -or ($script:RdpBootElementSettings[$Item.Element] -ccontains [string]$setting)
}

function Test-RdpBackupEntryAllowed {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowNull()]
        [object]$Entry
    )
    # The entry's fix must be in the catalog and back up an item of the entry's kind that the
    # entry matches.
    $fix = $script:RdpCatalog.Fixes[[string](Get-RdpEntryField -Entry $Entry -Name 'Fix')]
    $kind = [string](Get-RdpEntryField -Entry $Entry -Name 'Kind')
    if ($null -eq $fix -or -not $script:RdpBackupEntryTests.ContainsKey($kind)) {
        return $false
    }
    foreach ($item in @($fix.Backup | Where-Object { $_.Kind -eq $kind })) {
        if (& $script:RdpBackupEntryTests[$kind] -Entry $Entry -Item $item) {
            return $true
        }
    }
    $false
}

function New-RdpUndoFailure {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [AllowNull()]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Kind,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Target,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Reason
    )
    $failure = [pscustomobject]@{
        Fix    = [string](Get-RdpEntryField -Entry $Entry -Name 'Fix')
        Kind   = $Kind
        Target = $Target
        Reason = $Reason
    }
    Write-Warning ($script:RdpStrings.UndoItemFailed -f $Kind, $Target, $Reason)
    $failure
}

function Restore-RdpFixState {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    $manifestPath = Join-Path -Path $Folder -ChildPath 'backup.json'
    if (-not (Test-Path -LiteralPath $manifestPath -PathType Leaf)) {
        throw ($script:RdpStrings.BackupNotFound -f $Folder)
    }
    # Nothing from the folder is read before it is known that no one but SYSTEM and Administrators
    # could have written it.
    Assert-RdpTrustedPath -Path (Split-Path -Path $Folder -Parent)
    Assert-RdpTrustedPath -Path $Folder
    Assert-RdpTrustedPath -Path $manifestPath -IgnoreOwner
    $manifest = Read-RdpBackupManifest -Path $manifestPath
    $schema = [string](Get-RdpEntryField -Entry $manifest -Name 'schema')
    if ($schema -ne 'urn:rdp-rescue:backup:1') {
        throw ($script:RdpStrings.BackupManifestInvalid -f $manifestPath, $schema)
    }
    $items = @(Get-RdpEntryField -Entry $manifest -Name 'items')
    [array]::Reverse($items)
    $failures = @()
    $restored = 0
    foreach ($entry in $items) {
        $kind = [string](Get-RdpEntryField -Entry $entry -Name 'Kind')
        $target = Get-RdpEntryTarget -Entry $entry
        if (-not (Test-RdpBackupEntryAllowed -Entry $entry)) {
            $failures += New-RdpUndoFailure -Entry $entry -Kind $kind -Target $target -Reason ($script:RdpStrings.BackupEntryRefused -f (Get-RdpEntryField -Entry $entry -Name 'Fix'))
            continue
        }
        try {
            & $script:RdpRestoreFunctions[$kind] -Entry $entry -Folder $Folder -Confirm:$false
            $restored += 1
        }
        catch {
            $failures += New-RdpUndoFailure -Entry $entry -Kind $kind -Target $target -Reason $_.Exception.Message
        }
    }
    # Only services that a fix named in this backup restarts are restarted again.
    $fixes = @(Get-RdpEntryField -Entry $manifest -Name 'fixes' | ForEach-Object { $script:RdpCatalog.Fixes[[string]$_] } | Where-Object { $null -ne $_ })
    $restartable = @($fixes | ForEach-Object { $_.RestartsServices })
    foreach ($service in @(Get-RdpEntryField -Entry $manifest -Name 'restartsServices')) {
        if ($restartable -notcontains [string]$service) {
            $failures += New-RdpUndoFailure -Entry $null -Kind 'service-restart' -Target ([string]$service) -Reason $script:RdpStrings.ServiceRestartRefused
            continue
        }
        try {
            $operation = @{ Kind = 'service-restart'; Service = [string]$service }
            $null = Restart-RdpServiceOperation -Operation $operation -Parameters @{} -Context (New-RdpContext) -Confirm:$false
        }
        catch {
            $failures += New-RdpUndoFailure -Entry $null -Kind 'service-restart' -Target ([string]$service) -Reason $_.Exception.Message
        }
    }
    $result = 'Restored'
    $summary = $script:RdpStrings.Restored -f $restored, $Folder
    if ($failures.Count -gt 0) {
        $result = 'Failed'
        $listed = @($failures | ForEach-Object { '{0} {1}: {2}' -f $_.Kind, $_.Target, $_.Reason }) -join '; '
        $summary = $script:RdpStrings.UndoIncomplete -f $Folder, $restored, $failures.Count, $listed
    }
    [pscustomobject]@{
        PSTypeName = 'RdpRescue.UndoResult'
        BackupPath = $Folder
        Result     = $result
        Restored   = $restored
        Failed     = @($failures)
        Summary    = $summary
    }
}
