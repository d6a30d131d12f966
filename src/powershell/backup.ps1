# Backup and restore
# One Backup-/Restore- pair per backup item kind (src/model/backup.ts decides what each
# operation needs saved). Backup functions return a hashtable that is written to backup.json;
# Restore functions take the same entry read back from JSON. What an undo trusts (the backup
# folder, each entry) is in src/powershell/undo.ps1.

# The registry value kinds a backup saves and restores exactly, and the type each is written as.
$script:RdpRegistryTypes = @{
    String       = 'REG_SZ'
    ExpandString = 'REG_EXPAND_SZ'
    DWord        = 'REG_DWORD'
    QWord        = 'REG_QWORD'
    Binary       = 'REG_BINARY'
    MultiString  = 'REG_MULTI_SZ'
}

function ConvertTo-RdpSavedRegistryValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Kind,
        [AllowNull()]
        [object]$Value
    )
    # JSON keeps text and 32-bit numbers exactly; bytes are saved as base64 and 64-bit numbers
    # as text (a JSON reader may turn a large number into a double).
    switch ($Kind) {
        'Binary' {
            return [Convert]::ToBase64String([byte[]]$Value)
        }
        'QWord' {
            return ([long]$Value).ToString([System.Globalization.CultureInfo]::InvariantCulture)
        }
        'DWord' {
            return [int]$Value
        }
        'MultiString' {
            return , [string[]]@($Value)
        }
    }
    [string]$Value
}

function ConvertFrom-RdpSavedRegistryValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Kind,
        [AllowNull()]
        [object]$Value
    )
    switch ($Kind) {
        'Binary' {
            return , [Convert]::FromBase64String([string]$Value)
        }
        'QWord' {
            return [long]::Parse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture)
        }
        'DWord' {
            return [int]$Value
        }
        'MultiString' {
            if ($null -eq $Value) {
                return , [string[]]@()
            }
            return , [string[]]@($Value)
        }
    }
    [string]$Value
}

function Backup-RdpRegistryValueItem {
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
    $kind = Get-RdpRegistryValueKind -Path $Item.Key -Name $Item.Name
    $value = $null
    if ($null -ne $kind) {
        # Before any change: a value that cannot be put back exactly stops the repair here.
        if (-not $script:RdpRegistryTypes.ContainsKey($kind)) {
            throw ($script:RdpStrings.RegistryKindUnsupported -f "$($Item.Key)\$($Item.Name)", $kind)
        }
        $value = ConvertTo-RdpSavedRegistryValue -Kind $kind -Value (Get-RdpRegistryValue -Path $Item.Key -Name $Item.Name)
    }
    @{ Kind = $Item.Kind; Key = $Item.Key; Name = $Item.Name; ValueKind = $kind; Value = $value }
}

function Restore-RdpRegistryValueItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    if ($null -eq $Entry.ValueKind) {
        # The value did not exist before the repair.
        Remove-RdpRegistryValue -Path $Entry.Key -Name $Entry.Name
        return
    }
    # Test-RdpRegistryValueItem admits only the kinds in $script:RdpRegistryTypes.
    $kind = [string]$Entry.ValueKind
    $value = ConvertFrom-RdpSavedRegistryValue -Kind $kind -Value $Entry.Value
    Set-RdpRegistryValue -Path $Entry.Key -Name $Entry.Name -Type $script:RdpRegistryTypes[$kind] -Value $value
}

function Backup-RdpAclItem {
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
    # The files directly in the folder are saved even when the operation does not recurse:
    # operations that target files by prefix change them too. An entry that cannot be read is
    # recorded with the reason instead of stopping the backup: a broken ACL is what these
    # fixes repair.
    $path = Resolve-RdpWindowsPath -Path $Item.Path
    if (-not (Test-Path -LiteralPath $path)) {
        # Nothing there to change, nothing to restore (a machine without CNG keys).
        return @{ Kind = $Item.Kind; Path = $path; Entries = @() }
    }
    $paths = @($path) + @(Get-RdpChildFile -Path $path -Recurse:([bool]$Item.Recurse))
    $entries = foreach ($target in $paths) {
        try {
            @{ Path = $target; Sddl = (Get-RdpSecurityDescriptor -Path $target) }
        }
        catch {
            Write-Warning ($script:RdpStrings.BackupEntryUnreadable -f $target, $_.Exception.Message)
            @{ Path = $target; Sddl = $null; Error = $_.Exception.Message }
        }
    }
    @{ Kind = $Item.Kind; Path = $path; Entries = @($entries) }
}

function Restore-RdpAclItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    foreach ($saved in @($Entry.Entries)) {
        # An entry that could not be read at backup time has nothing to restore.
        if ($saved.Sddl -and (Test-Path -LiteralPath $saved.Path)) {
            Set-RdpSecurityDescriptor -Path $saved.Path -Sddl $saved.Sddl
        }
    }
}

function Resolve-RdpServiceTarget {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    if ($Item.Service) {
        return $Item.Service
    }
    $owner = Resolve-RdpPortOwner -Context $Context
    $owner.Service
}

function Backup-RdpServiceConfigItem {
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
    $name = Resolve-RdpServiceTarget -Item $Item -Context $Context
    if (-not $name) {
        return @{ Kind = $Item.Kind; Service = $null; Start = $null; State = $null; Dependents = @() }
    }
    $service = @(Get-RdpServiceInfo -Name $name)
    $state = $null
    $account = $null
    $dependents = @()
    if ($service.Count -gt 0) {
        $state = $service[0].State
        $account = [string]$service[0].StartName
        # Stopping a service stops its dependents too; undo starts the running ones again.
        $dependents = @(Get-RdpDependentService -Name $name | Where-Object { (Get-RdpServiceState -Name $_) -eq 'Running' })
    }
    $start = Get-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$name" -Name 'Start'
    @{ Kind = $Item.Kind; Service = $name; Start = $start; State = $state; Account = $account; Dependents = $dependents }
}

function Restore-RdpServiceConfigItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    if (-not $Entry.Service) {
        return
    }
    if ($null -ne $Entry.Start) {
        Set-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$($Entry.Service)" -Name 'Start' -Type 'REG_DWORD' -Value ([int]$Entry.Start)
        # The service control manager reads that value only at boot: tell it now as well. A
        # protected service (gpsvc) refuses, and keeps the value for the next boot.
        $mode = ConvertTo-RdpServiceStartMode -Start ([int]$Entry.Start)
        if ($mode) {
            try {
                Set-RdpServiceStartMode -Name $Entry.Service -StartType $mode
            }
            catch {
                Write-Verbose -Message ('{0}: start type restored for the next boot ({1})' -f $Entry.Service, $_.Exception.Message)
            }
        }
    }
    # Older backups have no Account.
    if ($Entry.PSObject.Properties.Name -contains 'Account') {
        Restore-RdpServiceLogonAccount -Service $Entry.Service -Account ([string]$Entry.Account)
    }
    $now = @(Get-RdpServiceInfo -Name $Entry.Service)
    if ($Entry.State -eq 'Running' -and $now.Count -gt 0 -and $now[0].State -ne 'Running') {
        Set-RdpServiceState -Name $Entry.Service -State 'Running'
    }
    # Saved in stop order; start in the reverse. Older backups have no Dependents.
    $dependents = @()
    if ($Entry.PSObject.Properties.Name -contains 'Dependents') {
        $dependents = @($Entry.Dependents)
    }
    [array]::Reverse($dependents)
    foreach ($dependent in $dependents) {
        Set-RdpServiceState -Name ([string]$dependent) -State 'Running'
    }
}

function Get-RdpCertificateRegistryKey {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store,
        [Parameter(Mandatory = $true)]
        [string]$Thumbprint
    )
    # The LocalMachine system stores are registry stores: each certificate is a key with a Blob.
    "HKLM:\SOFTWARE\Microsoft\SystemCertificates\$Store\Certificates\$Thumbprint"
}

function Backup-RdpCertificateStoreItem {
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
    $certificates = foreach ($certificate in @(Get-RdpCertificate -Store $Item.Store)) {
        $blob = Get-RdpRegistryValue -Path (Get-RdpCertificateRegistryKey -Store $Item.Store -Thumbprint $certificate.Thumbprint) -Name 'Blob'
        if ($blob -is [byte[]]) {
            @{ Thumbprint = $certificate.Thumbprint; Blob = [Convert]::ToBase64String($blob) }
        }
    }
    @{ Kind = $Item.Kind; Store = $Item.Store; Certificates = @($certificates) }
}

function Restore-RdpCertificateStoreItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    $present = @(Get-RdpCertificate -Store $Entry.Store | ForEach-Object { $_.Thumbprint })
    foreach ($certificate in @($Entry.Certificates)) {
        if ($present -notcontains $certificate.Thumbprint) {
            $key = Get-RdpCertificateRegistryKey -Store $Entry.Store -Thumbprint $certificate.Thumbprint
            Set-RdpRegistryValue -Path $key -Name 'Blob' -Type 'REG_BINARY' -Value ([Convert]::FromBase64String([string]$certificate.Blob))
        }
    }
}

function Backup-RdpFirewallRuleItem {
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
    @{ Kind = $Item.Kind; Rule = $Item.Rule; LocalPort = (Get-RdpFirewallRulePort -Name $Item.Rule) }
}

function Restore-RdpFirewallRuleItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    if ($null -ne $Entry.LocalPort) {
        Set-RdpFirewallRulePort -Name $Entry.Rule -Port @($Entry.LocalPort)
    }
}

function Backup-RdpBcdStoreItem {
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
    $file = Join-Path -Path $Folder -ChildPath 'bcd.export'
    if (-not (Test-Path -LiteralPath $file)) {
        $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/export', $file)
    }
    @{ Kind = $Item.Kind; File = 'bcd.export' }
}

function Restore-RdpBcdStoreItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    $file = Join-Path -Path $Folder -ChildPath $Entry.File
    $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/import', $file)
}

function Backup-RdpFixState {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object[]]$Fixes,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context,
        [Parameter(Mandatory = $true)]
        [string]$BackupRoot,
        [string]$Scenario = ''
    )
    # Everything every selected fix will change is saved before the first change.
    Initialize-RdpBackupRoot -Path $BackupRoot
    # Invariant culture: the Gregorian calendar under any culture (th-TH would write 2569), so the
    # names sort in time order (Mode=Undo restores the last one).
    $stamp = (Get-RdpDate).ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture)
    $folder = Join-Path -Path $BackupRoot -ChildPath $stamp
    $suffix = 1
    while (Test-Path -LiteralPath $folder) {
        $suffix += 1
        $folder = Join-Path -Path $BackupRoot -ChildPath "$stamp-$suffix"
    }
    New-RdpProtectedDirectory -Path $folder
    $items = foreach ($fix in $Fixes) {
        foreach ($item in $fix.Backup) {
            $entry = & $script:RdpBackupFunctions[$item.Kind] -Item $item -Context $Context -Folder $folder
            $entry.Fix = $fix.Id
            $entry
        }
    }
    $manifest = [ordered]@{
        schema           = 'urn:rdp-rescue:backup:1'
        version          = $script:RdpVersion
        created          = (Get-RdpDate).ToUniversalTime().ToString('o')
        scenario         = $Scenario
        fixes            = @($Fixes | ForEach-Object { $_.Id })
        restartsServices = @($Fixes | ForEach-Object { $_.RestartsServices } | Sort-Object -Unique)
        items            = @($items)
    }
    Write-RdpBackupManifest -Path (Join-Path -Path $folder -ChildPath 'backup.json') -Manifest $manifest
    $folder
}
