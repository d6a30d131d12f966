# Service configuration
# A service's start type and logon account against the defaults Microsoft documents, read from
# the service control manager (Win32_Service: StartMode, StartName), which starts services by
# them; and the operation that sets a logon account back to a built-in one.

function Test-RdpServiceConfigCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $service = @(Get-RdpServiceInfo -Name $Check.Service)
    if ($service.Count -eq 0) {
        # Not installed: service-state 'missing' says so; a configuration there is none.
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    if ($Check.Setting -eq 'start-type') {
        # Win32_Service.StartMode: Auto (delayed start too), Manual, Disabled, Boot, System.
        $expected = @{ automatic = 'Auto'; manual = 'Manual' }[$Check.Expected]
        $actual = [string]$service[0].StartMode
    }
    else {
        $expected = [string]$Check.Expected
        $actual = [string]$service[0].StartName
    }
    # -eq on strings ignores case: NT AUTHORITY\LocalService is NT Authority\LocalService.
    if ($actual -eq $expected) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail (ConvertTo-RdpToken -Value $actual)
}

function Test-RdpBuiltInServiceAccount {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowEmptyString()]
        [string]$Account
    )
    # The accounts a service runs as without a password; -contains ignores case.
    @('LocalSystem', 'NT AUTHORITY\LocalService', 'NT AUTHORITY\NetworkService') -contains $Account
}

function Set-RdpServiceLogonAccountOperation {
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
    $service = @(Get-RdpServiceInfo -Name $Operation.Service)
    if ($service.Count -eq 0) {
        throw ($script:RdpStrings.ServiceNotInstalled -f $Operation.Service)
    }
    if ([string]$service[0].StartName -eq $Operation.Account) {
        return
    }
    Set-RdpServiceLogonAccount -Name $Operation.Service -Account $Operation.Account
    '{0} logs on as {1}' -f $Operation.Service, $Operation.Account
}

function Restore-RdpServiceLogonAccount {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Service,
        [AllowEmptyString()]
        [string]$Account
    )
    # Undo of a logon-account change. A built-in account goes back through the service control
    # manager; another account needs its password, which RdpRescue never saw: its name is
    # written back (ObjectName, read at the next boot) and the user is told to give the password.
    if (-not $Account) {
        return
    }
    $now = @(Get-RdpServiceInfo -Name $Service)
    if ($now.Count -eq 0 -or [string]$now[0].StartName -eq $Account) {
        return
    }
    if (Test-RdpBuiltInServiceAccount -Account $Account) {
        Set-RdpServiceLogonAccount -Name $Service -Account $Account
        return
    }
    Set-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$Service" -Name 'ObjectName' -Type 'REG_SZ' -Value $Account
    Write-Warning ($script:RdpStrings.ServiceAccountNeedsPassword -f $Service, $Account)
}
