# repair-vm/Invoke-RdpRescueOffline.ps1: what a review against az vm repair and
# Azure/repair-script-library found. The same fake rescue VM as RepairVm.Tests.ps1.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'RepairVmFake.ps1')
    . (Get-RvTestScript)

    function Split-RvDriverLog {
        # What az vm repair run does with the output (azext_vm_repair _parse_run_script_raw_logs):
        # one entry per "[<Level> MM/dd/yyyy HH:mm:ss]" tag or [STATUS] line, its level the tag's word.
        param([string[]]$Lines)
        $pattern = '(?=\[(?:Log-Start|Log-End|Output|Info|Warning|Error|Debug) [0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}\])|(?=\[STATUS\])'
        foreach ($entry in [regex]::Split(($Lines -join "`n"), $pattern)) {
            $message = $entry.Trim("`n")
            if (-not $message) {
                continue
            }
            $level = $message.Split(' ')[0].Substring(1)
            if ($message.Contains('[STATUS]::')) {
                $level = 'STATUS'
            }
            [pscustomobject]@{ Level = $level; Message = $message }
        }
    }

    function Invoke-RvUnderDriver {
        # The script as the az vm repair run driver runs it (see RepairVm.Tests.ps1).
        param([string]$Parameters)
        & {
            $script_path = 'no-op'
            $params = $Parameters
            & {
                $params = ''
                $init = $false
                Invoke-RvScript
            }
        }
    }
}

Describe 'Rescue-VM script: what az vm repair run shows of a failed run' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
    }

    It 'tags the report of a failed run [Error ...], the level the driver shows on failure, and keeps [STATUS]::ERROR last' {
        $global:RvFake.IgnoredWrites['NMICrashDump'] = $true
        $lines = @(Invoke-RvUnderDriver -Parameters '-Mode%20Repair%20-Repair%20all')
        $lines[-1] | Should -BeExactly '[STATUS]::ERROR'
        # The driver prints, for a script that ended in error, the messages of level Error only.
        $shown = @(Split-RvDriverLog -Lines $lines | Where-Object { $_.Level -eq 'Error' } | ForEach-Object { $_.Message })
        @($shown | Where-Object { $_ -like '*RDPRESCUE fix offline-enable-crash-dump FAILED *NMICrashDump does not read back*' }).Count | Should -Be 1
        @($shown | Where-Object { $_ -like '*RDPRESCUE undo with Mode=Undo Backup=20260601-120000' }).Count | Should -Be 1
        @($shown | Where-Object { $_ -like '*RDPRESCUE fix offline-enable-serial-console APPLIED' }).Count | Should -Be 1
        @($lines | Select-Object -SkipLast 1 | Where-Object { $_ -notlike '`[Error ??/??/???? ??:??:??`]RDPRESCUE *' }) | Should -BeNullOrEmpty
    }

    It 'tags an argument error [Error ...] too' {
        $lines = @(Invoke-RvUnderDriver -Parameters '-Mode%20Fix')
        $shown = @(Split-RvDriverLog -Lines $lines | Where-Object { $_.Level -eq 'Error' })
        @($shown | Where-Object { $_.Message -like '*RDPRESCUE error *Mode*' }).Count | Should -Be 1
        $lines[-1] | Should -BeExactly '[STATUS]::ERROR'
    }
}

Describe 'Rescue-VM script: Diagnose writes nothing to the broken disk' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
    }

    It 'keeps the disk read-only and loads copies of the hives, with their logs, from the rescue VM, then deletes them and what reg load added' {
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        Get-RvCall 'writable disk *' | Should -BeNullOrEmpty
        Get-RvCall 'write refused *' | Should -BeNullOrEmpty
        @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0].IsReadOnly | Should -BeTrue
        $copies = 'C:\ProgramData\RdpRescue\repair-vm\hives-20260601-120000'
        Get-RvCall 'reg load *' | Should -Be @(
            "reg load HKLM\RDPRESCUE_SYSTEM $copies\SYSTEM"
            "reg load HKLM\RDPRESCUE_SOFTWARE $copies\SOFTWARE"
        )
        Get-RvCall "copy F:\Windows\System32\config\SYSTEM* -> $copies\*" | Should -Be @(
            "copy F:\Windows\System32\config\SYSTEM -> $copies\SYSTEM"
            "copy F:\Windows\System32\config\SYSTEM.LOG1 -> $copies\SYSTEM.LOG1"
            "copy F:\Windows\System32\config\SYSTEM.LOG2 -> $copies\SYSTEM.LOG2"
        )
        @($global:RvFake.Files.Keys | Where-Object { $_ -like "$copies\*" }) | Should -BeNullOrEmpty
        # Also the logs reg load gave the SOFTWARE copy, which had none, and the folder itself.
        Get-RvCall "rmdir $copies" | Should -Be @("rmdir $copies")
        $global:RvFake.Directories.ContainsKey($copies) | Should -BeFalse
        $global:RvFake.Mounted.Count | Should -Be 0
        @($output | Where-Object { $_ -match '^RDPRESCUE [a-z0-9-]+ (DETECTED|CLEAR|UNKNOWN) ' }).Count | Should -BeGreaterThan 0
    }
}

Describe 'Rescue-VM script: a hive an interrupted run left loaded' {
    BeforeAll {
        Register-RvFakeMock
    }

    It 'Diagnose unloads it before it copies the hive, whose file stays locked while it is loaded' {
        Reset-RvFake
        # A Repair run, which loads the broken disk's own hive, stopped before its unload.
        $global:RvFake.Mounted['RDPRESCUE_SYSTEM'] = 'F:\Windows\System32\config\SYSTEM'
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $calls = @($global:RvFake.Calls)
        [array]::IndexOf($calls, 'reg unload HKLM\RDPRESCUE_SYSTEM') | Should -BeLessThan ([array]::IndexOf($calls, @($calls | Where-Object { $_ -like 'copy F:\Windows\System32\config\SYSTEM -> *' })[0]))
        $global:RvFake.Mounted.Count | Should -Be 0
    }
}

Describe 'Rescue-VM script: read-only is cleared on the chosen disk only, and only to change it' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
        # Another data disk the rescue VM keeps offline and read-only: not the broken OS.
        Add-RvDisk -Number 3 -Style 'MBR' -Offline -Partitions @(@{ Number = 1; Letter = 'G' })
    }

    It 'Repair makes only the broken OS disk writable' {
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-nla')
        $output | Should -Contain 'RDPRESCUE fix offline-enable-nla APPLIED'
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        Get-RvCall 'writable disk *' | Should -Be @('writable disk 2')
        @($global:RvFake.Disks | Where-Object { $_.Number -eq 3 })[0].IsReadOnly | Should -BeTrue
    }

    It 'Undo makes only the broken OS disk writable' {
        $null = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-nla')
        $global:RvFake.Calls.Clear()
        $undo = Invoke-RvScript -Arguments @('Mode=Undo')
        $undo[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @($global:RvFake.Disks | Where-Object { $_.Number -eq 3 })[0].IsReadOnly | Should -BeTrue
    }
}

Describe 'Rescue-VM script: a Windows partition without a drive letter' {
    BeforeAll {
        Register-RvFakeMock
    }

    It 'Generation 2: lends the OS partition a letter, finds Windows there, and gives every lent letter back' {
        Reset-RvFake -Letterless
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=all')
        $output[0] | Should -BeLike 'RDPRESCUE offline repair disk=2 drive=S: generation=2*'
        $output | Should -Contain 'RDPRESCUE fix offline-enable-serial-console APPLIED'
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @(Get-RvCall 'release *' | Sort-Object) | Should -Be @('release S disk 2 partition 3', 'release T disk 2 partition 1')
        @($global:RvFake.Partitions | Where-Object { $_.DiskNumber -eq 2 -and $_.Letter }) | Should -BeNullOrEmpty
        $global:RvFake.Files.ContainsKey('DATA2-3:\Windows\System32\config\SYSTEM') | Should -BeTrue
    }

    It 'Generation 1: probes the letterless partitions, gives back at once a letter that found no Windows' {
        Reset-RvFake -Generation 1 -Letterless
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $output[0] | Should -BeLike 'RDPRESCUE offline diagnose disk=2 drive=?: generation=1*'
        @($global:RvFake.Partitions | Where-Object { $_.DiskNumber -eq 2 -and $_.Letter }) | Should -BeNullOrEmpty
        @(Get-RvCall 'assign *').Count | Should -Be @(Get-RvCall 'release *').Count
    }
}

Describe 'Rescue-VM script: a lent letter Windows shows late' {
    BeforeAll {
        Register-RvFakeMock
    }

    It 'is given back at the end of the run although the call that asked for it saw none' {
        Reset-RvFake -Letterless
        $global:RvFake.IgnoredWrites['LetterShownLate'] = $true
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        @(Get-RvCall 'assign *').Count | Should -Be 1
        Get-RvCall 'release *' | Should -Be @('release S disk 2 partition 3')
        @($global:RvFake.Partitions | Where-Object { $_.DiskNumber -eq 2 -and $_.Letter }) | Should -BeNullOrEmpty
    }
}

Describe 'Rescue-VM script: a disk Windows keeps offline for a signature collision' {
    BeforeAll {
        Register-RvFakeMock
    }

    It 'Generation 2: records the GPT disk GUID, lets Windows bring the disk online, and writes the GUID back at the end' {
        Reset-RvFake -Collision
        $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0]
        $original = $disk.Guid
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-nla')
        $output | Should -Contain 'RDPRESCUE fix offline-enable-nla APPLIED'
        $output | Should -Contain ('RDPRESCUE disk 2 GPT disk GUID {0} restored (Windows had changed it to {1} to bring the disk online)' -f $original, '{0e7b2a44-0000-4000-8000-0000000000aa}')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $disk.Guid | Should -BeExactly $original
        $calls = @($global:RvFake.Calls)
        [array]::IndexOf($calls, 'writable disk 2') | Should -BeLessThan ([array]::IndexOf($calls, 'online disk 2'))
    }

    It 'Generation 1: the MBR signature likewise, also when it only diagnoses' {
        Reset-RvFake -Generation 1 -Collision
        $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0]
        $original = $disk.Signature
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $disk.Signature | Should -Be $original
        @($output | Where-Object { $_ -like ('RDPRESCUE disk 2 MBR signature 0x{0:X8} restored*' -f $original) }).Count | Should -Be 1
    }

    It 'leaves the disk offline, and says why, when its original identity cannot be read' {
        Reset-RvFake -Collision
        @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0].Guid = ''
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        Get-RvCall 'online disk 2' | Should -BeNullOrEmpty
        Get-RvCall 'writable disk 2' | Should -BeNullOrEmpty
        @($output | Where-Object { $_ -like 'RDPRESCUE error No attached disk holds *Not brought online: disk 2: offline because its identity collides with another disk''s, and its GPT disk GUID cannot be read to be written back*' }).Count | Should -Be 1
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
    }

    It 'fails the run with the exact command when the original identity does not read back' {
        Reset-RvFake -Collision
        $original = @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0].Guid
        $global:RvFake.IgnoredWrites['DiskIdentity'] = $true
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output | Should -Contain ("RDPRESCUE error disk 2 keeps GPT disk GUID {{0e7b2a44-0000-4000-8000-0000000000aa}}, not its own {0}: the restored VM may not boot (0xc000000e). Before az vm repair restore, run on the rescue VM: Set-Disk -Number 2 -Guid '{0}'" -f $original)
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
    }
}

Describe 'Rescue-VM script: a colliding disk is put back as Windows kept it' {
    BeforeAll {
        Register-RvFakeMock
    }

    AfterEach {
        # A hive a test kept loaded is unloaded, as a new process would start without it.
        $global:RvFake.UnloadFailures.Clear()
        $null = @(Close-RdpOfflineAllHive)
    }

    It 'takes the disk offline and read-only again once its identity reads back, so two disks never stay online with one identity' {
        Reset-RvFake -Collision
        $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0]
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-nla')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $disk.IsOffline | Should -BeTrue
        $disk.IsReadOnly | Should -BeTrue
        $calls = @($global:RvFake.Calls)
        [array]::IndexOf($calls, 'reg unload HKLM\RDPRESCUE_SYSTEM') | Should -BeLessThan ([array]::IndexOf($calls, 'offline disk 2'))
        [array]::IndexOf($calls, 'read-only disk 2') | Should -BeLessThan ([array]::IndexOf($calls, 'offline disk 2'))
        @($calls | Where-Object { $_ -like 'identity disk 2 *' }).Count | Should -Be 1
        [array]::IndexOf($calls, @($calls | Where-Object { $_ -like 'identity disk 2 *' })[0]) | Should -BeLessThan ([array]::IndexOf($calls, 'offline disk 2'))
    }

    It 'a second run finds the disk it put offline colliding by its identity, whatever reason Windows gives, and writes it back again' {
        Reset-RvFake -Generation 1 -Collision
        $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0]
        $original = $disk.Signature
        # The rescue VM's own disk, made from the same image.
        @($global:RvFake.Disks | Where-Object { $_.Number -eq 0 })[0].Signature = $original
        $first = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $first[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $disk.OfflineReason = 2
        $second = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $second[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @($second | Where-Object { $_ -like ('RDPRESCUE disk 2 MBR signature 0x{0:X8} restored*' -f $original) }).Count | Should -Be 1
        $disk.Signature | Should -Be $original
        $disk.IsOffline | Should -BeTrue
    }

    It 'a run stopped after Windows gave the disk a new identity is finished by the next run, which writes the noted one back' {
        Reset-RvFake -Collision
        $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0]
        $original = $disk.Guid
        # The first run, up to the moment Windows brought the disk online, and no further.
        Enable-RdpOfflineCollidingDisk -Disk @(Get-RdpOfflineDisk | Where-Object { $_.Number -eq 2 })[0]
        $script:RdpOfflineChangedIdentities.Clear()
        $disk.Guid | Should -Not -Be $original
        $note = 'C:\ProgramData\RdpRescue\repair-vm\disk-identity-pending.txt'
        $global:RvFake.Files.ContainsKey($note) | Should -BeTrue
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @($output | Where-Object { $_ -like ('RDPRESCUE disk 2 GPT disk GUID {0} restored*' -f $original) }).Count | Should -Be 1
        $disk.Guid | Should -BeExactly $original
        $disk.IsOffline | Should -BeTrue
        $global:RvFake.Files.ContainsKey($note) | Should -BeFalse
    }

    It 'finishes an interrupted run also when the disk came back offline and read-only with the identity Windows gave it' {
        Reset-RvFake -Collision
        $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0]
        $original = $disk.Guid
        Enable-RdpOfflineCollidingDisk -Disk @(Get-RdpOfflineDisk | Where-Object { $_.Number -eq 2 })[0]
        $script:RdpOfflineChangedIdentities.Clear()
        # The rescue VM restarted: its SAN policy keeps the disk, now unique, offline and read-only.
        $disk.IsOffline = $true
        $disk.IsReadOnly = $true
        $disk.OfflineReason = 1
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $disk.Guid | Should -BeExactly $original
        $disk.IsReadOnly | Should -BeTrue
        $disk.IsOffline | Should -BeTrue
    }

    It 'takes the note also when a named administrator, not the Administrators group, owns it' {
        Reset-RvFake -Collision
        $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq 2 })[0]
        $original = $disk.Guid
        Enable-RdpOfflineCollidingDisk -Disk @(Get-RdpOfflineDisk | Where-Object { $_.Number -eq 2 })[0]
        $script:RdpOfflineChangedIdentities.Clear()
        $note = 'C:\ProgramData\RdpRescue\repair-vm\disk-identity-pending.txt'
        $global:RvFake.Security[$note].Owner = 'S-1-5-21-1-2-3-500'
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $disk.Guid | Should -BeExactly $original
    }

    It 'ignores, and says so, a note that someone else than an administrator could have written' {
        Reset-RvFake -Collision
        Enable-RdpOfflineCollidingDisk -Disk @(Get-RdpOfflineDisk | Where-Object { $_.Number -eq 2 })[0]
        $script:RdpOfflineChangedIdentities.Clear()
        $note = 'C:\ProgramData\RdpRescue\repair-vm\disk-identity-pending.txt'
        $null = $global:RvFake.Security[$note].Rules.Add(@{ Sid = 'S-1-5-32-545'; Rights = [int64]0x1301BF; AccessType = 'Allow'; InheritOnly = $false })
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        @($output | Where-Object { $_ -like 'RDPRESCUE warning disk identity note ignored: *S-1-5-32-545*' }).Count | Should -Be 1
        Get-RvCall 'identity disk 2 *' | Should -BeNullOrEmpty
    }

    It 'keeps the note for the next run while the identity does not read back' {
        Reset-RvFake -Collision
        $global:RvFake.IgnoredWrites['DiskIdentity'] = $true
        $null = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $global:RvFake.Files.ContainsKey('C:\ProgramData\RdpRescue\repair-vm\disk-identity-pending.txt') | Should -BeTrue
    }

    It 'leaves the disk online when its identity does not read back: the Set-Disk command it prints needs it online' {
        Reset-RvFake -Collision
        $global:RvFake.IgnoredWrites['DiskIdentity'] = $true
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        Get-RvCall 'offline disk 2' | Should -BeNullOrEmpty
    }

    It 'leaves the disk online, and says what to run, while a hive of it stays loaded' {
        Reset-RvFake -Collision
        $global:RvFake.UnloadFailures['RDPRESCUE_SYSTEM'] = 99
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-enable-nla')
        $output[-1] | Should -BeExactly '[STATUS]::ERROR'
        Get-RvCall 'offline disk 2' | Should -BeNullOrEmpty
        $output | Should -Contain 'RDPRESCUE warning disk 2 stays online, with the same identity as another disk, while a hive of it is loaded: after reg unload, run Set-Disk -Number 2 -IsOffline $true'
    }

    It 'says so, without failing the run, when the disk does not go offline again' {
        Reset-RvFake -Collision
        $global:RvFake.IgnoredWrites['DiskOffline'] = $true
        $output = Invoke-RvScript -Arguments @('Mode=Diagnose')
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        @($output | Where-Object { $_ -like 'RDPRESCUE warning disk 2 could not be taken offline again (it still reads as online)*Set-Disk -Number 2 -IsOffline $true' }).Count | Should -Be 1
    }
}

Describe 'Rescue-VM script: MachineKeys items the administrators cannot read' {
    BeforeAll {
        Register-RvFakeMock
    }

    BeforeEach {
        Reset-RvFake
        $script:Keys = 'F:\ProgramData\Microsoft\Crypto\RSA\MachineKeys'
        $script:Private = "$script:Keys\9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f_0003"
        Set-RvFile -Path $script:Private -Data 'user-key' -Owner 'S-1-5-21-1-2-3-1001' -Rules @(New-RvRule -Sid 'S-1-5-21-1-2-3-1001' -Rights 'F')
        $global:RvFake.Unreadable[$script:Private] = $true
    }

    It 'repairs, records the backup as partial and says so, instead of aborting' {
        $output = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-reset-machinekeys-acl')
        $output | Should -Contain 'RDPRESCUE fix offline-reset-machinekeys-acl APPLIED'
        $output | Should -Contain 'RDPRESCUE warning offline-reset-machinekeys-acl: partial backup of ProgramData\Microsoft\Crypto\RSA\MachineKeys: 1 item(s) could not be read, Undo cannot restore them: ProgramData\Microsoft\Crypto\RSA\MachineKeys\9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f_0003'
        $output[-1] | Should -BeExactly '[STATUS]::SUCCESS'
        $manifest = Get-RvFileData -Path 'F:\RdpRescueOffline\20260601-120000\backup.json' | ConvertFrom-Json
        $acl = @($manifest.fixes[0].items | Where-Object { $_.kind -eq 'acl' })[0]
        $acl.partial | Should -BeLike 'icacls.exe * exited with code 5*'
        @($acl.items | Where-Object { $_.unreadable } | ForEach-Object { $_.path }) | Should -Be @('ProgramData\Microsoft\Crypto\RSA\MachineKeys\9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f_0003')
    }

    It 'undo restores what was saved and names what it could not' {
        $readable = "$script:Keys\f686aace6942fb7f7ceb231212eef4a4_0001"
        $before = Get-RvSddl -Path $readable
        $null = Invoke-RvScript -Arguments @('Mode=Repair', 'Repair=offline-reset-machinekeys-acl')
        $undo = Invoke-RvScript -Arguments @('Mode=Undo')
        $undo | Should -Contain ("RDPRESCUE undo offline-reset-machinekeys-acl FAILED {0}: its owner and permissions could not be read before the repair; set them by hand" -f $script:Private)
        Get-RvSddl -Path $readable | Should -Be $before
        $undo[-1] | Should -BeExactly '[STATUS]::ERROR'
    }
}
