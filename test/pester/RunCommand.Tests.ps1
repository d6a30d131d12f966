# runcommand/Invoke-RdpRescue.ps1, run as Azure Run Command runs it (parameters as strings),
# on the fake machine: the script inlines the module, so its platform functions are mocked by
# name in this scope (a Pester mock is an alias, and aliases win over the script's functions).

Describe 'Run Command script' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        $runCommand = Join-Path -Path (Get-RdpTestBuild) -ChildPath 'runcommand/Invoke-RdpRescue.ps1'
        $scenarioCount = @((Get-RdpTestCatalog).Scenarios).Count

        # Pester mocks only commands it can see: define the script's platform functions here.
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($runCommand, [ref]$null, [ref]$null)
        $platform = Get-FakePlatformCommand
        foreach ($function in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) {
            if ($platform -contains $function.Name) {
                . ([scriptblock]::Create($function.Extent.Text))
            }
        }
        Register-FakeMachineMock -ModuleName ''

        function Invoke-RunCommand {
            # Everything the script writes, as Run Command captures it.
            param([hashtable]$Parameters = @{})
            @(& $runCommand @Parameters *>&1 | ForEach-Object { [string]$_ })
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    It 'diagnoses by default, prints the text report, and ends with [STATUS]::SUCCESS under 4096 bytes' {
        $output = Invoke-RunCommand
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @($output | Where-Object { $_ -match '^RDPRESCUE [a-z][a-z0-9-]* (DETECTED|CLEAR|UNKNOWN) \S+$' }).Count | Should -Be $scenarioCount
        $output | Should -Contain 'RDPRESCUE verdict 0 detected'
        [System.Text.Encoding]::UTF8.GetByteCount(($output -join "`r`n") + "`r`n") | Should -BeLessThan 4096
    }

    It 'repairs a scenario named in string parameters and ends with [STATUS]::SUCCESS' {
        $check = & (Get-Module -Name 'RdpRescue') { $script:RdpCatalog.Checks['tls12-server-off'] }
        Set-FakeCheckFiring -Check $check
        $output = Invoke-RunCommand -Parameters @{ Mode = 'Repair'; Scenario = 'tls-disabled' }
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @($output | Where-Object { $_ -match '^RDPRESCUE fix enable-tls12-server APPLIED ' }).Count | Should -Be 1
        $output | Should -Contain 'RDPRESCUE tls-disabled CLEAR -'
        $global:RdpFake.Registry["$($check.Key)|Enabled"].Value | Should -Be 1
    }

    It 'ends with [STATUS]::ERROR when the repair cannot run' {
        $output = Invoke-RunCommand -Parameters @{ Mode = 'Repair'; Scenario = 'no-such-scenario' }
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        Get-FakeChange | Should -BeNullOrEmpty
    }
}
