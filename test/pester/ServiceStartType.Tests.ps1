# The service control manager keeps each service's start type in memory: a Start value written
# into the registry counts only from the next boot. A fix that must start a disabled service at
# once therefore changes the start type through the service control manager; only a protected
# service (gpsvc) is written in the registry, and its fix says a restart is needed.

Describe 'start types and the service control manager' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
        $termStart = 'HKLM:\SYSTEM\CurrentControlSet\Services\TermService|Start'
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'the fake refuses to start a service disabled at boot although its Start value was rewritten since' {
        $global:RdpFake.Registry[$termStart] = @{ Kind = 'DWord'; Value = 4 }
        Set-FakeServiceState -Name 'TermService' -State 'Stopped'
        & (Get-Module -Name (Get-RdpTestModuleName)) {
            Set-RdpRegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\TermService' -Name 'Start' -Type 'REG_DWORD' -Value 3
        }
        { Invoke-FakeServiceControl -Name 'TermService' -Control 'Start' } | Should -Throw '*disabled*'
    }

    It 'Start-RdpTermService starts a disabled TermService at once, through the service control manager' {
        $global:RdpFake.Registry[$termStart] = @{ Kind = 'DWord'; Value = 4 }
        Set-FakeServiceState -Name 'TermService' -State 'Stopped'
        $result = Start-RdpTermService -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'Applied'
        $global:RdpFake.Services['TermService'].State | Should -Be 'Running'
        $global:RdpFake.Registry[$termStart].Value | Should -Be 3
        $global:RdpFake.Changes.Change | Should -Contain 'service-start-type TermService Manual'
    }

    It 'its undo gives the service control manager the old start type back' {
        $global:RdpFake.Registry[$termStart] = @{ Kind = 'DWord'; Value = 4 }
        Set-FakeServiceState -Name 'TermService' -State 'Stopped'
        $fix = @(Start-RdpTermService -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        $null = Undo-RdpRepair -BackupPath $fix[0].BackupPath -Confirm:$false -WarningAction SilentlyContinue
        $global:RdpFake.Registry[$termStart].Value | Should -Be 4
        $global:RdpFake.Changes.Change | Should -Contain 'service-start-type TermService Disabled'
    }

    It 'Suspend-RdpGroupPolicy still writes gpsvc Start in the registry (the service control manager denies it)' {
        $null = Suspend-RdpGroupPolicy -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $global:RdpFake.Changes.Change | Should -Contain 'registry-set HKLM:\SYSTEM\CurrentControlSet\Services\gpsvc\Start'
        $global:RdpFake.Changes.Change | Should -Not -Contain 'service-start-type gpsvc Disabled'
    }
}
