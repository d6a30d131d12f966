# Platform layer of the rescue-VM script
# Every access to the rescue VM (its disks, files, registry, event log files, icacls, bcdedit,
# reg.exe) goes through the private functions below, so Pester can mock them. Nothing else in
# the script touches the machine.
#
#   Get-RdpOfflineDisk                                  Number, IsOffline, OfflineReason, IsReadOnly, IsBoot, IsSystem, PartitionStyle, Signature, Guid, BusType, FriendlyName, UniqueId
#   Enable-RdpOfflineDisk -Number                        brings a disk online
#   Set-RdpOfflineDiskWritable -Number                   clears a disk's read-only attribute
#   Set-RdpOfflineDiskReadOnly -Number                   sets a disk's read-only attribute
#   Disable-RdpOfflineDisk -Number                       takes a disk offline
#   Set-RdpOfflineDiskIdentity -Number -Signature|-Guid  writes an MBR signature or a GPT disk GUID
#   Get-RdpOfflinePartition -DiskNumber                  DiskNumber, PartitionNumber, DriveLetter ('' when none), GptType, MbrType, IsActive, Size
#   Get-RdpOfflineLockStatus -DriveLetter                'Locked' | 'Unlocked' | 'None' | 'Unreadable'
#   Add-RdpOfflinePartitionLetter -DiskNumber -PartitionNumber      assigns a free letter, returns it
#   Remove-RdpOfflinePartitionLetter -DiskNumber -PartitionNumber -DriveLetter
#   Get-RdpOfflineSystemDrive                            this rescue VM's own system drive, e.g. 'C:'
#   Wait-RdpOfflineSecond -Seconds
#   Test-RdpOfflinePath -Path [-Container]
#   Copy-RdpOfflineFile -Source -Destination             also hidden and system files (BCD, hives)
#   Remove-RdpOfflineFile -Path
#   Remove-RdpOfflineEmptyDirectory -Path                deletes a folder that holds nothing
#   Get-RdpOfflineFileHash -Path                         SHA-256, hex
#   Get-RdpOfflineFileVersion -Path                      FileMajorPart, FileMinorPart, FileBuildPart, FilePrivatePart; throws when missing
#   Get-RdpOfflineChildItem -Path [-Prefix] [-Recurse] [-Directory]     full paths
#   New-RdpOfflineProtectedDirectory -Path               a folder only SYSTEM and Administrators can change
#   Get-RdpOfflineItemSecurity -Path                     Owner (SID), Sddl, Rules (Sid, Rights, AccessType, InheritOnly)
#   Write-RdpOfflineText -Path -Text [-Append]           ASCII
#   Read-RdpOfflineText -Path
#   Mount-RdpOfflineHive -Name -Path                     reg load HKLM\<Name> <file>
#   Dismount-RdpOfflineHive -Name                        reg unload HKLM\<Name>; throws while the hive is in use
#   Clear-RdpOfflineHandle                               lets go of registry handles .NET still holds
#   Test-RdpOfflineRegistryKey -Key                      keys relative to HKLM, e.g. RDPRESCUE_SYSTEM\Select
#   Get-RdpOfflineRegistryValue -Key -Name               Kind and Value (never expanded), or $null
#   Get-RdpOfflineRegistrySubKeyName -Key
#   Set-RdpOfflineRegistryValue -Key -Name -Type -Value  creates the key when needed
#   Remove-RdpOfflineRegistryValue -Key -Name
#   Remove-RdpOfflineRegistryKey -Key                    the key and everything below it
#   Export-RdpOfflineRegistryKey -Key -File              reg export
#   Import-RdpOfflineRegistryFile -File                  reg import
#   Save-RdpOfflineAcl -Path -File                       icacls <path> /save <file> /t /c; returns why the save is partial
#   Restore-RdpOfflineAcl -Folder -File                  icacls <folder> /restore <file> /c
#   Grant-RdpOfflineAccess -Path -Grant -Recurse         icacls <path> /grant *<sid>:(<rights>) [/t] /c
#   Set-RdpOfflineOwner -Path -Sid -Recurse              icacls <path> /setowner *<sid> [/t] /c
#   Get-RdpOfflineEventRecord -Path -XPath -MaxEvents    newest first: ProviderName, Id, TimeCreated (UTC), Data (by field name)
#   Invoke-RdpOfflineBcdEdit -Store -ArgumentList        bcdedit /store <store> <arguments>
#   Test-RdpOfflineElevation
#   Get-RdpOfflineDate                                   the current time, UTC
#   Get-RdpOfflineWorkFolder                             where the log goes on the rescue VM

function Invoke-RdpOfflineNative {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$FilePath,
        [string[]]$ArgumentList = @()
    )
    # A native tool's stderr must not stop the script; its exit code is the verdict.
    $ErrorActionPreference = 'Continue'
    $output = @(& $FilePath @ArgumentList 2>&1 | ForEach-Object { [string]$_ })
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0) {
        throw ('{0} {1} exited with code {2}: {3}' -f (Split-Path -Leaf $FilePath), ($ArgumentList -join ' '), $exitCode, (($output -join ' ').Trim()))
    }
    $output
}

function Get-RdpOfflineSystemTool {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # Always the rescue VM's own tools, never whatever a PATH or the working folder offers.
    ([string]$env:SystemRoot).TrimEnd('\') + '\System32\' + $Name
}

function Get-RdpOfflineDisk {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param()
    foreach ($disk in @(Get-Disk)) {
        # OfflineReason as MSFT_Disk's number (4: signature or GUID collision), read from the
        # CIM property itself: the Storage module may show it as text.
        [pscustomobject]@{
            Number         = [int]$disk.Number
            IsOffline      = [bool]$disk.IsOffline
            OfflineReason  = [int]$disk.CimInstanceProperties['OfflineReason'].Value
            IsReadOnly     = [bool]$disk.IsReadOnly
            IsBoot         = [bool]$disk.IsBoot
            IsSystem       = [bool]$disk.IsSystem
            PartitionStyle = [string]$disk.PartitionStyle
            Signature      = [int64]$disk.Signature
            Guid           = [string]$disk.Guid
            BusType        = [string]$disk.BusType
            FriendlyName   = [string]$disk.FriendlyName
            UniqueId       = [string]$disk.UniqueId
        }
    }
}

function Enable-RdpOfflineDisk {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    if ($PSCmdlet.ShouldProcess("disk $Number", 'Bring online')) {
        Set-Disk -Number $Number -IsOffline $false
    }
}

function Set-RdpOfflineDiskWritable {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    if ($PSCmdlet.ShouldProcess("disk $Number", 'Clear read-only')) {
        Set-Disk -Number $Number -IsReadOnly $false
    }
}

function Set-RdpOfflineDiskReadOnly {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    if ($PSCmdlet.ShouldProcess("disk $Number", 'Set read-only')) {
        Set-Disk -Number $Number -IsReadOnly $true
    }
}

function Disable-RdpOfflineDisk {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    if ($PSCmdlet.ShouldProcess("disk $Number", 'Take offline')) {
        Set-Disk -Number $Number -IsOffline $true
    }
}

function Set-RdpOfflineDiskIdentity {
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Mbr')]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number,
        [Parameter(Mandatory = $true, ParameterSetName = 'Mbr')]
        [ValidateRange(0, 4294967295)]
        [int64]$Signature,
        [Parameter(Mandatory = $true, ParameterSetName = 'Gpt')]
        [ValidatePattern('^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$')]
        [string]$Guid
    )
    # Set-Disk -Signature applies to MBR disks only, -Guid to GPT disks only.
    if ($PSCmdlet.ParameterSetName -eq 'Gpt') {
        if ($PSCmdlet.ShouldProcess("disk $Number", "Set GPT disk GUID $Guid")) {
            Set-Disk -Number $Number -Guid $Guid
        }
        return
    }
    if ($PSCmdlet.ShouldProcess("disk $Number", ('Set MBR signature 0x{0:X8}' -f $Signature))) {
        Set-Disk -Number $Number -Signature ([uint32]$Signature)
    }
}

function Get-RdpOfflinePartition {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$DiskNumber
    )
    foreach ($partition in @(Get-Partition -DiskNumber $DiskNumber -ErrorAction SilentlyContinue)) {
        # A partition without a letter reports the NUL character.
        $letter = ([string]$partition.DriveLetter).Trim([char]0).Trim()
        [pscustomobject]@{
            DiskNumber      = $DiskNumber
            PartitionNumber = [int]$partition.PartitionNumber
            DriveLetter     = $letter
            GptType         = [string]$partition.GptType
            MbrType         = [int]$partition.MbrType
            IsActive        = [bool]$partition.IsActive
            Size            = [int64]$partition.Size
        }
    }
}

function Get-RdpOfflineLockStatus {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[A-Za-z]$')]
        [string]$DriveLetter
    )
    $mountPoint = $DriveLetter.ToUpperInvariant() + ':'
    # The BitLocker module exists only where the feature is installed; the WMI class is the
    # same provider without it. Lock states are numbers and enum names, never localized text.
    if (Get-Command -Name 'Get-BitLockerVolume' -ErrorAction SilentlyContinue) {
        $volume = Get-BitLockerVolume -MountPoint $mountPoint -ErrorAction SilentlyContinue
        if ($null -ne $volume) {
            if ([string]$volume.LockStatus -eq 'Locked') {
                return 'Locked'
            }
            if ([string]$volume.VolumeStatus -eq 'FullyDecrypted') {
                return 'None'
            }
            return 'Unlocked'
        }
    }
    $encryptable = Get-CimInstance -Namespace 'root/CIMV2/Security/MicrosoftVolumeEncryption' -ClassName 'Win32_EncryptableVolume' -Filter ("DriveLetter='{0}'" -f $mountPoint) -ErrorAction SilentlyContinue
    if ($null -ne $encryptable) {
        $lock = Invoke-CimMethod -InputObject $encryptable -MethodName 'GetLockStatus' -ErrorAction SilentlyContinue
        if ($null -ne $lock -and [int]$lock.LockStatus -eq 1) {
            return 'Locked'
        }
    }
    $fileSystem = Get-Volume -DriveLetter $DriveLetter -ErrorAction SilentlyContinue
    if ($null -eq $fileSystem -or -not [string]$fileSystem.FileSystem) {
        return 'Unreadable'
    }
    'None'
}

function Add-RdpOfflinePartitionLetter {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$DiskNumber,
        [Parameter(Mandatory = $true)]
        [int]$PartitionNumber
    )
    if (-not $PSCmdlet.ShouldProcess("disk $DiskNumber partition $PartitionNumber", 'Assign a drive letter')) {
        return
    }
    Add-PartitionAccessPath -DiskNumber $DiskNumber -PartitionNumber $PartitionNumber -AssignDriveLetter
    # The mount manager reports the new letter a moment later.
    for ($attempt = 0; $attempt -lt 10; $attempt++) {
        $letter = ([string](Get-Partition -DiskNumber $DiskNumber -PartitionNumber $PartitionNumber).DriveLetter).Trim([char]0).Trim()
        if ($letter) {
            return $letter
        }
        Start-Sleep -Milliseconds 500
    }
    ''
}

function Remove-RdpOfflinePartitionLetter {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$DiskNumber,
        [Parameter(Mandatory = $true)]
        [int]$PartitionNumber,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[A-Za-z]$')]
        [string]$DriveLetter
    )
    if ($PSCmdlet.ShouldProcess("disk $DiskNumber partition $PartitionNumber", "Remove drive letter $DriveLetter")) {
        Remove-PartitionAccessPath -DiskNumber $DiskNumber -PartitionNumber $PartitionNumber -AccessPath ($DriveLetter + ':\')
    }
}

function Get-RdpOfflineSystemDrive {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    ([string]$env:SystemDrive).TrimEnd('\').ToUpperInvariant()
}

function Wait-RdpOfflineSecond {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Seconds
    )
    Start-Sleep -Seconds $Seconds
}

function Test-RdpOfflinePath {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [switch]$Container
    )
    # -LiteralPath: a path from the broken disk may hold [ or ], which -Path reads as wildcards.
    if ($Container) {
        return (Test-Path -LiteralPath $Path -PathType Container)
    }
    Test-Path -LiteralPath $Path -PathType Leaf
}

function Copy-RdpOfflineFile {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Source,
        [Parameter(Mandatory = $true)]
        [string]$Destination
    )
    if (-not $PSCmdlet.ShouldProcess($Destination, "Copy $Source")) {
        return
    }
    # Boot stores and hives are hidden system files, which File.Copy will not overwrite.
    if ([System.IO.File]::Exists($Destination)) {
        [System.IO.File]::SetAttributes($Destination, [System.IO.FileAttributes]::Normal)
    }
    $attributes = [System.IO.File]::GetAttributes($Source)
    [System.IO.File]::Copy($Source, $Destination, $true)
    [System.IO.File]::SetAttributes($Destination, $attributes)
}

function Remove-RdpOfflineFile {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if ([System.IO.File]::Exists($Path) -and $PSCmdlet.ShouldProcess($Path, 'Delete file')) {
        [System.IO.File]::SetAttributes($Path, [System.IO.FileAttributes]::Normal)
        [System.IO.File]::Delete($Path)
    }
}

function Remove-RdpOfflineEmptyDirectory {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Not recursive: a folder that still holds something is an error, not deleted.
    if ([System.IO.Directory]::Exists($Path) -and $PSCmdlet.ShouldProcess($Path, 'Delete empty folder')) {
        [System.IO.Directory]::Delete($Path, $false)
    }
}

function Get-RdpOfflineFileHash {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash
}

function Get-RdpOfflineFileVersion {
    [CmdletBinding()]
    [OutputType([int[]])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # The version resource of a file on the attached disk: read as data, never loaded as code.
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        throw ('{0} does not exist on the broken OS disk.' -f $Path)
    }
    $info = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($Path)
    @([int]$info.FileMajorPart, [int]$info.FileMinorPart, [int]$info.FileBuildPart, [int]$info.FilePrivatePart)
}

function Get-RdpOfflineChildItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [string]$Prefix = '',
        [switch]$Recurse,
        [switch]$Directory
    )
    $items = @(Get-ChildItem -LiteralPath $Path -Force -Recurse:$Recurse -File:(-not $Directory) -Directory:$Directory -ErrorAction Stop)
    foreach ($item in $items) {
        if ($item.Name.StartsWith($Prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
            $item.FullName
        }
    }
}

function New-RdpOfflineProtectedDirectory {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not $PSCmdlet.ShouldProcess($Path, 'Create folder (SYSTEM and Administrators only)')) {
        return
    }
    # Full control for SYSTEM and Administrators, inherited below; nothing from the parent (the
    # root of a Windows volume lets every user create folders); owned by Administrators.
    $administrators = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'
    $system = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-18'
    $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
    $security = New-Object -TypeName System.Security.AccessControl.DirectorySecurity
    $security.SetAccessRuleProtection($true, $false)
    foreach ($sid in @($system, $administrators)) {
        $rule = New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList @(
            $sid, [System.Security.AccessControl.FileSystemRights]::FullControl, $inherit,
            [System.Security.AccessControl.PropagationFlags]::None, [System.Security.AccessControl.AccessControlType]::Allow)
        $security.AddAccessRule($rule)
    }
    $security.SetOwner($administrators)
    $parent = Split-Path -Path $Path -Parent
    if ($parent -and -not (Test-Path -LiteralPath $parent -PathType Container)) {
        New-RdpOfflineProtectedDirectory -Path $parent
    }
    # Created with its permissions, never with the parent's first.
    $folder = New-Object -TypeName System.IO.DirectoryInfo -ArgumentList $Path
    $extensions = 'System.IO.FileSystemAclExtensions' -as [type]
    if ($null -ne $extensions) {
        $extensions::Create($folder, $security)
    }
    else {
        $folder.Create($security)
    }
}

function Get-RdpOfflineItemSecurity {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $acl = Get-Acl -LiteralPath $Path
    $inheritOnly = [System.Security.AccessControl.PropagationFlags]::InheritOnly
    $rules = foreach ($rule in $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) {
        $rights = [int64][int]$rule.FileSystemRights
        if ($rights -lt 0) {
            $rights += 4294967296
        }
        [pscustomobject]@{
            Sid         = $rule.IdentityReference.Value
            Rights      = $rights
            AccessType  = [string]$rule.AccessControlType
            InheritOnly = (($rule.PropagationFlags -band $inheritOnly) -eq $inheritOnly)
        }
    }
    [pscustomobject]@{
        Owner = $acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value
        Sddl  = $acl.GetSecurityDescriptorSddlForm([System.Security.AccessControl.AccessControlSections]'Owner, Access')
        Rules = @($rules)
    }
}

function Write-RdpOfflineText {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Text,
        [switch]$Append
    )
    if ($PSCmdlet.ShouldProcess($Path, 'Write')) {
        if ($Append) {
            [System.IO.File]::AppendAllText($Path, $Text, [System.Text.Encoding]::ASCII)
        }
        else {
            [System.IO.File]::WriteAllText($Path, $Text, [System.Text.Encoding]::ASCII)
        }
    }
}

function Read-RdpOfflineText {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    [System.IO.File]::ReadAllText($Path)
}

function Mount-RdpOfflineHive {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^RDPRESCUE_[A-Z]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if ($PSCmdlet.ShouldProcess("HKLM\$Name", "reg load $Path")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'reg.exe') -ArgumentList @('load', "HKLM\$Name", $Path)
    }
}

function Dismount-RdpOfflineHive {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^RDPRESCUE_[A-Z]+$')]
        [string]$Name
    )
    if ($PSCmdlet.ShouldProcess("HKLM\$Name", 'reg unload')) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'reg.exe') -ArgumentList @('unload', "HKLM\$Name")
    }
}

function Clear-RdpOfflineHandle {
    [CmdletBinding()]
    param()
    # A registry key object .NET has not finalized yet keeps its hive loaded.
    [System.GC]::Collect()
    [System.GC]::WaitForPendingFinalizers()
    [System.GC]::Collect()
}

function Open-RdpOfflineRegistryKey {
    [CmdletBinding()]
    [OutputType([Microsoft.Win32.RegistryKey])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [switch]$Writable
    )
    [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey($Key, [bool]$Writable)
}

function Test-RdpOfflineRegistryKey {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key
    )
    $handle = Open-RdpOfflineRegistryKey -Key $Key
    if ($null -eq $handle) {
        return $false
    }
    $handle.Dispose()
    $true
}

function Get-RdpOfflineRegistryValue {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    $handle = Open-RdpOfflineRegistryKey -Key $Key
    if ($null -eq $handle) {
        return $null
    }
    try {
        if (@($handle.GetValueNames()) -notcontains $Name) {
            return $null
        }
        # Never expanded: %SystemRoot% here means the broken OS's, not this VM's.
        [pscustomobject]@{
            Kind  = [string]$handle.GetValueKind($Name)
            Value = $handle.GetValue($Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
        }
    }
    finally {
        $handle.Dispose()
    }
}

function Get-RdpOfflineRegistrySubKeyName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key
    )
    $handle = Open-RdpOfflineRegistryKey -Key $Key
    if ($null -eq $handle) {
        return
    }
    try {
        @($handle.GetSubKeyNames())
    }
    finally {
        $handle.Dispose()
    }
}

function Set-RdpOfflineRegistryValue {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('REG_DWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_BINARY')]
        [string]$Type,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [object]$Value
    )
    $kinds = @{ REG_DWORD = 'DWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_BINARY = 'Binary' }
    if (-not $PSCmdlet.ShouldProcess("HKLM\$Key\$Name", "Set $Type")) {
        return
    }
    $handle = [Microsoft.Win32.Registry]::LocalMachine.CreateSubKey($Key)
    try {
        $handle.SetValue($Name, $Value, [Microsoft.Win32.RegistryValueKind]$kinds[$Type])
    }
    finally {
        $handle.Dispose()
    }
}

function Remove-RdpOfflineRegistryValue {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    $handle = Open-RdpOfflineRegistryKey -Key $Key -Writable
    if ($null -eq $handle) {
        return
    }
    try {
        if ($PSCmdlet.ShouldProcess("HKLM\$Key\$Name", 'Delete value')) {
            $handle.DeleteValue($Name, $false)
        }
    }
    finally {
        $handle.Dispose()
    }
}

function Remove-RdpOfflineRegistryKey {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key
    )
    if ($PSCmdlet.ShouldProcess("HKLM\$Key", 'Delete key')) {
        [Microsoft.Win32.Registry]::LocalMachine.DeleteSubKeyTree($Key, $false)
    }
}

function Export-RdpOfflineRegistryKey {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [Parameter(Mandatory = $true)]
        [string]$File
    )
    if ($PSCmdlet.ShouldProcess("HKLM\$Key", "reg export $File")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'reg.exe') -ArgumentList @('export', "HKLM\$Key", $File, '/y')
    }
}

function Import-RdpOfflineRegistryFile {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$File
    )
    if ($PSCmdlet.ShouldProcess($File, 'reg import')) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'reg.exe') -ArgumentList @('import', $File)
    }
}

function Save-RdpOfflineAcl {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$File
    )
    # /save keeps the DACLs with SIDs, language-neutral; not the owners (saved apart). With /c
    # it goes on past an item it cannot read and exits non-zero: the file then holds the rest,
    # and the caller is told why it is partial.
    if ($PSCmdlet.ShouldProcess($Path, "icacls /save $File")) {
        try {
            $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'icacls.exe') -ArgumentList @($Path, '/save', $File, '/t', '/c', '/q')
        }
        catch {
            if (-not (Test-Path -LiteralPath $File -PathType Leaf)) {
                throw
            }
            return $_.Exception.Message
        }
    }
}

function Restore-RdpOfflineAcl {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Folder,
        [Parameter(Mandatory = $true)]
        [string]$File
    )
    # /restore applies the saved DACLs to the names in the file, relative to this folder.
    if ($PSCmdlet.ShouldProcess($Folder, "icacls /restore $File")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'icacls.exe') -ArgumentList @($Folder, '/restore', $File, '/c', '/q')
    }
}

function Grant-RdpOfflineAccess {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^\*S-1-\d+(-\d+)+:\((F|M|RX|R)\)$')]
        [string[]]$Grant,
        [switch]$Recurse
    )
    $arguments = @($Path)
    foreach ($entry in $Grant) {
        $arguments += @('/grant', $entry)
    }
    if ($Recurse) {
        $arguments += '/t'
    }
    if ($PSCmdlet.ShouldProcess($Path, "icacls /grant $($Grant -join ' ')")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'icacls.exe') -ArgumentList ($arguments + @('/c', '/q'))
    }
}

function Set-RdpOfflineOwner {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^S-1-\d+(-\d+)+$')]
        [string]$Sid,
        [switch]$Recurse
    )
    # icacls /setowner with a SID, not takeown (its /d Y|N answer is localized).
    $arguments = @($Path, '/setowner', ('*' + $Sid))
    if ($Recurse) {
        $arguments += '/t'
    }
    if ($PSCmdlet.ShouldProcess($Path, "icacls /setowner *$Sid")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'icacls.exe') -ArgumentList ($arguments + @('/c', '/q'))
    }
}

function Get-RdpOfflineEventRecord {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$XPath,
        [int]$MaxEvents = 1000
    )
    $events = @()
    try {
        $events = @(Get-WinEvent -Path $Path -FilterXPath $XPath -MaxEvents $MaxEvents -ErrorAction Stop)
    }
    catch {
        # No match is an answer, not a failure; the error id is not localized, the message is.
        if ([string]$_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') {
            return
        }
        throw
    }
    foreach ($event in $events) {
        $data = @{}
        $xml = [xml]$event.ToXml()
        foreach ($node in $xml.GetElementsByTagName('Data')) {
            $field = $node.GetAttribute('Name')
            if ($field) {
                $data[$field] = $node.InnerText
            }
        }
        [pscustomobject]@{
            ProviderName = [string]$event.ProviderName
            Id           = [int]$event.Id
            TimeCreated  = ([datetime]$event.TimeCreated).ToUniversalTime()
            Data         = $data
        }
    }
}

function Invoke-RdpOfflineBcdEdit {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store,
        [Parameter(Mandatory = $true)]
        [string[]]$ArgumentList
    )
    # Always /store: without it bcdedit changes the rescue VM's own boot configuration.
    if ($PSCmdlet.ShouldProcess($Store, "bcdedit $($ArgumentList -join ' ')")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'bcdedit.exe') -ArgumentList (@('/store', $Store) + $ArgumentList)
    }
}

function Test-RdpOfflineElevation {
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList $identity
    $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-RdpOfflineDate {
    [CmdletBinding()]
    [OutputType([datetime])]
    param()
    [datetime]::UtcNow
}

function Get-RdpOfflineWorkFolder {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    ([string]$env:ProgramData).TrimEnd('\') + '\RdpRescue\repair-vm'
}
