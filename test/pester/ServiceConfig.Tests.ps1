# Service configuration against Microsoft's documented defaults (network-service-down,
# termservice-not-running), the fixes that set it back through the service control manager,
# and their exact undo. Also the listener's drain mode, read as "present and not 0".

Describe 'service configuration and its fixes' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
        $services = 'HKLM:\SYSTEM\CurrentControlSet\Services'
        function Get-ScenarioLine {
            param([string]$Id)
            @(Invoke-RdpDiagnosis -Scenario $Id -AsText)[0]
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'a healthy machine is clear of network-service-down and termservice-not-running' {
        Get-ScenarioLine -Id 'network-service-down' | Should -Be 'RDPRESCUE network-service-down CLEAR -'
        Get-ScenarioLine -Id 'termservice-not-running' | Should -Be 'RDPRESCUE termservice-not-running CLEAR -'
    }

    It 'compares accounts without regard to case (images spell NT AUTHORITY both ways)' {
        $global:RdpFake.Services['TermService'].StartName = 'NT AUTHORITY\NETWORKSERVICE'
        $global:RdpFake.Services['Dhcp'].StartName = 'nt authority\localservice'
        Get-ScenarioLine -Id 'network-service-down' | Should -Be 'RDPRESCUE network-service-down CLEAR -'
        Get-ScenarioLine -Id 'termservice-not-running' | Should -Be 'RDPRESCUE termservice-not-running CLEAR -'
    }

    It 'a Dhcp set to manual is detected, and TermService set to automatic only supports' {
        $global:RdpFake.Services['Dhcp'].ScmStart = 3
        $global:RdpFake.Services['TermService'].ScmStart = 2
        Get-ScenarioLine -Id 'network-service-down' | Should -Match '^RDPRESCUE network-service-down DETECTED netsvc-dhcp-start='
        Get-ScenarioLine -Id 'termservice-not-running' | Should -Be 'RDPRESCUE termservice-not-running CLEAR -'
    }

    It 'Start-RdpNetworkService sets the four services back to automatic and starts them; pasting again changes nothing; undo is exact' {
        foreach ($name in 'nsi', 'Dhcp', 'BFE', 'MpsSvc') {
            $global:RdpFake.Services[$name].ScmStart = 4
            $global:RdpFake.Registry["$services\$name|Start"] = @{ Kind = 'DWord'; Value = 4 }
        }
        Set-FakeServiceState -Name 'Dhcp' -State 'Stopped'
        Set-FakeServiceState -Name 'nsi' -State 'Stopped'
        Set-FakeServiceState -Name 'MpsSvc' -State 'Stopped'
        Set-FakeServiceState -Name 'BFE' -State 'Stopped'
        $fix = @(Start-RdpNetworkService -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        $fix[0].Result | Should -Be 'Applied'
        foreach ($name in 'nsi', 'Dhcp', 'BFE', 'MpsSvc') {
            $global:RdpFake.Services[$name].State | Should -Be 'Running'
            $global:RdpFake.Registry["$services\$name|Start"].Value | Should -Be 2
            $global:RdpFake.Changes.Change | Should -Contain "service-start-type $name Automatic"
        }
        Get-ScenarioLine -Id 'network-service-down' | Should -Be 'RDPRESCUE network-service-down CLEAR -'
        $after = Get-FakeState | ConvertTo-Json -Depth 3
        $null = Start-RdpNetworkService -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        (Get-FakeState | ConvertTo-Json -Depth 3) | Should -Be $after
        $null = Undo-RdpRepair -BackupPath $fix[0].BackupPath -Confirm:$false -WarningAction SilentlyContinue
        foreach ($name in 'nsi', 'Dhcp', 'BFE', 'MpsSvc') {
            $global:RdpFake.Registry["$services\$name|Start"].Value | Should -Be 4
            $global:RdpFake.Changes.Change | Should -Contain "service-start-type $name Disabled"
        }
    }

    It 'Reset-RdpDhcpLogonAccount sets the account back through the service control manager, idempotent, undo restores the account' {
        $global:RdpFake.Services['Dhcp'].StartName = 'NT AUTHORITY\NetworkService'
        $global:RdpFake.Registry["$services\Dhcp|ObjectName"] = @{ Kind = 'String'; Value = 'NT AUTHORITY\NetworkService' }
        Get-ScenarioLine -Id 'network-service-down' | Should -Match 'netsvc-dhcp-account='
        $fix = @(Reset-RdpDhcpLogonAccount -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        $fix[0].Result | Should -Be 'Applied'
        $global:RdpFake.Changes.Change | Should -Contain 'service-logon-account Dhcp NT Authority\LocalService'
        Get-ScenarioLine -Id 'network-service-down' | Should -Be 'RDPRESCUE network-service-down CLEAR -'
        $global:RdpFake.Changes.Clear()
        $null = Reset-RdpDhcpLogonAccount -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $global:RdpFake.Changes.Change | Should -Not -Contain 'service-logon-account Dhcp NT Authority\LocalService'
        $null = Undo-RdpRepair -BackupPath $fix[0].BackupPath -Confirm:$false -WarningAction SilentlyContinue
        $global:RdpFake.Services['Dhcp'].StartName | Should -Be 'NT AUTHORITY\NetworkService'
    }

    It 'undo of an account with a password writes its name back and warns, never asking for or printing a password' {
        $global:RdpFake.Services['TermService'].StartName = '.\rdpuser'
        $global:RdpFake.Registry["$services\TermService|ObjectName"] = @{ Kind = 'String'; Value = '.\rdpuser' }
        $fix = @(Reset-RdpTermServiceLogonAccount -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        $fix[0].Result | Should -Be 'Applied'
        $global:RdpFake.Services['TermService'].StartName | Should -Be 'NT Authority\NetworkService'
        $null = Undo-RdpRepair -BackupPath $fix[0].BackupPath -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
        $global:RdpFake.Registry["$services\TermService|ObjectName"].Value | Should -Be '.\rdpuser'
        ($warned -join ' ') | Should -Match 'password= <password>'
    }

    It 'calls TSServerDrainMode=2 drain mode too (the check compared with 1 only)' {
        $key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
        $global:RdpFake.Registry["$key|TSServerDrainMode"] = @{ Kind = 'DWord'; Value = 2 }
        Get-ScenarioLine -Id 'rdp-listener-disabled' | Should -Match '^RDPRESCUE rdp-listener-disabled DETECTED terminal-server-draining'
        $global:RdpFake.Registry["$key|TSServerDrainMode"] = @{ Kind = 'DWord'; Value = 0 }
        Get-ScenarioLine -Id 'rdp-listener-disabled' | Should -Be 'RDPRESCUE rdp-listener-disabled CLEAR -'
    }
}
