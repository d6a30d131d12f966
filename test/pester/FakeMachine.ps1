# A fake Windows machine for RdpRescue's Pester tests.
#
# Only the module's platform layer (the private functions listed at the top of
# src/powershell/platform.ps1) is mocked; every other line of the module runs for real
# against this in-memory state. The fake behaves like Windows where a repair depends on it:
# TermService listens on the configured port when it starts and the port is free, creates a
# self-signed certificate when SessionEnv (Remote Desktop Configuration) starts and the store
# has no valid one, icacls /grant adds rights. A running TermService binds its port only when it
# (re)starts: stop-port-owner restarts it for that reason.
#
# The state lives in $global:RdpFake and the helpers are global functions: mock bodies are
# called from the module's scope and from the tests' scope, and the global scope is the one
# both see.

. (Join-Path -Path $PSScriptRoot -ChildPath 'FakeFirewall.ps1')


function global:Get-RdpTestBuild {
    # The runner (test/pester-runner) builds afresh and passes the folder; by hand, dist-ps.
    if ($env:RDPRESCUE_BUILD) {
        return $env:RDPRESCUE_BUILD
    }
    Join-Path -Path $PSScriptRoot -ChildPath '../../dist-ps'
}

function global:Get-RdpTestPwsh {
    # The pwsh the runner found (RDPRESCUE_PWSH_EXE). Not (Get-Process -Id $PID).Path: under the
    # .NET global tool that is the dotnet host, not pwsh.
    if ($env:RDPRESCUE_PWSH_EXE) {
        return $env:RDPRESCUE_PWSH_EXE
    }
    (Get-Process -Id $PID).Path
}

function global:Get-RdpTestModuleName {
    # An organisation's build names its module itself (rdp-rescue.config.json); the runner of
    # such a build says which name (RDPRESCUE_MODULE). By default, the upstream RdpRescue.
    if ($env:RDPRESCUE_MODULE) {
        return $env:RDPRESCUE_MODULE
    }
    'RdpRescue'
}

function global:Get-RdpTestManifest {
    $name = Get-RdpTestModuleName
    Join-Path -Path (Get-RdpTestBuild) -ChildPath "$name/$name.psd1"
}

function global:Initialize-RdpTestEnvironment {
    # Windows folders point into TestDrive, so nothing here can touch a real machine.
    $global:RdpTestSavedEnv = @{ ProgramData = $env:ProgramData; COMPUTERNAME = $env:COMPUTERNAME; SystemRoot = $env:SystemRoot }
    $env:ProgramData = Join-Path -Path $TestDrive -ChildPath 'ProgramData'
    $env:SystemRoot = Join-Path -Path $TestDrive -ChildPath 'Windows'
    $env:COMPUTERNAME = 'RDPTESTVM'
    $null = New-Item -ItemType Directory -Path $env:ProgramData -Force
    Import-Module -Name (Get-RdpTestManifest) -Force -ErrorAction Stop
}

function global:Restore-RdpTestEnvironment {
    Remove-Module -Name (Get-RdpTestModuleName) -Force -ErrorAction SilentlyContinue
    if ($global:RdpTestSavedEnv) {
        $env:ProgramData = $global:RdpTestSavedEnv.ProgramData
        $env:COMPUTERNAME = $global:RdpTestSavedEnv.COMPUTERNAME
        $env:SystemRoot = $global:RdpTestSavedEnv.SystemRoot
    }
    Remove-Variable -Name 'RdpFake', 'RdpTestSavedEnv' -Scope Global -ErrorAction SilentlyContinue
}

function global:Get-RdpTestCatalog {
    # The module's own compiled catalog: the data its logic reads.
    & (Get-Module -Name (Get-RdpTestModuleName)) { $script:RdpCatalog }
}

function global:New-FakeThumbprint {
    param([int]$Seed)
    ('{0:X8}' -f $Seed) * 5
}

function global:New-FakeCertificate {
    param(
        [string]$Thumbprint,
        [string]$Subject,
        [string]$Issuer,
        [datetime]$NotBefore,
        [datetime]$NotAfter,
        # No key file: the certificate has no private key.
        [string]$KeyFile = $null,
        # $null: no Enhanced Key Usage extension. Default: Server Authentication.
        [object[]]$EnhancedKeyUsages = @('1.3.6.1.5.5.7.3.1')
    )
    @{
        Thumbprint        = $Thumbprint
        Subject           = $Subject
        Issuer            = $Issuer
        NotBefore         = $NotBefore
        NotAfter          = $NotAfter
        Blob              = [System.Text.Encoding]::ASCII.GetBytes('CERT:' + $Thumbprint)
        KeyFile           = $KeyFile
        EnhancedKeyUsages = $EnhancedKeyUsages
    }
}

function global:Reset-FakeMachine {
    # A healthy Windows Server: RDP on 3389 owned by TermService, a valid self-signed RDP
    # certificate, default MachineKeys permissions, no Schannel overrides, no events.
    $now = [datetime]'2026-06-01T12:00:00'
    $machineKeys = & (Get-Module -Name (Get-RdpTestModuleName)) {
        Resolve-RdpWindowsPath -Path @{ Root = 'ProgramData'; Sub = 'Microsoft\Crypto\RSA\MachineKeys' }
    }
    $tspkg = & (Get-Module -Name (Get-RdpTestModuleName)) {
        Resolve-RdpWindowsPath -Path @{ Root = 'SystemRoot'; Sub = 'System32\tspkg.dll' }
    }
    $keyFile = Join-Path -Path $machineKeys -ChildPath 'f686aace6942fb7f7ceb231212eef4a4_5a6b7c8d-0000-4000-8000-000000000001'
    $otherKey = Join-Path -Path $machineKeys -ChildPath '0a1b2c3d4e5f60718293a4b5c6d7e8f9_5a6b7c8d-0000-4000-8000-000000000002'
    foreach ($file in @($keyFile, $otherKey)) {
        $null = New-Item -ItemType File -Path $file -Force
    }
    $selfSigned = New-FakeCertificate -Thumbprint (New-FakeThumbprint 1) -Subject 'CN=RDPTESTVM' -Issuer 'CN=RDPTESTVM' -NotBefore $now.AddDays(-30) -NotAfter $now.AddDays(150)
    $custom = New-FakeCertificate -Thumbprint (New-FakeThumbprint 2) -Subject 'CN=rdp.contoso.test' -Issuer 'CN=Contoso CA' -NotBefore $now.AddDays(-30) -NotAfter $now.AddDays(300)
    $servicesKey = 'HKLM:\SYSTEM\CurrentControlSet\Services'
    $rdpTcp = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
    $global:RdpFake = @{
        RdpTcpKey    = $rdpTcp
        # The LocalMachine system stores are registry stores: a certificate is a key with a Blob.
        CertificateKey = '^HKLM:\\SOFTWARE\\Microsoft\\SystemCertificates\\(?<store>.+)\\Certificates\\(?<thumbprint>[0-9A-Fa-f]{40})$'
        Rights       = @{ F = 2032127; M = 1245631; RX = 1179817; R = 1179785; W = 1048854 }
        Now          = $now
        Elevated     = $true
        MachineKeys  = $machineKeys
        RdpKeyFile   = $keyFile
        BackupRoot   = Join-Path -Path $TestDrive -ChildPath ('backup-' + [guid]::NewGuid().ToString('N'))
        Registry     = @{
            "$rdpTcp|PortNumber"       = @{ Kind = 'DWord'; Value = 3389 }
            "$rdpTcp|SecurityLayer"    = @{ Kind = 'DWord'; Value = 2 }
            "$rdpTcp|UserAuthentication" = @{ Kind = 'DWord'; Value = 1 }
            "$servicesKey\TermService|Start"     = @{ Kind = 'DWord'; Value = 3 }
            "$servicesKey\TermService|ObjectName" = @{ Kind = 'String'; Value = 'NT Authority\NetworkService' }
            # The network services Microsoft documents as automatic; Dhcp's account too.
            "$servicesKey\Dhcp|Start"            = @{ Kind = 'DWord'; Value = 2 }
            "$servicesKey\Dhcp|ObjectName"       = @{ Kind = 'String'; Value = 'NT Authority\LocalService' }
            "$servicesKey\nsi|Start"             = @{ Kind = 'DWord'; Value = 2 }
            "$servicesKey\BFE|Start"             = @{ Kind = 'DWord'; Value = 2 }
            "$servicesKey\MpsSvc|Start"          = @{ Kind = 'DWord'; Value = 2 }
            "$servicesKey\SessionEnv|Start"      = @{ Kind = 'DWord'; Value = 3 }
            "$servicesKey\gpsvc|Start"           = @{ Kind = 'DWord'; Value = 2 }
            "$servicesKey\Tssdis|Start"          = @{ Kind = 'DWord'; Value = 2 }
            # Licensing configured (per user, one license server): harmless without the Session Host role.
            'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\Licensing Core|LicensingMode' = @{ Kind = 'DWord'; Value = 4 }
            "$servicesKey\TermService\Parameters\LicenseServers|SpecifiedLicenseServers" = @{ Kind = 'MultiString'; Value = @('lic01.contoso.com') }
        }
        Services     = @{
            TermService = @{ Name = 'TermService'; State = 'Running'; ProcessId = 1000; Pid = 1000; ListensOn = 'rdp' }
            SessionEnv  = @{ Name = 'SessionEnv'; State = 'Running'; ProcessId = 1100; Pid = 1100; ListensOn = $null }
            gpsvc       = @{ Name = 'gpsvc'; State = 'Running'; ProcessId = 1200; Pid = 1200; ListensOn = $null }
            Tssdis      = @{ Name = 'Tssdis'; State = 'Running'; ProcessId = 1300; Pid = 1300; ListensOn = $null }
            Dhcp        = @{ Name = 'Dhcp'; State = 'Running'; ProcessId = 1400; Pid = 1400; ListensOn = $null; DependsOn = @('nsi') }
            nsi         = @{ Name = 'nsi'; State = 'Running'; ProcessId = 1400; Pid = 1400; ListensOn = $null }
            BFE         = @{ Name = 'BFE'; State = 'Running'; ProcessId = 1500; Pid = 1500; ListensOn = $null }
            MpsSvc      = @{ Name = 'MpsSvc'; State = 'Running'; ProcessId = 1500; Pid = 1500; ListensOn = $null }
        }
        Listeners    = New-Object -TypeName System.Collections.ArrayList
        Certificates = @{ 'Remote Desktop' = @($selfSigned); 'My' = @($custom) }
        Library      = @{ $selfSigned.Thumbprint = $selfSigned; $custom.Thumbprint = $custom }
        Owners       = @{ $machineKeys = 'S-1-5-18'; $keyFile = 'S-1-5-18'; $otherKey = 'S-1-5-18' }
        Acl          = @{
            $machineKeys = @(
                @{ Sid = 'S-1-5-32-544'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
                @{ Sid = 'S-1-1-0'; Rights = 1180063; AccessType = 'Allow'; InheritOnly = $false }
            )
            $keyFile     = @(
                @{ Sid = 'S-1-5-18'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
                @{ Sid = 'S-1-5-32-544'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
                @{ Sid = 'S-1-5-20'; Rights = 1179785; AccessType = 'Allow'; InheritOnly = $false }
            )
            $otherKey    = @(
                @{ Sid = 'S-1-5-18'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
            )
        }
        Files        = @{ $machineKeys = @($keyFile, $otherKey) }
        # Version resources (major, minor, build, revision) of Windows files; absent = no such file.
        # tspkg.dll of Windows Server 2019, a build the CredSSP table does not list.
        Tspkg        = $tspkg
        FileVersions = @{ $tspkg = @(10, 0, 17763, 5830) }
        Events       = New-Object -TypeName System.Collections.ArrayList
        # Audit subcategory GUID -> AuditingInformation (1 success, 2 failure): Windows Server's
        # default for Logon is success and failure.
        Audit        = @{ '{0CCE9215-69AE-11D9-BED3-505054503030}' = 3 }
        Features     = @{ 'RDS-Connection-Broker' = $true }
        # Win32_TerminalServiceSetting.TerminalServerMode: 0 RemoteAdmin, 1 AppServer (Session Host).
        TerminalServerMode = 0
        # secedit's USER_RIGHTS export, holders as written (*SID, or a name without a SID).
        UserRights   = [ordered]@{
            SeNetworkLogonRight           = @('*S-1-1-0', '*S-1-5-32-544', '*S-1-5-32-545')
            SeRemoteInteractiveLogonRight = @('*S-1-5-32-544', '*S-1-5-32-555')
            SeDenyNetworkLogonRight       = @('Guest')
        }
        Firewall     = @{ 'RemoteDesktop-UserMode-In-TCP' = @('3389'); 'RemoteDesktop-UserMode-In-UDP' = @('3389') }
        Failing      = @{}
        # "<key>|<name>" of registry values that do not keep a write (a policy puts them back).
        Reverted     = @()
        Changes      = New-Object -TypeName System.Collections.ArrayList
        Squatter     = 'RdpSquatter'
    }
    Initialize-FakeKeyState
    Initialize-FakeBootStore
    Initialize-FakeFirewall
    Update-FakeListener
}

function global:Get-FakeConfiguredPort {
    $entry = $global:RdpFake.Registry["$($global:RdpFake.RdpTcpKey)|PortNumber"]
    if ($null -eq $entry) {
        return 3389
    }
    [int]$entry.Value
}

function global:Update-FakeListener {
    # Running services bind their port unless another process already holds it.
    foreach ($service in @($global:RdpFake.Services.Values | Where-Object { $_.State -eq 'Running' -and $_.ListensOn })) {
        $port = $service.ListensOn
        if ($port -eq 'rdp') {
            $port = Get-FakeConfiguredPort
        }
        $taken = @($global:RdpFake.Listeners | Where-Object { $_.LocalPort -eq [int]$port })
        if ($taken.Count -eq 0) {
            $null = $global:RdpFake.Listeners.Add(@{ LocalAddress = '0.0.0.0'; LocalPort = [int]$port; OwningProcess = $service.ProcessId })
        }
    }
}

function global:Test-FakeBackupWritten {
    @(Get-ChildItem -Path $global:RdpFake.BackupRoot -Filter 'backup.json' -Recurse -ErrorAction SilentlyContinue).Count -gt 0
}

function global:Add-FakeChange {
    param([string]$Change)
    $null = $global:RdpFake.Changes.Add([pscustomobject]@{ Change = $Change; BackupWritten = (Test-FakeBackupWritten) })
}

function global:Assert-FakeProbe {
    # A probe told to fail throws, as Windows does when a log, key or store cannot be read.
    param([string]$Function, [string]$Target)
    $failing = $global:RdpFake.Failing[$Function]
    if ($null -ne $failing -and ($failing -eq '*' -or $failing -eq $Target)) {
        throw "Access is denied ($Function $Target)"
    }
}

function global:Set-FakeServiceState {
    param([string]$Name, [string]$State)
    $service = $global:RdpFake.Services[$Name]
    if ($null -eq $service) {
        throw "Cannot find any service with service name '$Name'."
    }
    $old = $service.ProcessId
    $global:RdpFake.Listeners = New-Object -TypeName System.Collections.ArrayList -ArgumentList (, @($global:RdpFake.Listeners | Where-Object { $_.OwningProcess -ne $old }))
    if ($State -eq 'Stopped') {
        $service.State = 'Stopped'
        $service.ProcessId = 0
        Update-FakeListener
        return
    }
    $service.State = 'Running'
    $service.ProcessId = $service.Pid
    if ($Name -eq 'SessionEnv') {
        $valid = @($global:RdpFake.Certificates['Remote Desktop'] | Where-Object { $_.NotAfter -gt $global:RdpFake.Now -and $_.NotBefore -le $global:RdpFake.Now })
        if ($valid.Count -eq 0) {
            $fresh = New-FakeCertificate -Thumbprint (New-FakeThumbprint 99) -Subject 'CN=RDPTESTVM' -Issuer 'CN=RDPTESTVM' -NotBefore $global:RdpFake.Now -NotAfter $global:RdpFake.Now.AddDays(180)
            New-FakeRdpKey -Certificate $fresh
            $global:RdpFake.Certificates['Remote Desktop'] = @($global:RdpFake.Certificates['Remote Desktop']) + @($fresh)
            $global:RdpFake.Library[$fresh.Thumbprint] = $fresh
        }
    }
    Update-FakeListener
}

function global:Invoke-FakeIcacls {
    param([string[]]$ArgumentList)
    $target = $ArgumentList[0]
    $targets = @($target)
    if ($ArgumentList -contains '/t') {
        $targets += @($global:RdpFake.Files[$target])
    }
    $denied = @(Get-FakeIcaclsDenied -ArgumentList $ArgumentList -Targets $targets)
    $targets = @($targets | Where-Object { $denied -notcontains $_ })
    for ($i = 1; $i -lt $ArgumentList.Count; $i++) {
        if ($ArgumentList[$i] -eq '/setowner') {
            foreach ($path in $targets) {
                $global:RdpFake.Owners[$path] = $ArgumentList[$i + 1].TrimStart('*')
            }
        }
        if ($ArgumentList[$i] -eq '/grant') {
            $match = [regex]::Match($ArgumentList[$i + 1], '^\*(?<sid>S-[0-9-]+):\((?<rights>[A-Z]+)\)$')
            if (-not $match.Success) {
                throw "icacls: unexpected grant '$($ArgumentList[$i + 1])' (must be *SID:(rights))"
            }
            foreach ($path in $targets) {
                $rules = @($global:RdpFake.Acl[$path])
                $existing = @($rules | Where-Object { $_.Sid -eq $match.Groups['sid'].Value -and $_.AccessType -eq 'Allow' -and -not $_.InheritOnly })
                $rights = $global:RdpFake.Rights[$match.Groups['rights'].Value]
                if ($existing.Count -gt 0) {
                    $existing[0].Rights = $existing[0].Rights -bor $rights
                }
                else {
                    $global:RdpFake.Acl[$path] = $rules + @(@{ Sid = $match.Groups['sid'].Value; Rights = $rights; AccessType = 'Allow'; InheritOnly = $false })
                }
            }
        }
    }
    if ($denied.Count -gt 0) {
        # /c: icacls goes on past the items it cannot change, then exits 1.
        throw ('icacls.exe exited with code 1: ' + (@($denied | ForEach-Object { "${_}: Access is denied." }) -join ' '))
    }
}

function global:ConvertTo-FakeSddl {
    # Stands in for SDDL: the owner and the rules as text, in a stable order.
    param([string]$Path)
    $rules = @(foreach ($rule in @($global:RdpFake.Acl[$Path])) {
            '{0},{1},{2},{3}' -f $rule.Sid, [int64]$rule.Rights, $rule.AccessType, [bool]$rule.InheritOnly
        }) | Sort-Object
    'FAKE|' + $global:RdpFake.Owners[$Path] + '|' + (@($rules) -join ';')
}

function global:ConvertFrom-FakeSddl {
    param([string]$Path, [string]$Sddl)
    $parts = $Sddl.Split('|')
    $global:RdpFake.Owners[$Path] = $parts[1]
    $global:RdpFake.Acl[$Path] = @(foreach ($text in @($parts[2].Split(';') | Where-Object { $_ })) {
            $field = $text.Split(',')
            @{ Sid = $field[0]; Rights = [int64]$field[1]; AccessType = $field[2]; InheritOnly = ($field[3] -eq 'True') }
        })
}

function global:Get-FakePlatformCommand {
    # The module's platform layer: what Register-FakeMachineMock replaces.
    @(
        'Get-RdpDate', 'Test-RdpElevation', 'Get-RdpRegistryValue', 'Get-RdpRegistryValueKind',
        'Set-RdpRegistryValue', 'Remove-RdpRegistryValue', 'Get-RdpEventRecord', 'Get-RdpServiceInfo',
        'Get-RdpDependentService', 'Send-RdpServiceControl', 'Get-RdpTcpListener', 'Get-RdpCertificate', 'Remove-RdpCertificate',
        'Get-RdpAccessRule', 'Get-RdpSecurityDescriptor', 'Set-RdpSecurityDescriptor', 'Get-RdpChildFile',
        'Get-RdpFirewallRulePort', 'Set-RdpFirewallRulePort', 'Get-RdpWindowsFeatureState', 'Get-RdpTerminalServerMode', 'Get-RdpUserRightExport', 'Invoke-RdpNative',
        'Get-RdpPrivateKey', 'Set-RdpOwner', 'Set-RdpServiceStartMode', 'Set-RdpServiceLogonAccount',
        'Get-RdpFileVersion', 'Get-RdpAuditSetting'
    ) + @(Get-FakeBackupSecurityCommand) + @(Get-FakeFirewallPlatformCommand)
}

function global:Register-FakeMachineMock {
    # -ModuleName RdpRescue for the module; without it for the Run Command script, whose inlined
    # functions the mocks (aliases in the test's scope) take precedence over.
    param([string]$ModuleName = (Get-RdpTestModuleName))
    $target = @{}
    if ($ModuleName) {
        $target.ModuleName = $ModuleName
    }
    Mock @target -CommandName 'Get-RdpDate' -MockWith { $global:RdpFake.Now }
    Mock @target -CommandName 'Test-RdpElevation' -MockWith { [bool]$global:RdpFake.Elevated }
    Mock @target -CommandName 'Get-RdpRegistryValue' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpRegistryValue' -Target $Path
        $certificate = [regex]::Match($Path, $global:RdpFake.CertificateKey)
        if ($certificate.Success -and $Name -eq 'Blob') {
            $found = @($global:RdpFake.Certificates[$certificate.Groups['store'].Value] | Where-Object { $_.Thumbprint -eq $certificate.Groups['thumbprint'].Value })
            if ($found.Count -gt 0) {
                return , $found[0].Blob
            }
            return $null
        }
        $entry = $global:RdpFake.Registry["$Path|$Name"]
        if ($null -eq $entry) {
            return $null
        }
        , $entry.Value
    }
    Mock @target -CommandName 'Get-RdpRegistryValueKind' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpRegistryValue' -Target $Path
        $entry = $global:RdpFake.Registry["$Path|$Name"]
        if ($null -eq $entry) {
            return $null
        }
        [string]$entry.Kind
    }
    Mock @target -CommandName 'Set-RdpRegistryValue' -MockWith {
        Add-FakeChange "registry-set $Path\$Name"
        Save-FakeScmStart -Path $Path -Name $Name
        if ($global:RdpFake.Reverted -contains "$Path|$Name") {
            return
        }
        $certificate = [regex]::Match($Path, $global:RdpFake.CertificateKey)
        if ($certificate.Success -and $Name -eq 'Blob') {
            # Writing a certificate's Blob into a system store's key installs the certificate.
            $saved = $global:RdpFake.Library[$certificate.Groups['thumbprint'].Value.ToUpperInvariant()]
            $global:RdpFake.Certificates[$certificate.Groups['store'].Value] = @($global:RdpFake.Certificates[$certificate.Groups['store'].Value]) + @($saved)
            return
        }
        $kinds = @{ REG_DWORD = 'DWord'; REG_QWORD = 'QWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_MULTI_SZ = 'MultiString'; REG_BINARY = 'Binary' }
        $global:RdpFake.Registry["$Path|$Name"] = @{ Kind = $kinds[$Type]; Value = $Value }
    }
    Mock @target -CommandName 'Remove-RdpRegistryValue' -MockWith {
        if ($global:RdpFake.Registry.ContainsKey("$Path|$Name")) {
            Add-FakeChange "registry-delete $Path\$Name"
            $global:RdpFake.Registry.Remove("$Path|$Name")
        }
    }
    Mock @target -CommandName 'Get-RdpEventRecord' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpEventRecord' -Target $Channel
        Select-FakeEventRecord -Channel $Channel -XPath $XPath -MaxEvents $PesterBoundParameters['MaxEvents']
    }
    Mock @target -CommandName 'Get-RdpServiceInfo' -MockWith {
        $services = @()
        if ($PesterBoundParameters.ContainsKey('ProcessId')) {
            $services = @($global:RdpFake.Services.Values | Where-Object { $_.ProcessId -eq $ProcessId -and $_.State -eq 'Running' })
        }
        else {
            Assert-FakeProbe -Function 'Get-RdpServiceInfo' -Target $Name
            $services = @($global:RdpFake.Services[$Name] | Where-Object { $null -ne $_ })
        }
        foreach ($service in $services) {
            $start = Get-FakeScmStart -Name $service.Name
            $mode = 'Manual'
            if ($null -ne $start) {
                $mode = @{ 0 = 'Boot'; 1 = 'System'; 2 = 'Auto'; 3 = 'Manual'; 4 = 'Disabled' }[[int]$start]
            }
            [pscustomobject]@{ Name = $service.Name; State = $service.State; StartMode = $mode; StartName = (Get-FakeScmAccount -Name $service.Name); ProcessId = [int]$service.ProcessId }
        }
    }
    Register-FakeServiceMock -ModuleName $ModuleName
    Mock @target -CommandName 'Get-RdpTcpListener' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpTcpListener' -Target ([string]$Port)
        foreach ($listener in @($global:RdpFake.Listeners | Where-Object { $_.LocalPort -eq $Port })) {
            [pscustomobject]$listener
        }
    }
    Mock @target -CommandName 'Get-RdpCertificate' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpCertificate' -Target $Store
        foreach ($certificate in @($global:RdpFake.Certificates[$Store] | Where-Object { $null -ne $_ })) {
            [pscustomobject]@{
                Store      = $Store
                Thumbprint = $certificate.Thumbprint
                Subject    = $certificate.Subject
                Issuer     = $certificate.Issuer
                NotBefore  = $certificate.NotBefore
                NotAfter   = $certificate.NotAfter
                HasPrivateKey     = [bool]$certificate.KeyFile
                EnhancedKeyUsages = $certificate.EnhancedKeyUsages
            }
        }
    }
    Mock @target -CommandName 'Remove-RdpCertificate' -MockWith {
        Add-FakeChange "remove-certificate $Store"
        $global:RdpFake.Certificates[$Store] = @($global:RdpFake.Certificates[$Store] | Where-Object { $_.Thumbprint -ne $Thumbprint })
    }
    Mock @target -CommandName 'Get-RdpAccessRule' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpAccessRule' -Target $Path
        if (-not $global:RdpFake.Acl.ContainsKey($Path)) {
            throw "Cannot find path '$Path' because it does not exist."
        }
        foreach ($rule in @($global:RdpFake.Acl[$Path])) {
            [pscustomobject]@{ Sid = $rule.Sid; Rights = [int64]$rule.Rights; AccessType = $rule.AccessType; InheritOnly = [bool]$rule.InheritOnly }
        }
    }
    Mock @target -CommandName 'Get-RdpSecurityDescriptor' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpAccessRule' -Target $Path
        Assert-FakeProbe -Function 'Get-RdpSecurityDescriptor' -Target $Path
        ConvertTo-FakeSddl -Path $Path
    }
    Mock @target -CommandName 'Set-RdpSecurityDescriptor' -MockWith {
        Add-FakeChange "restore-acl $Path"
        ConvertFrom-FakeSddl -Path $Path -Sddl $Sddl
    }
    Mock @target -CommandName 'Get-RdpChildFile' -MockWith {
        # -Prefix is optional; read it from the bound parameters (strict mode may be on here).
        $Prefix = [string]$PesterBoundParameters['Prefix']
        foreach ($file in @($global:RdpFake.Files[$Path] | Where-Object { $null -ne $_ })) {
            if ((Split-Path -Path $file -Leaf).StartsWith([string]$Prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
                $file
            }
        }
    }
    Mock @target -CommandName 'Get-RdpFirewallRulePort' -MockWith {
        if (-not $global:RdpFake.Firewall.ContainsKey($Name)) {
            return $null
        }
        , @($global:RdpFake.Firewall[$Name])
    }
    Mock @target -CommandName 'Set-RdpFirewallRulePort' -MockWith {
        Add-FakeChange "firewall-rule-port $Name"
        $global:RdpFake.Firewall[$Name] = @($Port | ForEach-Object { [string]$_ })
    }
    Mock @target -CommandName 'Get-RdpWindowsFeatureState' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpWindowsFeatureState' -Target $Name
        [bool]$global:RdpFake.Features[$Name]
    }
    Mock @target -CommandName 'Get-RdpTerminalServerMode' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpTerminalServerMode' -Target '*'
        $global:RdpFake.TerminalServerMode
    }
    Mock @target -CommandName 'Get-RdpFileVersion' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpFileVersion' -Target $Path
        $version = $global:RdpFake.FileVersions[$Path]
        if ($null -eq $version) {
            throw "Could not find file '$Path'."
        }
        $version
    }
    Mock @target -CommandName 'Get-RdpAuditSetting' -MockWith {
        $key = ([guid]$Subcategory).ToString('B').ToUpperInvariant()
        Assert-FakeProbe -Function 'Get-RdpAuditSetting' -Target $key
        $setting = $global:RdpFake.Audit[$key]
        if ($null -eq $setting) {
            return 0
        }
        $setting
    }
    Mock @target -CommandName 'Get-RdpUserRightExport' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpUserRightExport' -Target '*'
        Get-FakeUserRightExport
    }
    Mock @target -CommandName 'Invoke-RdpNative' -MockWith {
        $program = (Split-Path -Path $FilePath -Leaf).ToLowerInvariant()
        switch ($program) {
            'icacls.exe' {
                if ($ArgumentList -contains '/setowner') {
                    Add-FakeChange ('take-ownership ' + $ArgumentList[([array]::IndexOf($ArgumentList, '/setowner')) + 1].TrimStart('*'))
                }
                if ($ArgumentList -contains '/grant') {
                    $sids = @(for ($i = 0; $i -lt $ArgumentList.Count; $i++) {
                            if ($ArgumentList[$i] -eq '/grant') {
                                $ArgumentList[$i + 1].Split(':')[0].TrimStart('*')
                            }
                        })
                    Add-FakeChange ('acl-grant ' + (($sids | Sort-Object) -join '+'))
                }
                Invoke-FakeIcacls -ArgumentList $ArgumentList
            }
            'bcdedit.exe' {
                Invoke-FakeBcdEdit -ArgumentList $ArgumentList
            }
            default {
                Add-FakeChange "native $program $($ArgumentList -join ' ')"
            }
        }
    }
    Register-FakeBackupSecurityMock -Target $target
    Register-FakeKeyMock @target
    Register-FakeFirewallMock -Target $target
}

function global:Set-FakeCheckFiring {
    # Puts the machine in the state in which one check of the catalog finds its problem.
    param([hashtable]$Check)
    switch ($Check.Kind) {
        'event-query' {
            $data = @{}
            foreach ($condition in @($Check.DataConditions)) {
                $data[@($condition.Fields)[0]] = [string]@($condition.Accepted)[0]
            }
            foreach ($field in @($Check.ReportFields)) {
                if (-not $data.ContainsKey($field)) {
                    $data[$field] = '0x8009030D'
                }
            }
            $null = $global:RdpFake.Events.Add(@{
                    Channel      = $Check.Channel
                    ProviderName = $Check.Provider
                    Id           = [int]@($Check.EventIds)[0]
                    TimeCreated  = $global:RdpFake.Now.AddHours(-1)
                    Data         = $data
                })
        }
        'registry-value' {
            $key = "$($Check.Key)|$($Check.Name)"
            switch ($Check.Op) {
                'equals' {
                    $global:RdpFake.Registry[$key] = @{ Kind = $(if ($Check.Value -is [string]) { 'String' } else { 'DWord' }); Value = $Check.Value }
                }
                'not-equals' {
                    if ($Check.Value -is [string]) {
                        $global:RdpFake.Registry[$key] = @{ Kind = 'String'; Value = 'not-' + $Check.Value }
                    }
                    else {
                        $global:RdpFake.Registry[$key] = @{ Kind = 'DWord'; Value = [int]$Check.Value + 1 }
                    }
                }
                'absent' {
                    $global:RdpFake.Registry.Remove($key)
                }
                'none-of' {
                    $global:RdpFake.Registry.Remove($key)
                }
                default {
                    $global:RdpFake.Registry[$key] = @{ Kind = 'DWord'; Value = 1 }
                }
            }
        }
        'service-state' {
            if ($Check.FiresWhen -eq 'disabled') {
                $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$($Check.Service)|Start"] = @{ Kind = 'DWord'; Value = 4 }
            }
            else {
                Set-FakeServiceState -Name $Check.Service -State 'Stopped'
            }
        }
        'rdp-listener' {
            # Another service took the RDP port before TermService could bind it.
            $port = Get-FakeConfiguredPort
            $global:RdpFake.Services[$global:RdpFake.Squatter] = @{ Name = $global:RdpFake.Squatter; State = 'Running'; ProcessId = 4242; Pid = 4242; ListensOn = $port }
            $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$($global:RdpFake.Squatter)|Start"] = @{ Kind = 'DWord'; Value = 2 }
            $global:RdpFake.Listeners = New-Object -TypeName System.Collections.ArrayList -ArgumentList (, @($global:RdpFake.Listeners | Where-Object { $_.LocalPort -ne $port }))
            $null = $global:RdpFake.Listeners.Add(@{ LocalAddress = '0.0.0.0'; LocalPort = $port; OwningProcess = 4242 })
        }
        'certificate-store' {
            # Only an expired self-signed certificate is left.
            $expired = New-FakeCertificate -Thumbprint (New-FakeThumbprint 3) -Subject 'CN=RDPTESTVM' -Issuer 'CN=RDPTESTVM' -NotBefore $global:RdpFake.Now.AddDays(-400) -NotAfter $global:RdpFake.Now.AddDays(-35)
            $global:RdpFake.Certificates[$Check.Store] = @($expired)
            $global:RdpFake.Library[$expired.Thumbprint] = $expired
        }
        'certificate-binding' {
            $missing = [byte[]](1..20)
            $global:RdpFake.Registry["$($Check.Key)|$($Check.Name)"] = @{ Kind = 'Binary'; Value = $missing }
        }
        'folder-acl' {
            $ace = @($Check.RequiredAces)[0]
            $paths = @($global:RdpFake.MachineKeys)
            if ($null -ne $ace.FilesStartingWith) {
                $paths = @($global:RdpFake.Files[$global:RdpFake.MachineKeys] | Where-Object { (Split-Path -Path $_ -Leaf).StartsWith($ace.FilesStartingWith) })
            }
            foreach ($path in $paths) {
                $global:RdpFake.Acl[$path] = @($global:RdpFake.Acl[$path] | Where-Object { $_.Sid -ne $ace.Sid })
            }
        }
        'windows-feature' {
            $global:RdpFake.Features[$Check.Feature] = $true
        }
        'rdsh-server-mode' {
            $global:RdpFake.TerminalServerMode = 1
        }
        'file-version' {
            # One revision below the first build's minimum.
            $path = & (Get-Module -Name (Get-RdpTestModuleName)) { param($Path) Resolve-RdpWindowsPath -Path $Path } $Check.Path
            $minimum = @(@($Check.Minimums)[0].Minimum)
            $global:RdpFake.FileVersions[$path] = @($minimum[0], $minimum[1], $minimum[2], ($minimum[3] - 1))
        }
        'user-right' {
            $holders = @($global:RdpFake.UserRights[$Check.Right])
            $sid = '*' + @($Check.Sids)[0]
            if ($Check.FiresWhen -eq 'granted-any') {
                $global:RdpFake.UserRights[$Check.Right] = @($holders | Where-Object { $_ }) + $sid
            }
            else {
                $global:RdpFake.UserRights[$Check.Right] = @($holders | Where-Object { $_ -ne $sid })
            }
        }
        'boot-entry' {
            Set-FakeBootElement -ElementType $Check.ElementType -Value ([byte[]](0, 0, 0, 0, 0, 0, 0, 0))
        }
        'service-config' {
            # Changed through the service control manager, as sc config would.
            $service = $global:RdpFake.Services[$Check.Service]
            if ($Check.Setting -eq 'start-type') {
                $service.ScmStart = 4
                $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$($Check.Service)|Start"] = @{ Kind = 'DWord'; Value = 4 }
            }
            else {
                $service.StartName = '.\rdpuser'
                $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$($Check.Service)|ObjectName"] = @{ Kind = 'String'; Value = '.\rdpuser' }
            }
        }
        default {
            if (-not (Set-FakeFirewallCheckFiring -Check $Check)) {
                throw "FakeMachine does not know check kind '$($Check.Kind)': teach Set-FakeCheckFiring and Set-FakeCheckFailing"
            }
        }
    }
}

function global:Set-FakeCheckFailing {
    # Makes the probe one check depends on throw, as when a log, key or store cannot be read.
    param([hashtable]$Check)
    $probe = @{
        'event-query'         = @('Get-RdpEventRecord', $Check.Channel)
        'registry-value'      = @('Get-RdpRegistryValue', $Check.Key)
        'service-state'       = @('Get-RdpServiceInfo', $Check.Service)
        'rdp-listener'        = @('Get-RdpTcpListener', '*')
        'certificate-store'   = @('Get-RdpCertificate', $Check.Store)
        'certificate-binding' = @('Get-RdpRegistryValue', $Check.Key)
        'folder-acl'          = @('Get-RdpAccessRule', '*')
        'windows-feature'     = @('Get-RdpWindowsFeatureState', '*')
        'rdsh-server-mode'    = @('Get-RdpTerminalServerMode', '*')
        'file-version'        = @('Get-RdpFileVersion', '*')
        'user-right'          = @('Get-RdpUserRightExport', '*')
        'boot-entry'          = @('Get-RdpRegistryValue', $global:RdpFake.BootPointer)
        'service-config'      = @('Get-RdpServiceInfo', $Check.Service)
    }[$Check.Kind]
    if ($null -eq $probe) {
        $probe = Get-FakeFirewallProbe -Check $Check
    }
    if ($null -eq $probe) {
        throw "FakeMachine does not know check kind '$($Check.Kind)'"
    }
    $global:RdpFake.Failing[$probe[0]] = $probe[1]
}

function global:Get-FakeState {
    # What a repair may change and an undo must put back, as comparable text.
    $registry = @(foreach ($key in $global:RdpFake.Registry.Keys) {
            $entry = $global:RdpFake.Registry[$key]
            $value = $entry.Value
            if ($value -is [byte[]]) {
                $value = [System.BitConverter]::ToString($value)
            }
            '{0}={1}:{2}' -f $key, $entry.Kind, $value
        }) | Sort-Object
    $acl = @(foreach ($path in $global:RdpFake.Acl.Keys) {
            ConvertTo-FakeSddl -Path $path
        }) | Sort-Object
    $firewall = @(foreach ($rule in $global:RdpFake.Firewall.Keys) {
            '{0}={1}' -f $rule, (@($global:RdpFake.Firewall[$rule]) -join ',')
        }) | Sort-Object
    $certificates = @(foreach ($store in $global:RdpFake.Certificates.Keys) {
            foreach ($certificate in @($global:RdpFake.Certificates[$store] | Where-Object { $null -ne $_ })) {
                '{0}\{1}' -f $store, $certificate.Thumbprint
            }
        }) | Sort-Object
    $running = @($global:RdpFake.Services.Values | Where-Object { $_.State -eq 'Running' } | ForEach-Object { $_.Name }) | Sort-Object
    [pscustomobject]@{
        Registry     = @($registry)
        Acl          = @($acl)
        Firewall     = @($firewall)
        Certificates = @($certificates)
        Running      = @($running)
    }
}

function global:Get-FakeChange {
    @($global:RdpFake.Changes)
}

function global:Get-ExpectedChange {
    # The change each operation of a fix must make, in the fake's terms (see Add-FakeChange).
    param([hashtable]$Operation)
    switch ($Operation.Kind) {
        'registry-set' {
            "registry-set $($Operation.Key)\$($Operation.Name)"
        }
        'registry-delete' {
            "registry-delete $($Operation.Key)\$($Operation.Name)"
        }
        'acl-grant' {
            'acl-grant ' + ((@($Operation.Grants) | ForEach-Object { $_.Sid } | Sort-Object) -join '+')
        }
        'take-ownership' {
            "take-ownership $($Operation.Owner)"
        }
        'private-key-grant' {
            'acl-grant ' + ((@($Operation.Grants) | ForEach-Object { $_.Sid } | Sort-Object) -join '+')
        }
        'service-restart' {
            # A running service is stopped, then started.
            "service-stop $($Operation.Service)"
            "service-start $($Operation.Service)"
        }
        'service-start' {
            # Starting a running service changes nothing: optional, see the tests.
            "service-start $($Operation.Service)"
        }
        'service-stop' {
            $name = $Operation.Service
            if (-not $name) {
                $name = $global:RdpFake.Squatter
            }
            "service-stop $name"
        }
        'service-start-type' {
            if ($Operation.ViaRegistry) {
                "registry-set HKLM:\SYSTEM\CurrentControlSet\Services\$($Operation.Service)\Start"
            }
            else {
                $mode = @{ automatic = 'Automatic'; manual = 'Manual'; disabled = 'Disabled' }[$Operation.StartType]
                "service-start-type $($Operation.Service) $mode"
            }
        }
        'service-logon-account' {
            "service-logon-account $($Operation.Service) $($Operation.Account)"
        }
        'remove-self-signed-certificates' {
            "remove-certificate $($Operation.Store)"
        }
        'firewall-rule-port' {
            "firewall-rule-port $($Operation.Rule)"
        }
        'bcd-delete-value' {
            "bcd-delete-value $($Operation.Entry) $($Operation.Element)"
        }
        default {
            $change = Get-FakeFirewallExpectedChange -Operation $Operation
            if ($null -eq $change) {
                throw "no expected change known for operation kind '$($Operation.Kind)'"
            }
            $change
        }
    }
}


# Backup folders: who owns them and who may change them. Folders and files are real (under
# TestDrive); their owner and permissions are the fake's, kept in $global:RdpFake.ItemSecurity
# (created on first use, so every Reset-FakeMachine starts without any).

function global:Get-FakeBackupSecurityCommand {
    @('New-RdpProtectedDirectory', 'Get-RdpItemSecurity')
}

function global:Get-FakeStandardUserSid {
    # A local account that is not an administrator.
    'S-1-5-21-1004336348-1177238915-682003330-1001'
}

function global:Get-FakeItemSecurityTable {
    if (-not $global:RdpFake.ContainsKey('ItemSecurity')) {
        $global:RdpFake.ItemSecurity = @{}
    }
    $global:RdpFake.ItemSecurity
}

function global:New-FakeAllowRule {
    param([string]$Sid, [int64]$Rights = 2032127)
    @{ Sid = $Sid; Rights = $Rights; AccessType = 'Allow'; InheritOnly = $false }
}

function global:Set-FakeItemSecurity {
    param([string]$Path, [string]$Owner, [object[]]$Rules)
    (Get-FakeItemSecurityTable)[$Path] = @{ Owner = $Owner; Rules = @($Rules) }
}

function global:Register-FakeBackupSecurityMock {
    param([hashtable]$Target)
    Mock @Target -CommandName 'New-RdpProtectedDirectory' -MockWith {
        $null = New-Item -ItemType Directory -Path $Path -Force
        $table = Get-FakeItemSecurityTable
        # Like Windows: a folder that already exists keeps its owner and permissions.
        if (-not $table.ContainsKey($Path)) {
            $table[$Path] = @{ Owner = 'S-1-5-32-544'; Rules = @((New-FakeAllowRule 'S-1-5-18'), (New-FakeAllowRule 'S-1-5-32-544')) }
        }
    }
    Mock @Target -CommandName 'Get-RdpItemSecurity' -MockWith {
        $table = Get-FakeItemSecurityTable
        $security = $table[$Path]
        $parent = Split-Path -Path $Path -Parent
        if ($null -eq $security -and (Test-Path -LiteralPath $Path) -and $table.ContainsKey($parent)) {
            # A file written into a folder the fake knows: the folder's permissions, owned by the
            # elevated administrator who wrote it.
            $security = @{ Owner = 'S-1-5-32-544'; Rules = $table[$parent].Rules }
        }
        if ($null -eq $security) {
            throw "Cannot find path '$Path' because it does not exist."
        }
        [pscustomobject]@{ Owner = $security.Owner; Rules = @($security.Rules | ForEach-Object { [pscustomobject]$_ }) }
    }
}

function global:Get-FakePlantedEntry {
    # Manifest entries no fix of the catalog writes, each naming a real fix: a Run key value (a
    # program started at every logon), a root CA certificate, and MachineKeys permissions that
    # reach outside MachineKeys.
    param([ValidateSet('RunKey', 'RootCertificate', 'AclOutsideFolder')][string]$Kind)
    switch ($Kind) {
        'RunKey' {
            [ordered]@{ Kind = 'registry-value'; Key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Run'; Name = 'Updater'; ValueKind = 'String'; Value = 'C:\Users\Public\updater.exe'; Fix = 'enable-tls12-server' }
        }
        'RootCertificate' {
            $blob = [Convert]::ToBase64String([System.Text.Encoding]::ASCII.GetBytes('CERT:planted'))
            [ordered]@{ Kind = 'certificate-store'; Store = 'Root'; Certificates = @(@{ Thumbprint = (New-FakeThumbprint 666); Blob = $blob }); Fix = 'renew-rdp-self-signed-cert' }
        }
        'AclOutsideFolder' {
            $outside = Join-Path -Path $global:RdpFake.MachineKeys -ChildPath '../../../../Windows/System32/config/SAM'
            [ordered]@{ Kind = 'acl'; Path = $global:RdpFake.MachineKeys; Entries = @(@{ Path = $outside; Sddl = 'FAKE|S-1-1-0|S-1-1-0,2032127,Allow,False' }); Fix = 'reset-machinekeys-acl' }
        }
    }
}

function global:Add-FakePlantedManifestEntry {
    # Appends entries (and services to restart) to an existing backup.json, as anyone who could
    # write it would.
    param([string]$BackupPath, [object[]]$Entry, [string[]]$RestartsServices = @())
    $file = Join-Path -Path $BackupPath -ChildPath 'backup.json'
    $manifest = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json
    $manifest.items = @($manifest.items) + @($Entry | ForEach-Object { [pscustomobject]$_ })
    $manifest.restartsServices = @($manifest.restartsServices) + @($RestartsServices)
    Set-Content -LiteralPath $file -Value (ConvertTo-Json -InputObject $manifest -Depth 8)
}

function global:New-FakePlantedBackup {
    # A backup root and folder that a standard user created before any repair (every user may
    # create folders under ProgramData), holding a manifest with the given entries.
    param([string]$Root, [object[]]$Entry)
    $owner = Get-FakeStandardUserSid
    $folder = Join-Path -Path $Root -ChildPath '20260601-000000'
    $null = New-Item -ItemType Directory -Path $folder -Force
    $rules = @((New-FakeAllowRule $owner), (New-FakeAllowRule 'S-1-5-18'), (New-FakeAllowRule 'S-1-5-32-544'))
    foreach ($path in @($Root, $folder)) {
        Set-FakeItemSecurity -Path $path -Owner $owner -Rules $rules
    }
    $manifest = [ordered]@{
        schema           = 'urn:rdp-rescue:backup:1'
        fixes            = @($Entry | ForEach-Object { $_.Fix } | Sort-Object -Unique)
        restartsServices = @()
        items            = @($Entry)
    }
    Set-Content -LiteralPath (Join-Path -Path $folder -ChildPath 'backup.json') -Value (ConvertTo-Json -InputObject $manifest -Depth 8)
    $folder
}

# --- Services that depend on each other, and services that hang -------------------------------
# A fake service may carry DependsOn (names it needs running) and Hangs ('Start' or 'Stop': it
# stays START_PENDING or STOP_PENDING after that request, as a stuck service does). The mocks
# answer like the service control manager: a start starts what the service depends on first; a
# stop is refused while a dependent runs (ControlService's ERROR_DEPENDENT_SERVICES_RUNNING), so
# the module must stop dependents itself.

function global:Add-FakeService {
    param(
        [string]$Name,
        [string[]]$DependsOn = @(),
        [string]$State = 'Running',
        [int]$ProcessId = 0,
        [string]$Hangs = ''
    )
    if ($ProcessId -eq 0) {
        $ProcessId = 5000 + $global:RdpFake.Services.Count
    }
    $running = 0
    if ($State -ne 'Stopped') {
        $running = $ProcessId
    }
    $global:RdpFake.Services[$Name] = @{ Name = $Name; State = $State; ProcessId = $running; Pid = $ProcessId; ListensOn = $null; DependsOn = @($DependsOn); Hangs = $Hangs }
    $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$Name|Start"] = @{ Kind = 'DWord'; Value = 3 }
}

function global:Set-FakeServiceBehavior {
    # Makes an existing fake service (TermService, the squatter...) depend on others or hang.
    param([string]$Name, [string[]]$DependsOn = @(), [string]$Hangs = '')
    $service = $global:RdpFake.Services[$Name]
    $service.DependsOn = @($DependsOn)
    $service.Hangs = $Hangs
}

function global:Get-FakeDependentService {
    # Every service that depends on Name, directly or not, in the order to stop them (what
    # EnumDependentServices returns): a service's own dependents come before it.
    param([string]$Name, [hashtable]$Seen = @{})
    $direct = @($global:RdpFake.Services.Values | Where-Object { @($_.DependsOn) -contains $Name } | ForEach-Object { $_.Name } | Sort-Object)
    foreach ($dependent in $direct) {
        if (-not $Seen.ContainsKey($dependent)) {
            $Seen[$dependent] = $true
            Get-FakeDependentService -Name $dependent -Seen $Seen
            $dependent
        }
    }
}

function global:Invoke-FakeServiceControl {
    param([string]$Name, [string]$Control)
    $service = $global:RdpFake.Services[$Name]
    if ($null -eq $service) {
        throw "Service '$Name' was not found on computer '.'."
    }
    if ($Control -eq 'Start') {
        if ($service.State -ne 'Stopped') {
            throw "Cannot start service $Name on computer '.'. An instance of the service is already running."
        }
        $start = Get-FakeScmStart -Name $Name
        if ($null -ne $start -and [int]$start -eq 4) {
            throw "Cannot start service $Name on computer '.'. The service cannot be started because it is disabled."
        }
        foreach ($needed in @($service.DependsOn | Where-Object { $_ })) {
            if ($global:RdpFake.Services[$needed].State -eq 'Stopped') {
                Invoke-FakeServiceControl -Name $needed -Control 'Start'
            }
        }
        Add-FakeChange "service-start $Name"
        if ($service.Hangs -eq 'Start') {
            $service.State = 'Start Pending'
            $service.ProcessId = $service.Pid
            return
        }
        Set-FakeServiceState -Name $Name -State 'Running'
        return
    }
    if ($service.State -eq 'Stopped') {
        throw "Cannot stop $Name service on computer '.'. The service has not been started."
    }
    if ($service.State -eq 'Start Pending' -or $service.State -eq 'Stop Pending') {
        # ControlService: ERROR_SERVICE_CANNOT_ACCEPT_CTRL in START_PENDING and STOP_PENDING.
        throw "Cannot stop $Name service on computer '.'. The service cannot accept control messages at this time."
    }
    $active = @($global:RdpFake.Services.Values | Where-Object { @($_.DependsOn) -contains $Name -and $_.State -ne 'Stopped' })
    if ($active.Count -gt 0) {
        throw "Cannot stop $Name service on computer '.'. A stop control has been sent to a service that other running services are dependent on."
    }
    Add-FakeChange "service-stop $Name"
    if ($service.Hangs -eq 'Stop') {
        $service.State = 'Stop Pending'
        return
    }
    Set-FakeServiceState -Name $Name -State 'Stopped'
}

function global:Register-FakeServiceMock {
    param([string]$ModuleName = (Get-RdpTestModuleName))
    $target = @{}
    if ($ModuleName) {
        $target.ModuleName = $ModuleName
    }
    Mock @target -CommandName 'Get-RdpDependentService' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpDependentService' -Target $Name
        Get-FakeDependentService -Name $Name
    }
    Mock @target -CommandName 'Send-RdpServiceControl' -MockWith {
        Assert-FakeProbe -Function 'Send-RdpServiceControl' -Target $Name
        Invoke-FakeServiceControl -Name $Name -Control $Control
    }
    Mock @target -CommandName 'Set-RdpServiceLogonAccount' -MockWith {
        Assert-FakeProbe -Function 'Set-RdpServiceLogonAccount' -Target $Name
        $service = $global:RdpFake.Services[$Name]
        if ($null -eq $service) {
            throw "Service '$Name' was not found on computer '.'."
        }
        Add-FakeChange "service-logon-account $Name $Account"
        $service.StartName = $Account
        $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$Name|ObjectName"] = @{ Kind = 'String'; Value = $Account }
    }
    Mock @target -CommandName 'Set-RdpServiceStartMode' -MockWith {
        Assert-FakeProbe -Function 'Set-RdpServiceStartMode' -Target $Name
        $service = $global:RdpFake.Services[$Name]
        if ($null -eq $service) {
            throw "Service '$Name' was not found on computer '.'."
        }
        Add-FakeChange "service-start-type $Name $StartType"
        # The service control manager changes its own view and the registry value together.
        $start = @{ Automatic = 2; Manual = 3; Disabled = 4 }[$StartType]
        $service.ScmStart = $start
        $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$Name|Start"] = @{ Kind = 'DWord'; Value = $start }
    }
}

function global:Get-FakeScmAccount {
    # The account the service control manager starts a service as: ObjectName as read at boot,
    # then changed only through it (Set-RdpServiceLogonAccount).
    param([string]$Name)
    $service = $global:RdpFake.Services[$Name]
    if ($null -ne $service -and $service.ContainsKey('StartName')) {
        return $service.StartName
    }
    $account = $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$Name|ObjectName"]
    if ($null -eq $account) {
        return 'LocalSystem'
    }
    [string]$account.Value
}

function global:Get-FakeScmStart {
    # The start type the service control manager acts on: read from the registry at boot, then
    # changed only through it (Set-RdpServiceStartMode), never by a later registry write.
    param([string]$Name)
    $service = $global:RdpFake.Services[$Name]
    if ($null -ne $service -and $service.ContainsKey('ScmStart')) {
        return $service.ScmStart
    }
    $start = $global:RdpFake.Registry["HKLM:\SYSTEM\CurrentControlSet\Services\$Name|Start"]
    if ($null -eq $start) {
        return $null
    }
    [int]$start.Value
}

function global:Save-FakeScmStart {
    # Before the module writes a service's Start value: the service control manager keeps the
    # one it read at boot.
    param([string]$Path, [string]$Name)
    $match = [regex]::Match($Path, '^HKLM:\\SYSTEM\\CurrentControlSet\\Services\\([^\\]+)$')
    if (-not $match.Success -or $Name -ne 'Start') {
        return
    }
    $service = $global:RdpFake.Services[$match.Groups[1].Value]
    if ($null -ne $service -and -not $service.ContainsKey('ScmStart')) {
        $service.ScmStart = Get-FakeScmStart -Name $match.Groups[1].Value
    }
}

# --- Event queries and floods -------------------------------------------------------------------

function global:Select-FakeEventRecord {
    # Answers the module's XPath (providers, event ids, time window) as Windows does, newest
    # first and at most MaxEvents (Get-RdpEventRecord's default: 1000).
    param([string]$Channel, [string]$XPath, [object]$MaxEvents)
    if ($null -eq $MaxEvents) {
        $MaxEvents = 1000
    }
    $providers = @([regex]::Matches($XPath, "@Name='([^']+)'") | ForEach-Object { $_.Groups[1].Value })
    $ids = @([regex]::Matches($XPath, 'EventID=(\d+)') | ForEach-Object { [int]$_.Groups[1].Value })
    $window = [regex]::Match($XPath, 'timediff\(@SystemTime\) <= (\d+)')
    $since = [datetime]::MinValue
    if ($window.Success) {
        $since = $global:RdpFake.Now.AddMilliseconds(-[double]$window.Groups[1].Value)
    }
    # EventData[Data[@Name='F']='v' or ...] groups: each must hold, by one of its terms.
    $groups = @($XPath -split ' and EventData\[' | Select-Object -Skip 1 | ForEach-Object {
            , @([regex]::Matches($_, "Data\[@Name='([^']+)'\]='([^']+)'") | ForEach-Object { @{ Field = $_.Groups[1].Value; Value = $_.Groups[2].Value } })
        })
    $selected = @($global:RdpFake.Events | Where-Object {
            $record = $_
            $held = $true
            foreach ($terms in $groups) {
                $held = $held -and @($terms | Where-Object { $record.Data.ContainsKey($_.Field) -and [string]$record.Data[$_.Field] -ceq $_.Value }).Count -gt 0
            }
            $held -and $_.Channel -eq $Channel -and ($providers.Count -eq 0 -or $providers -contains $_.ProviderName) -and ($ids.Count -eq 0 -or $ids -contains $_.Id) -and $_.TimeCreated -ge $since
        } | Sort-Object -Property { $_.TimeCreated } -Descending | Select-Object -First ([int]$MaxEvents))
    foreach ($record in $selected) {
        [pscustomobject]@{ ProviderName = $record.ProviderName; Id = $record.Id; TimeCreated = $record.TimeCreated; Data = $record.Data }
    }
}

function global:Get-FakeUserRightExport {
    # The lines secedit /export /areas USER_RIGHTS writes (Get-Content -Encoding Unicode of its
    # file): a right nobody holds has no line.
    '[Unicode]'
    'Unicode=yes'
    '[Privilege Rights]'
    foreach ($right in $global:RdpFake.UserRights.Keys) {
        $holders = @($global:RdpFake.UserRights[$right] | Where-Object { $_ })
        if ($holders.Count -gt 0) {
            '{0} = {1}' -f $right, ($holders -join ',')
        }
    }
    '[Version]'
    'signature="$CHICAGO$"'
    'Revision=1'
}

function global:Add-FakeEvent {
    param([string]$Channel = 'System', [string]$ProviderName, [int]$Id, [datetime]$TimeCreated, [hashtable]$Data = @{})
    $null = $global:RdpFake.Events.Add(@{ Channel = $Channel; ProviderName = $ProviderName; Id = $Id; TimeCreated = $TimeCreated; Data = $Data })
}

function global:Add-FakeEventFlood {
    # Count events of the given ids, alternating, one second apart, the newest a minute ago: the
    # Schannel storm a broken key or a scanner causes.
    param([int]$Count, [int[]]$Ids = @(36870, 36872), [string]$ProviderName = 'Schannel', [hashtable]$Data = @{})
    for ($i = 0; $i -lt $Count; $i++) {
        Add-FakeEvent -ProviderName $ProviderName -Id $Ids[$i % $Ids.Count] -TimeCreated $global:RdpFake.Now.AddMinutes(-1).AddSeconds(-$i) -Data $Data
    }
}


# Private keys, owners and what an administrator may do to a file. Windows' rules, as far as
# RdpRescue depends on them:
# - icacls changes an owner only with WRITE_OWNER from the DACL ("/setowner does not force a
#   change of ownership"), and a DACL only with READ_CONTROL and WRITE_DAC, which the owner
#   always has;
# - Set-RdpOwner holds the take-ownership and restore privileges, so no DACL stops it;
# - a certificate's private key may be missing or damaged ($global:RdpFake.BrokenKeys) while
#   the certificate still says it has one.

function global:Initialize-FakeKeyState {
    # The self-signed certificate's key is the RDP key file; the CA certificate in My has its
    # own key, readable by SYSTEM and Administrators only (as an imported key is).
    $fake = $global:RdpFake
    $fake.CngKeys = & (Get-Module -Name (Get-RdpTestModuleName)) {
        Resolve-RdpWindowsPath -Path @{ Root = 'ProgramData'; Sub = 'Microsoft\Crypto\Keys' }
    }
    $null = New-Item -ItemType Directory -Path $fake.CngKeys -Force
    $fake.CustomKeyFile = Join-Path -Path $fake.MachineKeys -ChildPath '3c4d5e6f708192a3b4c5d6e7f8091a2b_5a6b7c8d-0000-4000-8000-000000000003'
    $null = New-Item -ItemType File -Path $fake.CustomKeyFile -Force
    $fake.Files[$fake.MachineKeys] = @($fake.Files[$fake.MachineKeys]) + @($fake.CustomKeyFile)
    $fake.Owners[$fake.CustomKeyFile] = 'S-1-5-32-544'
    $fake.Acl[$fake.CustomKeyFile] = @(
        @{ Sid = 'S-1-5-18'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
        @{ Sid = 'S-1-5-32-544'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
    )
    $fake.Owners[$fake.CngKeys] = 'S-1-5-18'
    $fake.Acl[$fake.CngKeys] = @(
        @{ Sid = 'S-1-5-18'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
        @{ Sid = 'S-1-5-32-544'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
    )
    $fake.BrokenKeys = @()
    $fake.Library[(New-FakeThumbprint 1)].KeyFile = $fake.RdpKeyFile
    $fake.Library[(New-FakeThumbprint 2)].KeyFile = $fake.CustomKeyFile
}

function global:New-FakeRdpKey {
    # Remote Desktop Configuration creates a new key with its new certificate (TSSecKeySet1,
    # the RDP key file), readable by NETWORK SERVICE.
    param([hashtable]$Certificate)
    $fake = $global:RdpFake
    $Certificate.KeyFile = $fake.RdpKeyFile
    $fake.BrokenKeys = @($fake.BrokenKeys | Where-Object { $_ -ne $fake.RdpKeyFile })
    if (@($fake.Files[$fake.MachineKeys]) -notcontains $fake.RdpKeyFile) {
        $fake.Files[$fake.MachineKeys] = @($fake.Files[$fake.MachineKeys]) + @($fake.RdpKeyFile)
    }
    $fake.Owners[$fake.RdpKeyFile] = 'S-1-5-18'
    $fake.Acl[$fake.RdpKeyFile] = @(
        @{ Sid = 'S-1-5-18'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
        @{ Sid = 'S-1-5-32-544'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
        @{ Sid = 'S-1-5-20'; Rights = 1179785; AccessType = 'Allow'; InheritOnly = $false }
    )
}

function global:Get-FakeAdminRight {
    # What an elevated administrator is allowed on a path without privileges: the DACL's
    # entries for the groups of its token, plus READ_CONTROL and WRITE_DAC when it owns it.
    param([string]$Path)
    $groups = @('S-1-5-32-544', 'S-1-1-0', 'S-1-5-11', 'S-1-5-32-545')
    $allowed = [int64]0
    $denied = [int64]0
    foreach ($rule in @($global:RdpFake.Acl[$Path] | Where-Object { $null -ne $_ -and $groups -contains $_.Sid -and -not $_.InheritOnly })) {
        if ($rule.AccessType -eq 'Allow') {
            $allowed = $allowed -bor [int64]$rule.Rights
        }
        else {
            $denied = $denied -bor [int64]$rule.Rights
        }
    }
    if ($global:RdpFake.Owners[$Path] -eq 'S-1-5-32-544') {
        $allowed = $allowed -bor 0x60000
    }
    $allowed -band (-bnot $denied)
}

function global:Get-FakeIcaclsDenied {
    # The targets icacls may not change: /setowner needs WRITE_OWNER (0x80000), /grant needs
    # READ_CONTROL and WRITE_DAC (0x60000).
    param([string[]]$ArgumentList, [string[]]$Targets)
    $need = [int64]0
    if ($ArgumentList -contains '/setowner') {
        $need = $need -bor 0x80000
    }
    if ($ArgumentList -contains '/grant') {
        $need = $need -bor 0x60000
    }
    foreach ($path in $Targets) {
        if (((Get-FakeAdminRight -Path $path) -band $need) -ne $need) {
            $path
        }
    }
}

function global:Register-FakeKeyMock {
    param([string]$ModuleName)
    $target = @{}
    if ($ModuleName) {
        $target.ModuleName = $ModuleName
    }
    Mock @target -CommandName 'Get-RdpPrivateKey' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpPrivateKey' -Target $Thumbprint
        $found = @($global:RdpFake.Certificates[$Store] | Where-Object { $null -ne $_ -and $_.Thumbprint -eq $Thumbprint })
        if ($found.Count -eq 0) {
            throw "Cannot find path 'Cert:\LocalMachine\$Store\$Thumbprint' because it does not exist."
        }
        $file = $found[0].KeyFile
        if (-not $file -or @($global:RdpFake.BrokenKeys) -contains $file) {
            return [pscustomobject]@{ Opens = $false; File = $null }
        }
        [pscustomobject]@{ Opens = $true; File = $file }
    }
    Mock @target -CommandName 'Set-RdpOwner' -MockWith {
        Assert-FakeProbe -Function 'Set-RdpOwner' -Target $Path
        Add-FakeChange "take-ownership $Sid"
        $global:RdpFake.Owners[$Path] = $Sid
    }
}


# Boot store: Windows mounts its own BCD at HKLM\BCD00000000, an entry a key named by its GUID,
# an element a key named by its type number with the data in its Element value (integers as
# 8-byte little-endian binary). {default} is the GUID the boot manager's 23000003 element
# holds. bcdedit /export writes the store to a file, /import puts it back whole, /deletevalue
# removes one element and fails (exit code 1) when the entry does not carry it.

function global:Initialize-FakeBootStore {
    $store = 'HKLM:\BCD00000000\Objects'
    $global:RdpFake.BootStoreKey = 'HKLM:\BCD00000000\'
    $global:RdpFake.BootPointer = "$store\{9dea862c-5cdd-4e70-acc1-f32b344d4795}\Elements\23000003"
    $global:RdpFake.DefaultEntry = '{6c1f4c2a-3d5e-11ee-9a5b-000d3a1f2b3c}'
    $global:RdpFake.Registry["$($global:RdpFake.BootPointer)|Element"] = @{ Kind = 'String'; Value = $global:RdpFake.DefaultEntry }
    # The OS loader's nx element (BcdOSLoaderInteger_NxPolicy, OptIn = 0), which no fix touches.
    $global:RdpFake.Registry["$store\$($global:RdpFake.DefaultEntry)\Elements\25000020|Element"] = @{ Kind = 'Binary'; Value = [byte[]](0, 0, 0, 0, 0, 0, 0, 0) }
}

function global:Get-FakeBootElementKey {
    param([string]$ElementType)
    'HKLM:\BCD00000000\Objects\{0}\Elements\{1}|Element' -f $global:RdpFake.DefaultEntry, $ElementType
}

function global:Set-FakeBootElement {
    param([string]$ElementType, [byte[]]$Value)
    $global:RdpFake.Registry[(Get-FakeBootElementKey -ElementType $ElementType)] = @{ Kind = 'Binary'; Value = $Value }
}

function global:Invoke-FakeBcdEdit {
    param([string[]]$ArgumentList)
    $types = @{ safeboot = '25000080'; safebootalternateshell = '26000081' }
    switch ($ArgumentList[0]) {
        '/export' {
            $entries = @(foreach ($key in @($global:RdpFake.Registry.Keys | Where-Object { $_.StartsWith($global:RdpFake.BootStoreKey) })) {
                    $entry = $global:RdpFake.Registry[$key]
                    $value = $entry.Value
                    if ($value -is [byte[]]) {
                        $value = [Convert]::ToBase64String($value)
                    }
                    @{ Key = $key; Kind = $entry.Kind; Value = $value }
                })
            Set-Content -LiteralPath $ArgumentList[1] -Value (ConvertTo-Json -InputObject $entries -Depth 3)
        }
        '/import' {
            Add-FakeChange 'bcd-import'
            foreach ($key in @($global:RdpFake.Registry.Keys | Where-Object { $_.StartsWith($global:RdpFake.BootStoreKey) })) {
                $global:RdpFake.Registry.Remove($key)
            }
            foreach ($entry in @(Get-Content -LiteralPath $ArgumentList[1] -Raw | ConvertFrom-Json)) {
                $value = $entry.Value
                if ($entry.Kind -eq 'Binary') {
                    $value = [Convert]::FromBase64String($value)
                }
                $global:RdpFake.Registry[$entry.Key] = @{ Kind = $entry.Kind; Value = $value }
            }
        }
        '/deletevalue' {
            if ($ArgumentList[1] -ne '{default}' -or -not $types.ContainsKey($ArgumentList[2])) {
                throw "bcdedit.exe $($ArgumentList -join ' ') exited with code 1: the fake knows {default} and the safeboot elements only"
            }
            $key = Get-FakeBootElementKey -ElementType $types[$ArgumentList[2]]
            if (-not $global:RdpFake.Registry.ContainsKey($key)) {
                throw "bcdedit.exe $($ArgumentList -join ' ') exited with code 1: Element not found."
            }
            Add-FakeChange "bcd-delete-value $($ArgumentList[1]) $($ArgumentList[2])"
            $global:RdpFake.Registry.Remove($key)
        }
        '/set' {
            # BcdLibrary_SafeBoot as an 8-byte integer, SafeBootAlternateShell as a 1-byte boolean.
            $values = @{ safeboot = @('minimal', 'network', 'dsrepair'); safebootalternateshell = @('no', 'yes') }
            $index = -1
            if ($ArgumentList[1] -eq '{default}' -and $values.ContainsKey($ArgumentList[2])) {
                $index = [array]::IndexOf($values[$ArgumentList[2]], [string]$ArgumentList[3])
            }
            if ($index -lt 0) {
                throw "bcdedit.exe $($ArgumentList -join ' ') exited with code 1: the fake sets {default} safeboot and safebootalternateshell only"
            }
            Add-FakeChange "bcd-set $($ArgumentList[1]) $($ArgumentList[2]) $($ArgumentList[3])"
            $bytes = [byte[]](0, 0, 0, 0, 0, 0, 0, 0)
            if ($ArgumentList[2] -eq 'safebootalternateshell') {
                $bytes = [byte[]](0)
            }
            $bytes[0] = [byte]$index
            Set-FakeBootElement -ElementType $types[$ArgumentList[2]] -Value $bytes
        }
        default {
            Add-FakeChange "native bcdedit.exe $($ArgumentList -join ' ')"
        }
    }
}
