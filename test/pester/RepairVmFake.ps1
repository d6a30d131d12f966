# A fake rescue VM for the tests of repair-vm/Invoke-RdpRescueOffline.ps1.
#
# Only the script's platform layer (the functions listed at the top of src/repair-vm/platform.ps1)
# is mocked; every other line of the script runs for real against this in-memory machine: disks
# and partitions, a file system, registry hive files that reg load mounts under HKLM, .evtx
# files as lists of records, owners and ACLs by SID, icacls, reg export/import and bcdedit on a
# boot store that is itself a hive file. It behaves like Windows where the script depends on it:
# a loaded hive file cannot be copied, a hive can be made to refuse its unload, a disk that
# comes online shows its drive letters, icacls /save keeps DACLs but not owners.
#
# State lives in $global:RvFake; the helpers are global so mock bodies (run from the script's
# scope) and tests (their own scope) see the same machine.

$global:RvRights = @{ F = 0x1F01FF; M = 0x1301BF; RX = 0x1200A9; R = 0x120089 }
$global:RvEsp = '{c12a7328-f81f-11d2-ba4b-00a0c93ec93b}'
$global:RvBootMgr = '{9dea862c-5cdd-4e70-acc1-f32b344d4795}'
$global:RvEmsSettings = '{0ce4991b-e6b3-4b16-b23c-5e0d9250e5d9}'
$global:RvLoader = '{3f1bd8f2-2bd1-11ec-9b5e-000d3a000001}'

function global:Get-RvTestScript {
    $build = $env:RDPRESCUE_BUILD
    if (-not $build) {
        $build = Join-Path -Path $PSScriptRoot -ChildPath '../../dist-ps'
    }
    Join-Path -Path $build -ChildPath 'repair-vm/Invoke-RdpRescueOffline.ps1'
}

function global:Get-RvParent {
    param([string]$Path)
    $cut = $Path.TrimEnd('\').LastIndexOf('\')
    if ($cut -lt 0) {
        return ''
    }
    $Path.Substring(0, $cut)
}

function global:Get-RvLeaf {
    param([string]$Path)
    $Path.Substring($Path.LastIndexOf('\') + 1)
}

function global:New-RvTable {
    New-Object -TypeName System.Collections.Hashtable -ArgumentList ([System.StringComparer]::OrdinalIgnoreCase)
}

function global:Copy-RvData {
    param($Data)
    # A deep copy: what a file copy or a reg export takes is a snapshot.
    if ($null -eq $Data) {
        return $null
    }
    if ($Data -is [System.Collections.IDictionary]) {
        $copy = New-RvTable
        foreach ($key in @($Data.Keys)) {
            $copy[$key] = Copy-RvData -Data $Data[$key]
        }
        return $copy
    }
    if ($Data -is [byte[]]) {
        return , ([byte[]]$Data.Clone())
    }
    if ($Data -is [System.Collections.IList]) {
        $list = New-Object -TypeName System.Collections.ArrayList
        foreach ($item in $Data) {
            $null = $list.Add((Copy-RvData -Data $item))
        }
        return , $list
    }
    $Data
}

function global:ConvertTo-RvCanonical {
    param($Data)
    # Stable text of any fake content, for hashes and comparisons.
    if ($null -eq $Data) {
        return 'null'
    }
    if ($Data -is [System.Collections.IDictionary]) {
        return '{' + ((@($Data.Keys) | Sort-Object | ForEach-Object { $_.ToUpperInvariant() + '=' + (ConvertTo-RvCanonical -Data $Data[$_]) }) -join ';') + '}'
    }
    if ($Data -is [byte[]]) {
        return 'bytes:' + (($Data | ForEach-Object { $_.ToString('X2') }) -join '')
    }
    if ($Data -is [System.Collections.IList]) {
        return '[' + ((@($Data) | ForEach-Object { ConvertTo-RvCanonical -Data $_ }) -join ',') + ']'
    }
    [string]$Data
}

function global:Add-RvCall {
    param([string]$Call)
    $null = $global:RvFake.Calls.Add($Call)
}

function global:Get-RvCall {
    param([string]$Like = '*')
    @($global:RvFake.Calls | Where-Object { $_ -like $Like })
}

# --- file system ----------------------------------------------------------------------------

function global:Add-RvDirectory {
    param([string]$Path, [string]$Owner = 'S-1-5-32-544', [object[]]$Rules = $null)
    $Path = $Path.TrimEnd('\')
    $parent = Get-RvParent -Path $Path
    if ($parent -and $parent.Contains('\') -and -not $global:RvFake.Directories.ContainsKey($parent)) {
        Add-RvDirectory -Path $parent
    }
    $global:RvFake.Directories[$Path] = $true
    if (-not $global:RvFake.Security.ContainsKey($Path)) {
        if ($null -eq $Rules) {
            $Rules = @(New-RvRule -Sid 'S-1-5-18' -Rights 'F'; New-RvRule -Sid 'S-1-5-32-544' -Rights 'F')
        }
        Set-RvSecurity -Path $Path -Owner $Owner -Rules $Rules
    }
}

function global:Set-RvFile {
    param([string]$Path, $Data, [string]$Owner = 'S-1-5-32-544', [object[]]$Rules = $null)
    Add-RvDirectory -Path (Get-RvParent -Path $Path)
    $global:RvFake.Files[$Path] = @{ Data = $Data }
    if (-not $global:RvFake.Security.ContainsKey($Path)) {
        if ($null -eq $Rules) {
            $Rules = @(New-RvRule -Sid 'S-1-5-18' -Rights 'F'; New-RvRule -Sid 'S-1-5-32-544' -Rights 'F')
        }
        Set-RvSecurity -Path $Path -Owner $Owner -Rules $Rules
    }
}

function global:Get-RvFileData {
    param([string]$Path)
    if (-not $global:RvFake.Files.ContainsKey($Path)) {
        throw "Could not find file '$Path'."
    }
    # One level of array around it: an empty list must not unroll into nothing.
    , $global:RvFake.Files[$Path].Data
}

function global:New-RvRule {
    param([string]$Sid, [string]$Rights, [string]$AccessType = 'Allow')
    $mask = $Rights
    if ($global:RvRights.ContainsKey($Rights)) {
        $mask = $global:RvRights[$Rights]
    }
    @{ Sid = $Sid; Rights = [int64]$mask; AccessType = $AccessType; InheritOnly = $false }
}

function global:Set-RvSecurity {
    param([string]$Path, [string]$Owner, [object[]]$Rules)
    $list = New-Object -TypeName System.Collections.ArrayList
    foreach ($rule in $Rules) {
        $null = $list.Add(@{ Sid = $rule.Sid; Rights = [int64]$rule.Rights; AccessType = $rule.AccessType; InheritOnly = [bool]$rule.InheritOnly })
    }
    $global:RvFake.Security[$Path] = @{ Owner = $Owner; Rules = $list }
}

function global:Get-RvSddl {
    param([string]$Path)
    $security = $global:RvFake.Security[$Path]
    $aces = @($security.Rules | ForEach-Object { '({0};;0x{1:x};;;{2})' -f $(if ($_.AccessType -eq 'Allow') { 'A' } else { 'D' }), $_.Rights, $_.Sid } | Sort-Object)
    'O:' + $security.Owner + 'D:' + ($aces -join '')
}

function global:Get-RvItemBelow {
    param([string]$Path, [switch]$Recurse, [switch]$Directory)
    $prefix = $Path.TrimEnd('\') + '\'
    $pool = $global:RvFake.Files.Keys
    if ($Directory) {
        $pool = $global:RvFake.Directories.Keys
    }
    foreach ($item in @($pool)) {
        if ($item.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
            $rest = $item.Substring($prefix.Length)
            if ($Recurse -or -not $rest.Contains('\')) {
                $item
            }
        }
    }
}

# --- registry hives (files whose data is a table of keys) ----------------------------------

function global:New-RvHive {
    $hive = New-RvTable
    $hive[''] = @{ Values = (New-RvTable) }
    $hive
}

function global:Add-RvKey {
    param($Hive, [string]$Key)
    $parts = @($Key.Split('\') | Where-Object { $_ })
    $path = ''
    foreach ($part in $parts) {
        if ($path) {
            $path += '\'
        }
        $path += $part
        if (-not $Hive.ContainsKey($path)) {
            $Hive[$path] = @{ Values = (New-RvTable) }
        }
    }
}

function global:Set-RvValue {
    param($Hive, [string]$Key, [string]$Name, [string]$Kind, $Value)
    Add-RvKey -Hive $Hive -Key $Key
    $Hive[$Key].Values[$Name] = @{ Kind = $Kind; Value = $Value }
}

function global:Resolve-RvRegistryKey {
    param([string]$Key)
    # 'RDPRESCUE_SYSTEM\ControlSet001\...' -> the loaded hive and the key inside it.
    $mount = $Key.Split('\')[0]
    if (-not $global:RvFake.Mounted.ContainsKey($mount)) {
        return $null
    }
    $rest = ''
    if ($Key.Length -gt $mount.Length) {
        $rest = $Key.Substring($mount.Length + 1)
    }
    @{ Hive = (Get-RvFileData -Path $global:RvFake.Mounted[$mount]); Key = $rest; Mount = $mount }
}

function global:Get-RvHiveValue {
    param([string]$File, [string]$Key, [string]$Name)
    $hive = Get-RvFileData -Path $File
    if (-not $hive.ContainsKey($Key) -or -not $hive[$Key].Values.ContainsKey($Name)) {
        return $null
    }
    $hive[$Key].Values[$Name]
}

# --- the machine -----------------------------------------------------------------------------

function global:Reset-RvFake {
    # A rescue VM (C: on disk 0, a resource disk D:) with a copy of a healthy Windows Server OS
    # disk attached offline as disk 2 (Generation 2 by default: an EFI system partition without
    # a letter; the OS volume becomes F: when online). Select\Current = 1 unless told.
    param([int]$Generation = 2, [int]$ControlSet = 1, [switch]$ActiveIsOs, [switch]$Collision, [switch]$Letterless)
    $global:RvFake = @{
        SystemDrive    = 'C:'
        Now            = [datetime]::SpecifyKind([datetime]'2026-06-01T12:00:00', [System.DateTimeKind]::Utc)
        Elevated       = $true
        Disks          = New-Object -TypeName System.Collections.ArrayList
        Partitions     = New-Object -TypeName System.Collections.ArrayList
        Locks          = New-RvTable
        Files          = New-RvTable
        Directories    = New-RvTable
        Security       = New-RvTable
        Mounted        = New-RvTable
        UnloadFailures = New-RvTable
        IgnoredWrites  = New-RvTable
        Unreadable     = New-RvTable
        Calls          = New-Object -TypeName System.Collections.ArrayList
        NextLetters    = @('S', 'T', 'U', 'V')
    }
    Add-RvDisk -Number 0 -Style 'MBR' -Own -Partitions @(@{ Number = 1; Letter = 'C'; Active = $true })
    Add-RvDisk -Number 1 -Style 'MBR' -Partitions @(@{ Number = 1; Letter = 'D' })
    Set-RvFile -Path 'C:\Windows\System32\config\SYSTEM' -Data (New-RvHive)
    Add-RvWindowsDisk -Number 2 -Letter 'F' -Generation $Generation -ControlSet $ControlSet -ActiveIsOs:$ActiveIsOs -Offline -Collision:$Collision -Letterless:$Letterless
}

function global:Add-RvDisk {
    # -Collision: Windows keeps the disk offline because its MBR signature or GPT disk GUID is
    # the same as another disk's (MSFT_Disk.OfflineReason 4).
    param([int]$Number, [string]$Style, [switch]$Own, [switch]$Offline, [switch]$Collision, [object[]]$Partitions)
    $reason = 0
    if ($Offline) {
        $reason = 1
    }
    if ($Collision) {
        $reason = 4
    }
    $signature = [int64]0
    $guid = ''
    if ($Style -eq 'MBR') {
        $signature = [int64](0x5F1B2C00 + $Number)
    }
    else {
        $guid = '{bfc714e7-6bb1-4cfb-adac-e86c96e196{0:x2}}'.Replace('{0:x2}', $Number.ToString('x2'))
    }
    $null = $global:RvFake.Disks.Add(@{
            Number = $Number; IsOffline = [bool]$Offline; IsReadOnly = [bool]$Offline; IsBoot = [bool]$Own; IsSystem = [bool]$Own
            PartitionStyle = $Style; BusType = 'SCSI'; FriendlyName = "Msft Virtual Disk $Number"
            OfflineReason = $reason; Signature = $signature; Guid = $guid
            UniqueId = '60022480D1E2F3A4B5C6D7E8F90A1B{0:X2}' -f $Number
        })
    foreach ($partition in $Partitions) {
        $gpt = ''
        if ($partition.ContainsKey('Gpt')) {
            $gpt = $partition.Gpt
        }
        $letter = ''
        if ($partition.ContainsKey('Letter')) {
            $letter = $partition.Letter
        }
        $null = $global:RvFake.Partitions.Add(@{
                DiskNumber = $Number; PartitionNumber = $partition.Number; Letter = $letter; GptType = $gpt
                IsActive = [bool]$partition['Active']; Size = [int64]1GB
            })
    }
}

function global:Add-RvWindowsDisk {
    # A broken VM's OS disk: its hives, its event logs, MachineKeys, its boot store.
    param([int]$Number, [string]$Letter, [int]$Generation = 2, [switch]$Offline, [int]$ControlSet = 1, [switch]$ActiveIsOs, [switch]$Collision, [switch]$Letterless)
    if ($Collision) {
        $Offline = [switch]$true
    }
    if ($Generation -eq 2) {
        Add-RvDisk -Number $Number -Style 'GPT' -Offline:$Offline -Collision:$Collision -Partitions @(
            @{ Number = 1; Gpt = $global:RvEsp }
            @{ Number = 2; Gpt = '{e3c9e316-0b5c-4db8-817d-f92df00215ae}' }
            @{ Number = 3; Gpt = '{ebd0a0a2-b9e5-4433-87c0-68b6b72699c7}'; Letter = $Letter }
        )
        $bcd = 'ESP' + $Number + ':\EFI\Microsoft\Boot\BCD'
    }
    elseif ($ActiveIsOs) {
        # No System Reserved partition: the OS volume is active and holds \Boot\BCD itself.
        Add-RvDisk -Number $Number -Style 'MBR' -Offline:$Offline -Collision:$Collision -Partitions @(@{ Number = 1; Letter = $Letter; Active = $true })
        $bcd = $Letter + ':\Boot\BCD'
    }
    else {
        Add-RvDisk -Number $Number -Style 'MBR' -Offline:$Offline -Collision:$Collision -Partitions @(
            @{ Number = 1; Active = $true }
            @{ Number = 2; Letter = $Letter }
        )
        $bcd = 'ACTIVE' + $Number + ':\Boot\BCD'
    }
    $root = $Letter + ':'
    $system = New-RvHive
    Set-RvValue -Hive $system -Key 'Select' -Name 'Current' -Kind 'DWord' -Value $ControlSet
    foreach ($set in @(1, 2)) {
        $cs = 'ControlSet{0:D3}' -f $set
        Set-RvValue -Hive $system -Key "$cs\Control\Terminal Server\WinStations\RDP-Tcp" -Name 'PortNumber' -Kind 'DWord' -Value 3389
        Set-RvValue -Hive $system -Key "$cs\Control\Terminal Server\WinStations\RDP-Tcp" -Name 'SecurityLayer' -Kind 'DWord' -Value 2
        Set-RvValue -Hive $system -Key "$cs\Control\Terminal Server\WinStations\RDP-Tcp" -Name 'UserAuthentication' -Kind 'DWord' -Value 0
        Set-RvValue -Hive $system -Key "$cs\Control\CrashControl" -Name 'CrashDumpEnabled' -Kind 'DWord' -Value 7
        Add-RvKey -Hive $system -Key "$cs\Control\SecurityProviders\SCHANNEL\Protocols"
        foreach ($service in @('TermService', 'SessionEnv', 'gpsvc')) {
            Set-RvValue -Hive $system -Key "$cs\Services\$service" -Name 'Start' -Kind 'DWord' -Value 3
        }
        # The network services as a healthy Windows has them: automatic, as LocalService.
        foreach ($service in @('Dhcp', 'nsi', 'BFE', 'MpsSvc')) {
            Set-RvValue -Hive $system -Key "$cs\Services\$service" -Name 'Start' -Kind 'DWord' -Value 2
            Set-RvValue -Hive $system -Key "$cs\Services\$service" -Name 'ObjectName' -Kind 'String' -Value 'NT Authority\LocalService'
        }
        Set-RvValue -Hive $system -Key "$cs\Services\TermService" -Name 'ObjectName' -Kind 'String' -Value 'NT Authority\NetworkService'
    }
    Set-RvFile -Path "$root\Windows\System32\config\SYSTEM" -Data $system
    Set-RvFile -Path "$root\Windows\System32\config\SYSTEM.LOG1" -Data 'system-log1'
    Set-RvFile -Path "$root\Windows\System32\config\SYSTEM.LOG2" -Data 'system-log2'
    $software = New-RvHive
    Add-RvKey -Hive $software -Key 'Microsoft\SystemCertificates\My\Certificates'
    Add-RvKey -Hive $software -Key 'Microsoft\SystemCertificates\Remote Desktop\Certificates'
    Set-RvFile -Path "$root\Windows\System32\config\SOFTWARE" -Data $software
    # tspkg.dll of Windows Server 2019, a build the CredSSP table does not list (its version resource).
    Set-RvFile -Path "$root\Windows\System32\tspkg.dll" -Data @{ FileVersion = @(10, 0, 17763, 5830) }
    Add-RvCertificate -Drive $Letter -Store 'Remote Desktop' -NotBefore $global:RvFake.Now.AddDays(-30) -NotAfter $global:RvFake.Now.AddDays(150)
    # The System log exists and its newest event is an hour before the rescue.
    $logs = "$root\Windows\System32\winevt\Logs"
    Set-RvFile -Path "$logs\System.evtx" -Data (New-Object -TypeName System.Collections.ArrayList)
    Add-RvEvent -Drive $Letter -LogFile 'System.evtx' -Provider 'EventLog' -Id 6006 -HoursBeforeRescue 1
    $keys = "$root\ProgramData\Microsoft\Crypto\RSA\MachineKeys"
    Add-RvDirectory -Path $keys -Owner 'S-1-5-18' -Rules @((New-RvRule -Sid 'S-1-5-32-544' -Rights 'F'), (New-RvRule -Sid 'S-1-1-0' -Rights 0x12019f))
    Set-RvFile -Path "$keys\f686aace6942fb7f7ceb231212eef4a4_0001" -Data 'rdp-key' -Owner 'S-1-5-18' -Rules @((New-RvRule -Sid 'S-1-5-18' -Rights 'F'), (New-RvRule -Sid 'S-1-5-32-544' -Rights 'F'), (New-RvRule -Sid 'S-1-5-20' -Rights 'R'))
    Set-RvFile -Path "$keys\0a1b2c3d4e5f60718293a4b5c6d7e8f9_0002" -Data 'other-key' -Owner 'S-1-5-18' -Rules @((New-RvRule -Sid 'S-1-5-18' -Rights 'F'))
    # The boot store: a hive with {bootmgr} pointing at one Windows loader.
    $store = New-RvHive
    Set-RvValue -Hive $store -Key "Objects\$global:RvBootMgr\Elements\23000003" -Name 'Element' -Kind 'String' -Value $global:RvLoader
    Set-RvValue -Hive $store -Key "Objects\$global:RvBootMgr\Elements\25000004" -Name 'Element' -Kind 'Binary' -Value ([byte[]](30, 0, 0, 0, 0, 0, 0, 0))
    Add-RvKey -Hive $store -Key "Objects\$global:RvLoader\Elements"
    Set-RvFile -Path $bcd -Data $store
    Set-RvFile -Path ($bcd + '.LOG1') -Data 'bcd-log1'
    if ($Letterless) {
        # Windows gave the OS partition no drive letter: its files wait under a pseudo root.
        $partition = @($global:RvFake.Partitions | Where-Object { $_.DiskNumber -eq $Number -and $_.Letter -eq $Letter })[0]
        $partition.Letter = ''
        Move-RvTree -From $root -To (Get-RvPartitionLetterRoot -DiskNumber $Number -PartitionNumber $partition.PartitionNumber)
    }
}

function global:Get-RvPartitionLetterRoot {
    param([int]$DiskNumber, [int]$PartitionNumber)
    # Where the files of a letterless boot partition live until it is given a letter.
    $partition = @($global:RvFake.Partitions | Where-Object { $_.DiskNumber -eq $DiskNumber -and $_.PartitionNumber -eq $PartitionNumber })[0]
    if ($partition.GptType -eq $global:RvEsp) {
        return 'ESP' + $DiskNumber + ':'
    }
    if ($partition.IsActive) {
        return 'ACTIVE' + $DiskNumber + ':'
    }
    'DATA' + $DiskNumber + '-' + $PartitionNumber + ':'
}

function global:Assert-RvWritablePath {
    param([string]$Path)
    # A volume of a read-only disk takes no write: Windows answers "The media is write protected."
    $letter = $Path.Split(':')[0]
    foreach ($partition in @($global:RvFake.Partitions | Where-Object { $_.Letter -eq $letter })) {
        $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq $partition.DiskNumber })[0]
        if ($disk.IsReadOnly) {
            Add-RvCall "write refused $Path"
            throw "The media is write protected. ($Path)"
        }
    }
}

function global:Test-RvReadable {
    param([string]$Path)
    # An item only its creator may read: an administrator reads it once the owner is changed.
    -not $global:RvFake.Unreadable.ContainsKey($Path) -or @('S-1-5-32-544', 'S-1-5-18') -contains $global:RvFake.Security[$Path].Owner
}

function global:Move-RvTree {
    param([string]$From, [string]$To)
    foreach ($table in @($global:RvFake.Files, $global:RvFake.Directories, $global:RvFake.Security)) {
        foreach ($path in @($table.Keys)) {
            if ($path.StartsWith($From + '\', [System.StringComparison]::OrdinalIgnoreCase) -or $path -eq $From) {
                $table[$To + $path.Substring($From.Length)] = $table[$path]
                $table.Remove($path)
            }
        }
    }
}

function global:Add-RvCertificate {
    param([string]$Drive, [string]$Store, [datetime]$NotBefore, [datetime]$NotAfter)
    # A real certificate, serialized as Windows keeps it in a system store's Blob value: a
    # property before it (as Windows writes the SHA-1 hash first), then property 32, the DER.
    if (-not $global:RvCertificateCache) {
        $global:RvCertificateCache = @{}
    }
    $cacheKey = '{0:o}|{1:o}' -f $NotBefore, $NotAfter
    if (-not $global:RvCertificateCache.ContainsKey($cacheKey)) {
        $key = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=RVTEST', $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256)
        $global:RvCertificateCache[$cacheKey] = $request.CreateSelfSigned([datetimeoffset]$NotBefore, [datetimeoffset]$NotAfter)
    }
    $certificate = $global:RvCertificateCache[$cacheKey]
    $der = $certificate.RawData
    $hash = [byte[]](1..20)
    $blob = New-Object -TypeName System.Collections.Generic.List[byte]
    foreach ($property in @(@{ Id = 3; Data = $hash }, @{ Id = 32; Data = $der })) {
        $blob.AddRange([System.BitConverter]::GetBytes([uint32]$property.Id))
        $blob.AddRange([System.BitConverter]::GetBytes([uint32]1))
        $blob.AddRange([System.BitConverter]::GetBytes([uint32]$property.Data.Length))
        $blob.AddRange([byte[]]$property.Data)
    }
    $software = Get-RvFileData -Path ($Drive + ':\Windows\System32\config\SOFTWARE')
    Set-RvValue -Hive $software -Key ("Microsoft\SystemCertificates\$Store\Certificates\" + $certificate.Thumbprint) -Name 'Blob' -Kind 'Binary' -Value ($blob.ToArray())
    $certificate.Thumbprint
}

function global:Add-RvEvent {
    param([string]$Drive, [string]$LogFile, [string]$Provider, [int]$Id, [double]$HoursBeforeRescue, [hashtable]$Data = @{})
    $path = $Drive + ':\Windows\System32\winevt\Logs\' + $LogFile
    if (-not $global:RvFake.Files.ContainsKey($path)) {
        Set-RvFile -Path $path -Data (New-Object -TypeName System.Collections.ArrayList)
    }
    $null = (Get-RvFileData -Path $path).Add(@{ ProviderName = $Provider; Id = $Id; TimeCreated = $global:RvFake.Now.AddHours(-$HoursBeforeRescue); Data = $Data })
}

# --- the platform layer, as the mocks run it -----------------------------------------------

function global:Get-RvPlatformCommand {
    @(
        'Get-RdpOfflineDisk', 'Enable-RdpOfflineDisk', 'Set-RdpOfflineDiskWritable', 'Set-RdpOfflineDiskReadOnly', 'Disable-RdpOfflineDisk', 'Set-RdpOfflineDiskIdentity', 'Get-RdpOfflinePartition', 'Get-RdpOfflineLockStatus',
        'Add-RdpOfflinePartitionLetter', 'Remove-RdpOfflinePartitionLetter', 'Get-RdpOfflineSystemDrive', 'Wait-RdpOfflineSecond',
        'Test-RdpOfflinePath', 'Copy-RdpOfflineFile', 'Remove-RdpOfflineFile', 'Remove-RdpOfflineEmptyDirectory', 'Get-RdpOfflineFileHash', 'Get-RdpOfflineChildItem',
        'New-RdpOfflineProtectedDirectory', 'Get-RdpOfflineItemSecurity', 'Write-RdpOfflineText', 'Read-RdpOfflineText',
        'Mount-RdpOfflineHive', 'Dismount-RdpOfflineHive', 'Clear-RdpOfflineHandle', 'Test-RdpOfflineRegistryKey',
        'Get-RdpOfflineRegistryValue', 'Get-RdpOfflineRegistrySubKeyName', 'Set-RdpOfflineRegistryValue',
        'Remove-RdpOfflineRegistryValue', 'Remove-RdpOfflineRegistryKey', 'Export-RdpOfflineRegistryKey',
        'Import-RdpOfflineRegistryFile', 'Save-RdpOfflineAcl', 'Restore-RdpOfflineAcl', 'Grant-RdpOfflineAccess',
        'Set-RdpOfflineOwner', 'Get-RdpOfflineEventRecord', 'Invoke-RdpOfflineBcdEdit', 'Test-RdpOfflineElevation',
        'Get-RdpOfflineDate', 'Get-RdpOfflineWorkFolder',
        'Get-RdpOfflineFileVersion'
    )
}

function global:Invoke-RvFake {
    param([string]$Command, [hashtable]$Arguments)
    $a = $Arguments
    switch ($Command) {
        'Get-RdpOfflineDisk' {
            foreach ($disk in $global:RvFake.Disks) {
                [pscustomobject]@{
                    Number = $disk.Number; IsOffline = $disk.IsOffline; IsReadOnly = $disk.IsReadOnly; IsBoot = $disk.IsBoot
                    IsSystem = $disk.IsSystem; PartitionStyle = $disk.PartitionStyle; BusType = $disk.BusType; FriendlyName = $disk.FriendlyName
                    OfflineReason = $disk.OfflineReason; Signature = $disk.Signature; Guid = $disk.Guid; UniqueId = $disk.UniqueId
                }
            }
        }
        'Enable-RdpOfflineDisk' {
            Add-RvCall "online disk $($a.Number)"
            $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq $a.Number })[0]
            $twins = @($global:RvFake.Disks | Where-Object { $_.Number -ne $disk.Number -and -not $_.IsOffline -and (($disk.Guid -and $_.Guid -eq $disk.Guid) -or (-not $disk.Guid -and $_.Signature -eq $disk.Signature)) })
            if ($disk.OfflineReason -eq 4 -or $twins.Count -gt 0) {
                # Windows brings a colliding disk online only by writing it a new identity,
                # which it cannot do on a read-only disk.
                if ($disk.IsReadOnly) {
                    throw 'The disk is read only.'
                }
                $disk.Signature = $disk.Signature + 0x100
                if ($disk.Guid) {
                    $disk.Guid = '{0e7b2a44-0000-4000-8000-0000000000aa}'
                }
            }
            $disk.IsOffline = $false
            $disk.OfflineReason = 0
        }
        'Set-RdpOfflineDiskWritable' {
            Add-RvCall "writable disk $($a.Number)"
            $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq $a.Number })[0]
            $disk.IsReadOnly = $false
        }
        'Set-RdpOfflineDiskReadOnly' {
            Add-RvCall "read-only disk $($a.Number)"
            $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq $a.Number })[0]
            $disk.IsReadOnly = $true
        }
        'Disable-RdpOfflineDisk' {
            Add-RvCall "offline disk $($a.Number)"
            $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq $a.Number })[0]
            if ($global:RvFake.IgnoredWrites.ContainsKey('DiskOffline')) {
                return
            }
            $disk.IsOffline = $true
        }
        'Set-RdpOfflineDiskIdentity' {
            Add-RvCall ("identity disk {0} signature={1} guid={2}" -f $a.Number, $a['Signature'], $a['Guid'])
            $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq $a.Number })[0]
            if ($disk.IsOffline) {
                throw 'The disk is offline.'
            }
            if ($disk.IsReadOnly) {
                throw 'The media is write protected.'
            }
            if ($global:RvFake.IgnoredWrites.ContainsKey('DiskIdentity')) {
                return
            }
            if ($disk.PartitionStyle -eq 'GPT') {
                $disk.Guid = $a.Guid
            }
            else {
                $disk.Signature = [int64]$a.Signature
            }
        }
        'Get-RdpOfflinePartition' {
            $disk = @($global:RvFake.Disks | Where-Object { $_.Number -eq $a.DiskNumber })[0]
            foreach ($partition in @($global:RvFake.Partitions | Where-Object { $_.DiskNumber -eq $a.DiskNumber })) {
                # An offline disk shows its partitions but mounts no volume.
                $letter = $partition.Letter
                if ($disk.IsOffline) {
                    $letter = ''
                }
                $mbrType = 0
                if ($disk.PartitionStyle -eq 'MBR') {
                    $mbrType = 7
                }
                [pscustomobject]@{ DiskNumber = $partition.DiskNumber; PartitionNumber = $partition.PartitionNumber; DriveLetter = $letter; GptType = $partition.GptType; MbrType = $mbrType; IsActive = $partition.IsActive; Size = $partition.Size }
            }
        }
        'Get-RdpOfflineLockStatus' {
            $lock = $global:RvFake.Locks[$a.DriveLetter]
            if (-not $lock) {
                $lock = 'None'
            }
            $lock
        }
        'Add-RdpOfflinePartitionLetter' {
            $partition = @($global:RvFake.Partitions | Where-Object { $_.DiskNumber -eq $a.DiskNumber -and $_.PartitionNumber -eq $a.PartitionNumber })[0]
            $used = @($global:RvFake.Partitions | ForEach-Object { $_.Letter })
            $letter = @($global:RvFake.NextLetters | Where-Object { $used -notcontains $_ })[0]
            Add-RvCall "assign $letter disk $($a.DiskNumber) partition $($a.PartitionNumber)"
            Move-RvTree -From (Get-RvPartitionLetterRoot -DiskNumber $a.DiskNumber -PartitionNumber $a.PartitionNumber) -To ($letter + ':')
            $partition.Letter = $letter
            if ($global:RvFake.IgnoredWrites.ContainsKey('LetterShownLate')) {
                # The mount manager shows the letter only after the call stopped waiting for it.
                return ''
            }
            $letter
        }
        'Remove-RdpOfflinePartitionLetter' {
            $partition = @($global:RvFake.Partitions | Where-Object { $_.DiskNumber -eq $a.DiskNumber -and $_.PartitionNumber -eq $a.PartitionNumber })[0]
            Add-RvCall "release $($a.DriveLetter) disk $($a.DiskNumber) partition $($a.PartitionNumber)"
            Move-RvTree -From ($a.DriveLetter + ':') -To (Get-RvPartitionLetterRoot -DiskNumber $a.DiskNumber -PartitionNumber $a.PartitionNumber)
            $partition.Letter = ''
        }
        'Get-RdpOfflineSystemDrive' {
            $global:RvFake.SystemDrive
        }
        'Wait-RdpOfflineSecond' {
            Add-RvCall "wait $($a.Seconds)"
        }
        'Test-RdpOfflinePath' {
            if ($a['Container']) {
                return $global:RvFake.Directories.ContainsKey($a.Path.TrimEnd('\'))
            }
            $global:RvFake.Files.ContainsKey($a.Path)
        }
        'Copy-RdpOfflineFile' {
            foreach ($mounted in @($global:RvFake.Mounted.Values)) {
                if ($mounted -eq $a.Source -or $mounted -eq $a.Destination) {
                    throw "The process cannot access the file '$mounted' because it is being used by another process."
                }
            }
            Assert-RvWritablePath -Path $a.Destination
            Add-RvCall "copy $($a.Source) -> $($a.Destination)"
            $data = Copy-RvData -Data (Get-RvFileData -Path $a.Source)
            Add-RvDirectory -Path (Get-RvParent -Path $a.Destination)
            $global:RvFake.Files[$a.Destination] = @{ Data = $data }
        }
        'Remove-RdpOfflineFile' {
            Assert-RvWritablePath -Path $a.Path
            Add-RvCall "delete $($a.Path)"
            $global:RvFake.Files.Remove($a.Path)
        }
        'Remove-RdpOfflineEmptyDirectory' {
            Assert-RvWritablePath -Path $a.Path
            Add-RvCall "rmdir $($a.Path)"
            if (@(Get-RvItemBelow -Path $a.Path -Recurse).Count -gt 0 -or @(Get-RvItemBelow -Path $a.Path -Recurse -Directory).Count -gt 0) {
                throw "The directory is not empty. : '$($a.Path)'"
            }
            $global:RvFake.Directories.Remove($a.Path)
            $global:RvFake.Security.Remove($a.Path)
        }
        'Get-RdpOfflineFileHash' {
            $text = ConvertTo-RvCanonical -Data (Get-RvFileData -Path $a.Path)
            $sha = [System.Security.Cryptography.SHA256]::Create()
            (($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($text)) | ForEach-Object { $_.ToString('X2') }) -join '')
        }
        'Get-RdpOfflineChildItem' {
            if (-not $global:RvFake.Directories.ContainsKey($a.Path.TrimEnd('\'))) {
                throw "Cannot find path '$($a.Path)' because it does not exist."
            }
            $prefix = [string]$a['Prefix']
            foreach ($item in @(Get-RvItemBelow -Path $a.Path -Recurse:([bool]$a['Recurse']) -Directory:([bool]$a['Directory']) | Sort-Object)) {
                if ((Get-RvLeaf -Path $item).StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
                    $item
                }
            }
        }
        'New-RdpOfflineProtectedDirectory' {
            Assert-RvWritablePath -Path $a.Path
            Add-RvCall "mkdir $($a.Path)"
            $global:RvFake.Security.Remove($a.Path)
            Add-RvDirectory -Path $a.Path
        }
        'Get-RdpOfflineItemSecurity' {
            if (-not $global:RvFake.Security.ContainsKey($a.Path)) {
                throw "Cannot find path '$($a.Path)' because it does not exist."
            }
            if (-not (Test-RvReadable -Path $a.Path)) {
                throw 'Attempted to perform an unauthorized operation.'
            }
            $security = $global:RvFake.Security[$a.Path]
            $rules = @(foreach ($rule in $security.Rules) {
                    [pscustomobject]@{ Sid = $rule.Sid; Rights = [int64]$rule.Rights; AccessType = $rule.AccessType; InheritOnly = [bool]$rule.InheritOnly }
                })
            [pscustomobject]@{ Owner = $security.Owner; Sddl = (Get-RvSddl -Path $a.Path); Rules = $rules }
        }
        'Write-RdpOfflineText' {
            Assert-RvWritablePath -Path $a.Path
            if (-not $global:RvFake.Directories.ContainsKey((Get-RvParent -Path $a.Path))) {
                throw "Could not find a part of the path '$($a.Path)'."
            }
            if ($a['Append'] -and $global:RvFake.Files.ContainsKey($a.Path)) {
                $global:RvFake.Files[$a.Path].Data = [string]$global:RvFake.Files[$a.Path].Data + $a.Text
            }
            else {
                Set-RvFile -Path $a.Path -Data ([string]$a.Text)
            }
        }
        'Read-RdpOfflineText' {
            [string](Get-RvFileData -Path $a.Path)
        }
        'Mount-RdpOfflineHive' {
            Add-RvCall "reg load HKLM\$($a.Name) $($a.Path)"
            # reg load replays the hive's transaction logs into it: a write.
            Assert-RvWritablePath -Path $a.Path
            if ($global:RvFake.Mounted.ContainsKey($a.Name)) {
                throw 'ERROR: The process cannot access the file because it is being used by another process.'
            }
            $data = Get-RvFileData -Path $a.Path
            if ($data -isnot [System.Collections.IDictionary]) {
                throw 'ERROR: The system was unable to load the hive.'
            }
            $global:RvFake.Mounted[$a.Name] = $a.Path
            # Windows gives a hive it loads the transaction logs it did not have.
            foreach ($suffix in @('.LOG1', '.LOG2')) {
                if (-not $global:RvFake.Files.ContainsKey($a.Path + $suffix)) {
                    Set-RvFile -Path ($a.Path + $suffix) -Data 'hive log'
                }
            }
        }
        'Dismount-RdpOfflineHive' {
            Add-RvCall "reg unload HKLM\$($a.Name)"
            if ([int]$global:RvFake.UnloadFailures[$a.Name] -gt 0) {
                $global:RvFake.UnloadFailures[$a.Name] = [int]$global:RvFake.UnloadFailures[$a.Name] - 1
                throw 'reg.exe unload exited with code 1: ERROR: Access is denied.'
            }
            $global:RvFake.Mounted.Remove($a.Name)
        }
        'Clear-RdpOfflineHandle' {
            Add-RvCall 'gc'
        }
        'Test-RdpOfflineRegistryKey' {
            $target = Resolve-RvRegistryKey -Key $a.Key
            $null -ne $target -and $target.Hive.ContainsKey($target.Key)
        }
        'Get-RdpOfflineRegistryValue' {
            $target = Resolve-RvRegistryKey -Key $a.Key
            if ($null -eq $target -or -not $target.Hive.ContainsKey($target.Key) -or -not $target.Hive[$target.Key].Values.ContainsKey($a.Name)) {
                return $null
            }
            $value = $target.Hive[$target.Key].Values[$a.Name]
            [pscustomobject]@{ Kind = $value.Kind; Value = (Copy-RvData -Data $value.Value) }
        }
        'Get-RdpOfflineRegistrySubKeyName' {
            $target = Resolve-RvRegistryKey -Key $a.Key
            if ($null -eq $target -or -not $target.Hive.ContainsKey($target.Key)) {
                return
            }
            $prefix = $target.Key + '\'
            foreach ($key in @($target.Hive.Keys)) {
                if ($key.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase) -and -not $key.Substring($prefix.Length).Contains('\')) {
                    $key.Substring($prefix.Length)
                }
            }
        }
        'Set-RdpOfflineRegistryValue' {
            Add-RvCall "reg set $($a.Key)\$($a.Name)"
            if ($global:RvFake.IgnoredWrites.ContainsKey($a.Name)) {
                return
            }
            $target = Resolve-RvRegistryKey -Key $a.Key
            if ($null -eq $target) {
                throw "HKLM\$($a.Key) is not a loaded hive"
            }
            $kinds = @{ REG_DWORD = 'DWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_BINARY = 'Binary' }
            Set-RvValue -Hive $target.Hive -Key $target.Key -Name $a.Name -Kind $kinds[$a.Type] -Value $a.Value
        }
        'Remove-RdpOfflineRegistryValue' {
            Add-RvCall "reg delete $($a.Key)\$($a.Name)"
            $target = Resolve-RvRegistryKey -Key $a.Key
            if ($null -ne $target -and $target.Hive.ContainsKey($target.Key)) {
                $target.Hive[$target.Key].Values.Remove($a.Name)
            }
        }
        'Remove-RdpOfflineRegistryKey' {
            Add-RvCall "reg delete key $($a.Key)"
            $target = Resolve-RvRegistryKey -Key $a.Key
            foreach ($key in @($target.Hive.Keys)) {
                if ($key -eq $target.Key -or $key.StartsWith($target.Key + '\', [System.StringComparison]::OrdinalIgnoreCase)) {
                    $target.Hive.Remove($key)
                }
            }
        }
        'Export-RdpOfflineRegistryKey' {
            Add-RvCall "reg export HKLM\$($a.Key) $($a.File)"
            $target = Resolve-RvRegistryKey -Key $a.Key
            $keys = New-RvTable
            foreach ($key in @($target.Hive.Keys)) {
                if ($key -eq $target.Key -or $key.StartsWith($target.Key + '\', [System.StringComparison]::OrdinalIgnoreCase)) {
                    $keys[$key] = Copy-RvData -Data $target.Hive[$key]
                }
            }
            Set-RvFile -Path $a.File -Data @{ RegExport = $a.Key; Keys = $keys }
        }
        'Import-RdpOfflineRegistryFile' {
            # reg import writes every key and value of the file; it deletes nothing.
            Add-RvCall "reg import $($a.File)"
            $export = Get-RvFileData -Path $a.File
            $target = Resolve-RvRegistryKey -Key $export.RegExport
            if ($null -eq $target) {
                throw 'ERROR: Error accessing the registry.'
            }
            foreach ($key in @($export.Keys.Keys)) {
                Add-RvKey -Hive $target.Hive -Key $key
                foreach ($name in @($export.Keys[$key].Values.Keys)) {
                    $target.Hive[$key].Values[$name] = Copy-RvData -Data $export.Keys[$key].Values[$name]
                }
            }
        }
        'Save-RdpOfflineAcl' {
            # DACLs only, by name relative to the folder above: icacls /save keeps no owner.
            # /c: an item it cannot read is left out, and the exit code says so.
            Add-RvCall "icacls $($a.Path) /save $($a.File)"
            $parent = Get-RvParent -Path $a.Path
            $saved = New-RvTable
            $denied = @()
            foreach ($item in @(@($a.Path) + @(Get-RvItemBelow -Path $a.Path -Recurse) + @(Get-RvItemBelow -Path $a.Path -Recurse -Directory))) {
                if (-not (Test-RvReadable -Path $item)) {
                    $denied += $item
                    continue
                }
                $saved[$item.Substring($parent.Length + 1)] = Copy-RvData -Data $global:RvFake.Security[$item].Rules
            }
            Set-RvFile -Path $a.File -Data @{ IcaclsSave = $saved }
            if ($denied.Count -gt 0) {
                ('icacls.exe {0} /save {1} /t /c /q exited with code 5: {2}: Access is denied. Successfully processed {3} files; Failed processing {4} files' -f $a.Path, $a.File, $denied[0], $saved.Count, $denied.Count)
            }
        }
        'Restore-RdpOfflineAcl' {
            Add-RvCall "icacls $($a.Folder) /restore $($a.File)"
            $saved = (Get-RvFileData -Path $a.File).IcaclsSave
            foreach ($name in @($saved.Keys)) {
                $global:RvFake.Security[$a.Folder.TrimEnd('\') + '\' + $name].Rules = Copy-RvData -Data $saved[$name]
            }
        }
        'Grant-RdpOfflineAccess' {
            Assert-RvWritablePath -Path $a.Path
            Add-RvCall "icacls $($a.Path) /grant $($a.Grant -join ' ') recurse=$([bool]$a['Recurse'])"
            $targets = @($a.Path)
            if ($a['Recurse']) {
                $targets += @(Get-RvItemBelow -Path $a.Path -Recurse) + @(Get-RvItemBelow -Path $a.Path -Recurse -Directory)
            }
            foreach ($target in $targets) {
                foreach ($grant in $a.Grant) {
                    $match = [regex]::Match($grant, '^\*(S-[0-9-]+):\((\w+)\)$')
                    $null = $global:RvFake.Security[$target].Rules.Add((New-RvRule -Sid $match.Groups[1].Value -Rights $match.Groups[2].Value))
                }
            }
        }
        'Set-RdpOfflineOwner' {
            Assert-RvWritablePath -Path $a.Path
            Add-RvCall "icacls $($a.Path) /setowner *$($a.Sid) recurse=$([bool]$a['Recurse'])"
            $targets = @($a.Path)
            if ($a['Recurse']) {
                $targets += @(Get-RvItemBelow -Path $a.Path -Recurse) + @(Get-RvItemBelow -Path $a.Path -Recurse -Directory)
            }
            foreach ($target in $targets) {
                $global:RvFake.Security[$target].Owner = $a.Sid
            }
        }
        'Get-RdpOfflineEventRecord' {
            Add-RvCall "events $($a.Path) $($a.XPath)"
            $records = @((Get-RvFileData -Path $a.Path) | Sort-Object -Property { $_.TimeCreated } -Descending)
            $max = 1000
            if ($a.ContainsKey('MaxEvents')) {
                $max = $a.MaxEvents
            }
            foreach ($record in @($records | Select-Object -First $max)) {
                [pscustomobject]@{ ProviderName = $record.ProviderName; Id = $record.Id; TimeCreated = $record.TimeCreated; Data = $record.Data }
            }
        }
        'Invoke-RdpOfflineBcdEdit' {
            Add-RvCall ("bcdedit /store {0} {1}" -f $a.Store, ($a.ArgumentList -join ' '))
            Invoke-RvBcdEdit -Store $a.Store -ArgumentList $a.ArgumentList
        }
        'Test-RdpOfflineElevation' {
            $global:RvFake.Elevated
        }
        'Get-RdpOfflineFileVersion' {
            $data = Get-RvFileData -Path $a.Path
            @($data.FileVersion)
        }
        'Get-RdpOfflineDate' {
            $global:RvFake.Now
        }
        'Get-RdpOfflineWorkFolder' {
            'C:\ProgramData\RdpRescue\repair-vm'
        }
        default {
            throw "no fake for $Command"
        }
    }
}

function global:Invoke-RvBcdEdit {
    param([string]$Store, [string[]]$ArgumentList)
    # What bcdedit writes into the store's elements (BcdBootMgrElementTypes,
    # BcdLibraryElementTypes, BcdOSLoaderElementTypes of the BCD WMI provider).
    $hive = Get-RvFileData -Path $Store
    $boolean = @{ yes = 1; on = 1; true = 1; no = 0; off = 0; false = 0 }
    if ($ArgumentList[0] -eq '/set') {
        $object = @{ '{bootmgr}' = $global:RvBootMgr; '{default}' = $hive["Objects\$global:RvBootMgr\Elements\23000003"].Values['Element'].Value }[$ArgumentList[1]]
        $element = @{ displaybootmenu = '26000020'; timeout = '25000004'; bootems = '16000020'; ems = '260000b0' }[$ArgumentList[2]]
        if (-not $object -or -not $element) {
            throw "bcdedit: the parameter is incorrect: $($ArgumentList -join ' ')"
        }
        $number = [int64]0
        if ($boolean.ContainsKey($ArgumentList[3])) {
            $bytes = [byte[]]@($boolean[$ArgumentList[3]])
        }
        elseif ([int64]::TryParse($ArgumentList[3], [ref]$number)) {
            $bytes = [System.BitConverter]::GetBytes($number)
        }
        else {
            throw 'bcdedit: the parameter is incorrect'
        }
        Set-RvValue -Hive $hive -Key "Objects\$object\Elements\$element" -Name 'Element' -Kind 'Binary' -Value $bytes
    }
    elseif ($ArgumentList[0] -eq '/emssettings') {
        $port = [int64]($ArgumentList[1] -replace '^EMSPORT:', '')
        $baud = [int64]($ArgumentList[2] -replace '^EMSBAUDRATE:', '')
        Set-RvValue -Hive $hive -Key "Objects\$global:RvEmsSettings\Elements\15000022" -Name 'Element' -Kind 'Binary' -Value ([System.BitConverter]::GetBytes($port))
        Set-RvValue -Hive $hive -Key "Objects\$global:RvEmsSettings\Elements\15000023" -Name 'Element' -Kind 'Binary' -Value ([System.BitConverter]::GetBytes($baud))
    }
    else {
        throw 'bcdedit: unknown command'
    }
    $global:RvFake.Files[$Store + '.LOG1'] = @{ Data = 'bcd-log1-after-' + $ArgumentList[0] }
}

function global:Register-RvFakeMock {
    foreach ($command in Get-RvPlatformCommand) {
        $body = [scriptblock]::Create("Invoke-RvFake -Command '$command' -Arguments `$PesterBoundParameters")
        Mock -CommandName $command -MockWith $body
    }
}

function global:Invoke-RvScript {
    # The script as Run Command starts it, on the fake rescue VM: its output lines.
    param([string[]]$Arguments = @())
    @(Invoke-RdpOfflineScript -ArgumentList $Arguments | ForEach-Object { [string]$_ })
}

function global:Get-RvSystemValue {
    param([string]$Key, [string]$Name, [string]$Drive = 'F')
    Get-RvHiveValue -File ($Drive + ':\Windows\System32\config\SYSTEM') -Key $Key -Name $Name
}

function global:Resolve-RvLocation {
    # A key of the catalog (Hive, Path, ControlSet) in the broken disk's hive file.
    param([hashtable]$Location, [string]$Drive = 'F')
    $file = $Drive + ':\Windows\System32\config\' + $Location.Hive
    $key = $Location.Path
    if ($Location.ControlSet) {
        $current = (Get-RvHiveValue -File ($Drive + ':\Windows\System32\config\SYSTEM') -Key 'Select' -Name 'Current').Value
        $key = ('ControlSet{0:D3}\' -f [int]$current) + $key
    }
    @{ File = $file; Hive = (Get-RvFileData -Path $file); Key = $key }
}

function global:Set-RvCheckFiring {
    # Puts on the broken disk what makes a check of the catalog fire. Returns $false for a
    # check whose evidence exists only on a running VM.
    param([hashtable]$Check, [string]$Drive = 'F')
    switch ($Check.Kind) {
        'event-query' {
            $data = @{}
            foreach ($condition in $Check.DataConditions) {
                $data[@($condition.Fields)[0]] = $condition.Accepted[0]
            }
            foreach ($field in $Check.ReportFields) {
                if (-not $data.ContainsKey($field)) {
                    $data[$field] = @{ ErrorCode = '0x8009030D'; ErrorStatus = '10001'; ErrorState = '10013' }[$field]
                }
            }
            Add-RvEvent -Drive $Drive -LogFile $Check.LogFile -Provider $Check.Provider -Id $Check.EventIds[0] -HoursBeforeRescue 2 -Data $data
            return $true
        }
        'registry-value' {
            $target = Resolve-RvLocation -Location $Check.Location -Drive $Drive
            switch ($Check.Op) {
                'absent' {
                    if ($target.Hive.ContainsKey($target.Key)) {
                        $target.Hive[$target.Key].Values.Remove($Check.Name)
                    }
                }
                'not-equals' {
                    Set-RvValue -Hive $target.Hive -Key $target.Key -Name $Check.Name -Kind 'DWord' -Value ([int]$Check.Value + 1)
                }
                'none-of' {
                    if ($target.Hive.ContainsKey($target.Key)) {
                        $target.Hive[$target.Key].Values.Remove($Check.Name)
                    }
                }
                default {
                    $value = 1
                    $kind = 'DWord'
                    if ($Check.Op -eq 'equals') {
                        $value = $Check.Value
                        if ($value -is [string]) {
                            $kind = 'String'
                        }
                    }
                    Set-RvValue -Hive $target.Hive -Key $target.Key -Name $Check.Name -Kind $kind -Value $value
                }
            }
            return $true
        }
        'service-state' {
            $target = Resolve-RvLocation -Location @{ Hive = 'SYSTEM'; ControlSet = $true; Path = 'Services\' + $Check.Service } -Drive $Drive
            switch ($Check.FiresWhen) {
                'disabled' {
                    Set-RvValue -Hive $target.Hive -Key $target.Key -Name 'Start' -Kind 'DWord' -Value 4
                    return $true
                }
                'missing' {
                    $target.Hive.Remove($target.Key)
                    return $true
                }
                default {
                    return $false
                }
            }
        }
        'rdp-listener' {
            return $false
        }
        'boot-entry' {
            # Diagnose mode leaves the boot store alone (loading it would write to the disk).
            return $false
        }
        'user-right' {
            # The rights are in the SECURITY hive, which the script does not read.
            return $false
        }
        'rdsh-server-mode' {
            # WMI answers for a running Windows only.
            return $false
        }
        # The rescue script does not read the firewall on the disk yet (Test-RdpOfflineRuntimeCheck).
        'firewall-rule' {
            return $false
        }
        'firewall-inbound-blocked' {
            return $false
        }
        'firewall-port-allowed' {
            return $false
        }
        'certificate-store' {
            $software = Get-RvFileData -Path ($Drive + ':\Windows\System32\config\SOFTWARE')
            foreach ($key in @($software.Keys)) {
                if ($key -like "Microsoft\SystemCertificates\$($Check.Store)\Certificates\*") {
                    $software.Remove($key)
                }
            }
            return $true
        }
        'certificate-binding' {
            $target = Resolve-RvLocation -Location $Check.Location -Drive $Drive
            Set-RvValue -Hive $target.Hive -Key $target.Key -Name $Check.Name -Kind 'Binary' -Value ([byte[]](1..20))
            return $true
        }
        'folder-acl' {
            $folder = $Drive + ':\' + @{ ProgramData = 'ProgramData'; SystemRoot = 'Windows'; SystemDrive = '' }[$Check.Path.Root] + '\' + $Check.Path.Sub
            $ace = $Check.RequiredAces[0]
            $targets = @($folder)
            if ($null -ne $ace.FilesStartingWith) {
                $targets = @(Get-RvItemBelow -Path $folder | Where-Object { (Get-RvLeaf -Path $_).StartsWith($ace.FilesStartingWith) })
            }
            foreach ($target in $targets) {
                $security = $global:RvFake.Security[$target]
                Set-RvSecurity -Path $target -Owner $security.Owner -Rules @($security.Rules | Where-Object { $_.Sid -ne $ace.Sid })
            }
            return $true
        }
        'file-version' {
            # One revision below the first build's minimum.
            $minimum = @(@($Check.Minimums)[0].Minimum)
            $global:RvFake.Files[$Drive + ':\Windows\' + $Check.Path.Sub].Data = @{ FileVersion = @($minimum[0], $minimum[1], $minimum[2], ($minimum[3] - 1)) }
            return $true
        }
        'windows-feature' {
            $target = Resolve-RvLocation -Location @{ Hive = 'SYSTEM'; ControlSet = $true; Path = 'Services\' + $Check.IndicatorService } -Drive $Drive
            Set-RvValue -Hive $target.Hive -Key $target.Key -Name 'Start' -Kind 'DWord' -Value 2
            return $true
        }
        'service-config' {
            # Start 4 where the default is another start type; an account that is not the default.
            $target = Resolve-RvLocation -Location @{ Hive = 'SYSTEM'; ControlSet = $true; Path = 'Services\' + $Check.Service } -Drive $Drive
            if ($Check.Setting -eq 'start-type') {
                Set-RvValue -Hive $target.Hive -Key $target.Key -Name 'Start' -Kind 'DWord' -Value 4
            }
            else {
                Set-RvValue -Hive $target.Hive -Key $target.Key -Name 'ObjectName' -Kind 'String' -Value '.\rdpuser'
            }
            return $true
        }
    }
    throw "no fake for check kind $($Check.Kind)"
}

function global:Get-RvState {
    # Everything a repair may change on the broken disk, as comparable text.
    param([string]$Drive = 'F')
    $keys = $Drive + ':\ProgramData\Microsoft\Crypto\RSA\MachineKeys'
    $store = @($global:RvFake.Files.Keys | Where-Object { $_ -like '*:\EFI\Microsoft\Boot\BCD' -or $_ -like '*:\Boot\BCD' })
    [ordered]@{
        System   = ConvertTo-RvCanonical -Data (Get-RvFileData -Path ($Drive + ':\Windows\System32\config\SYSTEM'))
        Security = (@(@($keys) + @(Get-RvItemBelow -Path $keys -Recurse)) | Sort-Object | ForEach-Object { $_ + '=' + (Get-RvSddl -Path $_) }) -join ';'
        Bcd      = (@($store | Sort-Object | ForEach-Object { ConvertTo-RvCanonical -Data (Get-RvFileData -Path $_) }) -join ';')
        BcdLogs  = (@($global:RvFake.Files.Keys | Where-Object { $_ -like '*\Boot\BCD.LOG*' } | Sort-Object | ForEach-Object { $_ + '=' + (Get-RvFileData -Path $_) }) -join ';')
    }
}
