# repair-vm/Invoke-RdpRescueOffline.ps1 on a fake rescue VM (RepairVmFake.ps1): the script is
# dot-sourced, which defines its functions and runs nothing, and its platform layer is mocked.
# Invoke-RvScript then runs it as az vm repair run does, arguments as strings.

BeforeDiscovery {
    # One test per primary check of the catalog: the data is the script's own compiled catalog.
    . (Join-Path -Path $PSScriptRoot -ChildPath 'RepairVmFake.ps1')
    . (Get-RvTestScript)
    $PrimaryChecks = @(foreach ($scenario in $RdpOfflineCatalog.Scenarios) {
            foreach ($evidence in @($scenario.Evidence | Where-Object { $_.Role -eq 'primary' })) {
                @{ Scenario = $scenario.Id; Check = $evidence.Check.Id }
            }
        })
}

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'RepairVmFake.ps1')
    . (Get-RvTestScript)
    $script:Catalog = $script:RdpOfflineCatalog
    $script:ReportLine = '^RDPRESCUE ([a-z][a-z0-9-]*) (DETECTED|CLEAR|UNKNOWN) (\S+)$'

    function Get-ScenarioLine {
        param([string[]]$Output, [string]$Id)
        @($Output | Where-Object { $_ -match $script:ReportLine -and $Matches[1] -eq $Id })
    }
}

Describe 'Rescue-VM script: finding the broken OS disk' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
    }

    It 'Generation 2: brings the offline disk online read-only, finds F:, lends the EFI system partition a letter and gives it back' {
        $volume = Find-RdpOfflineWindowsVolume
        $volume.Drive | Should -Be 'F'
        $volume.DiskNumber | Should -Be 2
        $volume.Generation | Should -Be 2
        $volume.IsReadOnly | Should -BeTrue
        Get-RvCall 'online disk *' | Should -Be @('online disk 2')
        Get-RvCall 'writable disk *' | Should -BeNullOrEmpty

        $store = Find-RdpOfflineBootStore -Volume $volume
        $store.Path | Should -Be 'S:\EFI\Microsoft\Boot\BCD'
        Get-RvCall 'assign *' | Should -Be @('assign S disk 2 partition 1')
        @(Remove-RdpOfflineAssignedLetter) | Should -BeNullOrEmpty
        Get-RvCall 'release *' | Should -Be @('release S disk 2 partition 1')
        $global:RvFake.Files.ContainsKey('ESP2:\EFI\Microsoft\Boot\BCD') | Should -BeTrue
    }

    It 'Generation 1: finds the boot store on the active System Reserved partition, lent a letter only while needed' {
        Reset-RvFake -Generation 1
        $volume = Find-RdpOfflineWindowsVolume
        $volume.Generation | Should -Be 1
        Get-RvCall 'online disk *' | Should -Be @('online disk 2')
        # Looked at once for Windows (none: given back at once), then lent for the boot store.
        Get-RvCall 'release *' | Should -Be @('release S disk 2 partition 1')
        (Find-RdpOfflineBootStore -Volume $volume).Path | Should -Be 'S:\Boot\BCD'
        $null = Remove-RdpOfflineAssignedLetter
        Get-RvCall 'release *' | Should -Be @('release S disk 2 partition 1', 'release S disk 2 partition 1')
    }

    It 'Generation 1 without System Reserved: \Boot\BCD on the active OS volume, no letter lent' {
        Reset-RvFake -Generation 1 -ActiveIsOs
        $volume = Find-RdpOfflineWindowsVolume
        (Find-RdpOfflineBootStore -Volume $volume).Path | Should -Be 'F:\Boot\BCD'
        Get-RvCall 'assign *' | Should -BeNullOrEmpty
    }

    It 'gives the lent letter back even when the repair fails after borrowing it' {
        $global:RvFake.IgnoredWrites['NMICrashDump'] = $true
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=all')
        $output | Should -Contain 'RDPRESCUE fix offline-enable-crash-dump FAILED HKLM\RDPRESCUE_SYSTEM\ControlSet001\Control\CrashControl\NMICrashDump does not read back as REG_DWORD 1'
        Get-RvCall 'release *' | Should -Be @('release S disk 2 partition 1')
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
    }

    It 'refuses two attached Windows volumes, naming both, and takes the one Drive= names' {
        Add-RvWindowsDisk -Number 3 -Letter 'G' -Generation 2
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output | Should -Contain 'RDPRESCUE error Several attached volumes hold a Windows installation: F: (disk 2), G: (disk 3). Run again with Drive=<letter> to name the broken OS disk.'
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        Get-RvCall 'reg load *' | Should -BeNullOrEmpty

        $chosen = Invoke-RvScript -Arguments @('Mode=Diagnose', 'Drive=G')
        $chosen[0] | Should -BeLike 'RDPRESCUE offline diagnose disk=3 drive=G: generation=2 *'
        $chosen[-1] | Should -BeExactly '[STATUS]::SUCCESS'
    }

    It 'refuses when no attached volume holds Windows, and never counts the rescue VM''s own C:' {
        $global:RvFake.Files.Remove('F:\Windows\System32\config\SYSTEM')
        $output = Invoke-RvScript
        $output | Should -Contain "RDPRESCUE error No attached disk holds \Windows\System32\config\SYSTEM (this rescue VM's own C: is not counted; volumes seen: D: (disk 1), F: (disk 2)). Attach a copy of the broken OS disk (az vm repair create) and run again."
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
    }

    It 'stops with the unlock guidance when BitLocker locks the volume' {
        $global:RvFake.Locks['F'] = 'Locked'
        $output = Invoke-RvScript
        @($output | Where-Object { $_ -like 'RDPRESCUE error BitLocker keeps F: (disk 2) locked*az vm repair create --unlock-encrypted-vm*manage-bde -unlock*' }).Count | Should -Be 1
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        Get-RvCall 'reg load *' | Should -BeNullOrEmpty
    }
}

Describe 'Rescue-VM script: the broken OS''s hives' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
    }

    It 'loads SYSTEM and SOFTWARE under private names and unloads both' {
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-tls12')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        Get-RvCall 'reg load *' | Should -Be @(
            'reg load HKLM\RDPRESCUE_SYSTEM F:\Windows\System32\config\SYSTEM'
            'reg load HKLM\RDPRESCUE_SOFTWARE F:\Windows\System32\config\SOFTWARE'
        )
        $global:RvFake.Mounted.Count | Should -Be 0
    }

    It 'retries an unload that fails once, letting go of handles first, and succeeds' {
        $global:RvFake.UnloadFailures['RDPRESCUE_SYSTEM'] = 1
        $output = Invoke-RvScript
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        (Get-RvCall 'reg unload HKLM\RDPRESCUE_SYSTEM').Count | Should -Be 2
        (Get-RvCall 'gc').Count | Should -BeGreaterOrEqual 3
        $global:RvFake.Mounted.Count | Should -Be 0
    }

    It 'says so, and fails the run, when a hive will not unload' {
        $global:RvFake.UnloadFailures['RDPRESCUE_SOFTWARE'] = 99
        $output = Invoke-RvScript
        $output | Should -Contain 'RDPRESCUE error HKLM\RDPRESCUE_SOFTWARE stays loaded: close regedit and run reg unload HKLM\RDPRESCUE_SOFTWARE'
        (Get-RvCall 'reg unload HKLM\RDPRESCUE_SOFTWARE').Count | Should -Be 5
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
    }

    It 'reads and writes the control set Select\Current names, never ControlSet001 by default' {
        Reset-RvFake -ControlSet 2
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-tls12')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        (Get-RvSystemValue -Key 'ControlSet002\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' -Name 'Enabled').Value | Should -Be 1
        Get-RvSystemValue -Key 'ControlSet001\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' -Name 'Enabled' | Should -BeNullOrEmpty
    }

    It 'refuses to guess when Select\Current is missing, and still unloads the hive' {
        (Get-RvFileData -Path 'F:\Windows\System32\config\SYSTEM')['Select'].Values.Remove('Current')
        $output = Invoke-RvScript
        $output | Should -Contain "RDPRESCUE error Select\Current of the broken OS's SYSTEM hive is missing: refusing to guess which control set it boots."
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        $global:RvFake.Mounted.Count | Should -Be 0
    }

    It 'refuses to guess when Select\Current names a control set the hive does not have' {
        Set-RvValue -Hive (Get-RvFileData -Path 'F:\Windows\System32\config\SYSTEM') -Key 'Select' -Name 'Current' -Kind 'DWord' -Value 3
        $output = Invoke-RvScript
        $output | Should -Contain "RDPRESCUE error Select\Current names ControlSet003, which the broken OS's SYSTEM hive does not have: refusing to guess which control set it boots."
    }
}

Describe 'Rescue-VM script: offline diagnosis' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
    }

    It 'prints one line per scenario of the catalog, the verdict, and why a scenario cannot be decided offline' {
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[0] | Should -BeExactly 'RDPRESCUE offline diagnose disk=2 drive=F: generation=2 controlset=ControlSet001 events-until=2026-06-01T11:00:00Z'
        @($output | Where-Object { $_ -match $script:ReportLine }).Count | Should -Be @($script:Catalog.Scenarios).Count
        $output | Should -Contain 'RDPRESCUE broker-hostname CLEAR n/a:broker-role-installed'
        $output | Should -Contain 'RDPRESCUE machinekeys-access CLEAR -'
        $output | Should -Contain 'RDPRESCUE rdp-cert-invalid CLEAR -'
        $output | Should -Contain 'RDPRESCUE rdp-disabled CLEAR -'
        $output | Should -Contain 'RDPRESCUE rdp-listener-disabled CLEAR -'
        $output | Should -Contain 'RDPRESCUE credssp-oracle CLEAR -'
        $output | Should -Contain 'RDPRESCUE max-connections-reached CLEAR -'
        $output | Should -Contain 'RDPRESCUE security-layer-mismatch CLEAR n/a:rdp-security-layer-rdp'
        $output | Should -Contain 'RDPRESCUE rdp-port-conflict UNKNOWN rdp-listener?'
        # A disk holds the start type, not whether the service runs.
        # Loading the boot store as a hive would write to the disk: the repair reads it.
        $output | Should -Contain 'RDPRESCUE safe-mode-boot UNKNOWN default-entry-safeboot?'
        $output | Should -Contain 'RDPRESCUE termservice-not-running UNKNOWN termservice-down?'
        $output | Should -Contain 'RDPRESCUE network-service-down UNKNOWN netsvc-dhcp-down?,netsvc-nsi-down?,netsvc-bfe-down?,netsvc-mpssvc-down?'
        $output | Should -Contain 'RDPRESCUE tls-disabled CLEAR -'
        # The user rights are in the SECURITY hive, which is not read; the logon events are, but
        # whether the broken OS audited failed logons is there too: no 4625 proves nothing.
        $output | Should -Contain 'RDPRESCUE user-not-authorized UNKNOWN ev-logon-no-right?,rdp-right-no-admins?,rdp-right-denied?'
        $output | Should -Contain 'RDPRESCUE account-locked-or-expired UNKNOWN ev-logon-account?'
        $output | Should -Contain 'RDPRESCUE nla-dc-unreachable UNKNOWN ev-logon-no-dc?'
        # Whether the VM is a Session Host is a WMI answer of the running Windows.
        $output | Should -Contain 'RDPRESCUE rds-licensing-expired UNKNOWN rdsh-role-installed?'
        $output | Should -Contain 'RDPRESCUE verdict 0 detected'
        $output | Should -Contain 'RDPRESCUE guest-firewall-blocks-rdp UNKNOWN rdp-firewall-rule-off?,firewall-blocks-all-inbound?,rdp-port-block-rule?'
        $output | Should -Contain 'RDPRESCUE reasons default-entry-safeboot:offline,ev-logon-account:audit-policy,ev-logon-no-dc:audit-policy,ev-logon-no-right:audit-policy,firewall-blocks-all-inbound:offline,netsvc-bfe-down:offline,netsvc-dhcp-down:offline,netsvc-mpssvc-down:offline,netsvc-nsi-down:offline,rdp-firewall-rule-off:offline,rdp-listener:offline,rdp-port-block-rule:offline,rdp-right-denied:offline,rdp-right-no-admins:offline,rdsh-role-installed:offline,termservice-down:offline'
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $output[-2] | Should -BeExactly 'RDPRESCUE log C:\ProgramData\RdpRescue\repair-vm\offline-20260601-120000.log'
        (Get-RvFileData -Path 'C:\ProgramData\RdpRescue\repair-vm\offline-20260601-120000.log') | Should -Match 'check ev-rcm-cert: quiet'
    }

    It 'detects <Scenario> from <Check> alone, read from the disk' -ForEach $PrimaryChecks {
        $definition = @($script:Catalog.Scenarios | Where-Object { $_.Id -eq $Scenario })[0]
        $unreadablePrecondition = $null
        foreach ($precondition in @($definition.Evidence | Where-Object { $_.Role -eq 'precondition' })) {
            if (-not (Set-RvCheckFiring -Check $precondition.Check)) {
                $unreadablePrecondition = $precondition.Check.Id
            }
        }
        $evidence = @($definition.Evidence | Where-Object { $_.Check.Id -eq $Check })[0]
        $readable = Set-RvCheckFiring -Check $evidence.Check
        $line = @(Get-ScenarioLine -Output (Invoke-RvScript) -Id $Scenario)
        $line.Count | Should -Be 1
        if ($unreadablePrecondition) {
            # Whether the scenario applies is not on the disk (rds-licensing-expired: a Session Host is a WMI answer).
            $line[0] | Should -Match ("^RDPRESCUE $Scenario UNKNOWN (\S+\?,)*" + [regex]::Escape("$($unreadablePrecondition)?") + '(,|$)')
        }
        elseif ($readable) {
            $line[0] | Should -Match ("^RDPRESCUE $Scenario DETECTED (.+,)?$Check(=\S*)?(,|$)")
        }
        else {
            # Every check a disk cannot answer is listed (network-service-down has four, guest-firewall-blocks-rdp three).
            $line[0] | Should -Match ("^RDPRESCUE $Scenario UNKNOWN (\S+\?,)*" + [regex]::Escape("$($Check)?") + '(,|$)')
        }
    }

    It 'reports a locked-out account from the disk''s Security log, audit policy unread' {
        Add-RvEvent -Drive 'F' -LogFile 'Security.evtx' -Provider 'Microsoft-Windows-Security-Auditing' -Id 4625 -HoursBeforeRescue 2 -Data @{ TargetUserName = 'alice'; Status = '0xc0000234'; SubStatus = '0x0'; LogonType = '10' }
        Get-ScenarioLine -Output (Invoke-RvScript) -Id 'account-locked-or-expired' | Should -Be 'RDPRESCUE account-locked-or-expired DETECTED ev-logon-account=1/TargetUserName:alice/Status:0xc0000234/SubStatus:0x0'
    }

    It 'reads event data by field name and shows each field''s distinct values, newest first' {
        Add-RvEvent -Drive 'F' -LogFile 'System.evtx' -Provider 'Schannel' -Id 36870 -HoursBeforeRescue 3 -Data @{ ErrorCode = '0x8009030D'; ErrorStatus = '10001' }
        Add-RvEvent -Drive 'F' -LogFile 'System.evtx' -Provider 'Schannel' -Id 36870 -HoursBeforeRescue 2 -Data @{ ErrorCode = '0x80090016'; ErrorStatus = '10002' }
        Get-ScenarioLine -Output (Invoke-RvScript) -Id 'machinekeys-access' | Should -Be 'RDPRESCUE machinekeys-access DETECTED ev-schannel-key=2/ErrorCode:0x80090016+0x8009030D/ErrorStatus:10002+10001'
        $query = @(Get-RvCall 'events F:\Windows\System32\winevt\Logs\System.evtx *EventID*')
        $query.Count | Should -Be 1
        $query[0] | Should -BeExactly ("events F:\Windows\System32\winevt\Logs\System.evtx *[System[Provider[@Name='Microsoft-Windows-TerminalServices-RemoteConnectionManager' or @Name='Schannel' or @Name='Service Control Manager'] and " +
            "(EventID=1057 or EventID=1058 or EventID=7000 or EventID=7001 or EventID=7022 or EventID=7023 or EventID=36870 or EventID=36871 or EventID=36872) and TimeCreated[@SystemTime>='2026-05-31T11:00:00.000Z']]]")
    }

    It 'counts the window back from the broken OS''s newest event, and SinceHours widens it' {
        # The VM stopped logging 60 hours ago; the event came 20 hours before that.
        $global:RvFake.Files['F:\Windows\System32\winevt\Logs\System.evtx'].Data.Clear()
        Add-RvEvent -Drive 'F' -LogFile 'System.evtx' -Provider 'EventLog' -Id 6008 -HoursBeforeRescue 60
        Add-RvEvent -Drive 'F' -LogFile 'System.evtx' -Provider 'Microsoft-Windows-TerminalServices-RemoteConnectionManager' -Id 1057 -HoursBeforeRescue 80
        Get-ScenarioLine -Output (Invoke-RvScript) -Id 'machinekeys-access' | Should -Be 'RDPRESCUE machinekeys-access DETECTED ev-rcm-cert=1'
        Add-RvEvent -Drive 'F' -LogFile 'System.evtx' -Provider 'Microsoft-Windows-TerminalServices-RemoteConnectionManager' -Id 1058 -HoursBeforeRescue 90
        Get-ScenarioLine -Output (Invoke-RvScript) -Id 'machinekeys-access' | Should -Be 'RDPRESCUE machinekeys-access DETECTED ev-rcm-cert=1'
        Get-ScenarioLine -Output (Invoke-RvScript -Arguments @('SinceHours=48')) -Id 'machinekeys-access' | Should -Be 'RDPRESCUE machinekeys-access DETECTED ev-rcm-cert=2'
    }

    It 'judges the RDP certificate against today and reads Group Policy before the local value' {
        $software = Get-RvFileData -Path 'F:\Windows\System32\config\SOFTWARE'
        foreach ($key in @($software.Keys | Where-Object { $_ -like 'Microsoft\SystemCertificates\Remote Desktop\Certificates\*' })) {
            $software.Remove($key)
        }
        $null = Add-RvCertificate -Drive 'F' -Store 'Remote Desktop' -NotBefore $global:RvFake.Now.AddDays(-400) -NotAfter $global:RvFake.Now.AddDays(-35)
        Set-RvValue -Hive $software -Key 'Policies\Microsoft\Windows NT\Terminal Services' -Name 'SecurityLayer' -Kind 'DWord' -Value 2
        Set-RvValue -Hive (Get-RvFileData -Path 'F:\Windows\System32\config\SYSTEM') -Key 'ControlSet001\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' -Name 'Enabled' -Kind 'DWord' -Value 0
        Set-RvValue -Hive (Get-RvFileData -Path 'F:\Windows\System32\config\SYSTEM') -Key 'ControlSet001\Control\Terminal Server\WinStations\RDP-Tcp' -Name 'SecurityLayer' -Kind 'DWord' -Value 1
        $output = Invoke-RvScript
        Get-ScenarioLine -Output $output -Id 'rdp-cert-invalid' | Should -Be 'RDPRESCUE rdp-cert-invalid DETECTED rdp-cert-store=expired:1'
        Get-ScenarioLine -Output $output -Id 'tls-disabled' | Should -Be 'RDPRESCUE tls-disabled DETECTED tls12-server-off=0,rdp-requires-tls=gpo:2'
        $output | Should -Contain 'RDPRESCUE verdict 2 detected'
    }

    It 'reads tspkg.dll of the broken OS: an old one detects credssp-oracle with its version' {
        $global:RvFake.Files['F:\Windows\System32\tspkg.dll'].Data = @{ FileVersion = @(6, 3, 9600, 9999) }
        $output = Invoke-RvScript
        Get-ScenarioLine -Output $output -Id 'credssp-oracle' | Should -Be 'RDPRESCUE credssp-oracle DETECTED credssp-update-missing=6.3.9600.9999'
    }

    It 'reports credssp-oracle as unknown when tspkg.dll is missing from the broken OS disk' {
        $global:RvFake.Files.Remove('F:\Windows\System32\tspkg.dll')
        $output = Invoke-RvScript
        Get-ScenarioLine -Output $output -Id 'credssp-oracle' | Should -Be 'RDPRESCUE credssp-oracle UNKNOWN credssp-update-missing?'
        @($output | Where-Object { $_ -like 'RDPRESCUE reasons *' })[0] | Should -Match '(^RDPRESCUE reasons |,)credssp-update-missing:unreadable(,|$)'
    }

    It 'reports the checks of an unreadable SOFTWARE hive as UNKNOWN, and the rest as read' {
        $global:RvFake.Files['F:\Windows\System32\config\SOFTWARE'].Data = 'corrupt'
        $output = Invoke-RvScript
        Get-ScenarioLine -Output $output -Id 'rdp-cert-invalid' | Should -Be 'RDPRESCUE rdp-cert-invalid UNKNOWN rdp-cert-store?'
        Get-ScenarioLine -Output $output -Id 'tls-disabled' | Should -Be 'RDPRESCUE tls-disabled CLEAR -'
        # The policy half of fDenyTSConnections lives in SOFTWARE: without it the effective value is unknown.
        Get-ScenarioLine -Output $output -Id 'rdp-disabled' | Should -Be 'RDPRESCUE rdp-disabled UNKNOWN rdp-connections-denied?'
        # So do AllowEncryptionOracle and the policy halves of MaxInstanceCount and MinEncryptionLevel;
        # AllowEncryptionOracle only supports credssp-oracle, which tspkg.dll's version decides.
        Get-ScenarioLine -Output $output -Id 'credssp-oracle' | Should -Be 'RDPRESCUE credssp-oracle CLEAR -'
        Get-ScenarioLine -Output $output -Id 'max-connections-reached' | Should -Be 'RDPRESCUE max-connections-reached UNKNOWN rdp-connection-limit-zero?,rdp-connection-limit-one?'
        Get-ScenarioLine -Output $output -Id 'security-layer-mismatch' | Should -Be 'RDPRESCUE security-layer-mismatch UNKNOWN rdp-security-layer-rdp?,rdp-encryption-fips-only?'
        # The licensing policy values (LicensingMode, LicenseServers) live in SOFTWARE too.
        Get-ScenarioLine -Output $output -Id 'rds-licensing-expired' | Should -Be 'RDPRESCUE rds-licensing-expired UNKNOWN rdsh-role-installed?,licensing-mode-not-set?,license-servers-not-set?'
        $output | Should -Contain 'RDPRESCUE reasons default-entry-safeboot:offline,ev-logon-account:audit-policy,ev-logon-no-dc:audit-policy,ev-logon-no-right:audit-policy,firewall-blocks-all-inbound:offline,license-servers-not-set:unreadable,licensing-mode-not-set:unreadable,netsvc-bfe-down:offline,netsvc-dhcp-down:offline,netsvc-mpssvc-down:offline,netsvc-nsi-down:offline,rdp-cert-store:unreadable,rdp-connection-limit-one:unreadable,rdp-connection-limit-zero:unreadable,rdp-connections-denied:unreadable,rdp-encryption-fips-only:unreadable,rdp-firewall-rule-off:offline,rdp-listener:offline,rdp-port-block-rule:offline,rdp-right-denied:offline,rdp-right-no-admins:offline,rdp-security-layer-rdp:unreadable,rdsh-role-installed:offline,termservice-down:offline'
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
    }
}

Describe 'Rescue-VM script: offline repair, backup and undo' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
    }

    It 'applies every repair that is not opt-in, each read back, with exactly what it changes backed up first' {
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=all')
        $applied = @($script:Catalog.Fixes | Where-Object { -not $_.OptIn })
        foreach ($fix in $applied) {
            $output | Should -Contain "RDPRESCUE fix $($fix.Id) APPLIED"
        }
        $output | Should -Not -Contain 'RDPRESCUE fix offline-enable-legacy-tls APPLIED'
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        [System.Text.Encoding]::ASCII.GetByteCount(($output -join "`r`n") + "`r`n") | Should -BeLessThan 3500

        # What the catalog writes, in the booted control set.
        foreach ($operation in @($applied | ForEach-Object { $_.Operations } | Where-Object { $_.Kind -eq 'registry-set' })) {
            $target = Resolve-RvLocation -Location $operation.Location
            $target.Hive[$target.Key].Values[$operation.Name].Value | Should -Be $operation.Data
        }
        (Get-RvSystemValue -Key 'ControlSet001\Control\CrashControl' -Name 'DumpFile').Value | Should -BeExactly '%SystemRoot%\MEMORY.DMP'
        $keys = 'F:\ProgramData\Microsoft\Crypto\RSA\MachineKeys'
        $global:RvFake.Security[$keys].Owner | Should -Be 'S-1-5-32-544'
        @($global:RvFake.Security["$keys\f686aace6942fb7f7ceb231212eef4a4_0001"].Rules | Where-Object { $_.Sid -eq 'S-1-5-20' -and $_.Rights -eq 0x120089 }).Count | Should -BeGreaterThan 0
        $store = Get-RvFileData -Path 'ESP2:\EFI\Microsoft\Boot\BCD'
        $store["Objects\$global:RvLoader\Elements\260000b0"].Values['Element'].Value | Should -Be @(1)
        $store["Objects\$global:RvBootMgr\Elements\16000020"].Values['Element'].Value | Should -Be @(1)
        [System.BitConverter]::ToInt64($store["Objects\$global:RvEmsSettings\Elements\15000023"].Values['Element'].Value, 0) | Should -Be 115200

        # The backup: on the broken disk, hive files copied before the hive was loaded.
        $folder = 'F:\RdpRescueOffline\20260601-120000'
        $output | Should -Contain "RDPRESCUE backup $folder"
        $global:RvFake.Files.ContainsKey("$folder\hive\SYSTEM") | Should -BeTrue
        $global:RvFake.Files.ContainsKey("$folder\hive\SYSTEM.LOG1") | Should -BeTrue
        $calls = @($global:RvFake.Calls)
        [array]::IndexOf($calls, "copy F:\Windows\System32\config\SYSTEM -> $folder\hive\SYSTEM") | Should -BeLessThan ([array]::IndexOf($calls, 'reg load HKLM\RDPRESCUE_SYSTEM F:\Windows\System32\config\SYSTEM'))
        $manifest = Get-RvFileData -Path "$folder\backup.json" | ConvertFrom-Json
        @($manifest.fixes | ForEach-Object { $_.id }) | Should -Be @($applied | ForEach-Object { $_.Id })
        @($manifest.fixes | Where-Object { $_.state -ne 'applied' }) | Should -BeNullOrEmpty
        $nla = @($manifest.fixes | Where-Object { $_.id -eq 'offline-enable-nla' })[0]
        @($nla.items | Where-Object { $_.kind -eq 'registry-value' } | ForEach-Object { '{0}={1}' -f $_.name, $_.existed }) | Should -Be @('UserAuthentication=True', 'SecurityLayer=True', 'fAllowSecProtocolNegotiation=False')
        Get-RvCall 'reg export HKLM\RDPRESCUE_SYSTEM\ControlSet001\Control\Terminal Server\WinStations\RDP-Tcp *' | Should -HaveCount 1
        Get-RvCall "icacls $keys /save *" | Should -HaveCount 1
        $global:RvFake.Mounted.Count | Should -Be 0
    }

    It 'undoes the newest repair: every value, key, owner, permission and boot store file as it was' {
        $before = Get-RvState
        $repair = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=all')
        $repair[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        (Get-RvState).System | Should -Not -Be $before.System

        $undo = Invoke-RvScript -Arguments @('Mode=Undo')
        $undo[0] | Should -BeLike 'RDPRESCUE offline undo disk=2 drive=F: * backup=20260601-120000'
        foreach ($fix in @($script:Catalog.Fixes | Where-Object { -not $_.OptIn })) {
            $undo | Should -Contain "RDPRESCUE undo $($fix.Id) RESTORED"
        }
        $undo[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $after = Get-RvState
        $after.System | Should -Be $before.System
        $after.Security | Should -Be $before.Security
        $after.Bcd | Should -Be $before.Bcd
        $after.BcdLogs | Should -Be $before.BcdLogs
        $global:RvFake.Mounted.Count | Should -Be 0

        $again = Invoke-RvScript -Arguments @('Mode=Undo')
        $again | Should -Contain 'RDPRESCUE error Nothing to undo: every backup in F:\RdpRescueOffline has been undone.'
        $again[-1] | Should -BeExactly '[STATUS]::ERROR'
    }

    It 'runs an opt-in repair only when named, and says what it weakens' {
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-legacy-tls')
        $output | Should -Contain 'RDPRESCUE fix offline-enable-legacy-tls APPLIED'
        @($output | Where-Object { $_ -like 'RDPRESCUE warning offline-enable-legacy-tls: TLS 1.0 and 1.1 are deprecated*' }).Count | Should -Be 1
        (Get-RvSystemValue -Key 'ControlSet001\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server' -Name 'Enabled').Value | Should -Be 1
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
    }

    It 'stops at a repair that does not read back, runs nothing after it, and its undo restores the part it did' {
        $before = Get-RvState
        $global:RvFake.IgnoredWrites['NMICrashDump'] = $true
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=all')
        $output | Should -Contain 'RDPRESCUE fix offline-enable-serial-console APPLIED'
        $output | Should -Contain 'RDPRESCUE fix offline-reset-machinekeys-acl NOTRUN'
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        (Get-RvSystemValue -Key 'ControlSet001\Control\CrashControl' -Name 'DumpFile').Value | Should -BeExactly '%SystemRoot%\MEMORY.DMP'

        $global:RvFake.IgnoredWrites.Clear()
        $undo = Invoke-RvScript -Arguments @('Mode=Undo')
        $undo | Should -Contain 'RDPRESCUE undo offline-enable-crash-dump RESTORED'
        $undo | Should -Contain 'RDPRESCUE undo offline-enable-serial-console RESTORED'
        $undo[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        (Get-RvState).System | Should -Be $before.System
        (Get-RvState).Bcd | Should -Be $before.Bcd
    }

    It 'refuses a backup folder someone other than an administrator owns' {
        Add-RvDirectory -Path 'F:\RdpRescueOffline' -Owner 'S-1-5-32-544'
        Add-RvDirectory -Path 'F:\RdpRescueOffline\20260101-000000' -Owner 'S-1-5-21-1-2-3-1001'
        Set-RvFile -Path 'F:\RdpRescueOffline\20260101-000000\backup.json' -Data '{"schema":"urn:rdp-rescue:repair-vm-backup:1","controlSet":"ControlSet001","hives":[],"fixes":[]}'
        $output = Invoke-RvScript -Arguments @('Mode=Undo')
        $output | Should -Contain 'RDPRESCUE error Refusing the backup: F:\RdpRescueOffline\20260101-000000 is owned by S-1-5-21-1-2-3-1001, not by SYSTEM or Administrators. Someone other than an administrator could have written it; move it away and run again.'
        Get-RvCall 'reg import *' | Should -BeNullOrEmpty
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
    }

    It 'refuses a backup entry that names a value its fix never changes' {
        $null = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-tls12')
        $path = 'F:\RdpRescueOffline\20260601-120000\backup.json'
        $manifest = Get-RvFileData -Path $path | ConvertFrom-Json
        @($manifest.fixes[0].items | Where-Object { $_.kind -eq 'registry-value' -and $_.name -eq 'Enabled' })[0].name = 'Start'
        $global:RvFake.Files[$path].Data = ConvertTo-Json -InputObject $manifest -Depth 10
        $before = (Get-RvSystemValue -Key 'ControlSet001\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' -Name 'Enabled').Value
        $output = Invoke-RvScript -Arguments @('Mode=Undo')
        @($output | Where-Object { $_ -like 'RDPRESCUE undo offline-enable-tls12 FAILED backup.json: fix offline-enable-tls12: refusing a registry-value entry: *\Start is no value this fix changes' }).Count | Should -Be 1
        (Get-RvSystemValue -Key 'ControlSet001\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' -Name 'Enabled').Value | Should -Be $before
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
    }
}

Describe 'Rescue-VM script: arguments and the az vm repair run driver' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
    }

    It 'takes -Name Value as well as Name=Value' {
        $output = Invoke-RvScript -Arguments @('-Mode', 'Repair', '-Repair', 'offline-enable-nla')
        $output | Should -Contain 'RDPRESCUE fix offline-enable-nla APPLIED'
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
    }

    It 'under the az vm repair run driver reads its parameters from the driver and tags each line for it' {
        $lines = & {
            # The driver's first run holds --parameters as "-Name value" (spaces sent as %20).
            $script_path = 'no-op'
            $params = '-Mode%20Repair%20-Repair%20all'
            & {
                # Its second run, which the appended script is part of, has params empty.
                $params = ''
                $init = $false
                Invoke-RvScript
            }
        }
        @($lines | Where-Object { $_ -like '`[Output 06/01/2026 12:0?:??`]RDPRESCUE fix offline-enable-tls12 APPLIED' }).Count | Should -Be 1
        $lines[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @($lines | Select-Object -SkipLast 1 | Where-Object { $_ -notlike '`[Output ??/??/???? ??:??:??`]RDPRESCUE *' }) | Should -BeNullOrEmpty
        # With the driver's own Log-Start and Log-End lines it must stay within what Run Command keeps.
        [System.Text.Encoding]::ASCII.GetByteCount(($lines -join "`r`n") + "`r`n") | Should -BeLessThan 3800
    }

    It 'ends with [STATUS]::ERROR, naming the argument, on bad input' {
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=no-such-fix')
        $output | Should -Contain ('RDPRESCUE error Unknown repair ''no-such-fix''; the repairs are ' + ((@($script:Catalog.Fixes) | ForEach-Object { $_.Id }) -join ', ') + '.')
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        (Invoke-RvScript -Arguments @('Colour=blue'))[-2..-1] | Should -Be @('RDPRESCUE log C:\ProgramData\RdpRescue\repair-vm\offline-20260601-120000.log', '[STATUS]::ERROR')
        Get-RvCall 'reg load *' | Should -BeNullOrEmpty
    }

    It 'refuses to run without elevation' {
        $global:RvFake.Elevated = $false
        $output = Invoke-RvScript
        $output | Should -Contain 'RDPRESCUE error Run it as an administrator (az vm repair run runs it as SYSTEM).'
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
    }
}

Describe 'Rescue-VM script: the platform layer runs the documented commands' {
    BeforeAll {
        $script:SavedRoot = $env:SystemRoot
        $env:SystemRoot = 'C:\Windows'
    }

    AfterAll {
        $env:SystemRoot = $script:SavedRoot
    }

    BeforeEach {
        $script:Native = New-Object -TypeName System.Collections.ArrayList
        Mock Invoke-RdpOfflineNative { $null = $script:Native.Add(((Split-Path -Leaf $FilePath) + ' ' + ($ArgumentList -join ' '))) }
    }

    It 'loads, unloads, exports and imports hives with reg.exe' {
        Mount-RdpOfflineHive -Name 'RDPRESCUE_SYSTEM' -Path 'F:\Windows\System32\config\SYSTEM'
        Dismount-RdpOfflineHive -Name 'RDPRESCUE_SYSTEM'
        Export-RdpOfflineRegistryKey -Key 'RDPRESCUE_SYSTEM\ControlSet001\Control\CrashControl' -File 'F:\b\key-001.reg'
        Import-RdpOfflineRegistryFile -File 'F:\b\key-001.reg'
        $script:Native | Should -Be @(
            'reg.exe load HKLM\RDPRESCUE_SYSTEM F:\Windows\System32\config\SYSTEM'
            'reg.exe unload HKLM\RDPRESCUE_SYSTEM'
            'reg.exe export HKLM\RDPRESCUE_SYSTEM\ControlSet001\Control\CrashControl F:\b\key-001.reg /y'
            'reg.exe import F:\b\key-001.reg'
        )
        Should -Invoke Invoke-RdpOfflineNative -Times 4 -Exactly -ParameterFilter { $FilePath -eq 'C:\Windows\System32\reg.exe' }
    }

    It 'saves, restores and grants permissions, and sets owners, with icacls and SIDs' {
        Save-RdpOfflineAcl -Path 'F:\ProgramData\Keys' -File 'F:\b\acl-001.txt'
        Restore-RdpOfflineAcl -Folder 'F:\ProgramData' -File 'F:\b\acl-001.txt'
        Grant-RdpOfflineAccess -Path 'F:\ProgramData\Keys' -Grant @('*S-1-5-18:(F)', '*S-1-5-32-544:(F)') -Recurse
        Set-RdpOfflineOwner -Path 'F:\ProgramData\Keys' -Sid 'S-1-5-32-544' -Recurse
        $script:Native | Should -Be @(
            'icacls.exe F:\ProgramData\Keys /save F:\b\acl-001.txt /t /c /q'
            'icacls.exe F:\ProgramData /restore F:\b\acl-001.txt /c /q'
            'icacls.exe F:\ProgramData\Keys /grant *S-1-5-18:(F) /grant *S-1-5-32-544:(F) /t /c /q'
            'icacls.exe F:\ProgramData\Keys /setowner *S-1-5-32-544 /t /c /q'
        )
        { Grant-RdpOfflineAccess -Path 'F:\x' -Grant @('Administrators:(F)') } | Should -Throw
    }

    It 'runs bcdedit only with /store' {
        Invoke-RdpOfflineBcdEdit -Store 'S:\EFI\Microsoft\Boot\BCD' -ArgumentList @('/set', '{bootmgr}', 'bootems', 'yes')
        $script:Native | Should -Be @('bcdedit.exe /store S:\EFI\Microsoft\Boot\BCD /set {bootmgr} bootems yes')
    }
}

Describe 'Rescue-VM script: certificates from a system store''s registry Blob' {
    It 'finds the DER certificate among the serialized properties' {
        $key = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=BLOB', $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256)
        $certificate = $request.CreateSelfSigned([datetimeoffset]'2026-01-01', [datetimeoffset]'2027-01-01')
        $blob = New-Object -TypeName System.Collections.Generic.List[byte]
        foreach ($property in @(@{ Id = 11; Data = [byte[]](65, 0, 0, 0) }, @{ Id = 32; Data = $certificate.RawData })) {
            $blob.AddRange([System.BitConverter]::GetBytes([uint32]$property.Id))
            $blob.AddRange([System.BitConverter]::GetBytes([uint32]1))
            $blob.AddRange([System.BitConverter]::GetBytes([uint32]$property.Data.Length))
            $blob.AddRange([byte[]]$property.Data)
        }
        (ConvertFrom-RdpOfflineCertificateBlob -Blob $blob.ToArray()).Thumbprint | Should -Be $certificate.Thumbprint
        ConvertFrom-RdpOfflineCertificateBlob -Blob ([byte[]](1, 2, 3)) | Should -BeNullOrEmpty
    }
}

Describe 'Rescue-VM script: what an ACL restore must bring back' {
    It 'compares owner, protection and explicit entries, not what Windows inherits' {
        $saved = 'O:S-1-5-18D:PAI(A;;FA;;;BA)(A;ID;0x1200a9;;;WD)'
        $signature = ConvertTo-RdpOfflineAclSignature -Sddl $saved
        ConvertTo-RdpOfflineAclSignature -Sddl 'O:S-1-5-18D:PAI(A;;FA;;;BA)' | Should -Be $signature
        ConvertTo-RdpOfflineAclSignature -Sddl 'O:BAD:PAI(A;;FA;;;BA)' | Should -Not -Be $signature
        ConvertTo-RdpOfflineAclSignature -Sddl 'O:S-1-5-18D:AI(A;;FA;;;BA)' | Should -Not -Be $signature
        ConvertTo-RdpOfflineAclSignature -Sddl 'O:S-1-5-18D:PAI(A;;FA;;;BA)(A;;FA;;;WD)' | Should -Not -Be $signature
    }
}
