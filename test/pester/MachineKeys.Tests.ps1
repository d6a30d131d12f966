# The RDP private key on a fake machine: reset-machinekeys-acl where the permissions are broken
# (the case it exists for), a repair that events alone call for, certificate checks that look
# at the private key, its Enhanced Key Usage and NETWORK SERVICE's access to the key file, and
# Set-RdpCertificateBinding refusing a certificate RDP could not use.

Describe 'MachineKeys and the RDP certificate' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        function Get-RdpTestCheck {
            param([string]$Id)
            InModuleScope 'RdpRescue' -Parameters @{ Id = $Id } {
                param($Id)
                $script:RdpCatalog.Checks[$Id]
            }
        }

        function Get-CheckResult {
            # The outcome and detail of one check in a fresh diagnosis.
            param([string]$Scenario, [string]$CheckId)
            $result = Invoke-RdpDiagnosis -Scenario $Scenario
            @($result.Checks | Where-Object { $_.CheckId -eq $CheckId })[0]
        }

        function Set-FakeOwnerOnly {
            # A key file as a broken repair or a copy leaves it: owned by SYSTEM, only SYSTEM allowed.
            param([string]$Path)
            $global:RdpFake.Owners[$Path] = 'S-1-5-18'
            $global:RdpFake.Acl[$Path] = @(@{ Sid = 'S-1-5-18'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false })
        }

        function Test-FakeAllowed {
            param([string]$Path, [string]$Sid, [int64]$Mask)
            $rights = [int64]0
            foreach ($rule in @($global:RdpFake.Acl[$Path] | Where-Object { $_.Sid -eq $Sid -and $_.AccessType -eq 'Allow' })) {
                $rights = $rights -bor [int64]$rule.Rights
            }
            ($rights -band $Mask) -eq $Mask
        }

        function Get-BackupEntry {
            # The saved ACL entries of a repair's backup.json.
            param([string]$BackupPath)
            $manifest = Get-Content -LiteralPath (Join-Path -Path $BackupPath -ChildPath 'backup.json') -Raw | ConvertFrom-Json
            @($manifest.items | Where-Object { $_.Kind -eq 'acl' } | ForEach-Object { $_.Entries })
        }

        $thumbprintBytes = {
            param([string]$Thumbprint)
            , [byte[]](0..19 | ForEach-Object { [Convert]::ToByte($Thumbprint.Substring($_ * 2, 2), 16) })
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
        $root = $global:RdpFake.BackupRoot
        $machineKeys = $global:RdpFake.MachineKeys
        $rdpKey = $global:RdpFake.RdpKeyFile
        $files = @($global:RdpFake.Files[$machineKeys])
        $selfSigned = $global:RdpFake.Library[(New-FakeThumbprint 1)]
        $custom = $global:RdpFake.Library[(New-FakeThumbprint 2)]
    }

    Context 'reset-machinekeys-acl where the permissions are broken' {
        It 'takes ownership of key files whose DACL denies the administrator, then grants and verifies' {
            # icacls /setowner does not force ownership: it would stop at these files.
            Set-FakeOwnerOnly -Path $rdpKey
            $result = Repair-RdpMachineKeyPermission -BackupRoot $root -Confirm:$false
            $result.Result | Should -Be 'Applied' -Because $result.Message
            foreach ($path in @($machineKeys) + $files) {
                $global:RdpFake.Owners[$path] | Should -Be 'S-1-5-32-544' -Because $path
                Test-FakeAllowed -Path $path -Sid 'S-1-5-18' -Mask 2032127 | Should -BeTrue -Because $path
                Test-FakeAllowed -Path $path -Sid 'S-1-5-32-544' -Mask 2032127 | Should -BeTrue -Because $path
            }
            Test-FakeAllowed -Path $rdpKey -Sid 'S-1-5-20' -Mask 1179785 | Should -BeTrue
            $result.Changes | Should -Contain ('{0}: owner S-1-5-32-544 ({1} of {1} item(s))' -f $machineKeys, ($files.Count + 1))
        }

        It 'records an entry it cannot read in the backup instead of aborting, and says so' {
            $unreadable = $files[1]
            $global:RdpFake.Failing['Get-RdpSecurityDescriptor'] = $unreadable
            $result = Repair-RdpMachineKeyPermission -BackupRoot $root -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
            $result.Result | Should -Be 'Applied' -Because $result.Message
            $entries = Get-BackupEntry -BackupPath $result.BackupPath
            $saved = @($entries | Where-Object { $_.Path -eq $unreadable })
            $saved.Count | Should -BeGreaterThan 0
            foreach ($entry in $saved) {
                $entry.Sddl | Should -BeNullOrEmpty
                $entry.Error | Should -Match 'Access is denied'
            }
            @($entries | Where-Object { $_.Path -ne $unreadable -and -not $_.Sddl }) | Should -BeNullOrEmpty
            (@($warnings) -join "`n") | Should -Match ([regex]::Escape($unreadable))
        }

        It 'reports a file it could not change as a partial application, and changes the others' {
            $stuck = $files[1]
            Set-FakeOwnerOnly -Path $stuck
            $global:RdpFake.Failing['Set-RdpOwner'] = $stuck
            $result = Repair-RdpMachineKeyPermission -BackupRoot $root -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
            $result.Result | Should -Be 'Partial'
            @($result.FailedItems | Where-Object { $_ -like "$stuck*" }).Count | Should -BeGreaterThan 0
            @($result.FailedItems | Where-Object { $_ -notlike "$stuck*" }) | Should -BeNullOrEmpty
            $result.Message | Should -Match ([regex]::Escape($stuck))
            (@($warnings) -join "`n") | Should -Match 'applied only in part'
            $global:RdpFake.Owners[$rdpKey] | Should -Be 'S-1-5-32-544'
            Test-FakeAllowed -Path $rdpKey -Sid 'S-1-5-20' -Mask 1179785 | Should -BeTrue
            $global:RdpFake.Owners[$stuck] | Should -Be 'S-1-5-18'
        }
    }

    Context 'a repair that only the events call for' {
        BeforeEach {
            # RDP logged that it cannot use its key; the permissions look right.
            Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id 'ev-schannel-key')
        }

        It 'runs the default machinekeys-access fixes and replaces the certificate' {
            $results = @(Invoke-RdpRepair -Scenario 'machinekeys-access' -BackupRoot $root -Confirm:$false)
            ($results | Where-Object { $_.Fix -eq 'reset-machinekeys-acl' }).Result | Should -Be 'Applied'
            ($results | Where-Object { $_.Fix -eq 'renew-rdp-self-signed-cert' }).Result | Should -Be 'Applied'
            @($global:RdpFake.Certificates['Remote Desktop'] | ForEach-Object { $_.Thumbprint }) | Should -Be @(New-FakeThumbprint 99)
        }

        It 'gives a certificate whose key is missing a new key' {
            $global:RdpFake.BrokenKeys = @($rdpKey)
            (Get-CheckResult -Scenario 'rdp-cert-invalid' -CheckId 'rdp-cert-store').Detail | Should -Be 'unusable:bad-key'
            $results = @(Invoke-RdpRepair -Scenario 'machinekeys-access' -BackupRoot $root -Confirm:$false)
            ($results | Where-Object { $_.Fix -eq 'renew-rdp-self-signed-cert' }).Result | Should -Be 'Applied'
            (Get-CheckResult -Scenario 'rdp-cert-invalid' -CheckId 'rdp-cert-store').Outcome | Should -Be 'quiet'
        }

        It 'skips them when neither the events nor the state show a problem' {
            $global:RdpFake.Events.Clear()
            $results = @(Invoke-RdpRepair -Scenario 'machinekeys-access' -BackupRoot $root -Confirm:$false)
            @($results | Where-Object { $_.Result -ne 'Skipped' }) | Should -BeNullOrEmpty
            Get-FakeChange | Should -BeNullOrEmpty
        }
    }

    Context 'certificate checks look at the private key, its usage and NETWORK SERVICE' {
        It 'rdp-cert-store fires with unusable:<Detail> when the only valid certificate <Case>' -ForEach @(
            @{ Case = 'has no private key'; Detail = 'no-key'; Break = { $selfSigned.KeyFile = $null } }
            @{ Case = 'has a key that does not open'; Detail = 'bad-key'; Break = { $global:RdpFake.BrokenKeys = @($rdpKey) } }
            @{ Case = 'is for client authentication only'; Detail = 'eku'; Break = { $selfSigned.EnhancedKeyUsages = @('1.3.6.1.5.5.7.3.2') } }
            @{ Case = 'has a key NETWORK SERVICE cannot read'; Detail = 'ns-read'; Break = { $global:RdpFake.Acl[$rdpKey] = @($global:RdpFake.Acl[$rdpKey] | Where-Object { $_.Sid -ne 'S-1-5-20' }) } }
        ) {
            . $Break
            $check = Get-CheckResult -Scenario 'rdp-cert-invalid' -CheckId 'rdp-cert-store'
            $check.Outcome | Should -Be 'fired'
            $check.Detail | Should -Be "unusable:$Detail"
        }

        It 'rdp-cert-store accepts <Case>' -ForEach @(
            @{ Case = 'no Enhanced Key Usage extension'; Usages = $null }
            @{ Case = 'Remote Desktop Authentication'; Usages = @('1.3.6.1.4.1.311.54.1.2') }
        ) {
            $selfSigned.EnhancedKeyUsages = $Usages
            (Get-CheckResult -Scenario 'rdp-cert-invalid' -CheckId 'rdp-cert-store').Outcome | Should -Be 'quiet'
        }

        It 'rdp-cert-store accepts a key file NETWORK SERVICE reads through Authenticated Users' {
            $global:RdpFake.Acl[$rdpKey] = @(
                @{ Sid = 'S-1-5-18'; Rights = 2032127; AccessType = 'Allow'; InheritOnly = $false }
                @{ Sid = 'S-1-5-11'; Rights = 1179785; AccessType = 'Allow'; InheritOnly = $false }
            )
            (Get-CheckResult -Scenario 'rdp-cert-invalid' -CheckId 'rdp-cert-store').Outcome | Should -Be 'quiet'
        }

        It 'rdp-cert-binding fires with <Detail> when the bound certificate <Case>' -ForEach @(
            @{ Case = 'has a key NETWORK SERVICE cannot read'; Detail = 'ns-read'; Break = {} }
            @{ Case = 'has no private key'; Detail = 'no-key'; Break = { $custom.KeyFile = $null } }
            @{ Case = 'is for client authentication only'; Detail = 'eku'; Break = { $custom.EnhancedKeyUsages = @('1.3.6.1.5.5.7.3.2') } }
        ) {
            . $Break
            $global:RdpFake.Registry["$($global:RdpFake.RdpTcpKey)|SSLCertificateSHA1Hash"] = @{ Kind = 'Binary'; Value = (& $thumbprintBytes $custom.Thumbprint) }
            $check = Get-CheckResult -Scenario 'rdp-cert-invalid' -CheckId 'rdp-cert-binding'
            $check.Outcome | Should -Be 'fired'
            $check.Detail | Should -Be ($custom.Thumbprint.Substring(0, 8) + ':' + $Detail)
        }
    }

    Context 'Set-RdpCertificateBinding' {
        It 'refuses a certificate that <Case>, before changing anything' -ForEach @(
            @{ Case = 'has no private key'; Message = '*private key*'; Break = { $custom.KeyFile = $null } }
            @{ Case = 'has a key that does not open'; Message = '*private key*'; Break = { $global:RdpFake.BrokenKeys = @($global:RdpFake.CustomKeyFile) } }
            @{ Case = 'is for client authentication only'; Message = '*1.3.6.1.5.5.7.3.2*1.3.6.1.5.5.7.3.1*'; Break = { $custom.EnhancedKeyUsages = @('1.3.6.1.5.5.7.3.2') } }
        ) {
            . $Break
            { Set-RdpCertificateBinding -Thumbprint $custom.Thumbprint -BackupRoot $root -Confirm:$false } | Should -Throw -ExpectedMessage $Message
            Get-FakeChange | Should -BeNullOrEmpty
            Test-FakeBackupWritten | Should -BeFalse
        }

        It 'grants NETWORK SERVICE read on the key file, verifies it, and Undo-RdpRepair takes it back' {
            $keyFile = $global:RdpFake.CustomKeyFile
            $before = ConvertTo-FakeSddl -Path $keyFile
            $result = Set-RdpCertificateBinding -Thumbprint $custom.Thumbprint -BackupRoot $root -Confirm:$false
            $result.Result | Should -Be 'Applied' -Because $result.Message
            Test-FakeAllowed -Path $keyFile -Sid 'S-1-5-20' -Mask 1179785 | Should -BeTrue
            $result.Changes | Should -Contain "${keyFile}: *S-1-5-20:(R)"
            $null = Undo-RdpRepair -BackupPath $result.BackupPath -Confirm:$false
            ConvertTo-FakeSddl -Path $keyFile | Should -Be $before
        }
    }

    Context 'the privilege helper' {
        It 'compiles (Add-Type) and exposes Set(name, enable)' {
            $type = InModuleScope 'RdpRescue' { Get-RdpTokenPrivilegeType }
            $type.FullName | Should -Be 'RdpRescue.TokenPrivilege'
            $type.GetMethod('Set', [type[]]@([string], [bool])).ReturnType | Should -Be ([bool])
        }
    }
}
