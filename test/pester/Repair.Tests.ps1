# Every fix command, and Invoke-RdpRepair per scenario, on a fake machine: -WhatIf changes
# nothing; a real run writes its backup before the first change, makes exactly the changes its
# operations describe and verifies them; Undo-RdpRepair puts the machine back as it was.

BeforeDiscovery {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
    Import-Module -Name (Join-Path -Path (Get-RdpTestBuild) -ChildPath 'RdpRescue/RdpRescue.psd1') -Force
    $catalog = Get-RdpTestCatalog
    $fixes = @(foreach ($fix in $catalog.Fixes.Values) {
            if ($fix.Command) {
                @{ Id = $fix.Id; Command = $fix.Command }
            }
        }) | Sort-Object -Property { $_.Id }
    # Scenarios whose default repair runs at least one fix without asking for a value.
    $repairable = @(foreach ($scenario in $catalog.Scenarios) {
            $defaults = @($scenario.Fixes | Where-Object { -not $catalog.Fixes[$_].OptIn -and @($catalog.Fixes[$_].Parameters).Count -eq 0 })
            if ($defaults.Count -gt 0) {
                @{ Id = $scenario.Id }
            }
        })
    Remove-Module -Name 'RdpRescue' -Force
}

Describe 'repairs' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        function Get-RdpTestFix {
            param([string]$Id)
            InModuleScope 'RdpRescue' -Parameters @{ Id = $Id } {
                param($Id)
                $script:RdpCatalog.Fixes[$Id]
            }
        }

        function Get-RdpTestCheck {
            param([string]$Id)
            InModuleScope 'RdpRescue' -Parameters @{ Id = $Id } {
                param($Id)
                $script:RdpCatalog.Checks[$Id]
            }
        }

        function Set-FakeBrokenFor {
            # The state the fix repairs: its verifying state checks find their problem.
            param([hashtable]$Fix)
            foreach ($id in @($Fix.VerifyChecks)) {
                $check = Get-RdpTestCheck -Id $id
                if ($check.Kind -ne 'event-query') {
                    Set-FakeCheckFiring -Check $check
                }
            }
        }

        function Get-FixArgument {
            # Values a user would give: a free port, the thumbprint of a valid certificate in My.
            param([hashtable]$Fix)
            $arguments = @{ BackupRoot = $global:RdpFake.BackupRoot }
            foreach ($parameter in @($Fix.Parameters)) {
                switch ($parameter.Type) {
                    'port' {
                        $arguments[$parameter.Name] = 3390
                    }
                    'thumbprint' {
                        $arguments[$parameter.Name] = @($global:RdpFake.Certificates['My'])[0].Thumbprint
                    }
                    default {
                        throw "no test value for fix parameter type '$($parameter.Type)'"
                    }
                }
            }
            $arguments
        }

        function Get-StateText {
            param([object]$State, [string]$Part)
            @($State.$Part) -join "`n"
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    Describe 'fix <Id> (<Command>)' -ForEach $fixes {
        BeforeEach {
            $fix = Get-RdpTestFix -Id $Id
            Set-FakeBrokenFor -Fix $fix
            $arguments = Get-FixArgument -Fix $fix
        }

        It '-WhatIf changes nothing and writes no backup' {
            $before = Get-FakeState
            $null = & $Command @arguments -WhatIf
            Get-FakeChange | Should -BeNullOrEmpty
            Test-FakeBackupWritten | Should -BeFalse
            ((Get-FakeState) | ConvertTo-Json -Depth 3) | Should -Be ($before | ConvertTo-Json -Depth 3)
        }

        It 'refuses to run without elevation and changes nothing' {
            $global:RdpFake.Elevated = $false
            { & $Command @arguments -Confirm:$false } | Should -Throw
            Get-FakeChange | Should -BeNullOrEmpty
            Test-FakeBackupWritten | Should -BeFalse
        }

        It 'writes the backup first, makes exactly the expected changes and verifies them' {
            $results = @(& $Command @arguments -Confirm:$false)
            $results.Count | Should -Be 1
            $results[0].Fix | Should -Be $Id
            $results[0].Result | Should -Be 'Applied' -Because $results[0].Message
            Join-Path -Path $results[0].BackupPath -ChildPath 'backup.json' | Should -Exist

            $changes = @(Get-FakeChange)
            $changes.Count | Should -BeGreaterThan 0
            foreach ($change in $changes) {
                $change.BackupWritten | Should -BeTrue -Because "the backup must exist before '$($change.Change)'"
            }
            $expected = @($fix.Operations | ForEach-Object { Get-ExpectedChange -Operation $_ })
            $made = @($changes | ForEach-Object { $_.Change } | Select-Object -Unique)
            foreach ($change in $made) {
                $expected | Should -Contain $change -Because 'a fix changes only what its operations describe'
            }
            # Starting a service that already runs changes nothing, so it may not show.
            foreach ($change in @($fix.Operations | Where-Object { $_.Kind -ne 'service-start' } | ForEach-Object { Get-ExpectedChange -Operation $_ })) {
                $made | Should -Contain $change
            }
        }

        It 'Undo-RdpRepair restores what the fix changed' {
            $before = Get-FakeState
            $results = @(& $Command @arguments -Confirm:$false)
            $global:RdpFake.Changes.Clear()
            $message = Undo-RdpRepair -BackupPath $results[0].BackupPath -Confirm:$false
            $message | Should -Not -BeNullOrEmpty
            $after = Get-FakeState
            Get-StateText $after 'Registry' | Should -Be (Get-StateText $before 'Registry')
            Get-StateText $after 'Acl' | Should -Be (Get-StateText $before 'Acl')
            Get-StateText $after 'Firewall' | Should -Be (Get-StateText $before 'Firewall')
            foreach ($certificate in $before.Certificates) {
                $after.Certificates | Should -Contain $certificate
            }
            foreach ($service in $before.Running) {
                $after.Running | Should -Contain $service
            }
        }

        It 'Undo-RdpRepair -WhatIf restores nothing' {
            $results = @(& $Command @arguments -Confirm:$false)
            $afterFix = Get-FakeState
            $global:RdpFake.Changes.Clear()
            $null = Undo-RdpRepair -BackupPath $results[0].BackupPath -WhatIf
            Get-FakeChange | Should -BeNullOrEmpty
            ((Get-FakeState) | ConvertTo-Json -Depth 3) | Should -Be ($afterFix | ConvertTo-Json -Depth 3)
        }
    }

    Describe 'Invoke-RdpRepair -Scenario <Id>' -ForEach $repairable {
        BeforeEach {
            $scenario = @((Get-RdpTestCatalog).Scenarios | Where-Object { $_.Id -eq $Id })[0]
            foreach ($evidence in @($scenario.Evidence | Where-Object { $_.Role -eq 'primary' -and $_.Check.Kind -ne 'event-query' })) {
                Set-FakeCheckFiring -Check $evidence.Check
            }
        }

        It '-WhatIf changes nothing and writes no backup' {
            $before = Get-FakeState
            $null = Invoke-RdpRepair -Scenario $Id -BackupRoot $global:RdpFake.BackupRoot -WhatIf
            Get-FakeChange | Should -BeNullOrEmpty
            Test-FakeBackupWritten | Should -BeFalse
            ((Get-FakeState) | ConvertTo-Json -Depth 3) | Should -Be ($before | ConvertTo-Json -Depth 3)
        }

        It 'backs up once before the first change, and Undo-RdpRepair puts everything back' {
            $before = Get-FakeState
            $results = @(Invoke-RdpRepair -Scenario $Id -BackupRoot $global:RdpFake.BackupRoot -Confirm:$false)
            $applied = @($results | Where-Object { $_.Result -ne 'Skipped' })
            $applied.Count | Should -BeGreaterThan 0
            @($applied | ForEach-Object { $_.BackupPath } | Select-Object -Unique).Count | Should -Be 1
            foreach ($change in @(Get-FakeChange)) {
                $change.BackupWritten | Should -BeTrue -Because "the backup must exist before '$($change.Change)'"
            }
            $null = Undo-RdpRepair -BackupPath $applied[0].BackupPath -Confirm:$false
            $after = Get-FakeState
            Get-StateText $after 'Registry' | Should -Be (Get-StateText $before 'Registry')
            Get-StateText $after 'Acl' | Should -Be (Get-StateText $before 'Acl')
            Get-StateText $after 'Firewall' | Should -Be (Get-StateText $before 'Firewall')
        }
    }
}
