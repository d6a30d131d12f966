# Platform layer
# Every access to the operating system goes through the private functions below, so Pester
# can mock them (Mock -ModuleName RdpRescue <name> { ... }). Nothing else in the module calls
# a registry, event log, service, network, certificate, ACL or native command directly.
#
#   Get-RdpRegistryValue      -Path HKLM:\... -Name     value, or $null when absent (byte[] stays one object)
#   Get-RdpRegistryValueKind  -Path -Name               'DWord' | 'String' | 'ExpandString' | 'Binary' ... or $null
#   Set-RdpRegistryValue      -Path -Name -Type REG_* -Value   creates the key when needed (six kinds, QWORD and MULTI_SZ too)
#   Remove-RdpRegistryValue   -Path -Name               no error when already absent
#   Get-RdpEventRecord        -Channel -XPath -MaxEvents   newest first: ProviderName, Id, TimeCreated, Data (hashtable by field name)
#   Get-RdpServiceInfo        -Name | -ProcessId        Name, State, StartMode, ProcessId (Win32_Service); nothing when absent
#   Get-RdpDependentService   -Name                     names of the services that depend on it, in the order to stop them
#   Send-RdpServiceControl    -Name -Control Start|Stop  asks the service control manager; does not wait (services.ps1 waits)
#   Set-RdpServiceStartMode   -Name -StartType          Automatic|Manual|Disabled through the service control manager
#   Set-RdpServiceLogonAccount -Name -Account            a built-in account through the service control manager (Win32_Service.Change, empty password)
#   Get-RdpTcpListener        -Port                     LocalAddress, LocalPort, OwningProcess of listening sockets
#   Get-RdpCertificate        -Store                    LocalMachine store: Thumbprint, Subject, Issuer, NotBefore, NotAfter,
#                                                       HasPrivateKey, EnhancedKeyUsages (OIDs; $null when the certificate has no EKU)
#   Get-RdpPrivateKey         -Store -Thumbprint        Opens (the private key opens), File (its key file; $null when not found)
#   Remove-RdpCertificate     -Store -Thumbprint        removes one certificate (never its private key)
#   Get-RdpAccessRule         -Path                     Sid, Rights, AccessType, InheritOnly (SIDs, never names)
#   Get-RdpSecurityDescriptor -Path                     SDDL (owner and DACL), read with the backup privilege
#   Set-RdpSecurityDescriptor -Path -Sddl               restores owner and DACL
#   Get-RdpItemSecurity       -Path                     Owner (SID) and Rules (as Get-RdpAccessRule) of a file or folder
#   Get-RdpChildFolder        -Path                     full paths of the folders in a folder; nothing when it is absent
#   Set-RdpOwner              -Path -Sid                sets the owner only, with the take-ownership and restore privileges
#   Enable-RdpPrivilege       -Name                     enables privileges the process token holds; returns those it turned on
#   Disable-RdpPrivilege      -Name                     turns them off again
#   Get-RdpTokenPrivilegeType                           the AdjustTokenPrivileges helper, compiled once per session
#   Get-RdpChildFile          -Path -Prefix [-Recurse]  full paths of files (with the backup privilege if listing is denied)
#   Get-RdpFirewallRulePort   -Name                     LocalPort of a rule by its Name, or $null when the rule is absent
#   Set-RdpFirewallRulePort   -Name -Port
#   Get-RdpWindowsFeatureState -Name                    $true / $false, or $null without Server Manager cmdlets
#   Get-RdpTerminalServerMode                            Win32_TerminalServiceSetting.TerminalServerMode (1 = Session Host); throws on a WMI error
#   Get-RdpFileVersion        -Path                     FileMajorPart, FileMinorPart, FileBuildPart, FilePrivatePart; throws when missing or unreadable
#   Get-RdpUserRightExport                               lines of secedit's USER_RIGHTS export (Right = *SID,...); throws when secedit fails
#   Get-RdpAuditSetting       -Subcategory {GUID}       AuditingInformation of an audit subcategory (1 success, 2 failure audited); throws when unreadable
#   Get-RdpAuditPolicyType                               the AuditQuerySystemPolicy helper, compiled once per session
#   New-RdpProtectedDirectory -Path                     creates a folder only SYSTEM and Administrators can change (backups)
#   Resolve-RdpFileSystemPath -Path                     full file system path; a relative one is taken from the PowerShell location
#   Write-RdpBackupManifest   -Path -Manifest           writes backup.json (UTF-8 without BOM)
#   Read-RdpBackupManifest    -Path                     the parsed backup.json, or $null when absent
#   Invoke-RdpNative          -FilePath -ArgumentList   output lines; throws on a non-zero exit code
#   Test-RdpElevation                                    $true when running as Administrator
#   Get-RdpDate                                          the current time (mockable clock)
#   Get-RdpRegistryValueTable -Path                     every value of a key: name -> data; empty when the key is absent
#   Set-RdpFirewallRuleEnabled -Name -Enabled           Enable-/Disable-NetFirewallRule by the rule's Name (persistent store)

function Get-RdpRegistryValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if (-not (Test-Path -LiteralPath $Path)) {
        return $null
    }
    $key = Get-Item -LiteralPath $Path
    $value = $key.GetValue($Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    return , $value
}

function Get-RdpRegistryValueKind {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if (-not (Test-Path -LiteralPath $Path)) {
        return $null
    }
    $key = Get-Item -LiteralPath $Path
    if ($key.GetValueNames() -notcontains $Name) {
        return $null
    }
    return [string]$key.GetValueKind($Name)
}

function Set-RdpRegistryValue {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('REG_DWORD', 'REG_QWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_BINARY')]
        [string]$Type,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [AllowEmptyCollection()]
        [object]$Value
    )
    $kinds = @{ REG_DWORD = 'DWord'; REG_QWORD = 'QWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_MULTI_SZ = 'MultiString'; REG_BINARY = 'Binary' }
    if ($PSCmdlet.ShouldProcess("$Path\$Name", "Set $Type")) {
        if (-not (Test-Path -LiteralPath $Path)) {
            $null = New-Item -Path $Path -Force
        }
        $null = New-ItemProperty -LiteralPath $Path -Name $Name -PropertyType $kinds[$Type] -Value $Value -Force
    }
}

function Remove-RdpRegistryValue {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if ($null -eq (Get-RdpRegistryValueKind -Path $Path -Name $Name)) {
        return
    }
    if ($PSCmdlet.ShouldProcess("$Path\$Name", 'Remove value')) {
        Remove-ItemProperty -LiteralPath $Path -Name $Name
    }
}

function Get-RdpEventRecord {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Channel,
        [Parameter(Mandatory = $true)]
        [string]$XPath,
        [int]$MaxEvents = 1000
    )
    $events = @()
    try {
        $events = @(Get-WinEvent -LogName $Channel -FilterXPath $XPath -MaxEvents $MaxEvents -ErrorAction Stop)
    }
    catch {
        # No match and a channel that does not exist on this machine both mean: no such event.
        # The error ids are not localized; the messages are.
        $id = [string]$_.FullyQualifiedErrorId
        if ($id -like 'NoMatchingEventsFound*' -or $id -like 'NoMatchingLogsFound*') {
            return
        }
        if ($_.Exception -is [System.Diagnostics.Eventing.Reader.EventLogNotFoundException]) {
            return
        }
        throw
    }
    foreach ($event in $events) {
        $data = @{}
        $xml = [xml]$event.ToXml()
        foreach ($node in $xml.GetElementsByTagName('Data')) {
            $field = $node.GetAttribute('Name')
            if ($field) {
                $data[$field] = $node.InnerText
            }
        }
        [pscustomobject]@{
            ProviderName = $event.ProviderName
            Id           = $event.Id
            TimeCreated  = $event.TimeCreated
            Data         = $data
        }
    }
}

function Get-RdpServiceInfo {
    [CmdletBinding(DefaultParameterSetName = 'Name')]
    [OutputType([pscustomobject])]
    param(
        # Any legal service name: up to 256 characters, anything but / and \ (CreateService),
        # so MSSQL$SQLEXPRESS, names with dots, dashes, spaces or quotes too.
        [Parameter(Mandatory = $true, ParameterSetName = 'Name')]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true, ParameterSetName = 'ProcessId')]
        [int]$ProcessId
    )
    if ($PSCmdlet.ParameterSetName -eq 'Name') {
        # WQL string literal: a backslash escapes the next character.
        $filter = "Name='{0}'" -f $Name.Replace('\', '\\').Replace("'", "\'")
    }
    else {
        $filter = "ProcessId=$ProcessId"
    }
    foreach ($service in @(Get-CimInstance -ClassName 'Win32_Service' -Filter $filter)) {
        [pscustomobject]@{
            Name      = [string]$service.Name
            State     = [string]$service.State
            StartMode = [string]$service.StartMode
            StartName = [string]$service.StartName
            ProcessId = [int]$service.ProcessId
        }
    }
}

function Get-RdpDependentService {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name
    )
    # DependentServices comes from EnumDependentServices: every service that depends on this one,
    # directly or not, in reverse start order, which is the order to stop them in. A
    # ServiceController takes the name literally; Get-Service -Name reads [ ] * ? as wildcards.
    Add-Type -AssemblyName 'System.ServiceProcess'
    $controller = New-Object -TypeName System.ServiceProcess.ServiceController -ArgumentList $Name
    try {
        foreach ($dependent in $controller.DependentServices) {
            [string]$dependent.ServiceName
        }
    }
    finally {
        $controller.Dispose()
    }
}

function Set-RdpServiceStartMode {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('Automatic', 'Manual', 'Disabled')]
        [string]$StartType
    )
    # The service control manager keeps start types in memory: a Start value written into the
    # registry counts only from the next boot, so a service to be started now is changed here.
    if (-not $PSCmdlet.ShouldProcess($Name, "Service: start type $StartType")) {
        return
    }
    Set-Service -Name $Name -StartupType $StartType -ErrorAction Stop
}

function Set-RdpServiceLogonAccount {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('LocalSystem', 'NT Authority\LocalService', 'NT Authority\NetworkService')]
        [string]$Account
    )
    # Win32_Service.Change with StartName and an empty StartPassword: the built-in accounts
    # have no password. The service control manager writes ObjectName itself.
    if (-not $PSCmdlet.ShouldProcess($Name, "Service: log on as $Account")) {
        return
    }
    $filter = "Name='{0}'" -f $Name.Replace('\', '\\').Replace("'", "\'")
    $service = Get-CimInstance -ClassName 'Win32_Service' -Filter $filter
    $result = Invoke-CimMethod -InputObject $service -MethodName 'Change' -Arguments @{ StartName = $Account; StartPassword = '' }
    if ($result.ReturnValue -ne 0) {
        throw ('Win32_Service.Change({0}, StartName={1}) returned {2}' -f $Name, $Account, $result.ReturnValue)
    }
}

function Send-RdpServiceControl {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('Start', 'Stop')]
        [string]$Control
    )
    # Returns as soon as the service control manager has the request: Start leaves the service
    # START_PENDING, Stop STOP_PENDING. Start-Service and Stop-Service would wait without limit.
    if (-not $PSCmdlet.ShouldProcess($Name, "Service: $Control")) {
        return
    }
    Add-Type -AssemblyName 'System.ServiceProcess'
    $controller = New-Object -TypeName System.ServiceProcess.ServiceController -ArgumentList $Name
    try {
        if ($Control -eq 'Start') {
            $controller.Start()
        }
        else {
            # .NET stops running dependents first (30 s each at most); services.ps1 has already
            # stopped them, so this stops the service alone.
            $controller.Stop()
        }
    }
    finally {
        $controller.Dispose()
    }
}

function Get-RdpTcpListener {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateRange(1, 65535)]
        [int]$Port
    )
    if (Get-Command -Name 'Get-NetTCPConnection' -ErrorAction SilentlyContinue) {
        foreach ($row in @(Get-NetTCPConnection -State Listen)) {
            if ([int]$row.LocalPort -eq $Port) {
                [pscustomobject]@{ LocalAddress = [string]$row.LocalAddress; LocalPort = [int]$row.LocalPort; OwningProcess = [int]$row.OwningProcess }
            }
        }
        return
    }
    # netstat fallback (2008 R2): the state column is localized, so a listener is recognised by
    # its numbers only: remote port 0.
    $pattern = '^\s*TCP\s+(\S+):(\d+)\s+\S+:0\s+\S+\s+(\d+)\s*$'
    foreach ($line in @(Invoke-RdpNative -FilePath "$env:SystemRoot\System32\netstat.exe" -ArgumentList @('-ano', '-p', 'TCP'))) {
        $match = [regex]::Match([string]$line, $pattern)
        if ($match.Success -and [int]$match.Groups[2].Value -eq $Port) {
            [pscustomobject]@{ LocalAddress = $match.Groups[1].Value; LocalPort = $Port; OwningProcess = [int]$match.Groups[3].Value }
        }
    }
}

function Get-RdpCertificate {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store
    )
    $path = 'Cert:\LocalMachine\' + $Store
    if (-not (Test-Path -LiteralPath $path)) {
        return
    }
    foreach ($certificate in @(Get-ChildItem -LiteralPath $path)) {
        # 2.5.29.37 is the Enhanced Key Usage extension; without it a certificate serves any purpose.
        $usages = $null
        foreach ($extension in @($certificate.Extensions | Where-Object { $_.Oid.Value -eq '2.5.29.37' })) {
            $eku = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension -ArgumentList @($extension, $extension.Critical)
            $usages = @($eku.EnhancedKeyUsages | ForEach-Object { [string]$_.Value })
        }
        [pscustomobject]@{
            Store             = $Store
            Thumbprint        = [string]$certificate.Thumbprint
            Subject           = [string]$certificate.Subject
            Issuer            = [string]$certificate.Issuer
            NotBefore         = $certificate.NotBefore
            NotAfter          = $certificate.NotAfter
            HasPrivateKey     = [bool]$certificate.HasPrivateKey
            EnhancedKeyUsages = $usages
        }
    }
}

function Get-RdpPrivateKey {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[0-9A-Fa-f]{40}$')]
        [string]$Thumbprint
    )
    # HasPrivateKey only says a key is associated; opening it shows whether it is there, intact
    # and readable. Its file is named by the key's unique container name, in the CryptoAPI
    # (RSA\MachineKeys) or CNG (Keys) machine key folder.
    $certificate = Get-Item -LiteralPath ('Cert:\LocalMachine\' + $Store + '\' + $Thumbprint)
    $name = $null
    try {
        $key = $null
        $rsa = 'System.Security.Cryptography.X509Certificates.RSACertificateExtensions' -as [type]
        $ecdsa = 'System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions' -as [type]
        if ($null -ne $rsa) {
            $key = $rsa::GetRSAPrivateKey($certificate)
        }
        else {
            # .NET Framework before 4.6: CryptoAPI keys only.
            $key = $certificate.PrivateKey
        }
        if ($null -eq $key -and $null -ne $ecdsa) {
            $key = $ecdsa::GetECDsaPrivateKey($certificate)
        }
        if ($key -is [System.Security.Cryptography.ICspAsymmetricAlgorithm]) {
            $name = $key.CspKeyContainerInfo.UniqueKeyContainerName
        }
        elseif ($null -ne $key -and $null -ne $key.PSObject.Properties['Key']) {
            $name = $key.Key.UniqueName
        }
    }
    catch [System.Security.Cryptography.CryptographicException] {
        return [pscustomobject]@{ Opens = $false; File = $null }
    }
    if (-not $name) {
        return [pscustomobject]@{ Opens = ($null -ne $key); File = $null }
    }
    $file = $null
    foreach ($folder in @('Microsoft\Crypto\RSA\MachineKeys', 'Microsoft\Crypto\Keys')) {
        $candidate = Join-Path -Path (Join-Path -Path $env:ProgramData -ChildPath $folder) -ChildPath $name
        if ($null -eq $file -and (Test-Path -LiteralPath $candidate -PathType Leaf)) {
            $file = $candidate
        }
    }
    [pscustomobject]@{ Opens = $true; File = $file }
}

function Remove-RdpCertificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[0-9A-Fa-f]{40}$')]
        [string]$Thumbprint
    )
    $path = 'Cert:\LocalMachine\' + $Store + '\' + $Thumbprint
    if ($PSCmdlet.ShouldProcess($path, 'Remove certificate')) {
        Remove-Item -LiteralPath $path
    }
}

function Get-RdpAccessRule {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $acl = Get-Acl -LiteralPath $Path
    $inheritOnly = [System.Security.AccessControl.PropagationFlags]::InheritOnly
    foreach ($rule in $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) {
        $rights = [int64][int]$rule.FileSystemRights
        if ($rights -lt 0) {
            $rights += 4294967296
        }
        [pscustomobject]@{
            Sid         = $rule.IdentityReference.Value
            Rights      = $rights
            AccessType  = [string]$rule.AccessControlType
            InheritOnly = (($rule.PropagationFlags -band $inheritOnly) -eq $inheritOnly)
        }
    }
}

function Get-RdpSecurityDescriptor {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # The backup privilege grants read access to the security descriptor whatever the DACL says.
    $enabled = @(Enable-RdpPrivilege -Name 'SeBackupPrivilege')
    try {
        (Get-Acl -LiteralPath $Path).Sddl
    }
    finally {
        Disable-RdpPrivilege -Name $enabled
    }
}

function Set-RdpSecurityDescriptor {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Sddl
    )
    if (-not $PSCmdlet.ShouldProcess($Path, 'Restore owner and permissions')) {
        return
    }
    $saved = New-Object -TypeName System.Security.AccessControl.CommonSecurityDescriptor -ArgumentList @($false, $false, $Sddl)
    # The owner first: as owner, the DACL can be read and written whatever it says.
    Set-RdpOwner -Path $Path -Sid $saved.Owner.Value -Confirm:$false
    $acl = Get-Acl -LiteralPath $Path
    $acl.SetSecurityDescriptorSddlForm($Sddl, [System.Security.AccessControl.AccessControlSections]::Access)
    Set-Acl -LiteralPath $Path -AclObject $acl
}

function Get-RdpItemSecurity {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $owner = (Get-Acl -LiteralPath $Path).GetOwner([System.Security.Principal.SecurityIdentifier])
    [pscustomobject]@{ Owner = $owner.Value; Rules = @(Get-RdpAccessRule -Path $Path) }
}

function Set-RdpOwner {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^S-1-\d+(-\d+)+$')]
        [string]$Sid
    )
    if (-not $PSCmdlet.ShouldProcess($Path, "Owner: $Sid")) {
        return
    }
    # SetNamedSecurityInfo: with SeTakeOwnershipPrivilege the owner can be set without
    # WRITE_OWNER in the DACL, with SeRestorePrivilege to any SID. icacls /setowner does not
    # force a change of ownership, so a broken DACL would stop it. Only the owner is written:
    # the DACL is neither read nor changed.
    $enabled = @(Enable-RdpPrivilege -Name 'SeTakeOwnershipPrivilege', 'SeRestorePrivilege')
    try {
        if ([System.IO.Directory]::Exists($Path)) {
            $item = New-Object -TypeName System.IO.DirectoryInfo -ArgumentList $Path
            $security = New-Object -TypeName System.Security.AccessControl.DirectorySecurity
        }
        else {
            $item = New-Object -TypeName System.IO.FileInfo -ArgumentList $Path
            $security = New-Object -TypeName System.Security.AccessControl.FileSecurity
        }
        $security.SetOwner((New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $Sid))
        if ($null -ne $item.PSObject.Methods['SetAccessControl']) {
            $item.SetAccessControl($security)
        }
        else {
            # PowerShell 7: an extension method of .NET.
            [System.IO.FileSystemAclExtensions]::SetAccessControl($item, $security)
        }
    }
    finally {
        Disable-RdpPrivilege -Name $enabled
    }
}

function Get-RdpTokenPrivilegeType {
    [CmdletBinding()]
    [OutputType([type])]
    param()
    $type = 'RdpRescue.TokenPrivilege' -as [type]
    if ($null -ne $type) {
        return $type
    }
    # AdjustTokenPrivileges: PreviousState has no entry when the privilege already had the
    # requested state; ERROR_NOT_ALL_ASSIGNED (1300) when the token does not hold it.
    Add-Type -Language CSharp -TypeDefinition @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace RdpRescue
{
    public static class TokenPrivilege
    {
        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        private struct TokenPrivileges
        {
            public int Count;
            public long Luid;
            public int Attributes;
        }

        private const int TokenAdjustPrivileges = 0x20;
        private const int TokenQuery = 0x8;
        private const int PrivilegeEnabled = 0x2;
        private const int ErrorNotAllAssigned = 1300;

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool OpenProcessToken(IntPtr process, int access, out IntPtr token);

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool LookupPrivilegeValue(string system, string name, out long luid);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool AdjustTokenPrivileges(IntPtr token, bool disableAll, ref TokenPrivileges newState, int length, ref TokenPrivileges previousState, out int returnLength);

        [DllImport("kernel32.dll")]
        private static extern IntPtr GetCurrentProcess();

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool CloseHandle(IntPtr handle);

        // Sets one privilege of this process's token; true when that changed its state.
        public static bool Set(string name, bool enable)
        {
            IntPtr token;
            if (!OpenProcessToken(GetCurrentProcess(), TokenAdjustPrivileges | TokenQuery, out token))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }
            try
            {
                TokenPrivileges state = new TokenPrivileges();
                state.Count = 1;
                state.Attributes = enable ? PrivilegeEnabled : 0;
                if (!LookupPrivilegeValue(null, name, out state.Luid))
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error());
                }
                TokenPrivileges previous = new TokenPrivileges();
                int length;
                if (!AdjustTokenPrivileges(token, false, ref state, Marshal.SizeOf(typeof(TokenPrivileges)), ref previous, out length))
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error());
                }
                if (Marshal.GetLastWin32Error() == ErrorNotAllAssigned)
                {
                    return false;
                }
                return previous.Count > 0;
            }
            finally
            {
                CloseHandle(token);
            }
        }
    }
}
'@
    [type]'RdpRescue.TokenPrivilege'
}

function Enable-RdpPrivilege {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string[]]$Name
    )
    # An elevated token holds these privileges but keeps them disabled until a program asks.
    $type = Get-RdpTokenPrivilegeType
    foreach ($privilege in $Name) {
        if ($type::Set($privilege, $true)) {
            $privilege
        }
    }
}

function Disable-RdpPrivilege {
    [CmdletBinding()]
    param(
        [AllowEmptyCollection()]
        [string[]]$Name = @()
    )
    if ($Name.Count -eq 0) {
        return
    }
    $type = Get-RdpTokenPrivilegeType
    foreach ($privilege in $Name) {
        $null = $type::Set($privilege, $false)
    }
}

function Get-RdpChildFile {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [string]$Prefix = '',
        [switch]$Recurse
    )
    try {
        $files = @(Get-ChildItem -LiteralPath $Path -File -Force -Recurse:$Recurse -ErrorAction Stop)
    }
    catch [System.UnauthorizedAccessException] {
        # A folder whose DACL denies listing (a broken MachineKeys): Windows opens folders for
        # listing with backup intent, so the backup privilege lets an administrator list it.
        $enabled = @(Enable-RdpPrivilege -Name 'SeBackupPrivilege')
        try {
            $files = @(Get-ChildItem -LiteralPath $Path -File -Force -Recurse:$Recurse -ErrorAction Stop)
        }
        finally {
            Disable-RdpPrivilege -Name $enabled
        }
    }
    foreach ($file in $files) {
        if ($file.Name.StartsWith($Prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
            $file.FullName
        }
    }
}

function Get-RdpChildFolder {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
        return
    }
    foreach ($folder in @(Get-ChildItem -LiteralPath $Path -Directory -Force)) {
        $folder.FullName
    }
}

function Get-RdpFirewallRulePort {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    try {
        $rule = Get-NetFirewallRule -Name $Name -ErrorAction Stop
    }
    catch {
        # An absent rule is an answer, not a failure; the error id is not localized.
        if ([string]$_.FullyQualifiedErrorId -like 'CmdletizationQuery_NotFound_Name*') {
            return $null
        }
        throw
    }
    $filter = $rule | Get-NetFirewallPortFilter
    return , @($filter.LocalPort | ForEach-Object { [string]$_ })
}

function Set-RdpFirewallRulePort {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [string[]]$Port
    )
    if ($PSCmdlet.ShouldProcess($Name, "Firewall rule LocalPort = $($Port -join ',')")) {
        Set-NetFirewallRule -Name $Name -LocalPort $Port
    }
}

function Get-RdpTerminalServerMode {
    [CmdletBinding()]
    [OutputType([object])]
    param()
    # 1 = AppServer (RD Session Host role service installed), 0 = RemoteAdmin. Errors stop.
    $setting = Get-CimInstance -Namespace 'root/cimv2/TerminalServices' -ClassName 'Win32_TerminalServiceSetting' -ErrorAction Stop
    if ($null -eq $setting) {
        return $null
    }
    return @($setting)[0].TerminalServerMode
}

function Get-RdpWindowsFeatureState {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if (-not (Get-Command -Name 'Get-WindowsFeature' -ErrorAction SilentlyContinue)) {
        return $null
    }
    $feature = Get-WindowsFeature -Name $Name
    if ($null -eq $feature) {
        return $false
    }
    return [bool]$feature.Installed
}

function Get-RdpFileVersion {
    [CmdletBinding()]
    [OutputType([int[]])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Reads the version resource only (the file is never loaded as code). The four numbers,
    # not FileVersion: that text may carry a branch name after the version.
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        throw ('{0} does not exist.' -f $Path)
    }
    $info = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($Path)
    @([int]$info.FileMajorPart, [int]$info.FileMinorPart, [int]$info.FileBuildPart, [int]$info.FilePrivatePart)
}

function Get-RdpUserRightExport {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    # secedit writes a Unicode template; only its exit code and the file are read, never its
    # (localized) messages. A new temporary file of this process, removed afterwards.
    $file = [System.IO.Path]::GetTempFileName()
    try {
        $secedit = Join-Path -Path ([Environment]::SystemDirectory) -ChildPath 'secedit.exe'
        $null = Invoke-RdpNative -FilePath $secedit -ArgumentList @('/export', '/areas', 'USER_RIGHTS', '/cfg', $file, '/quiet')
        Get-Content -LiteralPath $file -Encoding Unicode
    }
    finally {
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }
}

function Get-RdpAuditPolicyType {
    [CmdletBinding()]
    [OutputType([type])]
    param()
    $type = 'RdpRescue.AuditPolicy' -as [type]
    if ($null -ne $type) {
        return $type
    }
    # AuditQuerySystemPolicy returns BOOLEAN (one byte) and a buffer of AUDIT_POLICY_INFORMATION
    # (GUID subcategory, ULONG AuditingInformation at offset 16, GUID category), freed by AuditFree.
    Add-Type -Language CSharp -TypeDefinition @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace RdpRescue
{
    public static class AuditPolicy
    {
        [DllImport("advapi32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.U1)]
        private static extern bool AuditQuerySystemPolicy([In] Guid[] subCategoryGuids, uint policyCount, out IntPtr auditPolicy);

        [DllImport("advapi32.dll")]
        private static extern void AuditFree(IntPtr buffer);

        public static int Query(Guid subCategory)
        {
            IntPtr buffer;
            if (!AuditQuerySystemPolicy(new Guid[] { subCategory }, 1, out buffer))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }
            try
            {
                return Marshal.ReadInt32(buffer, 16);
            }
            finally
            {
                AuditFree(buffer);
            }
        }
    }
}
'@
    [type]'RdpRescue.AuditPolicy'
}

function Get-RdpAuditSetting {
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory = $true)]
        [guid]$Subcategory
    )
    # The system audit policy as LSA applies it, by GUID (auditpol /get prints localized text).
    # Reading it needs SeSecurityPrivilege, which an elevated token holds but keeps disabled.
    $type = Get-RdpAuditPolicyType
    $enabled = @(Enable-RdpPrivilege -Name 'SeSecurityPrivilege')
    try {
        $type::Query($Subcategory)
    }
    finally {
        Disable-RdpPrivilege -Name $enabled
    }
}

function New-RdpProtectedDirectory {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not $PSCmdlet.ShouldProcess($Path, 'Create folder (SYSTEM and Administrators only)')) {
        return
    }
    # Full control for SYSTEM and Administrators, inherited by everything inside; nothing inherited
    # from the parent (ProgramData lets every user create folders); owned by Administrators.
    $administrators = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'
    $system = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-18'
    $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
    $security = New-Object -TypeName System.Security.AccessControl.DirectorySecurity
    $security.SetAccessRuleProtection($true, $false)
    foreach ($sid in @($system, $administrators)) {
        $rule = New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList @(
            $sid, [System.Security.AccessControl.FileSystemRights]::FullControl, $inherit,
            [System.Security.AccessControl.PropagationFlags]::None, [System.Security.AccessControl.AccessControlType]::Allow)
        $security.AddAccessRule($rule)
    }
    $security.SetOwner($administrators)
    # Created with its permissions, never with the parent's first. An existing folder is left as it
    # is: the caller reads back owner and permissions.
    $folder = New-Object -TypeName System.IO.DirectoryInfo -ArgumentList $Path
    $extensions = 'System.IO.FileSystemAclExtensions' -as [type]
    if ($null -ne $extensions) {
        $extensions::Create($folder, $security)
    }
    else {
        $folder.Create($security)
    }
}

function Resolve-RdpFileSystemPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Cmdlets resolve a relative path against the PowerShell location, .NET against the process
    # directory: they differ after Set-Location, so every path is made absolute here first.
    $provider = $null
    $drive = $null
    $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path, [ref]$provider, [ref]$drive)
    if ($provider.Name -ne 'FileSystem') {
        throw ($script:RdpStrings.NotFileSystemPath -f $Path)
    }
    $root = [System.IO.Path]::GetPathRoot($full)
    if ($full.Length -gt $root.Length) {
        $full = $full.TrimEnd([System.IO.Path]::DirectorySeparatorChar, [System.IO.Path]::AltDirectorySeparatorChar)
    }
    $full
}

function Write-RdpBackupManifest {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]$Manifest
    )
    if ($PSCmdlet.ShouldProcess($Path, 'Write backup manifest')) {
        $json = ConvertTo-Json -InputObject $Manifest -Depth 8
        [System.IO.File]::WriteAllText($Path, $json, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
    }
}

function Read-RdpBackupManifest {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not (Test-Path -LiteralPath $Path)) {
        return $null
    }
    [System.IO.File]::ReadAllText($Path) | ConvertFrom-Json
}

function Invoke-RdpNative {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$FilePath,
        [string[]]$ArgumentList = @()
    )
    # In Windows PowerShell 5.1 a native command's stderr becomes error records, which stop
    # the script under ErrorActionPreference=Stop; the exit code is the real verdict.
    $ErrorActionPreference = 'Continue'
    $output = @(& $FilePath @ArgumentList 2>&1 | ForEach-Object { [string]$_ })
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0) {
        throw ('{0} {1} exited with code {2}: {3}' -f (Split-Path -Leaf $FilePath), ($ArgumentList -join ' '), $exitCode, ($output -join ' '))
    }
    $output
}

function Test-RdpElevation {
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList $identity
    $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-RdpDate {
    [CmdletBinding()]
    [OutputType([datetime])]
    param()
    Get-Date
}

# Windows Firewall (src/powershell/firewall.ps1 reads the rules and profiles through these)

function Get-RdpRegistryValueTable {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $table = @{}
    if (-not (Test-Path -LiteralPath $Path)) {
        return $table
    }
    $key = Get-Item -LiteralPath $Path
    foreach ($name in $key.GetValueNames()) {
        $table[$name] = $key.GetValue($name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    }
    $table
}

function Set-RdpFirewallRuleEnabled {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [bool]$Enabled
    )
    if ($PSCmdlet.ShouldProcess($Name, "Firewall rule Enabled = $Enabled")) {
        if ($Enabled) {
            Enable-NetFirewallRule -Name $Name -ErrorAction Stop
        }
        else {
            Disable-NetFirewallRule -Name $Name -ErrorAction Stop
        }
    }
}
