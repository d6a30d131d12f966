# Check evaluators
# One function per check kind (the dispatch table $script:RdpCheckEvaluators is generated from
# the model). Each returns Outcome 'fired' (the condition was found), 'quiet' or, when the check
# could not run, 'failed' with the reason. Only platform functions touch the machine.

# The most events one query reads (Get-WinEvent -MaxEvents), newest first.
$script:RdpMaxEventsPerQuery = 1000

function New-RdpContext {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [object[]]$Checks = @(),
        [object]$SinceHours = $null,
        [object]$After = $null
    )
    @{
        Now        = Get-RdpDate
        SinceHours = $SinceHours
        After      = $After
        Checks     = $Checks
        Events     = @{}
        # Audit subcategory GUID -> its AuditingInformation, or the error that kept it unread.
        Audit      = @{}
        Results    = @{}
        PortOwner  = $null
        # Items an operation could not change ("<item>: <reason>"): the fix applied only in part.
        ItemFailures = [System.Collections.ArrayList]::new()
    }
}

function ConvertTo-RdpToken {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()]
        [object]$Value
    )
    if ($null -eq $Value) {
        return 'none'
    }
    if ($Value -is [byte[]]) {
        $Value = ($Value | ForEach-Object { $_.ToString('X2') }) -join ''
    }
    $text = [regex]::Replace([string]$Value, '[^A-Za-z0-9._:-]', '_')
    if ($text.Length -gt 40) {
        $text = $text.Substring(0, 40)
    }
    if ($text.Length -eq 0) {
        return 'empty'
    }
    $text
}

function Resolve-RdpWindowsPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Path
    )
    switch ($Path.Root) {
        'ProgramData' {
            $root = $env:ProgramData
        }
        'SystemRoot' {
            $root = $env:SystemRoot
        }
        default {
            $root = $env:SystemDrive + '\'
        }
    }
    Join-Path -Path $root -ChildPath $Path.Sub
}

function New-RdpCheckResult {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$CheckId,
        [Parameter(Mandatory = $true)]
        [ValidateSet('fired', 'quiet', 'failed')]
        [string]$Outcome,
        [string]$Detail = '',
        [string]$Reason = ''
    )
    [pscustomobject]@{ CheckId = $CheckId; Outcome = $Outcome; Detail = $Detail; Reason = $Reason }
}

function Get-RdpEventWindowHours {
    [CmdletBinding()]
    [OutputType([double])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $hours = [double]$Check.WindowHours
    if ($null -ne $Context.SinceHours) {
        $hours = [double]$Context.SinceHours
    }
    if ($null -ne $Context.After) {
        # Only events written after that moment (a repair's start) count.
        $elapsed = ($Context.Now - [datetime]$Context.After).TotalHours
        $hours = [Math]::Max(0.0, [Math]::Min($hours, $elapsed))
    }
    $hours
}

function Get-RdpEventXPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object[]]$Checks,
        [Parameter(Mandatory = $true)]
        [double]$Hours
    )
    $providers = @($Checks | ForEach-Object { "@Name='" + $_.Provider + "'" } | Sort-Object -Unique)
    $ids = @($Checks | ForEach-Object { $_.EventIds } | Sort-Object -Unique | ForEach-Object { "EventID=$_" })
    $milliseconds = [int64]($Hours * 3600000)
    $xpath = "*[System[Provider[{0}] and ({1}) and TimeCreated[timediff(@SystemTime) <= {2}]]" -f ($providers -join ' or '), ($ids -join ' or '), $milliseconds
    if ($Checks.Count -eq 1) {
        # One check's own query also filters on its event data, so that a flood of other
        # events of the same id (failed logons with a bad password) cannot hide its own.
        foreach ($condition in $Checks[0].DataConditions) {
            $terms = @(foreach ($field in $condition.Fields) {
                    foreach ($value in $condition.Accepted) {
                        "Data[@Name='{0}']='{1}'" -f $field, $value
                    }
                })
            $xpath += ' and EventData[{0}]' -f ($terms -join ' or ')
        }
    }
    $xpath + ']'
}

function Get-RdpChannelEvent {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Channel,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # One query per channel covers every event check of the diagnosis: all providers, all ids,
    # the widest window. Each check then filters the records it needs. Capped says the query
    # hit its limit, so older events may be missing from Records.
    if (-not $Context.Events.ContainsKey($Channel)) {
        $checks = @($Context.Checks | Where-Object { $_.Kind -eq 'event-query' -and $_.Channel -eq $Channel })
        $hours = ($checks | ForEach-Object { Get-RdpEventWindowHours -Check $_ -Context $Context } | Measure-Object -Maximum).Maximum
        $xpath = Get-RdpEventXPath -Checks $checks -Hours $hours
        try {
            $records = @(Get-RdpEventRecord -Channel $Channel -XPath $xpath -MaxEvents $script:RdpMaxEventsPerQuery)
            $Context.Events[$Channel] = @{ Records = $records; Capped = ($records.Count -ge $script:RdpMaxEventsPerQuery); Error = $null }
        }
        catch {
            $Context.Events[$Channel] = @{ Records = @(); Capped = $false; Error = $_.Exception.Message }
        }
    }
    $entry = $Context.Events[$Channel]
    if ($null -ne $entry.Error) {
        throw $entry.Error
    }
    $entry
}

function Select-RdpCheckEvent {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [AllowEmptyCollection()]
        [object[]]$Records = @(),
        [Parameter(Mandatory = $true)]
        [datetime]$Since
    )
    foreach ($record in $Records) {
        $ok = $record.ProviderName -eq $Check.Provider -and $Check.EventIds -contains [int]$record.Id -and $record.TimeCreated -ge $Since
        foreach ($condition in $Check.DataConditions) {
            # A condition holds when any of its fields carries one of its values.
            $held = $false
            foreach ($field in $condition.Fields) {
                $held = $held -or ($record.Data.ContainsKey($field) -and $condition.Accepted -contains [string]$record.Data[$field])
            }
            $ok = $ok -and $held
        }
        if ($ok) {
            $record
        }
    }
}

function Test-RdpEventQueryCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $hours = Get-RdpEventWindowHours -Check $Check -Context $Context
    $since = $Context.Now.AddHours(-$hours)
    $channel = Get-RdpChannelEvent -Channel $Check.Channel -Context $Context
    $matched = @(Select-RdpCheckEvent -Check $Check -Records $channel.Records -Since $since)
    if ($matched.Count -eq 0 -and $channel.Capped) {
        # A flood of other events filled the shared query, and this check's older events may be
        # behind it: ask again with this check's own filter before calling it quiet.
        $own = @(Get-RdpEventRecord -Channel $Check.Channel -XPath (Get-RdpEventXPath -Checks @($Check) -Hours $hours) -MaxEvents $script:RdpMaxEventsPerQuery)
        $matched = @(Select-RdpCheckEvent -Check $Check -Records $own -Since $since)
        if ($matched.Count -eq 0 -and $own.Count -ge $script:RdpMaxEventsPerQuery) {
            return New-RdpCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason ($script:RdpStrings.EventsCapped -f $script:RdpMaxEventsPerQuery, $Check.Channel)
        }
    }
    if ($matched.Count -eq 0) {
        $unaudited = Get-RdpUnauditedReason -AuditedBy $Check.AuditedBy -Context $Context
        if ($unaudited) {
            return New-RdpCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason $unaudited
        }
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail (Format-RdpEventDetail -Records $matched -Fields $Check.ReportFields)
}

# The most distinct values of one field an event check's evidence lists.
$script:RdpMaxReportedValues = 3

function Format-RdpEventDetail {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object[]]$Records,
        [AllowEmptyCollection()]
        [string[]]$Fields = @()
    )
    # <count>/<field>:<value>+<value>...: each field's distinct values, newest first, so a locked
    # admin is seen next to the names a password guesser tried.
    $newestFirst = @($Records | Sort-Object -Property 'TimeCreated' -Descending)
    $detail = [string]$Records.Count
    foreach ($field in $Fields) {
        $shown = [System.Collections.ArrayList]::new()
        foreach ($record in $newestFirst) {
            if (-not $record.Data.ContainsKey($field)) {
                continue
            }
            $value = ConvertTo-RdpToken -Value $record.Data[$field]
            if ($shown.Contains($value)) {
                continue
            }
            if ($shown.Count -eq $script:RdpMaxReportedValues) {
                $null = $shown.Add('...')
                break
            }
            $null = $shown.Add($value)
        }
        if ($shown.Count -gt 0) {
            $detail += '/' + $field + ':' + ($shown -join '+')
        }
    }
    $detail
}

function Get-RdpUnauditedReason {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()]
        [object]$AuditedBy,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Why finding no event proves nothing: the audit policy that writes them is off or unread.
    # Empty when the events are audited (or need no audit policy). Read once per diagnosis.
    if ($null -eq $AuditedBy) {
        return ''
    }
    $subcategory = [string]$AuditedBy.Subcategory
    if (-not $Context.Audit.ContainsKey($subcategory)) {
        try {
            $Context.Audit[$subcategory] = [int](Get-RdpAuditSetting -Subcategory $subcategory)
        }
        catch {
            $Context.Audit[$subcategory] = [string]$_.Exception.Message
        }
    }
    $setting = $Context.Audit[$subcategory]
    if ($setting -is [string]) {
        return ($script:RdpStrings.AuditUnreadable -f $subcategory, $setting)
    }
    if (($setting -band [int]$AuditedBy.Bit) -eq 0) {
        $name = @{ 1 = 'success'; 2 = 'failure' }[[int]$AuditedBy.Bit]
        return ($script:RdpStrings.AuditOff -f $subcategory, $name)
    }
    ''
}

function Test-RdpRegistryValueCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Group Policy wins over the local value when it sets one.
    $value = $null
    $source = ''
    if ($Check.PolicyKey) {
        $value = Get-RdpRegistryValue -Path $Check.PolicyKey -Name $Check.PolicyName
        $source = 'gpo:'
    }
    if ($null -eq $value) {
        $value = Get-RdpRegistryValue -Path $Check.Key -Name $Check.Name
        $source = ''
    }
    switch ($Check.Op) {
        'equals' {
            $fired = $null -ne $value -and [string]$value -eq [string]$Check.Value
        }
        'not-equals' {
            $fired = $null -ne $value -and [string]$value -ne [string]$Check.Value
        }
        'absent' {
            $fired = $null -eq $value
        }
        'none-of' {
            $fired = $null -eq $value -or @($Check.Values | ForEach-Object { [string]$_ }) -notcontains [string]$value
        }
        default {
            $fired = $null -ne $value
        }
    }
    if (-not $fired) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ($source + (ConvertTo-RdpToken -Value $value))
}

function Test-RdpServiceStateCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $service = @(Get-RdpServiceInfo -Name $Check.Service)
    if ($service.Count -eq 0) {
        $fired = $Check.FiresWhen -ne 'disabled'
        $detail = 'missing'
    }
    else {
        switch ($Check.FiresWhen) {
            'not-running' {
                $fired = $service[0].State -ne 'Running'
            }
            'disabled' {
                $fired = $service[0].StartMode -eq 'Disabled'
            }
            default {
                $fired = $false
            }
        }
        $detail = ConvertTo-RdpToken -Value ($service[0].State + ':' + $service[0].StartMode)
    }
    if (-not $fired) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail $detail
}

function Get-RdpConfiguredPort {
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check
    )
    $port = Get-RdpRegistryValue -Path $Check.PortKey -Name $Check.PortName
    if ($null -eq $port) {
        return [int]$Check.DefaultPort
    }
    [int]$port
}

function Test-RdpListenerCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Never assume 3389: the port comes from the listener's configuration.
    $port = Get-RdpConfiguredPort -Check $Check
    $listeners = @(Get-RdpTcpListener -Port $port)
    # Nothing listening is no conflict: other scenarios say why TermService does not listen.
    if ($listeners.Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    $service = @(Get-RdpServiceInfo -Name $Check.Service)
    $servicePid = 0
    if ($service.Count -gt 0) {
        $servicePid = $service[0].ProcessId
    }
    $others = @($listeners | Where-Object { $_.OwningProcess -ne $servicePid } | ForEach-Object { $_.OwningProcess } | Sort-Object -Unique)
    if ($others.Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ("$port/pid:" + ($others -join '+'))
}

function Test-RdpCertificateStoreCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $certificates = @(Get-RdpCertificate -Store $Check.Store)
    if ($certificates.Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail 'empty'
    }
    $valid = @($certificates | Where-Object { $_.NotAfter -gt $Context.Now -and $_.NotBefore -le $Context.Now } | Sort-Object -Property 'NotAfter' -Descending)
    if ($valid.Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ('expired:' + $certificates.Count)
    }
    $problems = @(foreach ($certificate in $valid) {
            Get-RdpCertificateProblem -Certificate $certificate
        })
    if ($problems -contains '') {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ('unusable:' + $problems[0])
}

function Test-RdpServerUsage {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowNull()]
        [object[]]$Usages
    )
    # No Enhanced Key Usage extension: the certificate serves any purpose.
    if ($null -eq $Usages) {
        return $true
    }
    @($Usages | Where-Object { $script:RdpCatalog.ServerAuthUsages -contains $_ }).Count -gt 0
}

function Get-RdpCertificateProblem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Certificate,
        [switch]$SkipKeyAccess
    )
    # Why RDP could not present this certificate, or '' when it can:
    #   eku      its Enhanced Key Usage is neither Server nor Remote Desktop Authentication
    #   no-key   it has no private key
    #   bad-key  its private key does not open: missing, damaged or unreadable
    #   ns-read  NETWORK SERVICE (TermService's account) cannot read the key file
    if (-not (Test-RdpServerUsage -Usages $Certificate.EnhancedKeyUsages)) {
        return 'eku'
    }
    if (-not $Certificate.HasPrivateKey) {
        return 'no-key'
    }
    $key = Get-RdpPrivateKey -Store $Certificate.Store -Thumbprint $Certificate.Thumbprint
    if (-not $key.Opens) {
        return 'bad-key'
    }
    # NETWORK SERVICE reads through its own SID or a group its token always holds: Everyone,
    # Authenticated Users, Users. 0x120089 = read (FILE_GENERIC_READ).
    $readers = @('S-1-5-20', 'S-1-1-0', 'S-1-5-11', 'S-1-5-32-545')
    if (-not $SkipKeyAccess -and $null -ne $key.File -and -not (Test-RdpAllowedMask -Path $key.File -Sid $readers -Mask 0x120089)) {
        return 'ns-read'
    }
    ''
}

function ConvertTo-RdpThumbprint {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Value
    )
    if ($Value -is [byte[]]) {
        return (($Value | ForEach-Object { $_.ToString('X2') }) -join '')
    }
    ([string]$Value).Replace(' ', '').ToUpperInvariant()
}

function Find-RdpValidCertificate {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Thumbprint,
        [Parameter(Mandatory = $true)]
        [string[]]$Stores,
        [Parameter(Mandatory = $true)]
        [datetime]$Now
    )
    foreach ($store in $Stores) {
        Get-RdpCertificate -Store $store | Where-Object { $_.Thumbprint -eq $Thumbprint -and $_.NotAfter -gt $Now -and $_.NotBefore -le $Now }
    }
}

function Test-RdpCertificateBindingCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $value = Get-RdpRegistryValue -Path $Check.Key -Name $Check.Name
    if ($null -eq $value) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    $thumbprint = ConvertTo-RdpThumbprint -Value $value
    $short = $thumbprint
    if ($short.Length -gt 8) {
        $short = $short.Substring(0, 8)
    }
    $valid = @(Find-RdpValidCertificate -Thumbprint $thumbprint -Stores $Check.Stores -Now $Context.Now)
    if ($valid.Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail (ConvertTo-RdpToken -Value $short)
    }
    $problem = Get-RdpCertificateProblem -Certificate $valid[0]
    if ($problem -eq '') {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail (ConvertTo-RdpToken -Value ($short + ':' + $problem))
}

function Test-RdpFileVersionCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # A missing or unreadable file throws: the check is failed (UNKNOWN), never quiet.
    $path = Resolve-RdpWindowsPath -Path $Check.Path
    $version = @(Get-RdpFileVersion -Path $path)
    $verdict = Get-RdpFileVersionVerdict -Path $path -Version $version -Minimums $Check.Minimums
    New-RdpCheckResult -CheckId $Check.Id -Outcome $verdict.Outcome -Detail $verdict.Detail
}

function Test-RdpAllowedMask {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string[]]$Sid,
        [Parameter(Mandatory = $true)]
        [int64]$Mask
    )
    # Allowed when the SIDs (an account and its groups) together are allowed every bit of the
    # mask and denied none.
    $allowed = [int64]0
    $denied = [int64]0
    foreach ($rule in @(Get-RdpAccessRule -Path $Path | Where-Object { $Sid -contains $_.Sid -and -not $_.InheritOnly })) {
        if ($rule.AccessType -eq 'Allow') {
            $allowed = $allowed -bor $rule.Rights
        }
        else {
            $denied = $denied -bor $rule.Rights
        }
    }
    (($allowed -band $Mask) -eq $Mask) -and (($denied -band $Mask) -eq 0)
}

function Test-RdpFolderAclCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $folder = Resolve-RdpWindowsPath -Path $Check.Path
    $missing = @()
    foreach ($ace in $Check.RequiredAces) {
        if ($null -eq $ace.FilesStartingWith) {
            $targets = @($folder)
        }
        else {
            $targets = @(Get-RdpChildFile -Path $folder -Prefix $ace.FilesStartingWith)
        }
        foreach ($target in $targets) {
            if (-not (Test-RdpAllowedMask -Path $target -Sid $ace.Sid -Mask $ace.Mask)) {
                $missing += $ace.Sid
                break
            }
        }
    }
    if ($missing.Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ('missing:' + (($missing | Sort-Object -Unique) -join '+'))
}

function Test-RdpWindowsFeatureCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $installed = Get-RdpWindowsFeatureState -Name $Check.Feature
    if ($null -eq $installed) {
        $installed = @(Get-RdpServiceInfo -Name $Check.IndicatorService).Count -gt 0
    }
    if ($installed) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
}

function Test-RdpRdshServerModeCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # A WMI error throws: Invoke-RdpCheck reports it as failed (UNKNOWN), never quiet.
    $mode = Get-RdpTerminalServerMode
    if ($null -eq $mode) {
        throw 'Win32_TerminalServiceSetting returned no TerminalServerMode.'
    }
    if ([int]$mode -eq 1) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail 'AppServer'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
}

function Invoke-RdpCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Each check runs once per context; a check that throws is 'failed' with the reason
    # (reported as UNKNOWN), never silently 'quiet'.
    if ($Context.Results.ContainsKey($Check.Id)) {
        return $Context.Results[$Check.Id]
    }
    try {
        $result = & $script:RdpCheckEvaluators[$Check.Kind] -Check $Check -Context $Context
    }
    catch {
        Write-Verbose ("{0}: {1}" -f $Check.Id, $_.Exception.Message)
        $result = New-RdpCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason $_.Exception.Message
    }
    $Context.Results[$Check.Id] = $result
    $result
}
