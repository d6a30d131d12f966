# File version verdict
# Whether a Windows file is older than the update that fixes it, from its four version parts
# (FileMajorPart, FileMinorPart, FileBuildPart, FilePrivatePart) and the lowest fixed version
# per OS build (the first three parts). Pure: the module and the rescue-VM script read the file
# through their own platform layers and both decide here.

function Compare-RdpFileVersion {
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory = $true)]
        [int[]]$Version,
        [Parameter(Mandatory = $true)]
        [int[]]$Minimum
    )
    # -1, 0 or 1, part by part as numbers: 6.3.9600.9999 is older than 6.3.9600.18999.
    for ($part = 0; $part -lt 4; $part++) {
        if ($Version[$part] -lt $Minimum[$part]) {
            return -1
        }
        if ($Version[$part] -gt $Minimum[$part]) {
            return 1
        }
    }
    0
}

function Get-RdpFileVersionVerdict {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [int[]]$Version,
        [Parameter(Mandatory = $true)]
        [object[]]$Minimums
    )
    # A file without a version resource reads as 0.0.0.0: that is no answer, not "not affected".
    $text = $Version -join '.'
    if ($Version.Count -ne 4 -or $text -eq '0.0.0.0') {
        throw ('{0} has no file version.' -f $Path)
    }
    $build = ($Version[0..2]) -join '.'
    $row = @($Minimums | Where-Object { $_.Build -eq $build })
    if ($row.Count -eq 0) {
        # A build the table does not list is not affected.
        return [pscustomobject]@{ Outcome = 'quiet'; Detail = '' }
    }
    if ((Compare-RdpFileVersion -Version $Version -Minimum $row[0].Minimum) -lt 0) {
        return [pscustomobject]@{ Outcome = 'fired'; Detail = $text }
    }
    [pscustomobject]@{ Outcome = 'quiet'; Detail = '' }
}
