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

        function Get-RunCommandTail {
            # The last 4,096 bytes of the output, the only part Run Command keeps, as lines.
            param([string[]]$Output)
            $bytes = [System.Text.Encoding]::UTF8.GetBytes(($Output -join "`r`n") + "`r`n")
            $kept = [System.Text.Encoding]::UTF8.GetString($bytes, [Math]::Max(0, $bytes.Length - 4096), [Math]::Min(4096, $bytes.Length))
            @($kept -split "`r`n" | Select-Object -Skip 1 | Where-Object { $_ })
        }

        function Get-UndoLine {
            param([string]$BackupPath)
            'RDPRESCUE undo az vm run-command invoke -g <resource-group> -n <vm-name> --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1 --parameters "Mode=Undo" "BackupPath={0}"' -f $BackupPath
        }

        function Get-RegistryValue {
            param([hashtable]$Check)
            $entry = $global:RdpFake.Registry["$($Check.Key)|$($Check.Name)"]
            if ($null -ne $entry) {
                $entry.Value
            }
        }

        $catalogCheck = { param([string]$Id) & (Get-Module -Name 'RdpRescue') { param($Id) $script:RdpCatalog.Checks[$Id] } $Id }
        $backupRoot = Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup'
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
        Remove-Item -LiteralPath $backupRoot -Recurse -Force -ErrorAction SilentlyContinue
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

    It 'after a repair prints the Run Command undo, last before [STATUS], and Mode=Undo restores the newest backup' {
        Set-FakeCheckFiring -Check (& $catalogCheck 'tls12-server-off')
        $broken = Get-FakeState
        $output = Invoke-RunCommand -Parameters @{ Mode = 'Repair'; Scenario = 'tls-disabled' }
        $backup = @(Get-ChildItem -LiteralPath $backupRoot -Directory)[0].FullName
        $output[-2..-1] | Should -Be @((Get-UndoLine -BackupPath $backup), '[STATUS]::SUCCESS')
        # The message that names Undo-RdpRepair names the Run Command form too.
        @($output | Where-Object { $_ -like "*Undo-RdpRepair -BackupPath `"$backup`"*" }).Count | Should -Be 1
        @($output | Where-Object { $_ -like '*: az vm run-command invoke * "Mode=Undo" "BackupPath=*' }).Count | Should -Be 1

        $undo = Invoke-RunCommand -Parameters @{ Mode = 'Undo' }
        $undo[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $undo | Should -Contain ('RDPRESCUE undo RESTORED restored=2 backup=' + $backup)
        (Get-FakeState).Registry | Should -Be $broken.Registry
    }

    It 'Mode=ListBackups lists backups newest last; Mode=Undo with BackupPath restores that one only' {
        Set-FakeCheckFiring -Check (& $catalogCheck 'tls12-server-off')
        $tls10 = & $catalogCheck 'tls10-server-off'
        Set-FakeCheckFiring -Check $tls10
        $null = Invoke-RunCommand -Parameters @{ Mode = 'Repair'; Scenario = 'tls-disabled' }
        $null = Invoke-RunCommand -Parameters @{ Mode = 'Repair'; Scenario = 'tls-disabled'; Fix = 'enable-legacy-tls-server' }
        # Same second on the fake clock: the second backup is <stamp>-2.
        $folders = @(Get-ChildItem -LiteralPath $backupRoot -Directory | Sort-Object -Property Name | ForEach-Object { $_.FullName })
        $folders.Count | Should -Be 2

        $list = Invoke-RunCommand -Parameters @{ Mode = 'ListBackups' }
        $list[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @($list | Where-Object { $_ -like 'RDPRESCUE backup *' }) | Should -Be @(
            "RDPRESCUE backup $($folders[0]) scenario=tls-disabled fixes=enable-tls12-server"
            "RDPRESCUE backup $($folders[1]) scenario=tls-disabled fixes=enable-legacy-tls-server"
        )
        $list[-2] | Should -BeExactly (Get-UndoLine -BackupPath $folders[1])

        $undo = Invoke-RunCommand -Parameters @{ Mode = 'Undo'; BackupPath = $folders[0] }
        $undo[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        Get-RegistryValue -Check (& $catalogCheck 'tls12-server-off') | Should -Be 0
        Get-RegistryValue -Check $tls10 | Should -Be 1
    }

    It 'Mode=Undo with no backup ends with [STATUS]::ERROR and says so' {
        $output = Invoke-RunCommand -Parameters @{ Mode = 'Undo' }
        $output[-2..-1] | Should -Be @(('RDPRESCUE error No RdpRescue backup in {0}: nothing to undo.' -f $backupRoot), '[STATUS]::ERROR')
        Get-FakeChange | Should -BeNullOrEmpty
    }

    It 'keeps the error, the undo and [STATUS] in the last 4096 bytes when a native error is huge' {
        Set-FakeCheckFiring -Check (& $catalogCheck 'tls12-server-off')
        $huge = 'reg.exe exited with code 1: ' + ('ERROR: access denied to a key nobody expected. ' * 4000)
        Mock -CommandName 'Set-RdpRegistryValue' -MockWith { throw $huge }
        $output = Invoke-RunCommand -Parameters @{ Mode = 'Repair'; Scenario = 'tls-disabled' }
        $backup = @(Get-ChildItem -LiteralPath $backupRoot -Directory)[0].FullName
        $tail = Get-RunCommandTail -Output $output
        $tail[-1] | Should -BeExactly '[STATUS]::ERROR'
        $tail[-2] | Should -BeExactly (Get-UndoLine -BackupPath $backup)
        $tail[-3] | Should -BeLike "RDPRESCUE error Fix 'enable-tls12-server' failed: reg.exe exited with code 1: ERROR: access denied * ... *Backup: $backup"
        [System.Text.Encoding]::UTF8.GetByteCount($tail[-3]) | Should -BeLessThan 2000
    }

    It 'does not count events from before the repair in the diagnosis after it' {
        # Schannel 36871 fired an hour ago because TLS 1.2 was off; the repair turns it on.
        Set-FakeCheckFiring -Check (& $catalogCheck 'ev-schannel-credential')
        Set-FakeCheckFiring -Check (& $catalogCheck 'tls12-server-off')
        @(Invoke-RunCommand -Parameters @{ Report = 'Full' } | Where-Object { $_ -like 'RDPRESCUE tls-disabled DETECTED ev-schannel-credential=1/*' }).Count | Should -Be 1
        # The default short form names the first finding without its detail, and counts the rest.
        @(Invoke-RunCommand | Where-Object { $_ -match '^RDPRESCUE tls-disabled DETECTED ev-schannel-credential,\+\d+$' }).Count | Should -Be 1
        $output = Invoke-RunCommand -Parameters @{ Mode = 'Repair'; Scenario = 'tls-disabled' }
        $output | Should -Contain 'RDPRESCUE tls-disabled CLEAR -'
    }
}
