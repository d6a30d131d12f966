# Security 4625 on the fake machine (issue 15): nla-dc-unreachable, user-not-authorized and
# account-locked-or-expired read the logon status code by field name, in Status or SubStatus,
# name the account, and see past a flood of failed logons with a bad password.

Describe 'failed logons (Security 4625)' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        $auditing = 'Microsoft-Windows-Security-Auditing'
        function Add-FailedLogon {
            param([string]$Status, [string]$SubStatus = '0x0', [string]$User = 'azureuser', [int]$MinutesAgo = 30)
            Add-FakeEvent -Channel 'Security' -ProviderName $auditing -Id 4625 -TimeCreated $global:RdpFake.Now.AddMinutes(-$MinutesAgo) -Data @{
                TargetUserName = $User; TargetDomainName = 'CONTOSO'; Status = $Status; SubStatus = $SubStatus; LogonType = '3'
            }
        }
        function Get-ScenarioResult {
            param([string]$Id)
            Invoke-RdpDiagnosis -Scenario $Id
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It '<Id> is Detected by <Status>/<SubStatus> and names the account' -ForEach @(
        @{ Id = 'account-locked-or-expired'; Status = '0xc0000234'; SubStatus = '0x0'; Check = 'ev-logon-account' }
        @{ Id = 'account-locked-or-expired'; Status = '0xc000006e'; SubStatus = '0xc0000071'; Check = 'ev-logon-account' }
        @{ Id = 'account-locked-or-expired'; Status = '0xc000006e'; SubStatus = '0xc0000193'; Check = 'ev-logon-account' }
        @{ Id = 'account-locked-or-expired'; Status = '0xc000006d'; SubStatus = '0xc0000224'; Check = 'ev-logon-account' }
        @{ Id = 'user-not-authorized'; Status = '0xc000015b'; SubStatus = '0x0'; Check = 'ev-logon-no-right' }
        @{ Id = 'nla-dc-unreachable'; Status = '0xc000005e'; SubStatus = '0x0'; Check = 'ev-logon-no-dc' }
        @{ Id = 'nla-dc-unreachable'; Status = '0xc000018c'; SubStatus = '0x0'; Check = 'ev-logon-no-dc' }
        @{ Id = 'nla-dc-unreachable'; Status = '0xc000018d'; SubStatus = '0x0'; Check = 'ev-logon-no-dc' }
        @{ Id = 'nla-dc-unreachable'; Status = '0xc000006d'; SubStatus = '0xc0000192'; Check = 'ev-logon-no-dc' }
    ) {
        Add-FailedLogon -Status $Status -SubStatus $SubStatus -User 'alice'
        $result = Get-ScenarioResult -Id $Id
        $result.Status | Should -Be 'Detected'
        $fired = @($result.Checks | Where-Object { $_.CheckId -eq $Check })[0]
        $fired.Outcome | Should -Be 'fired'
        if ($Id -ne 'nla-dc-unreachable') {
            $fired.Detail | Should -Match '/TargetUserName:alice(/|$)'
        }
    }

    It 'keeps <Id> Clear when the failed logons carry only other codes' -ForEach @(
        @{ Id = 'account-locked-or-expired' }
        @{ Id = 'user-not-authorized' }
        @{ Id = 'nla-dc-unreachable' }
    ) {
        Add-FailedLogon -Status '0xc000006d' -SubStatus '0xc000006a'
        Add-FailedLogon -Status '0xc000006d' -SubStatus '0xc0000064'
        (Get-ScenarioResult -Id $Id).Status | Should -Be 'Clear'
    }

    It 'reports bad passwords as supporting evidence only' {
        Add-FailedLogon -Status '0xc000006d' -SubStatus '0xc000006a' -User 'administrator'
        $result = Get-ScenarioResult -Id 'account-locked-or-expired'
        $result.Status | Should -Be 'Clear'
        @($result.Checks | Where-Object { $_.CheckId -eq 'ev-logon-bad-password' })[0].Outcome | Should -Be 'fired'
    }

    It 'reports logons to disabled accounts (password guessing against Guest) as supporting evidence only, naming them' {
        for ($i = 0; $i -lt 50; $i++) {
            Add-FailedLogon -Status '0xc000006e' -SubStatus '0xc0000072' -User 'Guest' -MinutesAgo (5 + $i)
        }
        $result = Get-ScenarioResult -Id 'account-locked-or-expired'
        $result.Status | Should -Be 'Clear'
        $disabled = @($result.Checks | Where-Object { $_.CheckId -eq 'ev-logon-disabled' })[0]
        $disabled.Outcome | Should -Be 'fired'
        $disabled.Detail | Should -Match '/TargetUserName:Guest(/|$)'
    }

    It 'finds a locked account behind 1,500 newer failed logons with a bad password' {
        Add-FailedLogon -Status '0xc0000234' -User 'alice' -MinutesAgo 120
        for ($i = 0; $i -lt 1500; $i++) {
            Add-FakeEvent -Channel 'Security' -ProviderName $auditing -Id 4625 -TimeCreated $global:RdpFake.Now.AddMinutes(-1).AddSeconds(-$i) -Data @{
                TargetUserName = "guess$i"; Status = '0xc000006d'; SubStatus = '0xc000006a'
            }
        }
        $result = Get-ScenarioResult -Id 'account-locked-or-expired'
        $result.Status | Should -Be 'Detected'
        @($result.Checks | Where-Object { $_.CheckId -eq 'ev-logon-account' })[0].Detail | Should -Be '1/TargetUserName:alice/Status:0xc0000234/SubStatus:0x0'
    }

    It 'never prints a password-like field: only the account name and the status codes' {
        Add-FakeEvent -Channel 'Security' -ProviderName $auditing -Id 4625 -TimeCreated $global:RdpFake.Now.AddMinutes(-5) -Data @{
            TargetUserName = 'alice'; Status = '0xc0000234'; SubStatus = '0x0'; Password = 'Secret-123'
        }
        $text = (Invoke-RdpDiagnosis -Scenario 'account-locked-or-expired' -AsText) -join "`n"
        $text | Should -Not -Match 'Secret-123'
        $text | Should -Match 'alice'
    }
}
