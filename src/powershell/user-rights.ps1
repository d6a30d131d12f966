# User rights by SID
# secedit's USER_RIGHTS export has one line per right: "SeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555".
# A holder with a SID is written "*SID"; an account secedit could not turn into a SID is
# written by its name. Only SIDs are compared: names are localized and user-chosen.

function ConvertFrom-RdpUserRightExport {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [AllowEmptyCollection()]
        [string[]]$Lines = @()
    )
    # Right name -> its holders as written ('S-1-5-32-544' for *S-1-5-32-544, names as they are).
    # A right nobody holds has no line, so it is absent here.
    $rights = @{}
    $section = ''
    foreach ($line in $Lines) {
        $text = $line.Trim()
        if ($text -match '^\[(.+)\]$') {
            $section = $Matches[1]
            continue
        }
        if ($section -ne 'Privilege Rights' -or $text -notmatch '^(Se[A-Za-z]+)\s*=\s*(.*)$') {
            continue
        }
        $holders = @($Matches[2].Split(',') | ForEach-Object { $_.Trim() } | Where-Object { $_ } | ForEach-Object {
                if ($_.StartsWith('*')) { $_.Substring(1) } else { $_ }
            })
        $rights[$Matches[1]] = $holders
    }
    $rights
}

function Get-RdpUserRightTable {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # One export per diagnosis, shared by every user-right check.
    if (-not $Context.ContainsKey('UserRights')) {
        $lines = @(Get-RdpUserRightExport)
        if (-not ($lines | Where-Object { $_.Trim() -eq '[Privilege Rights]' })) {
            throw 'secedit exported no [Privilege Rights] section'
        }
        $Context['UserRights'] = ConvertFrom-RdpUserRightExport -Lines $lines
    }
    $Context['UserRights']
}

function Test-RdpUserRightCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $rights = Get-RdpUserRightTable -Context $Context
    $holders = @()
    if ($rights.ContainsKey($Check.Right)) {
        $holders = @($rights[$Check.Right])
    }
    if ($Check.FiresWhen -eq 'granted-any') {
        $found = @($Check.Sids | Where-Object { $holders -contains $_ })
    }
    else {
        $found = @($Check.Sids | Where-Object { $holders -notcontains $_ })
    }
    if ($found.Count -gt 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ($found -join '+')
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
}
