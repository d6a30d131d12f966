# max-connections-reached fires on an effective limit below 2: the policy "Limit number of
# connections" accepts 1 at least (999999 is unlimited), and one session then fills it
# (review15 M9).

Describe 'max-connections-reached' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
        $script:rdpTcp = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
        $script:policy = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
        $global:RdpFake.Registry["$rdpTcp|MaxInstanceCount"] = @{ Kind = 'DWord'; Value = 4294967295 }
    }

    It 'is Detected when the policy limits RDP to one connection, winning over an unlimited listener' {
        $global:RdpFake.Registry["$policy|MaxInstanceCount"] = @{ Kind = 'DWord'; Value = 1 }
        $result = Invoke-RdpDiagnosis -Scenario 'max-connections-reached'
        $result.Status | Should -Be 'Detected'
    }

    It 'is Clear when the policy allows two connections' {
        $global:RdpFake.Registry["$policy|MaxInstanceCount"] = @{ Kind = 'DWord'; Value = 2 }
        $result = Invoke-RdpDiagnosis -Scenario 'max-connections-reached'
        $result.Status | Should -Be 'Clear'
    }

    It 'is Clear when the policy sets the unlimited value 999999' {
        $global:RdpFake.Registry["$policy|MaxInstanceCount"] = @{ Kind = 'DWord'; Value = 999999 }
        $result = Invoke-RdpDiagnosis -Scenario 'max-connections-reached'
        $result.Status | Should -Be 'Clear'
    }
}
