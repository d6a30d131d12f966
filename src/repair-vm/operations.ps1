# Offline operations
# One function per operation kind (dispatch table $script:RdpOfflineOperationAppliers). Each
# changes the broken OS disk through the platform layer only, reads the change back, throws
# when it does not read back as intended, and returns a short line of what it changed.

# icacls rights as access masks: F, M, RX, R (the bits Windows grants for each).
$script:RdpOfflineRightsMask = @{ F = 0x1F01FF; M = 0x1301BF; RX = 0x1200A9; R = 0x120089 }
# Well-known BCD objects: the boot manager and the global EMS settings.
$script:RdpOfflineBcdObjects = @{
    bootmgr     = '{9dea862c-5cdd-4e70-acc1-f32b344d4795}'
    emssettings = '{0ce4991b-e6b3-4b16-b23c-5e0d9250e5d9}'
}
# BcdBootMgrObject_DefaultObject: the entry {default} stands for.
$script:RdpOfflineBcdDefaultElement = '23000003'

function Mount-RdpOfflineHiveOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # The run loads the hive once, after its files were copied, and keeps it for every fix.
    $null = Get-RdpOfflineMountedName -Hive $Operation.Hive
}

function Dismount-RdpOfflineHiveOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # Unloaded once, at the end of the run, whatever happened (Close-RdpOfflineAllHive).
}

function ConvertTo-RdpOfflineRegistryData {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Type,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [object]$Data
    )
    switch ($Type) {
        'REG_DWORD' {
            return [int]$Data
        }
        'REG_BINARY' {
            $hex = [string]$Data
            if ($hex -notmatch '^([0-9A-Fa-f]{2})*$') {
                throw ("'{0}' is not hex" -f $hex)
            }
            $bytes = New-Object -TypeName byte[] -ArgumentList ($hex.Length / 2)
            for ($i = 0; $i -lt $bytes.Length; $i++) {
                $bytes[$i] = [System.Convert]::ToByte($hex.Substring($i * 2, 2), 16)
            }
            return , $bytes
        }
        default {
            return [string]$Data
        }
    }
}

function Set-RdpOfflineRegistryOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    $key = Resolve-RdpOfflineKey -Location $Operation.Location
    $value = ConvertTo-RdpOfflineRegistryData -Type $Operation.Type -Data $Operation.Data
    Set-RdpOfflineRegistryValue -Key $key -Name $Operation.Name -Type $Operation.Type -Value $value -Confirm:$false
    $kinds = @{ REG_DWORD = 'DWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_BINARY = 'Binary' }
    $read = Get-RdpOfflineRegistryValue -Key $key -Name $Operation.Name
    $expected = ConvertTo-RdpOfflineRegistryText -Value $value
    if ($null -eq $read -or $read.Kind -ne $kinds[$Operation.Type] -or (ConvertTo-RdpOfflineRegistryText -Value $read.Value) -cne $expected) {
        throw ("HKLM\{0}\{1} does not read back as {2} {3}" -f $key, $Operation.Name, $Operation.Type, $expected)
    }
    '{0}\{1} = {2}' -f $key, $Operation.Name, $expected
}

function Remove-RdpOfflineRegistryOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    $key = Resolve-RdpOfflineKey -Location $Operation.Location
    Remove-RdpOfflineRegistryValue -Key $key -Name $Operation.Name -Confirm:$false
    if ($null -ne (Get-RdpOfflineRegistryValue -Key $key -Name $Operation.Name)) {
        throw ("HKLM\{0}\{1} is still there after its removal" -f $key, $Operation.Name)
    }
    '{0}\{1} removed' -f $key, $Operation.Name
}

function Get-RdpOfflineAclTarget {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Folder,
        [AllowNull()]
        [object]$FilesStartingWith,
        [switch]$Recurse
    )
    if ($null -ne $FilesStartingWith) {
        return @(Get-RdpOfflineChildItem -Path $Folder -Prefix ([string]$FilesStartingWith))
    }
    $targets = @($Folder)
    if ($Recurse) {
        $targets += @(Get-RdpOfflineChildItem -Path $Folder -Recurse)
    }
    $targets
}

function Grant-RdpOfflineAclOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # By SID: the same on every Windows, whatever its display language.
    $folder = Resolve-RdpOfflineWindowsPath -Volume $Run.Volume -Path $Operation.Path
    $grants = @($Operation.Grants | ForEach-Object { '*{0}:({1})' -f $_.Sid, $_.Rights })
    $granted = @(Get-RdpOfflineAclTarget -Folder $folder -FilesStartingWith $Operation.FilesStartingWith)
    foreach ($target in $granted) {
        Grant-RdpOfflineAccess -Path $target -Grant $grants -Recurse:([bool]$Operation.Recurse) -Confirm:$false
    }
    $checked = @(Get-RdpOfflineAclTarget -Folder $folder -FilesStartingWith $Operation.FilesStartingWith -Recurse:([bool]$Operation.Recurse))
    foreach ($target in $checked) {
        foreach ($grant in $Operation.Grants) {
            if (-not (Test-RdpOfflineAllowedMask -Path $target -Sid $grant.Sid -Mask $script:RdpOfflineRightsMask[$grant.Rights])) {
                throw ("{0} does not read back with {1}:({2})" -f $target, $grant.Sid, $grant.Rights)
            }
        }
    }
    '{0}: {1} ({2} item(s))' -f $folder, ($grants -join ' '), $checked.Count
}

function Set-RdpOfflineOwnerOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    $folder = Resolve-RdpOfflineWindowsPath -Volume $Run.Volume -Path $Operation.Path
    Set-RdpOfflineOwner -Path $folder -Sid $Operation.Owner -Recurse:([bool]$Operation.Recurse) -Confirm:$false
    $checked = @(Get-RdpOfflineAclTarget -Folder $folder -FilesStartingWith $null -Recurse:([bool]$Operation.Recurse))
    foreach ($target in $checked) {
        $owner = (Get-RdpOfflineItemSecurity -Path $target).Owner
        if ($owner -ne $Operation.Owner) {
            throw ("{0} is owned by {1} after /setowner {2}" -f $target, $owner, $Operation.Owner)
        }
    }
    '{0}: owner {1} ({2} item(s))' -f $folder, $Operation.Owner, $checked.Count
}

function Get-RdpOfflineBootStore {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    if ($null -eq $Run.BootStore) {
        $Run.BootStore = Find-RdpOfflineBootStore -Volume $Run.Volume
        Write-RdpOfflineLog -Message ("boot store: {0}" -f $Run.BootStore.Path)
    }
    $Run.BootStore
}

function Set-RdpOfflineBcdOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # {default} resolves inside the offline store: no boot loader GUID to look up.
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    Invoke-RdpOfflineBcdEdit -Store $store -ArgumentList @('/set', $Operation.Entry, $Operation.Setting, $Operation.Value) -Confirm:$false
    'bcdedit /store {0} /set {1} {2} {3}' -f $store, $Operation.Entry, $Operation.Setting, $Operation.Value
}

function Set-RdpOfflineBcdEmsOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    $arguments = @('/emssettings', ('EMSPORT:' + $Operation.Port), ('EMSBAUDRATE:' + $Operation.BaudRate))
    Invoke-RdpOfflineBcdEdit -Store $store -ArgumentList $arguments -Confirm:$false
    'bcdedit /store {0} {1}' -f $store, ($arguments -join ' ')
}

function ConvertFrom-RdpOfflineBcdBinary {
    [CmdletBinding()]
    [OutputType([int64])]
    param(
        [AllowNull()]
        [object]$Value
    )
    # BCD booleans and integers are little-endian binary values of 1 to 8 bytes.
    if ($Value -isnot [byte[]] -or $Value.Length -eq 0 -or $Value.Length -gt 8) {
        return [int64]-1
    }
    $number = [int64]0
    for ($i = $Value.Length - 1; $i -ge 0; $i--) {
        $number = ($number * 256) + $Value[$i]
    }
    $number
}

function Confirm-RdpOfflineBcdElement {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [object[]]$Element
    )
    # bcdedit's own listing is in the rescue VM's language; the store itself is a registry hive
    # whose elements are numbers. Loaded read-only for the read back, then unloaded.
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    $mount = Open-RdpOfflineHive -Hive 'BCD' -Path $store
    $wrong = @()
    try {
        foreach ($wanted in $Element) {
            if ($wanted.Object -eq 'default') {
                $pointer = Get-RdpOfflineRegistryValue -Key ('{0}\Objects\{1}\Elements\{2}' -f $mount, $script:RdpOfflineBcdObjects.bootmgr, $script:RdpOfflineBcdDefaultElement) -Name 'Element'
                if ($null -eq $pointer) {
                    $wrong += 'the store has no {default} entry'
                    continue
                }
                $object = [string]$pointer.Value
            }
            else {
                $object = $script:RdpOfflineBcdObjects[$wanted.Object]
            }
            $read = Get-RdpOfflineRegistryValue -Key ('{0}\Objects\{1}\Elements\{2}' -f $mount, $object, $wanted.Type) -Name 'Element'
            $number = -1
            if ($null -ne $read) {
                $number = ConvertFrom-RdpOfflineBcdBinary -Value $read.Value
            }
            if ($number -ne [int64]$wanted.Expected) {
                $wrong += ('{0} element {1} reads {2}, not {3}' -f $wanted.Object, $wanted.Type, $number, $wanted.Expected)
            }
        }
    }
    finally {
        if (-not (Close-RdpOfflineHive -Name $mount)) {
            $wrong += ('HKLM\{0} stays loaded' -f $mount)
        }
    }
    if ($wrong.Count -gt 0) {
        throw ('The boot store does not read back as set: ' + ($wrong -join '; '))
    }
}

function Invoke-RdpOfflineFix {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # Backup first (everything the fix changes), then each operation with its read back.
    $entry = [ordered]@{ id = $Fix.Id; state = 'started'; items = (New-Object -TypeName System.Collections.ArrayList) }
    $null = $Run.Set.Manifest.fixes.Add($entry)
    foreach ($item in $Fix.Backup) {
        if ($item.Kind -ne 'hive-file') {
            & $script:RdpOfflineBackupFunctions[$item.Kind] -Item $item -Run $Run -Entries $entry.items
        }
    }
    $entry.state = 'backed-up'
    Save-RdpOfflineBackupManifest -Set $Run.Set
    foreach ($warning in @(Format-RdpOfflinePartialBackup -FixId $Fix.Id -Entries $entry.items)) {
        Write-RdpOfflineReport -Line $warning
    }
    try {
        $elements = @()
        foreach ($operation in $Fix.Operations) {
            $change = & $script:RdpOfflineOperationAppliers[$operation.Kind] -Operation $operation -Run $Run
            if ($change) {
                Write-RdpOfflineLog -Message ("{0}: {1}" -f $Fix.Id, $change)
            }
            if ($operation.ContainsKey('Elements')) {
                $elements += @($operation.Elements)
            }
        }
        if ($elements.Count -gt 0) {
            Confirm-RdpOfflineBcdElement -Run $Run -Element $elements
        }
        $entry.state = 'applied'
    }
    catch {
        $entry.state = 'failed'
        throw
    }
    finally {
        Save-RdpOfflineBackupManifest -Set $Run.Set
    }
}
