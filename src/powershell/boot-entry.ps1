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
    $number = -1
    if ($Value -is [byte[]] -and $Value.Length -ge 1 -and $Value.Length -le 8) {
        $number = [int64]0
        for ($i = $Value.Length - 1; $i -ge 0; $i--) {
            $number = ($number * 256) + $Value[$i]
        }
    }
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
