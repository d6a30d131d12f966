# rdp-port-conflict fires only when another process holds the RDP port. Nothing listening is
# no conflict: termservice-not-running (or rdp-listener-disabled) says why TermService does not
# listen, and Stop-RdpPortConflict there would only restart TermService and cut sessions.

Describe 'rdp-port-conflict' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'is clear when nothing listens on the port, while termservice-not-running says why' {
        Set-FakeServiceState -Name 'TermService' -State 'Stopped'
        $results = @(Invoke-RdpDiagnosis -Scenario 'rdp-port-conflict', 'termservice-not-running')
        @($results | Where-Object { $_.Id -eq 'rdp-port-conflict' })[0].Status | Should -Be 'Clear'
        @($results | Where-Object { $_.Id -eq 'termservice-not-running' })[0].Status | Should -Be 'Detected'
    }

    It 'is detected when another process holds the port, and names its PID' {
        Set-FakeCheckFiring -Check (& (Get-Module -Name 'RdpRescue') { $script:RdpCatalog.Checks['rdp-listener'] })
        $result = Invoke-RdpDiagnosis -Scenario 'rdp-port-conflict'
        $result.Status | Should -Be 'Detected'
        @($result.Checks | Where-Object { $_.CheckId -eq 'rdp-listener' })[0].Detail | Should -Be '3389/pid:4242'
    }
}
