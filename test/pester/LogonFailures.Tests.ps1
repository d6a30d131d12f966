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
            param([string]$Status, [string]$SubStatus = '0x0', [string]$User = 'azureuser', [int]$MinutesAgo = 30, [string]$LogonType = '3')
            Add-FakeEvent -Channel 'Security' -ProviderName $auditing -Id 4625 -TimeCreated $global:RdpFake.Now.AddMinutes(-$MinutesAgo) -Data @{
                TargetUserName = $User; TargetDomainName = 'CONTOSO'; Status = $Status; SubStatus = $SubStatus; LogonType = $LogonType
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
            TargetUserName = 'alice'; Status = '0xc0000234'; SubStatus = '0x0'; LogonType = '10'; Password = 'Secret-123'
        }
        $text = (Invoke-RdpDiagnosis -Scenario 'account-locked-or-expired' -AsText) -join "`n"
        $text | Should -Not -Match 'Secret-123'
        $text | Should -Match 'alice'
    }

    Context 'when failure auditing of Logon is off (F9)' {
        BeforeEach {
            $global:RdpFake.Audit['{0CCE9215-69AE-11D9-BED3-505054503030}'] = 1
        }

        It 'reports <Id> Unknown, never Clear, saying auditing is off and how to turn it on' -ForEach @(
            @{ Id = 'account-locked-or-expired'; Check = 'ev-logon-account' }
            @{ Id = 'user-not-authorized'; Check = 'ev-logon-no-right' }
            @{ Id = 'nla-dc-unreachable'; Check = 'ev-logon-no-dc' }
        ) {
            $result = Get-ScenarioResult -Id $Id
            $result.Status | Should -Be 'Unknown'
            $check = @($result.Checks | Where-Object { $_.CheckId -eq $Check })[0]
            $check.Outcome | Should -Be 'failed'
            $check.Reason | Should -BeLike '*auditpol /set /subcategory:{0CCE9215-69AE-11D9-BED3-505054503030} /failure:enable*'
        }

        It 'still reports an event written before auditing was turned off' {
            Add-FailedLogon -Status '0xc0000234' -User 'alice' -LogonType '10'
            (Get-ScenarioResult -Id 'account-locked-or-expired').Status | Should -Be 'Detected'
        }

        It 'reads the audit policy once per diagnosis' {
            $null = Invoke-RdpDiagnosis
            Should -Invoke -ModuleName (Get-RdpTestModuleName) -CommandName 'Get-RdpAuditSetting' -Times 1 -Exactly
        }
    }

    It 'reports account-locked-or-expired Unknown when the audit policy cannot be read' {
        $global:RdpFake.Failing['Get-RdpAuditSetting'] = '*'
        $result = Get-ScenarioResult -Id 'account-locked-or-expired'
        $result.Status | Should -Be 'Unknown'
        $result.Reason | Should -BeLike '*{0CCE9215-69AE-11D9-BED3-505054503030}*Access is denied*'
    }

    It 'keeps the 4625 scenarios Clear when failure auditing is on and no event was written' {
        foreach ($id in @('account-locked-or-expired', 'user-not-authorized', 'nla-dc-unreachable')) {
            (Get-ScenarioResult -Id $id).Status | Should -Be 'Clear'
        }
    }

    Context 'account-locked-or-expired counts only Remote Desktop logons (F8)' {
        It 'is Detected by a locked RDP logon of type <LogonType>, naming the account' -ForEach @(
            @{ LogonType = '10' }
            @{ LogonType = '3' }
        ) {
            Add-FailedLogon -Status '0xc0000234' -User 'rdpadmin' -LogonType $LogonType
            $result = Get-ScenarioResult -Id 'account-locked-or-expired'
            $result.Status | Should -Be 'Detected'
            @($result.Checks | Where-Object { $_.CheckId -eq 'ev-logon-account' })[0].Detail | Should -Match '/TargetUserName:rdpadmin(/|$)'
        }

        It 'is not decided by a locked account of a service, task or console logon (<LogonType>)' -ForEach @(
            @{ LogonType = '5' }
            @{ LogonType = '4' }
            @{ LogonType = '2' }
        ) {
            Add-FailedLogon -Status '0xc0000234' -User 'svc-backup' -LogonType $LogonType
            $result = Get-ScenarioResult -Id 'account-locked-or-expired'
            $result.Status | Should -Be 'Clear'
            @($result.Checks | Where-Object { $_.CheckId -eq 'ev-logon-account' })[0].Outcome | Should -Be 'quiet'
        }

        It 'lists every distinct account refused, newest first' {
            Add-FailedLogon -Status '0xc0000234' -User 'administrator' -MinutesAgo 50
            Add-FailedLogon -Status '0xc0000234' -User 'rdpadmin' -MinutesAgo 20
            Add-FailedLogon -Status '0xc0000234' -User 'administrator' -MinutesAgo 10
            $detail = @((Get-ScenarioResult -Id 'account-locked-or-expired').Checks | Where-Object { $_.CheckId -eq 'ev-logon-account' })[0].Detail
            $detail | Should -Match '^3/TargetUserName:administrator\+rdpadmin/'
        }

        It 'lists at most three accounts, then says there are more' {
            foreach ($user in @('u1', 'u2', 'u3', 'u4', 'u5')) {
                Add-FailedLogon -Status '0xc0000234' -User $user
            }
            $detail = @((Get-ScenarioResult -Id 'account-locked-or-expired').Checks | Where-Object { $_.CheckId -eq 'ev-logon-account' })[0].Detail
            $detail | Should -Match '/TargetUserName:u\d\+u\d\+u\d\+\.\.\./'
        }
    }
}
