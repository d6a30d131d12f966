# The broken OS's registry
# Its hives are loaded under private names (HKLM\RDPRESCUE_SYSTEM ...) and always unloaded
# again, retrying while .NET still holds a handle. CurrentControlSet exists only in a running
# Windows: the control set the broken OS boots is the one Select\Current names, and when that
# cannot be read the run stops rather than guess (ControlSet001 is not always the one).

$script:RdpOfflineMounted = New-Object -TypeName System.Collections.ArrayList
$script:RdpOfflineHiveCopies = New-Object -TypeName System.Collections.ArrayList
$script:RdpOfflineHiveCopyFolders = New-Object -TypeName System.Collections.ArrayList
$script:RdpOfflineControlSet = ''
$script:RdpOfflineUnloadAttempts = 5

function Get-RdpOfflineMountName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('SYSTEM', 'SOFTWARE', 'BCD')]
        [string]$Hive
    )
    if ($Hive -eq 'BCD') {
        return $script:RdpOfflineCatalog.BcdMount
    }
    $script:RdpOfflineCatalog.Mounts[$Hive]
}

function Get-RdpOfflineHiveFile {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [ValidateSet('SYSTEM', 'SOFTWARE')]
        [string]$Hive
    )
    $Volume.Drive + ':\Windows\System32\config\' + $Hive
}

function Copy-RdpOfflineHiveForReading {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [ValidateSet('SYSTEM', 'SOFTWARE')]
        [string]$Hive,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    # reg load replays a hive's transaction logs into it, a write: to only read the broken OS,
    # its hive is copied with its logs to the rescue VM and the copy is loaded.
    Initialize-RdpOfflineProtectedFolder -Path $Folder
    if (-not $script:RdpOfflineHiveCopyFolders.Contains($Folder)) {
        $null = $script:RdpOfflineHiveCopyFolders.Add($Folder)
    }
    $source = Get-RdpOfflineHiveFile -Volume $Volume -Hive $Hive
    foreach ($suffix in $script:RdpOfflineHiveLogSuffixes) {
        if (Test-RdpOfflinePath -Path ($source + $suffix)) {
            $copy = $Folder + '\' + $Hive + $suffix
            Copy-RdpOfflineFile -Source ($source + $suffix) -Destination $copy -Confirm:$false
            $null = $script:RdpOfflineHiveCopies.Add($copy)
        }
    }
    $Folder + '\' + $Hive
}

function Remove-RdpOfflineHiveCopy {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    # After the unload; returns what could not be deleted. reg load also leaves files of its
    # own next to a copy (the .LOG1/.LOG2 it creates when the hive had none): the folder is
    # this run's alone, so everything in it goes, then the folder.
    foreach ($copy in @($script:RdpOfflineHiveCopies)) {
        try {
            Remove-RdpOfflineFile -Path $copy -Confirm:$false
        }
        catch {
            '{0}: {1}' -f $copy, $_.Exception.Message
        }
    }
    $script:RdpOfflineHiveCopies.Clear()
    foreach ($folder in @($script:RdpOfflineHiveCopyFolders)) {
        try {
            foreach ($file in @(Get-RdpOfflineChildItem -Path $folder)) {
                Remove-RdpOfflineFile -Path $file -Confirm:$false
            }
            Remove-RdpOfflineEmptyDirectory -Path $folder -Confirm:$false
        }
        catch {
            '{0}: {1}' -f $folder, $_.Exception.Message
        }
    }
    $script:RdpOfflineHiveCopyFolders.Clear()
}

function Open-RdpOfflineHive {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('SYSTEM', 'SOFTWARE', 'BCD')]
        [string]$Hive,
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $name = Get-RdpOfflineMountName -Hive $Hive
    if (@($script:RdpOfflineMounted | Where-Object { $_.Name -eq $name }).Count -gt 0) {
        return $name
    }
    Dismount-RdpOfflineLeftoverHive -Hive $Hive
    Write-RdpOfflineLog -Message ("reg load HKLM\{0} {1}" -f $name, $Path)
    try {
        Mount-RdpOfflineHive -Name $name -Path $Path -Confirm:$false
    }
    catch {
        throw ("The {0} hive {1} could not be loaded: {2}" -f $Hive, $Path, $_.Exception.Message)
    }
    $null = $script:RdpOfflineMounted.Add([pscustomobject]@{ Name = $name; Hive = $Hive; Path = $Path })
    $name
}

function Dismount-RdpOfflineLeftoverHive {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('SYSTEM', 'SOFTWARE', 'BCD')]
        [string]$Hive
    )
    # The name is this script's own: an earlier run that did not finish left it loaded, and
    # its file stays locked (not even a copy of it can be made) until it is unloaded.
    $name = Get-RdpOfflineMountName -Hive $Hive
    if (@($script:RdpOfflineMounted | Where-Object { $_.Name -eq $name }).Count -gt 0) {
        return
    }
    if (Test-RdpOfflineRegistryKey -Key $name) {
        Write-RdpOfflineLog -Message ("HKLM\{0} is still loaded from an earlier run: unloading it" -f $name)
        if (-not (Close-RdpOfflineHive -Name $name)) {
            throw ("HKLM\{0} is loaded and cannot be unloaded (an earlier run did not finish): close regedit and run reg unload HKLM\{0} on the rescue VM, then run again." -f $name)
        }
    }
}

function Close-RdpOfflineHive {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    for ($attempt = 1; $attempt -le $script:RdpOfflineUnloadAttempts; $attempt++) {
        Clear-RdpOfflineHandle
        try {
            Dismount-RdpOfflineHive -Name $Name -Confirm:$false
            Write-RdpOfflineLog -Message ("reg unload HKLM\{0}: done (attempt {1})" -f $Name, $attempt)
            $gone = @($script:RdpOfflineMounted | Where-Object { $_.Name -eq $Name })
            foreach ($entry in $gone) {
                $script:RdpOfflineMounted.Remove($entry)
            }
            return $true
        }
        catch {
            Write-RdpOfflineLog -Message ("reg unload HKLM\{0}: attempt {1} failed: {2}" -f $Name, $attempt, $_.Exception.Message)
            if ($attempt -lt $script:RdpOfflineUnloadAttempts) {
                Wait-RdpOfflineSecond -Seconds $attempt
            }
        }
    }
    $false
}

function Close-RdpOfflineAllHive {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    # Returns the names that stay loaded.
    $mounted = @($script:RdpOfflineMounted)
    [array]::Reverse($mounted)
    foreach ($entry in $mounted) {
        if (-not (Close-RdpOfflineHive -Name $entry.Name)) {
            $entry.Name
        }
    }
}

function Get-RdpOfflineMountedName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('SYSTEM', 'SOFTWARE', 'BCD')]
        [string]$Hive
    )
    $entry = @($script:RdpOfflineMounted | Where-Object { $_.Hive -eq $Hive })
    if ($entry.Count -eq 0) {
        throw ("The {0} hive of the broken OS is not loaded." -f $Hive)
    }
    $entry[0].Name
}

function Resolve-RdpOfflineControlSet {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $system = Get-RdpOfflineMountedName -Hive 'SYSTEM'
    $current = Get-RdpOfflineRegistryValue -Key ($system + '\Select') -Name 'Current'
    if ($null -eq $current -or $current.Kind -ne 'DWord' -or [int64]$current.Value -lt 1 -or [int64]$current.Value -gt 999) {
        $shown = 'missing'
        if ($null -ne $current) {
            $shown = '{0} {1}' -f $current.Kind, [string]$current.Value
        }
        throw ("Select\Current of the broken OS's SYSTEM hive is {0}: refusing to guess which control set it boots." -f $shown)
    }
    $name = 'ControlSet{0:D3}' -f [int]$current.Value
    if (-not (Test-RdpOfflineRegistryKey -Key ($system + '\' + $name))) {
        throw ("Select\Current names {0}, which the broken OS's SYSTEM hive does not have: refusing to guess which control set it boots." -f $name)
    }
    $script:RdpOfflineControlSet = $name
    $name
}

function Resolve-RdpOfflineKey {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Location
    )
    # A key of the model (Hive, Path, ControlSet) as a key under HKLM of the rescue VM.
    $mount = Get-RdpOfflineMountedName -Hive $Location.Hive
    if ($Location.ControlSet) {
        if (-not $script:RdpOfflineControlSet) {
            throw 'The control set of the broken OS has not been read.'
        }
        return ('{0}\{1}\{2}' -f $mount, $script:RdpOfflineControlSet, $Location.Path)
    }
    '{0}\{1}' -f $mount, $Location.Path
}

function Resolve-RdpOfflineWindowsPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [hashtable]$Path
    )
    # The broken OS's folders on the attached volume, never this VM's %ProgramData%.
    switch ($Path.Root) {
        'ProgramData' {
            $root = $Volume.Drive + ':\ProgramData'
        }
        'SystemRoot' {
            $root = $Volume.Drive + ':\Windows'
        }
        default {
            $root = $Volume.Drive + ':'
        }
    }
    $root + '\' + $Path.Sub
}

function Get-RdpOfflineParentPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Windows paths by their backslashes alone: Split-Path would resolve drives and, on other
    # systems, change the separators.
    $cut = $Path.TrimEnd('\').LastIndexOf('\')
    if ($cut -lt 0) {
        return ''
    }
    $Path.Substring(0, $cut)
}

function Get-RdpOfflineLeafName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $trimmed = $Path.TrimEnd('\')
    $trimmed.Substring($trimmed.LastIndexOf('\') + 1)
}

function ConvertTo-RdpOfflineRegistryText {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()]
        [object]$Value
    )
    # A value as text that compares exactly and survives JSON: binary as hex.
    if ($null -eq $Value) {
        return ''
    }
    if ($Value -is [byte[]]) {
        return (($Value | ForEach-Object { $_.ToString('X2') }) -join '')
    }
    [string]$Value
}
