# Acceptance of `rdp-rescue new scenario acme-agent` + `build --scenarios`: the starter's
# scenario runs in the module it was built into. Run by test/examples/starter.test.ts.

Describe 'a scenario from rdp-rescue new scenario' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath '../pester/FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'Invoke-RdpDiagnosis -Scenario acme-agent runs: CLEAR on a healthy machine' {
        $result = Invoke-RdpDiagnosis -Scenario 'acme-agent'
        $result.Id | Should -BeExactly 'acme-agent'
        $result.Status | Should -Be 'Clear'
        @(Invoke-RdpDiagnosis -Scenario 'acme-agent' -AsText)[0] | Should -BeExactly 'RDPRESCUE acme-agent CLEAR -'
    }

    It 'Invoke-RdpDiagnosis -Scenario acme-agent runs: DETECTED when its example check fires' {
        $global:RdpFake.Registry['HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server|fDenyTSConnections'] = @{ Kind = 'DWord'; Value = 1 }
        $result = Invoke-RdpDiagnosis -Scenario 'acme-agent'
        $result.Status | Should -Be 'Detected'
        $result.Evidence | Should -Match '^acme-agent-check'
    }
}
