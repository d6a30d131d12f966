# The firewall checks and fixes of guest-firewall-blocks-rdp and rdp-port-firewall-mismatch on
# the fake machine, beyond what the catalog-wide tests do: rule data read field by field, a
# block rule beating an allow rule, profiles that are off, the Group Policy store, and fixes
# that change nothing the second time and undo exactly.

Describe 'the firewall checks and fixes' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        function Get-CheckOutcome {
            param([string]$Scenario, [string]$CheckId)
            $result = Invoke-RdpDiagnosis -Scenario $Scenario
            @($result.Checks | Where-Object { $_.CheckId -eq $CheckId })[0].Outcome
        }

        function Set-FakePort {
            param([int]$Port)
            $global:RdpFake.Registry["$($global:RdpFake.RdpTcpKey)|PortNumber"] = @{ Kind = 'DWord'; Value = $Port }
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'reads Active as a whole field: a rule whose other text says Active=TRUE stays disabled' {
        Set-FakeFirewallRule -Name 'RemoteDesktop-UserMode-In-TCP' -Data ((New-FakeFirewallRuleData -Active 'FALSE') + 'Desc=Active=TRUE|')
        Get-CheckOutcome 'guest-firewall-blocks-rdp' 'rdp-firewall-rule-off' | Should -Be 'fired'
    }

    It 'takes the rule enabled in the Group Policy store' {
        Set-FakeFirewallRuleField -Name 'RemoteDesktop-UserMode-In-TCP' -Field 'Active' -Value 'FALSE'
        Set-FakeFirewallRule -Name 'RemoteDesktop-UserMode-In-TCP' -Data (New-FakeFirewallRuleData) -Store Policy
        Get-CheckOutcome 'guest-firewall-blocks-rdp' 'rdp-firewall-rule-off' | Should -Be 'quiet'
    }

    It 'stays quiet while another active allow rule (e.g. scoped to admin addresses) lists the RDP port' {
        Set-FakeFirewallRuleField -Name 'RemoteDesktop-UserMode-In-TCP' -Field 'Active' -Value 'FALSE'
        Set-FakeFirewallRule -Name 'Admins-RDP-In' -Data ((New-FakeFirewallRuleData) + 'RA4=203.0.113.0/24|')
        Get-CheckOutcome 'guest-firewall-blocks-rdp' 'rdp-firewall-rule-off' | Should -Be 'quiet'
        (Invoke-RdpDiagnosis -Scenario 'guest-firewall-blocks-rdp').Status | Should -Be 'Clear'
        Set-FakeFirewallRuleField -Name 'Admins-RDP-In' -Field 'Active' -Value 'FALSE'
        Get-CheckOutcome 'guest-firewall-blocks-rdp' 'rdp-firewall-rule-off' | Should -Be 'fired'
    }

    It 'fires on a deleted rule too' {
        $global:RdpFake.Registry.Remove("$(Get-FakeFirewallKey)\FirewallRules|RemoteDesktop-UserMode-In-TCP")
        (Invoke-RdpDiagnosis -Scenario 'guest-firewall-blocks-rdp').Evidence | Should -Match 'rdp-firewall-rule-off=missing'
    }

    It 'ignores DoNotAllowExceptions in a profile whose firewall is off, and lets the policy value win' {
        Set-FakeFirewallProfile -Profile 'PublicProfile' -Name 'DoNotAllowExceptions' -Value 1
        Set-FakeFirewallProfile -Profile 'PublicProfile' -Name 'EnableFirewall' -Value 0
        Get-CheckOutcome 'guest-firewall-blocks-rdp' 'firewall-blocks-all-inbound' | Should -Be 'quiet'
        Set-FakeFirewallProfile -Profile 'StandardProfile' -Name 'DoNotAllowExceptions' -Value 1
        Set-FakeFirewallProfile -Profile 'StandardProfile' -Name 'DoNotAllowExceptions' -Value 0 -Store Policy
        Get-CheckOutcome 'guest-firewall-blocks-rdp' 'firewall-blocks-all-inbound' | Should -Be 'quiet'
        Set-FakeFirewallProfile -Profile 'DomainProfile' -Name 'DoNotAllowExceptions' -Value 1 -Store Policy
        (Invoke-RdpDiagnosis -Scenario 'guest-firewall-blocks-rdp').Evidence | Should -Match 'firewall-block-all-by-policy=gpo:DomainProfile'
    }

    It 'reads the Private profile of Group Policy from PrivateProfile, where policy writes it (the local store says StandardProfile)' {
        Set-FakeFirewallProfile -Profile 'PrivateProfile' -Name 'DoNotAllowExceptions' -Value 1 -Store Policy
        Get-CheckOutcome 'guest-firewall-blocks-rdp' 'firewall-blocks-all-inbound' | Should -Be 'fired'
        (Invoke-RdpDiagnosis -Scenario 'guest-firewall-blocks-rdp').Evidence | Should -Match 'firewall-block-all-by-policy=gpo:StandardProfile'
        # PrivateProfile wins over the legacy StandardProfile policy key.
        Set-FakeFirewallProfile -Profile 'StandardProfile' -Name 'DoNotAllowExceptions' -Value 0 -Store Policy
        Get-CheckOutcome 'guest-firewall-blocks-rdp' 'firewall-blocks-all-inbound' | Should -Be 'fired'
    }

    It 'matches LPort exactly (33900 is not 3390) and lets a block rule win over an allow rule' {
        Set-FakePort 3390
        Set-FakeFirewallRule -Name 'Other' -Data (New-FakeFirewallRuleData -LPort @('33900'))
        Get-CheckOutcome 'rdp-port-firewall-mismatch' 'rdp-port-not-allowed' | Should -Be 'fired'
        Set-FakeFirewallRule -Name 'Moved' -Data (New-FakeFirewallRuleData -LPort @('3389', '3390'))
        Get-CheckOutcome 'rdp-port-firewall-mismatch' 'rdp-port-not-allowed' | Should -Be 'quiet'
        Set-FakeFirewallRule -Name 'Block' -Data (New-FakeFirewallRuleData -Action 'Block' -LPort @('3390'))
        Get-CheckOutcome 'rdp-port-firewall-mismatch' 'rdp-port-not-allowed' | Should -Be 'fired'
        Set-FakeFirewallRuleField -Name 'Block' -Field 'Active' -Value 'FALSE'
        Get-CheckOutcome 'rdp-port-firewall-mismatch' 'rdp-port-not-allowed' | Should -Be 'quiet'
    }

    It 'does not apply rdp-port-firewall-mismatch while RDP is on 3389' {
        Set-FakeFirewallRuleField -Name 'RemoteDesktop-UserMode-In-TCP' -Field 'Active' -Value 'FALSE'
        (Invoke-RdpDiagnosis -Scenario 'rdp-port-firewall-mismatch').Status | Should -Be 'Clear'
    }

    It 'Enable-RdpFirewallRule changes nothing the second time, and undo restores both rules exactly' {
        Set-FakeFirewallRuleField -Name 'RemoteDesktop-UserMode-In-TCP' -Field 'Active' -Value 'FALSE'
        Set-FakeFirewallRuleField -Name 'RemoteDesktop-UserMode-In-UDP' -Field 'Active' -Value 'FALSE'
        $before = Get-FakeState
        $first = Enable-RdpFirewallRule -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false
        $first.Result | Should -Be 'Applied'
        $applied = Get-FakeState
        $null = Enable-RdpFirewallRule -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false
        ((Get-FakeState).Registry -join "`n") | Should -Be ($applied.Registry -join "`n")
        $null = Undo-RdpRepair -BackupPath $first.BackupPath -Confirm:$false
        ((Get-FakeState).Registry -join "`n") | Should -Be ($before.Registry -join "`n")
    }

    It 'Disable-RdpFirewallInboundBlock is opt-in, warns, and undoes exactly (absent values stay absent)' {
        Set-FakeFirewallProfile -Profile 'PublicProfile' -Name 'DoNotAllowExceptions' -Value 1
        Set-FakeFirewallProfile -Profile 'DomainProfile' -Name 'DoNotAllowExceptions' -Value $null
        $before = Get-FakeState
        $result = Disable-RdpFirewallInboundBlock -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
        $result.Result | Should -Be 'Applied'
        ($warned -join ' ') | Should -Match 'SECURITY'
        $null = Undo-RdpRepair -BackupPath $result.BackupPath -Confirm:$false
        ((Get-FakeState).Registry -join "`n") | Should -Be ($before.Registry -join "`n")
        $repair = @(Invoke-RdpRepair -Scenario 'guest-firewall-blocks-rdp' -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
        @($repair | Where-Object { $_.Fix -eq 'allow-firewall-inbound-exceptions' -and $_.Result -eq 'Applied' }) | Should -BeNullOrEmpty
    }

    It 'Disable-RdpFirewallInboundBlock refuses before any change while Group Policy blocks all inbound (review 15b F11)' {
        Set-FakeFirewallProfile -Profile 'PublicProfile' -Name 'DoNotAllowExceptions' -Value 1
        Set-FakeFirewallProfile -Profile 'PublicProfile' -Name 'DoNotAllowExceptions' -Value 1 -Store Policy
        $before = Get-FakeState
        $result = Disable-RdpFirewallInboundBlock -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue
        $result.Result | Should -Be 'Skipped'
        $result.Message | Should -BeLike '*WindowsFirewall DoNotAllowExceptions=1*'
        ((Get-FakeState).Registry -join "`n") | Should -Be ($before.Registry -join "`n")
    }
}
