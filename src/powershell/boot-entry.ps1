# Boot entry elements
# Windows mounts its own boot store (BCD) as a registry hive: each entry is a key named by its
# GUID, each element a key named by its type number, in every language. bcdedit's listing is
# localized, so the check reads the store's keys; the change goes through bcdedit, the
# documented tool. {default} is the entry the next boot starts: the boot manager's
# BcdBootMgrObject_DefaultObject element names it.

function Get-RdpBootEntryElementPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    $pointer = '{0}\Objects\{1}\Elements\{2}' -f $Item.Store, $Item.BootManager, $Item.DefaultObjectElement
    $entry = Get-RdpRegistryValue -Path $pointer -Name 'Element'
    if ($entry -isnot [string] -or $entry -notmatch '^\{[0-9A-Fa-f-]{36}\}$') {
        throw ($script:RdpStrings.BootStoreUnreadable -f $pointer)
    }
    '{0}\Objects\{1}\Elements\{2}' -f $Item.Store, $entry, $Item.ElementType
}

function ConvertFrom-RdpBootElementBytes {
    [CmdletBinding()]
    [OutputType([int64])]
    param(
        [AllowNull()]
        [object]$Value
    )
    # Integers and booleans are stored little-endian; -1 when the data is not such a number.
    $number = [int64]-1
    if ($Value -is [byte[]] -and $Value.Length -ge 1 -and $Value.Length -le 8) {
        $number = [int64]0
        for ($i = $Value.Length - 1; $i -ge 0; $i--) {
            $number = ($number * 256) + $Value[$i]
        }
    }
    $number
}

function ConvertTo-RdpBootElementText {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [AllowNull()]
        [object]$Value
    )
    # BcdLibrary_SafeBoot: 0 Minimal, 1 Network, 2 DsRepair; other elements show their number.
    $number = ConvertFrom-RdpBootElementBytes -Value $Value
    $names = @{ 0 = 'Minimal'; 1 = 'Network'; 2 = 'DsRepair' }
    if ($Item.Element -eq 'safeboot' -and $names.ContainsKey([int]$number)) {
        return '{0}:{1}' -f $Item.Element, $names[[int]$number]
    }
    '{0}:{1}' -f $Item.Element, $number
}

function Test-RdpBootEntryCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $path = Get-RdpBootEntryElementPath -Item $Check
    $value = Get-RdpRegistryValue -Path $path -Name 'Element'
    if ($null -eq $value) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail (ConvertTo-RdpBootElementText -Item $Check -Value $value)
}

function Remove-RdpBcdValueOperation {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # bcdedit /deletevalue fails on an element the entry does not carry: delete only a present one.
    $path = Get-RdpBootEntryElementPath -Item $Operation
    if ($null -eq (Get-RdpRegistryValue -Path $path -Name 'Element')) {
        return
    }
    $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/deletevalue', $Operation.Entry, $Operation.Element)
    'bcdedit /deletevalue {0} {1}' -f $Operation.Entry, $Operation.Element
}

# The values bcdedit /set writes for each element (bcdedit /set documentation: safeboot
# minimal | network | dsrepair, BcdLibrary_SafeBoot 0, 1, 2; safebootalternateshell yes | no).
$script:RdpBootElementSettings = @{
    safeboot               = @('minimal', 'network', 'dsrepair')
    safebootalternateshell = @('no', 'yes')
}

function Backup-RdpBootElementItem {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    # Undo sets the element back with bcdedit /set; the exported store is an emergency copy
    # only (importing it would also drop every boot change made after the fix).
    $file = Join-Path -Path $Folder -ChildPath 'bcd.export'
    if (-not (Test-Path -LiteralPath $file)) {
        $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/export', $file)
    }
    $path = Get-RdpBootEntryElementPath -Item $Item
    $data = Get-RdpRegistryValue -Path $path -Name 'Element'
    $setting = $null
    if ($null -ne $data) {
        $number = ConvertFrom-RdpBootElementBytes -Value $data
        $settings = $script:RdpBootElementSettings[$Item.Element]
        if ($number -lt 0 -or $number -ge $settings.Count) {
            throw ($script:RdpStrings.BootElementUnsaved -f $Item.Element, $number)
        }
        $setting = $settings[[int]$number]
    }
    @{ Kind = $Item.Kind; Entry = $Item.Entry; Element = $Item.Element; Setting = $setting; EmergencyCopy = 'bcd.export' }
}

function Restore-RdpBootElementItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    # An element that was absent was not deleted by the fix: nothing to put back.
    if ($null -eq $Entry.Setting) {
        return
    }
    if ($PSCmdlet.ShouldProcess(('{0} {1}' -f $Entry.Entry, $Entry.Element), 'bcdedit /set')) {
        $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/set', [string]$Entry.Entry, [string]$Entry.Element, [string]$Entry.Setting)
    }
}
