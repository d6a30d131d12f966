# What a repair claims afterwards: each fix verifies what its help says it verifies (every
# registry value it writes reads back as written), and a diagnosis after a repair can leave out
# the events that fired before it.

Describe 'verification after a fix' {
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

        $gpsvcStart = 'HKLM:\SYSTEM\CurrentControlSet\Services\gpsvc|Start'
        $tls11 = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It '<Command> is Applied when gpsvc Start reads back as <Start>' -ForEach @(
        @{ Command = 'Suspend-RdpGroupPolicy'; Start = 4 }
        @{ Command = 'Resume-RdpGroupPolicy'; Start = 2 }
    ) {
        $result = & $Command -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'Applied'
        $global:RdpFake.Registry[$gpsvcStart].Value | Should -Be $Start
    }

    It '<Command> is NotVerified, naming the value, when gpsvc Start does not keep the write' -ForEach @(
        @{ Command = 'Suspend-RdpGroupPolicy' }
        @{ Command = 'Resume-RdpGroupPolicy' }
    ) {
        # Its help: "Verification: gpsvc Start reads back as 4" (2 for Resume).
        $global:RdpFake.Registry[$gpsvcStart].Value = 3
        $global:RdpFake.Reverted = @($gpsvcStart)
        $result = & $Command -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'NotVerified'
        $result.Message | Should -BeLike "*HKLM:\SYSTEM\CurrentControlSet\Services\gpsvc\Start*"
    }

    It 'Disable-RdpNetworkLevelAuthentication is Applied when no Group Policy requires NLA' {
        $result = Disable-RdpNetworkLevelAuthentication -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'Applied'
        $global:RdpFake.Registry["$($global:RdpFake.RdpTcpKey)|UserAuthentication"].Value | Should -Be 0
    }

    It 'Disable-RdpNetworkLevelAuthentication refuses before any change while Group Policy requires NLA (review 15b F11)' {
        # Policies\...\Terminal Services UserAuthentication=1 wins over the listener's value:
        # writing the local value would change nothing but leave a change behind.
        $global:RdpFake.Registry["$($global:RdpFake.RdpTcpKey)|UserAuthentication"] = @{ Kind = 'DWord'; Value = 1 }
        $global:RdpFake.Registry['HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services|UserAuthentication'] = @{ Kind = 'DWord'; Value = 1 }
        $result = Disable-RdpNetworkLevelAuthentication -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'Skipped'
        $result.Message | Should -BeLike '*HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services\UserAuthentication*'
        $result.BackupPath | Should -BeNullOrEmpty
        @(Get-FakeChange) | Should -BeNullOrEmpty
        $global:RdpFake.Registry["$($global:RdpFake.RdpTcpKey)|UserAuthentication"].Value | Should -Be 1
    }

    It 'Disable-RdpNetworkLevelAuthentication is applied when the policy value allows it (NLA off by policy too)' {
        $global:RdpFake.Registry['HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services|UserAuthentication'] = @{ Kind = 'DWord'; Value = 0 }
        $result = Disable-RdpNetworkLevelAuthentication -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'Applied'
    }

    It 'Enable-RdpLegacyTlsProtocol is NotVerified when DisabledByDefault of TLS 1.1 does not keep the write' {
        # Its help: "All four values read back as written"; its state checks read Enabled only.
        Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id 'tls10-server-off')
        Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id 'tls11-server-off')
        $global:RdpFake.Registry["$tls11|DisabledByDefault"] = @{ Kind = 'DWord'; Value = 1 }
        $global:RdpFake.Reverted = @("$tls11|DisabledByDefault")
        $result = Enable-RdpLegacyTlsProtocol -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'NotVerified'
        $result.Message | Should -BeLike "*$tls11\DisabledByDefault*"
        $result.Message | Should -Not -BeLike '*TLS 1.0*'
    }

    It 'Enable-RdpLegacyTlsProtocol is Applied when all four values read back' {
        Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id 'tls10-server-off')
        $result = Enable-RdpLegacyTlsProtocol -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'Applied'
    }
}

Describe 'Invoke-RdpDiagnosis -After' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
        $credential = & (Get-Module -Name 'RdpRescue') { $script:RdpCatalog.Checks['ev-schannel-credential'] }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
        # One Schannel 36871, an hour before now.
        Set-FakeCheckFiring -Check $credential
    }

    It 'counts an event written after the given time' {
        $result = Invoke-RdpDiagnosis -Scenario 'tls-disabled' -After $global:RdpFake.Now.AddHours(-2)
        $result.Status | Should -Be 'Detected'
        $result.Evidence | Should -BeLike 'ev-schannel-credential=1/*'
    }

    It 'does not count an event written before it' {
        $result = Invoke-RdpDiagnosis -Scenario 'tls-disabled' -After $global:RdpFake.Now.AddMinutes(-30)
        $result.Status | Should -Be 'Clear'
    }

    It 'never widens the window beyond -Since' {
        $result = Invoke-RdpDiagnosis -Scenario 'tls-disabled' -Since 0.5 -After $global:RdpFake.Now.AddHours(-2)
        $result.Status | Should -Be 'Clear'
    }
}
