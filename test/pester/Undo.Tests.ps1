# Undo-RdpRepair on the fake machine: every registry value kind comes back exactly; one item that
# cannot be restored does not stop the others and makes the result Failed; a backup folder or a
# manifest entry that a standard user could have planted is refused; relative paths are taken
# from the PowerShell location, not the process directory.

BeforeDiscovery {
    # Each value kind a backup must save and restore exactly, and the value's absence.
    $valueCases = @(
        @{ Case = 'a String value'; Kind = 'String'; Value = 'TLS 1.2 off' }
        @{ Case = 'an ExpandString value'; Kind = 'ExpandString'; Value = '%SystemRoot%\System32' }
        @{ Case = 'a DWord 0xFFFFFFFF'; Kind = 'DWord'; Value = [int]-1 }
        @{ Case = 'a QWord above 2^53'; Kind = 'QWord'; Value = [long]9007199254740993 }
        @{ Case = 'a negative QWord'; Kind = 'QWord'; Value = [long]-2 }
        @{ Case = 'a Binary value'; Kind = 'Binary'; Value = [byte[]](0, 1, 255) }
        @{ Case = 'a MultiString of three'; Kind = 'MultiString'; Value = [string[]]@('first', 'second value', 'third') }
        @{ Case = 'a MultiString of one'; Kind = 'MultiString'; Value = [string[]]@('only') }
        @{ Case = 'an empty MultiString'; Kind = 'MultiString'; Value = [string[]]@() }
        @{ Case = 'the absence of a value'; Kind = $null; Value = $null }
    )
}

Describe 'Undo-RdpRepair' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        Initialize-RdpTestEnvironment
        Register-FakeMachineMock

        $tlsFix = (Get-RdpTestCatalog).Fixes['enable-tls12-server']
        $tlsKey = $tlsFix.Backup[0].Key
        $runValue = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Run|Updater'

        function Get-ExactRegistryText {
            # A value as kind, .NET type and content, arrays element by element.
            param([string]$Name)
            $entry = $global:RdpFake.Registry["$tlsKey|$Name"]
            if ($null -eq $entry) {
                return '<absent>'
            }
            $value = $entry.Value
            $shown = [string]$value
            if ($value -is [array]) {
                $shown = '[' + (@($value | ForEach-Object { "'$_'" }) -join ', ') + ']'
            }
            '{0} {1} {2}' -f $entry.Kind, $value.GetType().Name, $shown
        }

        function Invoke-TlsFix {
            param([string]$BackupRoot = $global:RdpFake.BackupRoot)
            @(& $tlsFix.Command -BackupRoot $BackupRoot -Confirm:$false)
        }

        function Get-ChangeText {
            @(Get-FakeChange | ForEach-Object { $_.Change })
        }
    }

    AfterAll {
        Restore-RdpTestEnvironment
    }

    BeforeEach {
        Reset-FakeMachine
    }

    Context 'registry values of every kind (finding 6)' {
        It 'restores <Case> exactly' -ForEach $valueCases {
            $global:RdpFake.Registry.Remove("$tlsKey|Enabled")
            if ($Kind) {
                $global:RdpFake.Registry["$tlsKey|Enabled"] = @{ Kind = $Kind; Value = $Value }
            }
            $before = Get-ExactRegistryText -Name 'Enabled'
            $fix = Invoke-TlsFix
            Get-ExactRegistryText -Name 'Enabled' | Should -Not -Be $before -Because 'the fix sets Enabled to DWORD 1'

            $undo = @(Undo-RdpRepair -BackupPath $fix[0].BackupPath -Confirm:$false)

            $undo[0].Result | Should -Be 'Restored'
            Get-ExactRegistryText -Name 'Enabled' | Should -BeExactly $before
            Get-ExactRegistryText -Name 'DisabledByDefault' | Should -BeExactly '<absent>'
        }

        It 'refuses to repair, before any change, a value whose kind cannot be restored exactly' {
            $global:RdpFake.Registry["$tlsKey|Enabled"] = @{ Kind = 'None'; Value = [byte[]](1) }
            { Invoke-TlsFix } | Should -Throw -ExpectedMessage '*kind None*'
            Get-ChangeText | Should -BeNullOrEmpty
        }
    }

    Context 'one item at a time (finding 6)' {
        It 'restores the other items when one fails, reports it with its reason, and returns Failed with an error' {
            $global:RdpFake.Registry["$tlsKey|Enabled"] = @{ Kind = 'DWord'; Value = 0 }
            $fix = Invoke-TlsFix
            # Items are restored in reverse order: DisabledByDefault (absent before: removed) first.
            Mock -ModuleName 'RdpRescue' -CommandName 'Remove-RdpRegistryValue' -ParameterFilter { $Name -eq 'DisabledByDefault' } -MockWith {
                throw 'Access is denied'
            }

            $undo = @(Undo-RdpRepair -BackupPath $fix[0].BackupPath -Confirm:$false -ErrorAction Continue -ErrorVariable undoErrors -WarningVariable undoWarnings 2>$null 3>$null)

            Get-ExactRegistryText -Name 'Enabled' | Should -BeExactly 'DWord Int32 0'
            $undo.Count | Should -Be 1
            $undo[0].Result | Should -Be 'Failed'
            $undo[0].Restored | Should -Be 1
            @($undo[0].Failed).Count | Should -Be 1
            $undo[0].Failed[0].Fix | Should -Be 'enable-tls12-server'
            $undo[0].Failed[0].Kind | Should -Be 'registry-value'
            $undo[0].Failed[0].Target | Should -Be "$tlsKey\DisabledByDefault"
            $undo[0].Failed[0].Reason | Should -Be 'Access is denied'
            @($undoWarnings).Count | Should -Be 1
            "$($undoWarnings[0])" | Should -BeLike '*DisabledByDefault*Access is denied*'
            # -ErrorVariable also collects the errors caught on the way; the command writes one.
            $written = @($undoErrors | Where-Object { $_.FullyQualifiedErrorId -like 'RdpRescue.UndoIncomplete*' })
            $written.Count | Should -Be 1
            "$($written[0])" | Should -BeLike '*1 item(s) restored, 1 not*DisabledByDefault: Access is denied*'
        }

        It 'returns Restored with nothing failed when every item comes back' {
            $fix = Invoke-TlsFix
            $undo = @(Undo-RdpRepair -BackupPath $fix[0].BackupPath -Confirm:$false)
            $undo[0].Result | Should -Be 'Restored'
            $undo[0].Restored | Should -Be 2
            @($undo[0].Failed).Count | Should -Be 0
        }
    }

    Context 'backup folder names' {
        It 'names the backup folder in the Gregorian calendar whatever the culture (th-TH counts years from 543 BC)' {
            # Folder names decide which backup Mode=Undo calls the newest: a Thai-calendar 2569
            # would outrank every later backup written under another culture.
            $saved = [System.Threading.Thread]::CurrentThread.CurrentCulture
            try {
                [System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo('th-TH')
                $fix = Invoke-TlsFix
            }
            finally {
                [System.Threading.Thread]::CurrentThread.CurrentCulture = $saved
            }
            Split-Path -Path $fix[0].BackupPath -Leaf | Should -BeExactly ($global:RdpFake.Now.ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture))
        }
    }

    Context 'what a backup may be trusted with (finding 7)' {
        It 'creates the backup root and each backup folder for SYSTEM and Administrators only' {
            $fix = Invoke-TlsFix
            Should -Invoke -ModuleName 'RdpRescue' -CommandName 'New-RdpProtectedDirectory' -Times 1 -Exactly -ParameterFilter { $Path -eq $global:RdpFake.BackupRoot }
            Should -Invoke -ModuleName 'RdpRescue' -CommandName 'New-RdpProtectedDirectory' -Times 1 -Exactly -ParameterFilter { $Path -eq $fix[0].BackupPath }
        }

        It 'refuses a backup root that a standard user owns, before any change' {
            $null = New-Item -ItemType Directory -Path $global:RdpFake.BackupRoot -Force
            $user = Get-FakeStandardUserSid
            Set-FakeItemSecurity -Path $global:RdpFake.BackupRoot -Owner $user -Rules @((New-FakeAllowRule $user))
            { Invoke-TlsFix } | Should -Throw -ExpectedMessage "*owned by $user*"
            Get-ChangeText | Should -BeNullOrEmpty
            Test-FakeBackupWritten | Should -BeFalse
        }

        It 'refuses a backup root that Users may write into (the permissions ProgramData hands down), before any change' {
            $null = New-Item -ItemType Directory -Path $global:RdpFake.BackupRoot -Force
            # BUILTIN\Users: create files and folders, write attributes (0x116).
            $rules = @((New-FakeAllowRule 'S-1-5-18'), (New-FakeAllowRule 'S-1-5-32-544'), (New-FakeAllowRule 'S-1-5-32-545' -Rights 0x116))
            Set-FakeItemSecurity -Path $global:RdpFake.BackupRoot -Owner 'S-1-5-32-544' -Rules $rules
            { Invoke-TlsFix } | Should -Throw -ExpectedMessage '*changed by S-1-5-32-545*'
            Get-ChangeText | Should -BeNullOrEmpty
        }

        It 'restores nothing from a backup folder that a standard user planted' {
            $folder = New-FakePlantedBackup -Root $global:RdpFake.BackupRoot -Entry @(Get-FakePlantedEntry -Kind 'RunKey')
            { Undo-RdpRepair -BackupPath $folder -Confirm:$false } | Should -Throw -ExpectedMessage "*owned by $(Get-FakeStandardUserSid)*"
            $global:RdpFake.Registry.ContainsKey($runValue) | Should -BeFalse
            Get-ChangeText | Should -BeNullOrEmpty
        }

        It 'refuses manifest entries that no fix backs up, reports each, and restores the rest' {
            $global:RdpFake.Registry["$tlsKey|Enabled"] = @{ Kind = 'DWord'; Value = 0 }
            $before = Get-ExactRegistryText -Name 'Enabled'
            $fix = Invoke-TlsFix
            $planted = @('RunKey', 'RootCertificate', 'AclOutsideFolder' | ForEach-Object { Get-FakePlantedEntry -Kind $_ })
            Add-FakePlantedManifestEntry -BackupPath $fix[0].BackupPath -Entry $planted -RestartsServices @('RemoteRegistry')
            $global:RdpFake.Changes.Clear()

            $undo = @(Undo-RdpRepair -BackupPath $fix[0].BackupPath -Confirm:$false -ErrorAction Continue -ErrorVariable undoErrors 2>$null 3>$null)

            Get-ExactRegistryText -Name 'Enabled' | Should -BeExactly $before
            Get-ExactRegistryText -Name 'DisabledByDefault' | Should -BeExactly '<absent>'
            $global:RdpFake.Registry.ContainsKey($runValue) | Should -BeFalse
            Get-ChangeText | Where-Object { $_ -like '*SystemCertificates\Root*' -or $_ -like '*CurrentVersion\Run*' -or $_ -like 'restore-acl*' -or $_ -like 'service-*' } | Should -BeNullOrEmpty
            $undo[0].Result | Should -Be 'Failed'
            $undo[0].Restored | Should -Be 2
            $refused = @($undo[0].Failed | ForEach-Object { '{0} {1}' -f $_.Kind, $_.Target })
            $refused | Should -Contain 'registry-value HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Run\Updater'
            $refused | Should -Contain 'certificate-store Root'
            $refused | Should -Contain "acl $($global:RdpFake.MachineKeys)"
            $refused | Should -Contain 'service-restart RemoteRegistry'
            $refused.Count | Should -Be 4
            @($undoErrors | Where-Object { $_.FullyQualifiedErrorId -like 'RdpRescue.UndoIncomplete*' }).Count | Should -Be 1
        }
    }

    Context 'relative paths (finding 8)' {
        BeforeEach {
            $elsewhere = Join-Path -Path $TestDrive -ChildPath ('cwd-' + [guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory -Path $elsewhere
        }

        It 'Undo-RdpRepair takes a relative -BackupPath from the PowerShell location' {
            $global:RdpFake.Registry["$tlsKey|Enabled"] = @{ Kind = 'DWord'; Value = 0 }
            $fix = Invoke-TlsFix
            Push-Location -LiteralPath $global:RdpFake.BackupRoot
            try {
                [System.Environment]::CurrentDirectory | Should -Not -Be (Get-Location).ProviderPath -Because 'the test needs the two to differ'
                $undo = @(Undo-RdpRepair -BackupPath (Split-Path -Path $fix[0].BackupPath -Leaf) -Confirm:$false)
            }
            finally {
                Pop-Location
            }
            $undo[0].Result | Should -Be 'Restored'
            $undo[0].BackupPath | Should -Be $fix[0].BackupPath
            Get-ExactRegistryText -Name 'Enabled' | Should -BeExactly 'DWord Int32 0'
        }

        It 'a repair writes its backup under a relative -BackupRoot taken from the PowerShell location' {
            Push-Location -LiteralPath $elsewhere
            try {
                [System.Environment]::CurrentDirectory | Should -Not -Be (Get-Location).ProviderPath -Because 'the test needs the two to differ'
                $fix = Invoke-TlsFix -BackupRoot 'backups'
            }
            finally {
                Pop-Location
            }
            $fix[0].BackupPath | Should -BeLike (Join-Path -Path $elsewhere -ChildPath 'backups*')
            Join-Path -Path $fix[0].BackupPath -ChildPath 'backup.json' | Should -Exist
        }
    }
}
