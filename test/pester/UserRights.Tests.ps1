# user-not-authorized's user rights on the fake machine (issue 15): secedit's USER_RIGHTS
# export is read by SID, once per diagnosis; localized account names never count.

Describe 'user rights by SID' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        function Get-CheckResult {
            param([object]$Result, [string]$CheckId)
            @($Result.Checks | Where-Object { $_.CheckId -eq $CheckId })[0]
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'parses the Privilege Rights lines: SIDs without their *, names as written (<Culture>)' -ForEach @(
        @{ Culture = 'sv-SE'; Name = 'Fjärrskrivbordsanvändare' }
        @{ Culture = 'nl-NL'; Name = 'Gebruikers van Extern bureaublad' }
        @{ Culture = 'zh-TW'; Name = '遠端桌面使用者' }
    ) {
        $lines = @(
            '[Unicode]', 'Unicode=yes', '[System Access]', 'SeRemoteInteractiveLogonRight = *S-1-5-32-999',
            '[Privilege Rights]',
            ('SeRemoteInteractiveLogonRight = *S-1-5-32-544,{0}' -f $Name),
            'SeDenyRemoteInteractiveLogonRight = *S-1-5-113',
            '[Version]', 'signature="$CHICAGO$"'
        )
        $table = InModuleScope 'RdpRescue' -Parameters @{ Lines = $lines } {
            param($Lines)
            ConvertFrom-RdpUserRightExport -Lines $Lines
        }
        @($table['SeRemoteInteractiveLogonRight']) | Should -Be @('S-1-5-32-544', $Name)
        @($table['SeDenyRemoteInteractiveLogonRight']) | Should -Be @('S-1-5-113')
        $table.Count | Should -Be 2
    }

    It 'is Clear with the default rights (Administrators and Remote Desktop Users allowed, nobody denied)' {
        $result = Invoke-RdpDiagnosis -Scenario 'user-not-authorized'
        $result.Status | Should -Be 'Clear'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-denied').Outcome | Should -Be 'quiet'
    }

    It 'is Detected naming <Sid> when the deny right holds it' -ForEach @(
        @{ Sid = 'S-1-5-32-544' }
        @{ Sid = 'S-1-5-32-555' }
        @{ Sid = 'S-1-5-32-545' }
        @{ Sid = 'S-1-1-0' }
    ) {
        $global:RdpFake.UserRights['SeDenyRemoteInteractiveLogonRight'] = @('Guest', "*$Sid")
        $result = Invoke-RdpDiagnosis -Scenario 'user-not-authorized'
        $result.Status | Should -Be 'Detected'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-denied').Detail | Should -Be $Sid
    }

    It 'reports local accounts (<Sid>) in the deny right as evidence only: baselines require it on domain members' -ForEach @(
        @{ Sid = 'S-1-5-113' }
        @{ Sid = 'S-1-5-114' }
    ) {
        $global:RdpFake.UserRights['SeDenyRemoteInteractiveLogonRight'] = @('Guest', "*$Sid")
        $result = Invoke-RdpDiagnosis -Scenario 'user-not-authorized'
        $result.Status | Should -Be 'Clear'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-denied').Outcome | Should -Be 'quiet'
        (Get-CheckResult -Result $result -CheckId 'rdp-deny-local').Detail | Should -Be $Sid
    }

    It 'does not take a localized name for the SID it stands for' {
        $global:RdpFake.UserRights['SeRemoteInteractiveLogonRight'] = @('Administratörer', '*S-1-5-32-555')
        $global:RdpFake.UserRights['SeDenyRemoteInteractiveLogonRight'] = @('Lokalt konto', '本機帳戶')
        $result = Invoke-RdpDiagnosis -Scenario 'user-not-authorized'
        $result.Status | Should -Be 'Detected'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-no-admins').Outcome | Should -Be 'fired'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-denied').Outcome | Should -Be 'quiet'
    }

    It 'takes a right nobody holds (no line in the export) as missing every SID' {
        $global:RdpFake.UserRights.Remove('SeRemoteInteractiveLogonRight')
        $result = Invoke-RdpDiagnosis -Scenario 'user-not-authorized'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-no-admins').Outcome | Should -Be 'fired'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-no-rdusers').Outcome | Should -Be 'fired'
    }

    It 'reports Remote Desktop Users missing as evidence only' {
        $global:RdpFake.UserRights['SeRemoteInteractiveLogonRight'] = @('*S-1-5-32-544')
        $result = Invoke-RdpDiagnosis -Scenario 'user-not-authorized'
        $result.Status | Should -Be 'Clear'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-no-rdusers').Outcome | Should -Be 'fired'
    }

    It 'is Unknown when secedit exports no Privilege Rights section' {
        Mock -ModuleName 'RdpRescue' -CommandName 'Get-RdpUserRightExport' -MockWith { '[Unicode]', 'Unicode=yes' }
        $result = Invoke-RdpDiagnosis -Scenario 'user-not-authorized'
        $result.Status | Should -Be 'Unknown'
        (Get-CheckResult -Result $result -CheckId 'rdp-right-denied').Reason | Should -Match 'Privilege Rights'
    }

    It 'exports the user rights once for all checks of a diagnosis' {
        $null = Invoke-RdpDiagnosis
        Should -Invoke -CommandName 'Get-RdpUserRightExport' -ModuleName 'RdpRescue' -Exactly -Times 1
    }
}
