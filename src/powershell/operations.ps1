# Operations
# One function per operation kind (dispatch table $script:RdpOperationAppliers). Each gets the
# operation data, the fix parameters and the context, changes the machine through the
# platform layer only, and returns a short description of what it changed.

function Resolve-RdpOperationValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters
    )
    if ($null -eq $Operation.Param) {
        return $Operation.Data
    }
    if (-not $Parameters.ContainsKey($Operation.Param)) {
        throw ($script:RdpStrings.MissingParameter -f $Operation.Kind, $Operation.Param)
    }
    $Parameters[$Operation.Param]
}

function ConvertFrom-RdpHex {
    [CmdletBinding()]
    [OutputType([byte[]])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^([0-9A-Fa-f]{2})+$')]
        [string]$Hex
    )
    $bytes = [byte[]]::new($Hex.Length / 2)
    for ($i = 0; $i -lt $bytes.Length; $i++) {
        $bytes[$i] = [Convert]::ToByte($Hex.Substring($i * 2, 2), 16)
    }
    , $bytes
}

function Set-RdpRegistryOperation {
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
    $write = Get-RdpRegistryWrite -Operation $Operation -Parameters $Parameters
    Set-RdpRegistryValue -Path $write.Key -Name $write.Name -Type $write.Type -Value $write.Value
    '{0}\{1} = {2}' -f $write.Key, $write.Name, (ConvertTo-RdpToken -Value $write.Value)
}

function Get-RdpRegistryWrite {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters
    )
    # The registry value an operation leaves behind (Value $null: deleted), or nothing when it
    # writes no registry value. Operations write it; verification reads it back.
    switch ($Operation.Kind) {
        'registry-set' {
            $value = Resolve-RdpOperationValue -Operation $Operation -Parameters $Parameters
            switch ($Operation.Type) {
                'REG_DWORD' {
                    # The registry holds 32 bits and .NET reads a DWORD as Int32: 4294967295
                    # (no connection limit) is written and read back as -1, the same bits.
                    $value = [BitConverter]::ToInt32([BitConverter]::GetBytes([uint32]$value), 0)
                }
                'REG_BINARY' {
                    $value = ConvertFrom-RdpHex -Hex ([string]$value)
                }
                default {
                    $value = [string]$value
                }
            }
            return @{ Key = $Operation.Key; Name = $Operation.Name; Type = $Operation.Type; Value = $value }
        }
        'registry-delete' {
            return @{ Key = $Operation.Key; Name = $Operation.Name; Type = $null; Value = $null }
        }
        'service-start-type' {
            # Start lives in the service's registry key; writing it directly also works for
            # protected services such as gpsvc, whose configuration Set-Service and sc config
            # are denied.
            $start = @{ automatic = 2; manual = 3; disabled = 4 }[$Operation.StartType]
            return @{ Key = "HKLM:\SYSTEM\CurrentControlSet\Services\$($Operation.Service)"; Name = 'Start'; Type = 'REG_DWORD'; Value = $start }
        }
    }
}

function ConvertTo-RdpServiceStartMode {
    # A service key's Start value as the service control manager names the start type; nothing
    # for Boot (0) and System (1), which Set-Service does not take.
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Start
    )
    @{ 2 = 'Automatic'; 3 = 'Manual'; 4 = 'Disabled' }[$Start]
}

function Get-RdpUnconfirmedWrite {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters
    )
    # Key\Name of the registry value the operation wrote when it does not read back as written
    # (a policy or another agent put it back, or the write went nowhere); nothing otherwise.
    $write = Get-RdpRegistryWrite -Operation $Operation -Parameters $Parameters
    if ($null -eq $write) {
        return
    }
    $actual = Get-RdpRegistryValue -Path $write.Key -Name $write.Name
    $expected = $write.Value
    if ($null -eq $expected) {
        $same = $null -eq $actual
    }
    elseif ($expected -is [byte[]]) {
        $same = $actual -is [byte[]] -and [System.BitConverter]::ToString($actual) -eq [System.BitConverter]::ToString($expected)
    }
    else {
        $same = $null -ne $actual -and [string]$actual -ceq [string]$expected
    }
    if (-not $same) {
        '{0}\{1}' -f $write.Key, $write.Name
    }
}

function Remove-RdpRegistryOperation {
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
    if ($null -eq (Get-RdpRegistryValueKind -Path $Operation.Key -Name $Operation.Name)) {
        return
    }
    Remove-RdpRegistryValue -Path $Operation.Key -Name $Operation.Name
    '{0}\{1} removed' -f $Operation.Key, $Operation.Name
}

function Add-RdpItemFailure {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Context,
        [Parameter(Mandatory = $true)]
        [string]$Item,
        [Parameter(Mandatory = $true)]
        [string]$Reason
    )
    # The operation goes on with the other items; the fix is then reported as applied in part.
    $null = $Context.ItemFailures.Add(('{0}: {1}' -f $Item, $Reason))
}

function Confirm-RdpGrant {
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [string[]]$Item,
        [Parameter(Mandatory = $true)]
        [object[]]$Grants,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # A grant counts only once it reads back; an item that does not is recorded as failed.
    $confirmed = 0
    foreach ($path in $Item) {
        try {
            $missing = @($Grants | Where-Object { -not (Test-RdpAllowedMask -Path $path -Sid $_.Sid -Mask $_.Mask) } | ForEach-Object { '*{0}:({1})' -f $_.Sid, $_.Rights })
            if ($missing.Count -eq 0) {
                $confirmed += 1
            }
            else {
                Add-RdpItemFailure -Context $Context -Item $path -Reason ($script:RdpStrings.GrantNotReadBack -f ($missing -join ' '))
            }
        }
        catch {
            Add-RdpItemFailure -Context $Context -Item $path -Reason $_.Exception.Message
        }
    }
    $confirmed
}

function Invoke-RdpIcaclsGrant {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [object[]]$Grants,
        [switch]$Recurse
    )
    # icacls with *SID works on every display language; account names do not. With /c it goes
    # on past an item it cannot change and exits non-zero: the read-back names those items.
    $arguments = @($Path)
    foreach ($grant in $Grants) {
        $arguments += '/grant'
        $arguments += '*{0}:({1})' -f $grant.Sid, $grant.Rights
    }
    $arguments += @('/c', '/q')
    if ($Recurse) {
        $arguments += '/t'
    }
    try {
        $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\icacls.exe" -ArgumentList $arguments
    }
    catch {
        Write-Verbose $_.Exception.Message
    }
}

function Grant-RdpAclOperation {
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
    $folder = Resolve-RdpWindowsPath -Path $Operation.Path
    if ($null -eq $Operation.FilesStartingWith) {
        $targets = @($folder)
        $items = @($folder)
        if ($Operation.Recurse) {
            $items += @(Get-RdpChildFile -Path $folder -Recurse)
        }
    }
    else {
        $targets = @(Get-RdpChildFile -Path $folder -Prefix $Operation.FilesStartingWith)
        $items = $targets
    }
    if ($targets.Count -eq 0) {
        return
    }
    foreach ($target in $targets) {
        Invoke-RdpIcaclsGrant -Path $target -Grants $Operation.Grants -Recurse:([bool]$Operation.Recurse)
    }
    $confirmed = Confirm-RdpGrant -Item $items -Grants $Operation.Grants -Context $Context
    $granted = @($Operation.Grants | ForEach-Object { '*{0}:({1})' -f $_.Sid, $_.Rights }) -join ' '
    '{0}: {1} ({2} of {3} item(s))' -f $folder, $granted, $confirmed, $items.Count
}

function Grant-RdpPrivateKeyOperation {
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
    # The certificate's key file is known only once its key is opened.
    $thumbprint = [string](Resolve-RdpOperationValue -Operation $Operation -Parameters $Parameters)
    $key = Get-RdpPrivateKey -Store $Operation.Store -Thumbprint $thumbprint
    if ($null -eq $key.File) {
        Add-RdpItemFailure -Context $Context -Item ('Cert:\LocalMachine\{0}\{1}' -f $Operation.Store, $thumbprint) -Reason $script:RdpStrings.KeyFileNotFound
        return
    }
    Invoke-RdpIcaclsGrant -Path $key.File -Grants $Operation.Grants
    if ((Confirm-RdpGrant -Item @($key.File) -Grants $Operation.Grants -Context $Context) -gt 0) {
        '{0}: {1}' -f $key.File, (@($Operation.Grants | ForEach-Object { '*{0}:({1})' -f $_.Sid, $_.Rights }) -join ' ')
    }
}

function Set-RdpOwnerOperation {
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
    # Item by item, so that one file that cannot be changed neither stops the others nor goes
    # unreported. Set-RdpOwner takes ownership even where the DACL denies it (the case this
    # operation exists for); icacls /setowner does not, and takeown's answer is localized.
    $folder = Resolve-RdpWindowsPath -Path $Operation.Path
    $targets = @($folder)
    if ($Operation.Recurse) {
        $targets += @(Get-RdpChildFile -Path $folder -Recurse)
    }
    $changed = 0
    foreach ($target in $targets) {
        try {
            Set-RdpOwner -Path $target -Sid $Operation.Owner -Confirm:$false
            $changed += 1
        }
        catch {
            Add-RdpItemFailure -Context $Context -Item $target -Reason $_.Exception.Message
        }
    }
    '{0}: owner {1} ({2} of {3} item(s))' -f $folder, $Operation.Owner, $changed, $targets.Count
}

function Restart-RdpServiceOperation {
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
    # With no port owner stopped by this run, a restart would only drop every session.
    if ($Operation.ContainsKey('OnlyAfterStopping') -and $Operation.OnlyAfterStopping -and -not $Context.ContainsKey('PortOwnerStopped')) {
        return
    }
    $service = @(Get-RdpServiceInfo -Name $Operation.Service)
    $dependents = @()
    if ($service.Count -gt 0 -and $service[0].State -eq 'Running') {
        $dependents = @(Set-RdpServiceState -Name $Operation.Service -State 'Restarted')
    }
    else {
        Set-RdpServiceState -Name $Operation.Service -State 'Running'
    }
    if ($dependents.Count -eq 0) {
        return '{0} restarted' -f $Operation.Service
    }
    '{0} restarted; its dependents stopped and started again: {1}' -f $Operation.Service, ($dependents -join ', ')
}

function Start-RdpServiceOperation {
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
    if ($service.Count -gt 0 -and $service[0].State -eq 'Running') {
        return
    }
    Set-RdpServiceState -Name $Operation.Service -State 'Running'
    '{0} started' -f $Operation.Service
}

function Resolve-RdpPortOwner {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Who listens on the configured RDP port, decided once per repair so that the backup and
    # the operation name the same service.
    if ($null -ne $Context.PortOwner) {
        return $Context.PortOwner
    }
    $check = $script:RdpCatalog.ListenerCheck
    $port = Get-RdpConfiguredPort -Check $check
    $rdp = @(Get-RdpServiceInfo -Name $check.Service)
    $rdpPid = 0
    if ($rdp.Count -gt 0) {
        $rdpPid = $rdp[0].ProcessId
    }
    $owner = [pscustomobject]@{ Port = $port; ProcessId = 0; Service = $null; Services = @() }
    $listener = @(Get-RdpTcpListener -Port $port | Where-Object { $_.OwningProcess -ne $rdpPid } | Select-Object -First 1)
    if ($listener.Count -gt 0) {
        $owner.ProcessId = $listener[0].OwningProcess
        $owner.Services = @(Get-RdpServiceInfo -ProcessId $owner.ProcessId | ForEach-Object { $_.Name })
        if ($owner.Services.Count -eq 1) {
            $owner.Service = $owner.Services[0]
        }
    }
    $Context.PortOwner = $owner
    $owner
}

function Stop-RdpServiceOperation {
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
    if ($Operation.Service) {
        $name = $Operation.Service
    }
    else {
        $owner = Resolve-RdpPortOwner -Context $Context
        if ($owner.ProcessId -eq 0) {
            return
        }
        if ($owner.Services.Count -eq 0) {
            throw ($script:RdpStrings.PortOwnerNotService -f $owner.ProcessId, $owner.Port)
        }
        if ($owner.Services.Count -gt 1) {
            throw ($script:RdpStrings.PortOwnerShared -f $owner.ProcessId, $owner.Port, ($owner.Services -join ', '))
        }
        $name = $owner.Service
        Write-Warning ($script:RdpStrings.PortOwnerStopped -f $name, $owner.Port)
    }
    if ($Operation.Protect -contains $name) {
        return
    }
    $dependents = @(Set-RdpServiceState -Name $name -State 'Stopped')
    if (-not $Operation.Service) {
        $Context.PortOwnerStopped = $true
    }
    if ($dependents.Count -eq 0) {
        return '{0} stopped' -f $name
    }
    '{0} stopped, and the services that depend on it: {1}' -f $name, ($dependents -join ', ')
}

function Set-RdpServiceStartTypeOperation {
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
    $write = Get-RdpRegistryWrite -Operation $Operation -Parameters $Parameters
    if ($Operation.ViaRegistry) {
        # Protected services (gpsvc) deny Set-Service and sc config; their Start value counts
        # from the next boot, which the fix says.
        Set-RdpRegistryValue -Path $write.Key -Name $write.Name -Type $write.Type -Value $write.Value
    }
    else {
        Set-RdpServiceStartMode -Name $Operation.Service -StartType (ConvertTo-RdpServiceStartMode -Start $write.Value)
    }
    '{0} Start = {1} ({2})' -f $Operation.Service, $write.Value, $Operation.StartType
}

function Remove-RdpSelfSignedCertificateOperation {
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
    # Only self-signed certificates (subject equals issuer), each by its own thumbprint.
    foreach ($certificate in @(Get-RdpCertificate -Store $Operation.Store | Where-Object { $_.Subject -eq $_.Issuer })) {
        Remove-RdpCertificate -Store $Operation.Store -Thumbprint $certificate.Thumbprint
        'Cert:\LocalMachine\{0}\{1} removed' -f $Operation.Store, $certificate.Thumbprint
    }
}

function Set-RdpFirewallRuleOperation {
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
    if ($null -eq (Get-RdpFirewallRulePort -Name $Operation.Rule)) {
        Write-Warning ($script:RdpStrings.FirewallRuleMissing -f $Operation.Rule)
        return
    }
    $port = [string](Resolve-RdpOperationValue -Operation $Operation -Parameters $Parameters)
    Set-RdpFirewallRulePort -Name $Operation.Rule -Port @($port)
    '{0} LocalPort = {1}' -f $Operation.Rule, $port
}

function Set-RdpBcdOperation {
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
    $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/set', $Operation.Entry, $Operation.Setting, $Operation.Value)
    'bcdedit {0} {1} = {2}' -f $Operation.Entry, $Operation.Setting, $Operation.Value
}

function Set-RdpBcdEmsOperation {
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
    $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/emssettings', ('EMSPORT:{0}' -f $Operation.Port), ('EMSBAUDRATE:{0}' -f $Operation.BaudRate))
    'bcdedit emssettings EMSPORT:{0} EMSBAUDRATE:{1}' -f $Operation.Port, $Operation.BaudRate
}
