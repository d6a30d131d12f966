# security-layer-mismatch decides only on combinations Microsoft documents as refusing clients:
# MinEncryptionLevel applies only to the native RDP security layer (SecurityLayer=0), and FIPS
# mode for the machine alone does not stop RDP (review15 H3, L6).

Describe 'security-layer-mismatch' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        function Set-FakeFiring {
            param([string]$Id)
            $check = InModuleScope 'RdpRescue' -Parameters @{ Id = $Id } {
                param($Id)
                $script:RdpCatalog.Checks[$Id]
            }
            Set-FakeCheckFiring -Check $check
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'is not Detected on a FIPS-mode machine whose RDP settings are healthy' {
        Set-FakeFiring -Id 'fips-algorithms-enforced'
        $result = Invoke-RdpDiagnosis -Scenario 'security-layer-mismatch'
        $result.Status | Should -Be 'Clear'
    }

    It 'is not Detected when MinEncryptionLevel=4 but TLS (SecurityLayer=2) secures the connection' {
        Set-FakeFiring -Id 'rdp-encryption-fips-only'
        Set-FakeFiring -Id 'fips-algorithms-enforced'
        $result = Invoke-RdpDiagnosis -Scenario 'security-layer-mismatch'
        $result.Status | Should -Be 'Clear'
        @(Invoke-RdpDiagnosis -Scenario 'security-layer-mismatch' -AsText)[0] |
            Should -BeExactly 'RDPRESCUE security-layer-mismatch CLEAR n/a:rdp-security-layer-rdp'
    }

    It 'is Detected when MinEncryptionLevel=4 meets the native RDP security layer' {
        Set-FakeFiring -Id 'rdp-security-layer-rdp'
        Set-FakeFiring -Id 'rdp-encryption-fips-only'
        $result = Invoke-RdpDiagnosis -Scenario 'security-layer-mismatch'
        $result.Status | Should -Be 'Detected'
        @($result.Evidence.Split(',') | ForEach-Object { $_.Split('=')[0] }) | Should -Contain 'rdp-encryption-fips-only'
    }
}
