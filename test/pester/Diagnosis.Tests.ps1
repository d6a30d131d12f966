# Invoke-RdpDiagnosis on a fake machine: every scenario is Clear when healthy, Detected with the
# right evidence when one of its primary checks finds its problem, Unknown with the reason when
# a probe fails; the text and JSON reports keep their documented form.

BeforeDiscovery {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
    Import-Module -Name (Join-Path -Path (Get-RdpTestBuild) -ChildPath 'RdpRescue/RdpRescue.psd1') -Force
    $scenarios = @(foreach ($scenario in (Get-RdpTestCatalog).Scenarios) {
            @{
                Id      = $scenario.Id
                Fixes   = @($scenario.Fixes)
                Primary = @($scenario.Evidence | Where-Object { $_.Role -eq 'primary' } | ForEach-Object { @{ CheckId = $_.Check.Id } })
                # A scenario applies only where its preconditions hold (rdp-port-firewall-mismatch: a moved port).
                Preconditions = @($scenario.Evidence | Where-Object { $_.Role -eq 'precondition' } | ForEach-Object { $_.Check.Id })
            }
        })
    Remove-Module -Name 'RdpRescue' -Force
}

Describe 'Invoke-RdpDiagnosis' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        function Get-RdpTestCheck {
            param([string]$Id)
            InModuleScope 'RdpRescue' -Parameters @{ Id = $Id } {
                param($Id)
                $script:RdpCatalog.Checks[$Id]
            }
        }

        function Get-EvidenceCheckId {
            param([string]$Evidence)
            @($Evidence.Split(',') | ForEach-Object { $_.Split('=')[0] })
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    Describe 'scenario <Id>' -ForEach $scenarios {
        It 'is Clear on a healthy machine' {
            $result = Invoke-RdpDiagnosis -Scenario $Id
            $result.Id | Should -Be $Id
            $result.Status | Should -Be 'Clear'
            $result.RecommendedFixes | Should -BeNullOrEmpty
            $line = @(Invoke-RdpDiagnosis -Scenario $Id -AsText)[0]
            $line | Should -Match ('^RDPRESCUE {0} CLEAR (-|n/a:\S+)$' -f [regex]::Escape($Id))
        }

        It 'is Detected with <CheckId> as evidence when that check finds its problem' -ForEach $Primary {
            # A primary decides only where the scenario applies.
            foreach ($precondition in $Preconditions) {
                Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id $precondition)
            }
            Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id $CheckId)
            $result = Invoke-RdpDiagnosis -Scenario $Id
            $result.Status | Should -Be 'Detected'
            Get-EvidenceCheckId -Evidence $result.Evidence | Should -Contain $CheckId
            (@($result.RecommendedFixes | ForEach-Object { $_.Id }) -join ',') | Should -Be ($Fixes -join ',')
            $line = @(Invoke-RdpDiagnosis -Scenario $Id -AsText)[0]
            $line | Should -Match ('^RDPRESCUE {0} DETECTED \S*{1}' -f [regex]::Escape($Id), [regex]::Escape($CheckId))
        }

        It 'is Unknown naming <CheckId> when its probe fails' -ForEach $Primary {
            foreach ($precondition in $Preconditions) {
                Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id $precondition)
            }
            Set-FakeCheckFailing -Check (Get-RdpTestCheck -Id $CheckId)
            $result = Invoke-RdpDiagnosis -Scenario $Id
            $result.Status | Should -Be 'Unknown'
            $result.Evidence.Split(',') | Should -Contain ($CheckId + '?')
            $result.Reason | Should -Match ([regex]::Escape($CheckId) + ': ')
            $failed = @($result.Checks | Where-Object { $_.CheckId -eq $CheckId })
            $failed[0].Outcome | Should -Be 'failed'
        }
    }

    Describe 'reports' {
        BeforeAll {
            $scenarioCount = @((Get-RdpTestCatalog).Scenarios).Count
            $allChecks = @((Get-RdpTestCatalog).Scenarios | ForEach-Object { $_.Evidence } | ForEach-Object { $_.Check })
            $preconditionChecks = @((Get-RdpTestCatalog).Scenarios | ForEach-Object { $_.Evidence } | Where-Object { $_.Role -eq 'precondition' } | ForEach-Object { $_.Check })
        }

        It '-AsText prints one contract line per scenario and a verdict line' {
            Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id 'tls12-server-off')
            $lines = @(Invoke-RdpDiagnosis -AsText)
            $lines.Count | Should -Be ($scenarioCount + 1)
            foreach ($line in $lines[0..($lines.Count - 2)]) {
                $line | Should -Match '^RDPRESCUE ([a-z][a-z0-9-]*) (DETECTED|CLEAR|UNKNOWN) (\S+)$'
            }
            $detected = @($lines | Where-Object { $_ -match '^RDPRESCUE \S+ DETECTED ' }).Count
            $detected | Should -BeGreaterThan 0
            $lines[-1] | Should -BeExactly "RDPRESCUE verdict $detected detected"
        }

        It 'keeps the text report of a full diagnosis under 4096 bytes when every check fires' {
            foreach ($check in $allChecks) {
                Set-FakeCheckFiring -Check $check
            }
            # Some checks read one value (SecurityLayer 0 against 2): the preconditions win it,
            # so that every scenario applies and is detected.
            foreach ($check in $preconditionChecks) {
                Set-FakeCheckFiring -Check $check
            }
            # A check that moves the RDP port runs after the port owner took the old one; only
            # a process on the configured port is a conflict, so the owner takes that one last.
            foreach ($check in @($allChecks | Where-Object { $_.Kind -eq 'rdp-listener' })) {
                Set-FakeCheckFiring -Check $check
            }
            $lines = @(Invoke-RdpDiagnosis -AsText)
            $lines[-1] | Should -BeExactly "RDPRESCUE verdict $scenarioCount detected"
            [System.Text.Encoding]::UTF8.GetByteCount(($lines -join "`r`n") + "`r`n") | Should -BeLessThan 4096
        }

        It 'reads each event channel once for a full diagnosis' {
            $channels = @($allChecks | Where-Object { $_.Kind -eq 'event-query' } | ForEach-Object { $_.Channel } | Sort-Object -Unique)
            $null = Invoke-RdpDiagnosis
            Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times $channels.Count
            # Not $channel: PowerShell names are case-insensitive, so the filter would compare the
            # mock's own -Channel parameter with itself.
            foreach ($expectedChannel in $channels) {
                Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times 1 -ParameterFilter { $Channel -eq $expectedChannel }
            }
        }

        It '-AsJson prints the documented report (urn:rdp-rescue:diagnosis:1)' {
            Set-FakeCheckFiring -Check (Get-RdpTestCheck -Id 'rdp-cert-store')
            Set-FakeCheckFailing -Check (Get-RdpTestCheck -Id 'tls12-server-off')
            $document = (Invoke-RdpDiagnosis -AsJson | Out-String) | ConvertFrom-Json
            $document.schema | Should -BeExactly 'urn:rdp-rescue:diagnosis:1'
            $document.tool | Should -BeExactly 'RdpRescue'
            $document.version | Should -Match '^\d+\.\d+\.\d+'
            $document.generated | Should -Not -BeNullOrEmpty
            @($document.scenarios).Count | Should -Be $scenarioCount
            $document.detected | Should -Be @($document.scenarios | Where-Object { $_.status -eq 'DETECTED' }).Count
            foreach ($scenario in $document.scenarios) {
                (@($scenario.PSObject.Properties.Name) -join ',') | Should -Be 'id,title,status,evidence,reason,checks,recommendedFixes'
                $scenario.status | Should -BeIn @('DETECTED', 'CLEAR', 'UNKNOWN')
                $scenario.title | Should -Not -BeNullOrEmpty
                foreach ($check in $scenario.checks) {
                    (@($check.PSObject.Properties.Name) -join ',') | Should -Be 'id,role,outcome,detail,reason'
                    $check.role | Should -BeIn @('primary', 'supporting', 'precondition')
                    $check.outcome | Should -BeIn @('fired', 'quiet', 'failed')
                }
            }
            ($document.scenarios | Where-Object { $_.id -eq 'rdp-cert-invalid' }).status | Should -Be 'DETECTED'
            ($document.scenarios | Where-Object { $_.id -eq 'tls-disabled' }).status | Should -Be 'UNKNOWN'
        }

        It '-Since widens the event window of every query' {
            $null = Invoke-RdpDiagnosis -Since 72
            Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -ParameterFilter { $XPath -match 'timediff\(@SystemTime\) <= 259200000\]' }
            Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times 0 -ParameterFilter { $XPath -notmatch '<= 259200000\]' }
        }
    }
}
