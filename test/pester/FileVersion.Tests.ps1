# credssp-oracle decides on the VM's CredSSP patch level (tspkg.dll's file version against the
# minimum Microsoft lists for its OS build), not on AllowEncryptionOracle=0, the recommended
# hardening (review H2). The file-version check: numeric comparison, builds not listed, a file
# that cannot be read.

Describe 'file-version checks and credssp-oracle' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
        $credssp = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP\Parameters'
        function Get-CredSspLine {
            @(Invoke-RdpDiagnosis -Scenario 'credssp-oracle' -AsText)[0]
        }
        function Set-Tspkg {
            param([int[]]$Version)
            $global:RdpFake.FileVersions[$global:RdpFake.Tspkg] = $Version
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'a patched VM hardened to Force Updated Clients (AllowEncryptionOracle=0) is clear' {
        Set-Tspkg -Version @(6, 3, 9600, 19000)
        $global:RdpFake.Registry["$credssp|AllowEncryptionOracle"] = @{ Kind = 'DWord'; Value = 0 }
        Get-CredSspLine | Should -BeExactly 'RDPRESCUE credssp-oracle CLEAR -'
    }

    It 'a VM without the CredSSP update is detected, with its version, and Force Updated Clients supports it' {
        Set-Tspkg -Version @(6, 3, 9600, 9999)
        Get-CredSspLine | Should -BeExactly 'RDPRESCUE credssp-oracle DETECTED credssp-update-missing=6.3.9600.9999'
        $global:RdpFake.Registry["$credssp|AllowEncryptionOracle"] = @{ Kind = 'DWord'; Value = 0 }
        Get-CredSspLine | Should -BeExactly 'RDPRESCUE credssp-oracle DETECTED credssp-update-missing=6.3.9600.9999,credssp-force-updated-clients=0'
    }

    It 'the exact minimum is patched, one revision below is not (<Version>)' -ForEach @(
        @{ Version = @(6, 1, 7601, 24116); Line = 'RDPRESCUE credssp-oracle DETECTED credssp-update-missing=6.1.7601.24116' }
        @{ Version = @(6, 1, 7601, 24117); Line = 'RDPRESCUE credssp-oracle CLEAR -' }
        @{ Version = @(10, 0, 14393, 2247); Line = 'RDPRESCUE credssp-oracle DETECTED credssp-update-missing=10.0.14393.2247' }
        @{ Version = @(10, 0, 14393, 2248); Line = 'RDPRESCUE credssp-oracle CLEAR -' }
    ) {
        Set-Tspkg -Version $Version
        Get-CredSspLine | Should -BeExactly $Line
    }

    It 'a build the table does not list is not affected (<Version>)' -ForEach @(
        @{ Version = @(10, 0, 17763, 1) }
        @{ Version = @(10, 0, 20348, 1) }
        @{ Version = @(6, 0, 6002, 1) }
    ) {
        Set-Tspkg -Version $Version
        $global:RdpFake.Registry["$credssp|AllowEncryptionOracle"] = @{ Kind = 'DWord'; Value = 0 }
        Get-CredSspLine | Should -BeExactly 'RDPRESCUE credssp-oracle CLEAR -'
    }

    It 'a missing, unreadable or unversioned tspkg.dll is unknown, never clear' {
        $global:RdpFake.FileVersions.Remove($global:RdpFake.Tspkg)
        Get-CredSspLine | Should -BeExactly 'RDPRESCUE credssp-oracle UNKNOWN credssp-update-missing?'
        Reset-FakeMachine
        $global:RdpFake.Failing['Get-RdpFileVersion'] = '*'
        Get-CredSspLine | Should -BeExactly 'RDPRESCUE credssp-oracle UNKNOWN credssp-update-missing?'
        Reset-FakeMachine
        Set-Tspkg -Version @(0, 0, 0, 0)
        $result = Invoke-RdpDiagnosis -Scenario 'credssp-oracle'
        $result.Status | Should -Be 'Unknown'
        $result.Reason | Should -Match 'credssp-update-missing: .*no file version'
    }

    It 'compares versions part by part as numbers, not as text' {
        InModuleScope (Get-RdpTestModuleName) {
            Compare-RdpFileVersion -Version @(6, 3, 9600, 9999) -Minimum @(6, 3, 9600, 18999) | Should -Be -1
            Compare-RdpFileVersion -Version @(6, 3, 9600, 18999) -Minimum @(6, 3, 9600, 18999) | Should -Be 0
            Compare-RdpFileVersion -Version @(6, 3, 9600, 100000) -Minimum @(6, 3, 9600, 18999) | Should -Be 1
            Compare-RdpFileVersion -Version @(10, 0, 14393, 2248) -Minimum @(6, 3, 9600, 18999) | Should -Be 1
            Compare-RdpFileVersion -Version @(6, 10, 0, 0) -Minimum @(6, 9, 9999, 9999) | Should -Be 1
        }
    }
}

Describe 'Get-RdpFileVersion (the real platform function, no fake machine)' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    It 'reads the four version parts through [System.Diagnostics.FileVersionInfo], and throws for a missing file' {
        $file = Join-Path -Path $TestDrive -ChildPath 'plain.txt'
        Set-Content -LiteralPath $file -Value 'no version resource'
        $module = Get-Module -Name (Get-RdpTestModuleName)
        $version = & $module { param($Path) @(Get-RdpFileVersion -Path $Path) } $file
        ($version -join '.') | Should -BeExactly '0.0.0.0'
        { & $module { param($Path) Get-RdpFileVersion -Path $Path } (Join-Path -Path $TestDrive -ChildPath 'none.dll') } | Should -Throw '*does not exist*'
    }
}
