# Boot entry elements of the attached disk's boot store
# The store is a registry hive: loaded for the read, the {default} entry is the GUID the boot
# manager's 23000003 element holds and an element is a key named by its type number, the same
# in every language (bcdedit's listing is in the rescue VM's). Changes go through bcdedit.

function Get-RdpOfflineBootElement {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [string]$ElementType
    )
    # Present (bool) and Value (the element's data); throws when the store names no default.
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    $mount = Open-RdpOfflineHive -Hive 'BCD' -Path $store
    try {
        $pointer = Get-RdpOfflineRegistryValue -Key ('{0}\Objects\{1}\Elements\{2}' -f $mount, $script:RdpOfflineBcdObjects.bootmgr, $script:RdpOfflineBcdDefaultElement) -Name 'Element'
        if ($null -eq $pointer -or [string]$pointer.Value -notmatch '^\{[0-9A-Fa-f-]{36}\}$') {
            throw ('The boot store {0} has no {{default}} entry' -f $store)
        }
        $read = Get-RdpOfflineRegistryValue -Key ('{0}\Objects\{1}\Elements\{2}' -f $mount, [string]$pointer.Value, $ElementType) -Name 'Element'
        [pscustomobject]@{ Present = ($null -ne $read); Value = $(if ($null -ne $read) { $read.Value } else { $null }) }
    }
    finally {
        $null = Close-RdpOfflineHive -Name $mount
    }
}

function Test-RdpOfflineBootEntryCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Diagnose mode writes nothing to the disk, and loading the store as a hive (or lending its
    # partition a letter) would: the element is read by the repair, before and after its change.
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason 'offline'
}

function Remove-RdpOfflineBcdValueOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # bcdedit /deletevalue fails on an element the entry does not carry: delete only a present one.
    if (-not (Get-RdpOfflineBootElement -Run $Run -ElementType $Operation.ElementType).Present) {
        return
    }
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    Invoke-RdpOfflineBcdEdit -Store $store -ArgumentList @('/deletevalue', $Operation.Entry, $Operation.Element) -Confirm:$false
    'bcdedit /store {0} /deletevalue {1} {2}' -f $store, $Operation.Entry, $Operation.Element
}
