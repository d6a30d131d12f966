# Services on the fake machine (issue 14, findings 2 and 3): a fix accepts every legal service
# name and reports every error it meets; services that depend on the one stopped are stopped
# first and started again; no wait for a service outlasts its deadline.

Describe 'service names in the platform layer' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        # No CIM on this test machine: a stand-in the module's Get-RdpServiceInfo can call.
        if (-not (Get-Command -Name 'Get-CimInstance' -ErrorAction SilentlyContinue)) {
            function global:Get-CimInstance {
                param([string]$ClassName, [string]$Filter)
            }
        }
        Mock -ModuleName 'RdpRescue' -CommandName 'Get-CimInstance' -MockWith {
            $global:RdpTestWqlFilter = $Filter
        }

        function Get-WqlFilter {
            # The WQL filter Get-RdpServiceInfo sends for a name.
            param([string]$Name)
            $global:RdpTestWqlFilter = $null
            $null = InModuleScope 'RdpRescue' -Parameters @{ Name = $Name } {
                param($Name)
                Get-RdpServiceInfo -Name $Name
            }
            $global:RdpTestWqlFilter
        }
    }

    AfterAll {
        Remove-Item -Path 'Function:\Get-CimInstance' -ErrorAction SilentlyContinue
        Remove-Variable -Name 'RdpTestWqlFilter' -Scope Global -ErrorAction SilentlyContinue
        Restore-RdpTestEnvironment
    }

    It 'gives one start or stop 60 s before reporting the service as stuck' {
        InModuleScope 'RdpRescue' { $script:RdpServiceTimeoutSeconds } | Should -Be 60
    }

    It 'asks WMI for <Name> with the name as a WQL string literal' -ForEach @(
        @{ Name = 'MSSQL$SQLEXPRESS'; Filter = "Name='MSSQL`$SQLEXPRESS'" }
        @{ Name = 'Acme.Agent-2'; Filter = "Name='Acme.Agent-2'" }
        @{ Name = 'Legacy Print Spooler'; Filter = "Name='Legacy Print Spooler'" }
        @{ Name = "O'Brien Agent"; Filter = "Name='O\'Brien Agent'" }
    ) {
        Get-WqlFilter -Name $Name | Should -BeExactly $Filter
    }

    It 'accepts a name of 256 characters and refuses a longer one' {
        Get-WqlFilter -Name ('s' * 256) | Should -BeExactly ("Name='{0}'" -f ('s' * 256))
        { InModuleScope 'RdpRescue' { Get-RdpServiceInfo -Name ('s' * 257) } } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'refuses / and \ in <Function>, the two characters a service name cannot hold' -ForEach @(
        @{ Function = 'Get-RdpServiceInfo' }
        @{ Function = 'Get-RdpDependentService' }
        @{ Function = 'Send-RdpServiceControl' }
    ) {
        foreach ($name in @('a/b', 'a\b')) {
            $arguments = @{ Name = $name }
            if ($Function -eq 'Send-RdpServiceControl') {
                $arguments.Control = 'Stop'
            }
            { InModuleScope 'RdpRescue' -Parameters @{ Function = $Function; Arguments = $arguments } {
                    param($Function, $Arguments)
                    & $Function @Arguments
                } } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        }
    }
}

Describe 'service control in fixes' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        function Set-RdpTestServiceTimeout {
            # The deadline of one start or stop, lowered so a hanging service costs a second.
            param([double]$Seconds)
            InModuleScope 'RdpRescue' -Parameters @{ Seconds = $Seconds } {
                param($Seconds)
                $script:RdpServiceTimeoutSeconds = $Seconds
                $script:RdpServicePollMilliseconds = 20
            }
        }

        function Set-FakePortOwner {
            # A service named Name took the RDP port before TermService could bind it.
            param([string]$Name)
            $global:RdpFake.Squatter = $Name
            Set-FakeCheckFiring -Check (& (Get-Module -Name 'RdpRescue') { $script:RdpCatalog.Checks['rdp-listener'] })
        }

        function Get-ChangeText {
            @(Get-FakeChange | ForEach-Object { $_.Change })
        }

        function Get-FakeServiceState {
            param([string]$Name)
            $global:RdpFake.Services[$Name].State
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
        Set-RdpTestServiceTimeout -Seconds 1
    }

    Context 'any legal service name (finding 2)' {
        It 'stops a port owner named <Name>, and Undo-RdpRepair starts it again' -ForEach @(
            @{ Name = 'MSSQL$SQLEXPRESS' }
            @{ Name = 'Acme.Agent-2' }
            @{ Name = 'Legacy Print Spooler' }
            @{ Name = "O'Brien Agent" }
        ) {
            Set-FakePortOwner -Name $Name
            $results = @(Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
            $results[0].Result | Should -Be 'Applied' -Because $results[0].Message
            Get-FakeServiceState -Name $Name | Should -Be 'Stopped'
            Get-ChangeText | Should -Contain "service-stop $Name"
            $null = Undo-RdpRepair -BackupPath $results[0].BackupPath -Confirm:$false
            Get-FakeServiceState -Name $Name | Should -Be 'Running'
        }

        It 'reports an error while backing up, naming the fix, and changes nothing' {
            Set-FakePortOwner -Name 'MSSQL$SQLEXPRESS'
            $global:RdpFake.Failing['Get-RdpServiceInfo'] = 'MSSQL$SQLEXPRESS'
            { Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false } |
                Should -Throw -ExpectedMessage 'The backup before fix(es) stop-port-owner failed: Access is denied (Get-RdpServiceInfo MSSQL$SQLEXPRESS). Nothing was changed.'
            Get-FakeChange | Should -BeNullOrEmpty
        }

        It 'reports an error while changing, naming the fix and the backup, and goes no further' {
            Set-FakePortOwner -Name 'MSSQL$SQLEXPRESS'
            $global:RdpFake.Failing['Send-RdpServiceControl'] = 'MSSQL$SQLEXPRESS'
            { Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ExpectedMessage "Fix 'stop-port-owner' failed: Access is denied (Send-RdpServiceControl MSSQL`$SQLEXPRESS). Nothing after it was applied. Backup: *"
            Get-ChangeText | Should -Not -Contain 'service-stop TermService'
        }
    }

    Context 'dependent services (finding 3)' {
        It 'stops a port owner after the services that depend on it, and Undo-RdpRepair starts them all again' {
            Set-FakePortOwner -Name 'AcmeDb'
            Add-FakeService -Name 'AcmeAgent' -DependsOn 'AcmeDb'
            Add-FakeService -Name 'AcmeTelemetry' -DependsOn 'AcmeAgent'
            $results = @(Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
            $results[0].Result | Should -Be 'Applied' -Because $results[0].Message
            $results[0].Changes[0] | Should -BeExactly 'AcmeDb stopped, and the services that depend on it: AcmeTelemetry, AcmeAgent'
            (Get-ChangeText)[0..2] | Should -Be @('service-stop AcmeTelemetry', 'service-stop AcmeAgent', 'service-stop AcmeDb')
            foreach ($name in @('AcmeDb', 'AcmeAgent', 'AcmeTelemetry')) {
                Get-FakeServiceState -Name $name | Should -Be 'Stopped'
            }
            $null = Undo-RdpRepair -BackupPath $results[0].BackupPath -Confirm:$false
            foreach ($name in @('AcmeDb', 'AcmeAgent', 'AcmeTelemetry')) {
                Get-FakeServiceState -Name $name | Should -Be 'Running'
            }
        }

        It 'starts again only services that depend on the stopped one, whatever backup.json lists' {
            Set-FakePortOwner -Name 'AcmeDb'
            Add-FakeService -Name 'AcmeAgent' -DependsOn 'AcmeDb'
            Add-FakeService -Name 'RemoteRegistry' -State 'Stopped'
            $results = @(Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
            $file = Join-Path -Path $results[0].BackupPath -ChildPath 'backup.json'
            $manifest = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json
            $entry = @($manifest.items | Where-Object { $_.Kind -eq 'service-config' })[0]
            $entry.Dependents = @($entry.Dependents) + @('RemoteRegistry')
            Set-Content -LiteralPath $file -Value (ConvertTo-Json -InputObject $manifest -Depth 8)
            $undo = @(Undo-RdpRepair -BackupPath $results[0].BackupPath -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            Get-FakeServiceState -Name 'RemoteRegistry' | Should -Be 'Stopped'
            $undo[0].Result | Should -Be 'Failed'
            @($undo[0].Failed | ForEach-Object { $_.Kind }) | Should -Contain 'service-config'
        }

        It 'restarts TermService after stopping UmRdpService, and starts UmRdpService again' {
            Set-FakePortOwner -Name 'RdpSquatter'
            Add-FakeService -Name 'UmRdpService' -DependsOn 'TermService'
            $results = @(Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
            $results[0].Result | Should -Be 'Applied' -Because $results[0].Message
            $results[0].Changes | Should -Contain 'TermService restarted; its dependents stopped and started again: UmRdpService'
            Get-ChangeText | Should -Be @('service-stop RdpSquatter', 'service-stop UmRdpService', 'service-stop TermService', 'service-start TermService', 'service-start UmRdpService')
            Get-FakeServiceState -Name 'UmRdpService' | Should -Be 'Running'
        }

        It 'does not restart TermService (dropping every session) when no port owner was stopped (review 15b F10)' {
            # Nothing else listens on the port: the fix has nothing to stop.
            $results = @(Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
            Get-ChangeText | Should -Not -Contain 'service-stop TermService'
            $results[0].Changes | Should -Not -Contain 'TermService restarted'
            Get-FakeServiceState -Name 'TermService' | Should -Be 'Running'
        }

        It 'leaves a dependent that was not running stopped' {
            Set-FakePortOwner -Name 'RdpSquatter'
            Add-FakeService -Name 'UmRdpService' -DependsOn 'TermService' -State 'Stopped'
            $results = @(Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
            $results[0].Changes | Should -Contain 'TermService restarted'
            Get-ChangeText | Should -Not -Contain 'service-start UmRdpService'
            Get-FakeServiceState -Name 'UmRdpService' | Should -Be 'Stopped'
        }
    }

    Context 'deadlines (finding 3)' {
        It 'reports TermService stuck in START_PENDING at the deadline instead of waiting for it' {
            Set-FakePortOwner -Name 'RdpSquatter'
            Set-FakeServiceBehavior -Name 'TermService' -Hangs 'Start'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            { Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ExpectedMessage "Fix 'stop-port-owner' failed: Service 'TermService' is Start Pending, not Running, after 1 s; RdpRescue stopped waiting for it. Nothing after it was applied. Backup: *"
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
            Get-FakeServiceState -Name 'TermService' | Should -Be 'Start Pending'
        }

        It 'reports a port owner stuck in STOP_PENDING and does not restart TermService' {
            Set-FakePortOwner -Name 'RdpSquatter'
            Set-FakeServiceBehavior -Name 'RdpSquatter' -Hangs 'Stop'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            { Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ExpectedMessage "Fix 'stop-port-owner' failed: Service 'RdpSquatter' is Stop Pending, not Stopped, after 1 s; RdpRescue stopped waiting for it. Nothing after it was applied. Backup: *"
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
            Get-ChangeText | Should -Not -Contain 'service-stop TermService'
        }

        It 'reports a dependent stuck in STOP_PENDING before stopping the service it depends on' {
            Set-FakePortOwner -Name 'RdpSquatter'
            Add-FakeService -Name 'UmRdpService' -DependsOn 'TermService' -Hangs 'Stop'
            { Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ExpectedMessage "*Service 'UmRdpService' is Stop Pending, not Stopped, after 1 s*"
            Get-ChangeText | Should -Not -Contain 'service-stop TermService'
            Get-FakeServiceState -Name 'TermService' | Should -Be 'Running'
        }

        It 'waits for a dependent still in START_PENDING instead of sending a stop Windows refuses' {
            # ControlService refuses a stop in START_PENDING (ERROR_SERVICE_CANNOT_ACCEPT_CTRL).
            Set-FakePortOwner -Name 'RdpSquatter'
            Add-FakeService -Name 'UmRdpService' -DependsOn 'TermService' -State 'Start Pending' -Hangs 'Start'
            { Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ExpectedMessage "*Service 'UmRdpService' is Start Pending, not Running, after 1 s*"
            Get-ChangeText | Should -Not -Contain 'service-stop TermService'
        }

        It 'waits for a service still in STOP_PENDING before starting it again' {
            # StartService refuses a service that is not stopped yet (ERROR_SERVICE_ALREADY_RUNNING).
            Set-FakePortOwner -Name 'RdpSquatter'
            $results = @(Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
            $global:RdpFake.Services['RdpSquatter'].State = 'Stop Pending'
            { Undo-RdpRepair -BackupPath $results[0].BackupPath -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ExpectedMessage "*Service 'RdpSquatter' is Stop Pending, not Stopped, after 1 s*"
            Get-ChangeText | Should -Not -Contain 'service-start RdpSquatter'
        }

        It 'bounds the service waits of Undo-RdpRepair too' {
            Set-FakePortOwner -Name 'RdpSquatter'
            $results = @(Stop-RdpPortConflict -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false -WarningAction SilentlyContinue)
            Set-FakeServiceBehavior -Name 'TermService' -Hangs 'Start'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            { Undo-RdpRepair -BackupPath $results[0].BackupPath -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ExpectedMessage "*Service 'TermService' is Start Pending, not Running, after 1 s*"
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        }
    }
}
