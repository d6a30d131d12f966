# Arguments
# The script has no param block: az vm repair run appends it to its own driver script (whose
# param block comes first, so a second one cannot parse) and runs that file again with
# -script_path no-op -init $False. The Name=Value pairs given to --parameters reach the driver
# as one string, "-Mode Repair -Repair all", in its $params. Some versions of the driver pass
# that string on, some do not: the script reads it from the nearest scope that has one.
# Started any other way (by hand, Run Command), the arguments are in $args: Name=Value,
# -Name Value or -Name:Value, each value a string.

$script:RdpOfflineArgumentNames = @('Mode', 'Repair', 'Drive', 'SinceHours', 'Backup')

function Test-RdpOfflineRepairDriver {
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    # The driver's own parameter, visible in every scope below it.
    $scriptPath = Get-Variable -Name 'script_path' -ValueOnly -ErrorAction SilentlyContinue
    [string]$scriptPath -eq 'no-op'
}

function Get-RdpOfflineDriverParameter {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    for ($scope = 0; $scope -lt 64; $scope++) {
        try {
            $value = Get-Variable -Name 'params' -Scope $scope -ValueOnly -ErrorAction Stop
        }
        catch [System.Management.Automation.ItemNotFoundException] {
            continue
        }
        catch {
            # Past the outermost scope.
            break
        }
        if ([string]$value) {
            # One driver version sends spaces through Run Command as %20.
            return ([string]$value).Replace('%20', ' ')
        }
    }
    ''
}

function Split-RdpOfflineArgumentToken {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyCollection()]
        [object[]]$ArgumentList = @()
    )
    foreach ($argument in $ArgumentList) {
        # "-Repair a,b" given inside PowerShell arrives as an array: the same list.
        if ($argument -is [array]) {
            ($argument | ForEach-Object { [string]$_ }) -join ','
        }
        else {
            foreach ($word in ([string]$argument -split '\s+')) {
                if ($word) {
                    $word
                }
            }
        }
    }
}

function ConvertFrom-RdpOfflineArgument {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [AllowEmptyCollection()]
        [string[]]$Token = @()
    )
    $values = @{}
    $pending = $null
    foreach ($word in $Token) {
        $name = $null
        $value = $null
        if ($null -ne $pending) {
            $name = $pending
            $value = $word
            $pending = $null
        }
        elseif ($word -match '^-?([A-Za-z]+)(=|:)(.*)$') {
            $name = $Matches[1]
            $value = $Matches[3]
        }
        elseif ($word -match '^-([A-Za-z]+)$') {
            $pending = $Matches[1]
            continue
        }
        else {
            throw ("Argument '{0}' is not Name=Value; the names are {1}." -f $word, ($script:RdpOfflineArgumentNames -join ', '))
        }
        $known = @($script:RdpOfflineArgumentNames | Where-Object { $_ -eq $name })
        if ($known.Count -eq 0) {
            throw ("Unknown argument '{0}'; the names are {1}." -f $name, ($script:RdpOfflineArgumentNames -join ', '))
        }
        $values[$known[0]] = $value
    }
    if ($null -ne $pending) {
        throw ("Argument -{0} has no value." -f $pending)
    }
    $values
}

function Resolve-RdpOfflineArgument {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [AllowEmptyCollection()]
        [object[]]$ArgumentList = @()
    )
    $tokens = @(Split-RdpOfflineArgumentToken -ArgumentList $ArgumentList)
    if ($tokens.Count -eq 0 -and (Test-RdpOfflineRepairDriver)) {
        $tokens = @(Split-RdpOfflineArgumentToken -ArgumentList @(Get-RdpOfflineDriverParameter))
    }
    $given = ConvertFrom-RdpOfflineArgument -Token $tokens

    $mode = 'Diagnose'
    if ($given.ContainsKey('Mode')) {
        $mode = @('Diagnose', 'Repair', 'Undo') | Where-Object { $_ -eq $given.Mode }
        if (-not $mode) {
            throw ("Mode '{0}' is not one of Diagnose, Repair, Undo." -f $given.Mode)
        }
    }
    $repair = @()
    if ($given.ContainsKey('Repair')) {
        if ($mode -ne 'Repair') {
            throw 'Repair= names the repairs of Mode=Repair; add Mode=Repair.'
        }
        $repair = @(Resolve-RdpOfflineRepairSelection -Text $given.Repair)
    }
    elseif ($mode -eq 'Repair') {
        throw ("Mode=Repair needs Repair=all or Repair=<ids>; the repairs are {0}." -f (@($script:RdpOfflineCatalog.Fixes | ForEach-Object { $_.Id }) -join ', '))
    }
    $drive = ''
    if ($given.ContainsKey('Drive')) {
        if ($given.Drive -notmatch '^([A-Za-z]):?\\?$') {
            throw ("Drive '{0}' is not a drive letter such as F." -f $given.Drive)
        }
        $drive = $Matches[1].ToUpperInvariant()
    }
    $since = $null
    if ($given.ContainsKey('SinceHours')) {
        $hours = 0.0
        if (-not [double]::TryParse($given.SinceHours, [System.Globalization.NumberStyles]::Float, [System.Globalization.CultureInfo]::InvariantCulture, [ref]$hours) -or $hours -le 0) {
            throw ("SinceHours '{0}' is not a positive number of hours." -f $given.SinceHours)
        }
        $since = $hours
    }
    $backup = ''
    if ($given.ContainsKey('Backup')) {
        if ($mode -ne 'Undo' -or $given.Backup -notmatch '^\d{8}-\d{6}$') {
            throw ("Backup '{0}' names a backup of Mode=Undo by its time, e.g. Backup=20260601-120000." -f $given.Backup)
        }
        $backup = $given.Backup
    }
    [pscustomobject]@{ Mode = [string]$mode; Repair = $repair; Drive = $drive; SinceHours = $since; Backup = $backup }
}

function Resolve-RdpOfflineRepairSelection {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Text
    )
    $fixes = @($script:RdpOfflineCatalog.Fixes)
    $ids = @($Text -split '[,;]' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    if ($ids.Count -eq 1 -and $ids[0] -eq 'all') {
        # Opt-in repairs lower security: they run only when named.
        return @($fixes | Where-Object { -not $_.OptIn })
    }
    if ($ids.Count -eq 0) {
        throw 'Repair= is empty: name repairs, or all.'
    }
    foreach ($id in $ids) {
        if (@($fixes | Where-Object { $_.Id -eq $id }).Count -eq 0) {
            throw ("Unknown repair '{0}'; the repairs are {1}." -f $id, (@($fixes | ForEach-Object { $_.Id }) -join ', '))
        }
    }
    # Always in the catalog's order, whatever order they were named in.
    @($fixes | Where-Object { $ids -contains $_.Id })
}
