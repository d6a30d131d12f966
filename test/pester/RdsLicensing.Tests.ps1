# rds-licensing-expired: applies only to an RD Session Host (Win32_TerminalServiceSetting
# TerminalServerMode 1, read through WMI); there, no licensing mode (LicensingMode neither 2 nor
# 4, the policy value winning over the local one), no license server, or event 1069 in the
# RemoteConnectionManager Admin channel is Detected. A WMI error is Unknown, never Clear. The
# scenario has no automated fix: its manual steps are the way out.

Describe 'rds-licensing-expired' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
        $core = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\Licensing Core|LicensingMode'
        $serverList = 'HKLM:\SYSTEM\CurrentControlSet\Services\TermService\Parameters\LicenseServers|SpecifiedLicenseServers'
        $policy = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
        $rcm = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager'

        function Set-SessionHost {
            param([int]$Mode, [string[]]$Servers)
            $global:RdpFake.TerminalServerMode = 1
            $global:RdpFake.Registry[$core] = @{ Kind = 'DWord'; Value = $Mode }
            $global:RdpFake.Registry.Remove($serverList)
            if ($Servers) {
                $global:RdpFake.Registry[$serverList] = @{ Kind = 'MultiString'; Value = $Servers }
            }
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'does not apply to a VM without the Session Host role, unconfigured licensing or not' {
        $global:RdpFake.Registry[$core] = @{ Kind = 'DWord'; Value = 5 }
        $result = Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired'
        $result.Status | Should -Be 'Clear'
        @(Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired' -AsText)[0] | Should -BeExactly 'RDPRESCUE rds-licensing-expired CLEAR n/a:rdsh-role-installed'
    }

    It 'is Clear on a Session Host with a licensing mode (<Mode>) and a license server' -ForEach @(@{ Mode = 2 }, @{ Mode = 4 }, @{ Mode = 6 }) {
        Set-SessionHost -Mode $Mode -Servers @('lic01.contoso.com')
        (Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired').Status | Should -Be 'Clear'
    }

    It 'is Clear when Group Policy sets the mode and the server over an unconfigured local value' {
        Set-SessionHost -Mode 5
        $global:RdpFake.Registry["$policy|LicensingMode"] = @{ Kind = 'DWord'; Value = 4 }
        $global:RdpFake.Registry["$policy|LicenseServers"] = @{ Kind = 'String'; Value = 'lic01.contoso.com' }
        (Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired').Status | Should -Be 'Clear'
    }

    It 'is Detected on an unconfigured Session Host, naming the mode and the missing server' {
        Set-SessionHost -Mode 5
        $result = Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired'
        $result.Status | Should -Be 'Detected'
        $result.Evidence | Should -Match 'licensing-mode-not-set=5'
        $result.Evidence | Should -Match 'license-servers-not-set'
        $result.RecommendedFixes | Should -BeNullOrEmpty
    }

    It 'is Detected when the licensing mode value is missing altogether' {
        Set-SessionHost -Mode 4 -Servers @('lic01.contoso.com')
        $global:RdpFake.Registry.Remove($core)
        $result = Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired'
        $result.Status | Should -Be 'Detected'
        $result.Evidence | Should -Match 'licensing-mode-not-set'
    }

    It 'is Detected by event 1069 in the RemoteConnectionManager Admin channel' {
        Set-SessionHost -Mode 4 -Servers @('lic01.contoso.com')
        Add-FakeEvent -Channel "$rcm/Admin" -ProviderName $rcm -Id 1069 -TimeCreated $global:RdpFake.Now.AddHours(-2)
        $result = Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired'
        $result.Status | Should -Be 'Detected'
        $result.Evidence | Should -Match 'ev-licensing-grace-expired'
    }

    It 'is Unknown, never Clear, when WMI cannot say whether the role is installed' {
        Set-SessionHost -Mode 5
        $global:RdpFake.Failing['Get-RdpTerminalServerMode'] = '*'
        $result = Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired'
        $result.Status | Should -Be 'Unknown'
        $result.Evidence.Split(',') | Should -Contain 'rdsh-role-installed?'
    }

    It 'is Unknown when WMI answers without a TerminalServerMode' {
        $global:RdpFake.TerminalServerMode = $null
        (Invoke-RdpDiagnosis -Scenario 'rds-licensing-expired').Status | Should -Be 'Unknown'
    }
}
