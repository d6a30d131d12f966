# The example organisation build (examples/): its own module (name and version from
# examples/rdp-rescue.config.json) diagnoses the two example scenarios on the fake machine.
# Run by test/examples/examples.test.ts against that build (RDPRESCUE_BUILD, RDPRESCUE_MODULE).

Describe 'the example organisation module' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath '../pester/FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        $terminalServer = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
        $policy = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
        $rdpTcp = "$terminalServer\WinStations\RDP-Tcp"

        function Set-FakeValue {
            param([string]$Key, [string]$Name, [object]$Value)
            $kind = 'DWord'
            if ($Value -is [string]) {
                $kind = 'String'
            }
            $global:RdpFake.Registry["$Key|$Name"] = @{ Kind = $kind; Value = $Value }
        }

        function Get-ExampleLine {
            param([string]$Id)
            @(Invoke-RdpDiagnosis -Scenario $Id -AsText)[0]
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
        # What a healthy Windows Server 2012 R2 or later holds.
        Set-FakeValue -Key $terminalServer -Name 'fDenyTSConnections' -Value 0
        Set-FakeValue -Key $rdpTcp -Name 'LoadableProtocol_Object' -Value '{5828227c-20cf-4408-b73f-73ab70b8849f}'
    }

    It 'is the organisation''s module, with its own name and version' {
        $module = Get-Module -Name (Get-RdpTestModuleName)
        $module.Name | Should -BeExactly 'AcmeRdpRescue'
        $module.Version.ToString() | Should -BeExactly '2.3.0'
        Get-Module -Name 'RdpRescue' | Should -BeNullOrEmpty
    }

    It 'knows the example scenarios beside the built-in ones' {
        $ids = @(Invoke-RdpDiagnosis | ForEach-Object { $_.Id })
        $ids | Should -Contain 'acme-baseline-rdp-disabled'
        $ids | Should -Contain 'acme-agent-listener'
        $ids | Should -Contain 'tls-disabled'
    }

    Describe 'acme-baseline-rdp-disabled' {
        It 'is CLEAR when Remote Desktop is allowed' {
            Get-ExampleLine -Id 'acme-baseline-rdp-disabled' | Should -BeExactly 'RDPRESCUE acme-baseline-rdp-disabled CLEAR -'
        }

        It 'is DETECTED when the baseline policy denies Remote Desktop, whatever the local value' {
            Set-FakeValue -Key $policy -Name 'fDenyTSConnections' -Value 1
            $result = Invoke-RdpDiagnosis -Scenario 'acme-baseline-rdp-disabled'
            $result.Status | Should -Be 'Detected'
            $result.Evidence | Should -Match '^acme-baseline-deny-ts'
            Get-ExampleLine -Id 'acme-baseline-rdp-disabled' | Should -Match '^RDPRESCUE acme-baseline-rdp-disabled DETECTED acme-baseline-deny-ts'
        }

        It 'is CLEAR when the policy allows Remote Desktop although the local value denies it' {
            Set-FakeValue -Key $terminalServer -Name 'fDenyTSConnections' -Value 1
            Set-FakeValue -Key $policy -Name 'fDenyTSConnections' -Value 0
            (Invoke-RdpDiagnosis -Scenario 'acme-baseline-rdp-disabled').Status | Should -Be 'Clear'
        }
    }

    Describe 'acme-agent-listener' {
        It 'is CLEAR with the protocol manager of current Windows' {
            Get-ExampleLine -Id 'acme-agent-listener' | Should -BeExactly 'RDPRESCUE acme-agent-listener CLEAR -'
        }

        It 'is CLEAR with the protocol manager of older Windows (in any letter case)' {
            Set-FakeValue -Key $rdpTcp -Name 'LoadableProtocol_Object' -Value '{18B726BB-6FE6-4FB9-9276-ED57CE7C7CB2}'
            (Invoke-RdpDiagnosis -Scenario 'acme-agent-listener').Status | Should -Be 'Clear'
        }

        It 'is DETECTED when an agent replaced the protocol manager' {
            Set-FakeValue -Key $rdpTcp -Name 'LoadableProtocol_Object' -Value '{0d4c1a7e-3b2f-4e6a-8c9d-5f1e2a3b4c5d}'
            $result = Invoke-RdpDiagnosis -Scenario 'acme-agent-listener'
            $result.Status | Should -Be 'Detected'
            Get-ExampleLine -Id 'acme-agent-listener' | Should -Match '^RDPRESCUE acme-agent-listener DETECTED acme-agent-protocol-object'
        }
    }
}
