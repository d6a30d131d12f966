# An event flood on the fake machine (issue 14, finding 4): one query per channel reads at most
# 1,000 events, newest first, so a storm of Schannel 36870/36872 can push older 1057/1058/36871
# out of it. A check that found nothing in a capped answer asks again with its own filter, and
# one that still cannot see past the cap is reported as not verified, never as quiet.

Describe 'event checks behind a flood' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        function Get-CheckOutcome {
            # Outcome of one check in a full diagnosis.
            param([object[]]$Results, [string]$CheckId)
            @($Results | ForEach-Object { $_.Checks } | Where-Object { $_.CheckId -eq $CheckId })[0]
        }

        $rcm = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager'
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
        # Older than the flood: the events that name the cause.
        Add-FakeEvent -ProviderName $rcm -Id 1057 -TimeCreated $global:RdpFake.Now.AddHours(-3)
        Add-FakeEvent -ProviderName 'Schannel' -Id 36871 -TimeCreated $global:RdpFake.Now.AddHours(-2) -Data @{ Type = 'server'; ErrorState = '10013' }
    }

    It 'reads at most 1,000 events per query' {
        InModuleScope 'RdpRescue' { $script:RdpMaxEventsPerQuery } | Should -Be 1000
    }

    It 'still finds 1057 and 36871 behind a flood of <Count> Schannel 36870/36872 events' -ForEach @(
        @{ Count = 1000 }
        @{ Count = 1500 }
    ) {
        Add-FakeEventFlood -Count $Count
        $results = @(Invoke-RdpDiagnosis)
        (Get-CheckOutcome -Results $results -CheckId 'ev-rcm-cert').Outcome | Should -Be 'fired'
        (Get-CheckOutcome -Results $results -CheckId 'ev-schannel-credential').Outcome | Should -Be 'fired'
        (Get-CheckOutcome -Results $results -CheckId 'ev-schannel-credential').Detail | Should -Be '1/ErrorState:10013'
        (Get-CheckOutcome -Results $results -CheckId 'ev-schannel-key').Outcome | Should -Be 'fired'
    }

    It 'asks again only for the checks that found nothing in the capped answer, each with its own ids' {
        Add-FakeEventFlood -Count 1200
        $channels = @((Get-RdpTestCatalog).Scenarios | ForEach-Object { $_.Evidence } | ForEach-Object { $_.Check } |
                Where-Object { $_.Kind -eq 'event-query' } | ForEach-Object { $_.Channel } | Sort-Object -Unique)
        $null = Invoke-RdpDiagnosis
        # The shared query of every channel, then one more each for 1057/1058, 36871 and the
        # service control manager's start failures (found nothing in the flood either).
        Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times ($channels.Count + 3)
        Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times 4 -ParameterFilter { $Channel -eq 'System' }
        Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times 1 -ParameterFilter {
            $Channel -eq 'System' -and $XPath -match '\(EventID=7000 or EventID=7001 or EventID=7022 or EventID=7023\)' -and $MaxEvents -eq 1000
        }
        Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times 1 -ParameterFilter {
            $Channel -eq 'System' -and $XPath -match '\(EventID=1057 or EventID=1058\)' -and $XPath -notmatch 'Schannel' -and $MaxEvents -eq 1000
        }
        Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times 1 -ParameterFilter {
            $Channel -eq 'System' -and $XPath -match '\(EventID=36871\)' -and $MaxEvents -eq 1000
        }
    }

    It 'asks again filtered on the data a check accepts, so 1,000 events with other values hide nothing (<Older> older)' -ForEach @(
        @{ Older = 'one accepted event'; Expected = 'fired' }
        @{ Older = 'no accepted event'; Expected = 'quiet' }
    ) {
        # A check that accepts only some data values, behind 1,000 of its own ids with other
        # values (the failed logons with a bad password of a VM open to the internet).
        Add-FakeEventFlood -Count 1000 -Ids @(36871) -Data @{ ErrorState = '10011' }
        if ($Expected -eq 'quiet') {
            $global:RdpFake.Events.RemoveAt(1)
        }
        $result = InModuleScope 'RdpRescue' {
            $check = $script:RdpCatalog.Checks['ev-schannel-credential'].Clone()
            $check.DataConditions = @(@{ Fields = @('ErrorState'); Accepted = @('10013') })
            Test-RdpEventQueryCheck -Check $check -Context (New-RdpContext -Checks @($check))
        }
        $result.Outcome | Should -Be $Expected
        Should -Invoke -CommandName 'Get-RdpEventRecord' -ModuleName 'RdpRescue' -Exactly -Times 1 -ParameterFilter {
            $XPath -match "and EventData\[Data\[@Name='ErrorState'\]='10013'\]\]$"
        }
    }
}
