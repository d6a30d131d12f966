# safe-mode-boot: the default boot entry's safeboot element is read as a key of the system
# store (HKLM\BCD00000000), never from bcdedit's localized listing; Remove-RdpSafeBoot exports
# the store, deletes the element only when it is there (bcdedit /deletevalue fails on a missing
# one), reads it back, and its undo sets safeboot back with bcdedit /set and its old value (the exported store is an
# emergency copy only: importing it would drop boot changes made after the fix).

Describe 'boot entry elements' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock
        $network = [byte[]](1, 0, 0, 0, 0, 0, 0, 0)
        $yes = [byte[]](1)
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'reports safeboot with its mode, read from the store' {
        Set-FakeBootElement -ElementType '25000080' -Value $network
        $result = Invoke-RdpDiagnosis -Scenario 'safe-mode-boot'
        $result.Status | Should -Be 'Detected'
        $result.Evidence | Should -Match 'default-entry-safeboot=safeboot:Network'
    }

    It 'is Unknown when the store names no default entry' {
        $global:RdpFake.Registry.Remove("$($global:RdpFake.BootPointer)|Element")
        $result = Invoke-RdpDiagnosis -Scenario 'safe-mode-boot'
        $result.Status | Should -Be 'Unknown'
    }

    It 'a safeboot on another entry than {default} is not reported' {
        $global:RdpFake.Registry['HKLM:\BCD00000000\Objects\{11111111-2222-3333-4444-555555555555}\Elements\25000080|Element'] = @{ Kind = 'Binary'; Value = $network }
        (Invoke-RdpDiagnosis -Scenario 'safe-mode-boot').Status | Should -Be 'Clear'
    }

    It 'Remove-RdpSafeBoot deletes safeboot and leaves the other elements' {
        Set-FakeBootElement -ElementType '25000080' -Value $network
        Set-FakeBootElement -ElementType '26000081' -Value $yes
        $result = @(Remove-RdpSafeBoot -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        $result[0].Result | Should -Be 'Applied'
        $global:RdpFake.Registry.ContainsKey((Get-FakeBootElementKey -ElementType '25000080')) | Should -BeFalse
        $global:RdpFake.Registry.ContainsKey((Get-FakeBootElementKey -ElementType '26000081')) | Should -BeTrue
        (Invoke-RdpDiagnosis -Scenario 'safe-mode-boot').Status | Should -Be 'Clear'
    }

    It 'a second Remove-RdpSafeBoot runs no bcdedit /deletevalue (it would fail) and succeeds' {
        Set-FakeBootElement -ElementType '25000080' -Value $network
        $null = Remove-RdpSafeBoot -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $global:RdpFake.Changes.Clear()
        $again = @(Remove-RdpSafeBoot -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        $again[0].Result | Should -Not -Be 'Failed'
        @($global:RdpFake.Changes | Where-Object { $_.Change -like 'bcd-delete-value*' }).Count | Should -Be 0
    }

    It 'Undo-RdpRepair puts safeboot back with its previous mode, and safebootalternateshell' {
        Set-FakeBootElement -ElementType '25000080' -Value $network
        Set-FakeBootElement -ElementType '26000081' -Value $yes
        $before = (Get-FakeState).Registry -join "`n"
        $result = @(Remove-RdpSafeBoot -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        $null = Undo-RdpRepair -BackupPath $result[0].BackupPath -Confirm:$false -WarningAction SilentlyContinue
        ((Get-FakeState).Registry -join "`n") | Should -Be $before
        $global:RdpFake.Registry[(Get-FakeBootElementKey -ElementType '25000080')].Value | Should -Be $network
    }

    It 'Undo-RdpRepair sets safeboot back with bcdedit /set and keeps a boot change made after the fix' {
        Set-FakeBootElement -ElementType '25000080' -Value ([byte[]](2, 0, 0, 0, 0, 0, 0, 0))
        $result = @(Remove-RdpSafeBoot -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        # Later, bcdedit /ems {current} on (BcdOSLoaderBoolean_EmsEnabled, 0x26000022).
        Set-FakeBootElement -ElementType '26000022' -Value ([byte[]](1))
        $global:RdpFake.Changes.Clear()
        $null = Undo-RdpRepair -BackupPath $result[0].BackupPath -Confirm:$false -WarningAction SilentlyContinue
        @($global:RdpFake.Changes | ForEach-Object { $_.Change }) | Should -Be @('bcd-set {default} safeboot dsrepair')
        $global:RdpFake.Registry.ContainsKey((Get-FakeBootElementKey -ElementType '26000022')) | Should -BeTrue
        (Invoke-RdpDiagnosis -Scenario 'safe-mode-boot').Evidence | Should -Match 'safeboot:DsRepair'
    }

    It 'Undo-RdpRepair changes nothing when safeboot was not there before the fix' {
        $result = @(Remove-RdpSafeBoot -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        $global:RdpFake.Changes.Clear()
        $null = Undo-RdpRepair -BackupPath $result[0].BackupPath -Confirm:$false -WarningAction SilentlyContinue
        @($global:RdpFake.Changes | Where-Object { $_.Change -like 'bcd-*' }).Count | Should -Be 0
    }
}
