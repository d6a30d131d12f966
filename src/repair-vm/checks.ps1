# Offline checks and the diagnosis
# One evaluator per check kind (dispatch table $script:RdpOfflineCheckEvaluators, generated from
# the model). Each returns Outcome 'fired', 'quiet', or 'failed' with the reason; evidence that
# exists only while Windows runs is 'failed' with the reason 'offline'. The scenario status is
# decided by the module's own truth table (Resolve-RdpScenarioStatus), so every target agrees.
#
# Events: the broken VM may have been down for days, so an event window counts back from the
# newest event its System log holds, not from now.

function New-RdpOfflineCheckResult {
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

function ConvertTo-RdpOfflineToken {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()]
        [object]$Value
    )
    # Evidence is ASCII without spaces (src/model/report.ts).
    if ($null -eq $Value) {
        return 'none'
    }
    if ($Value -is [byte[]]) {
        $Value = ConvertTo-RdpOfflineRegistryText -Value $Value
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

function New-RdpOfflineContext {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [AllowNull()]
        [object]$SinceHours = $null
    )
    @{
        Volume     = $Volume
        Now        = Get-RdpOfflineDate
        Anchor     = $null
        SinceHours = $SinceHours
        Events     = @{}
        Results    = @{}
    }
}

function Get-RdpOfflineEventLogFolder {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    $Volume.Drive + ':\Windows\System32\winevt\Logs'
}

function Get-RdpOfflineEventAnchor {
    [CmdletBinding()]
    [OutputType([datetime])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    if ($null -eq $Context.Anchor) {
        $system = (Get-RdpOfflineEventLogFolder -Volume $Context.Volume) + '\System.evtx'
        $Context.Anchor = $Context.Now
        try {
            $newest = @(Get-RdpOfflineEventRecord -Path $system -XPath '*' -MaxEvents 1)
            if ($newest.Count -gt 0) {
                $Context.Anchor = $newest[0].TimeCreated
            }
        }
        catch {
            Write-RdpOfflineLog -Message ("{0}: no newest event ({1}); event windows count back from now" -f $system, $_.Exception.Message)
        }
    }
    $Context.Anchor
}

function Get-RdpOfflineEventWindowHours {
    [CmdletBinding()]
    [OutputType([double])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    if ($null -ne $Context.SinceHours) {
        return [double]$Context.SinceHours
    }
    [double]$Check.WindowHours
}

function Get-RdpOfflineEventXPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object[]]$Checks,
        [Parameter(Mandatory = $true)]
        [datetime]$Since
    )
    foreach ($check in $Checks) {
        if ($check.Provider -match "['""]") {
            throw ("Provider '{0}' cannot be written into an XPath query." -f $check.Provider)
        }
    }
    $providers = @($Checks | ForEach-Object { "@Name='" + $_.Provider + "'" } | Sort-Object -Unique)
    $ids = @($Checks | ForEach-Object { $_.EventIds } | Sort-Object -Unique | ForEach-Object { "EventID=$_" })
    $time = $Since.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
    "*[System[Provider[{0}] and ({1}) and TimeCreated[@SystemTime>='{2}']]]" -f ($providers -join ' or '), ($ids -join ' or '), $time
}

function Get-RdpOfflineLogEvent {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$LogFile,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # One query per log file covers every event check that reads it.
    if (-not $Context.Events.ContainsKey($LogFile)) {
        $checks = @($script:RdpOfflineCatalog.Scenarios | ForEach-Object { $_.Evidence } | ForEach-Object { $_.Check } | Where-Object { $_.Kind -eq 'event-query' -and $_.LogFile -eq $LogFile })
        $hours = ($checks | ForEach-Object { Get-RdpOfflineEventWindowHours -Check $_ -Context $Context } | Measure-Object -Maximum).Maximum
        $since = (Get-RdpOfflineEventAnchor -Context $Context).AddHours(-$hours)
        $path = (Get-RdpOfflineEventLogFolder -Volume $Context.Volume) + '\' + $LogFile
        $entry = @{ Records = @(); Error = $null }
        try {
            if (Test-RdpOfflinePath -Path $path) {
                $entry.Records = @(Get-RdpOfflineEventRecord -Path $path -XPath (Get-RdpOfflineEventXPath -Checks $checks -Since $since))
            }
            else {
                # A log file that does not exist holds no event: the channel was never used.
                Write-RdpOfflineLog -Message ("{0}: no such log file" -f $path)
            }
        }
        catch {
            $entry.Error = $_.Exception.Message
        }
        $Context.Events[$LogFile] = $entry
    }
    $cached = $Context.Events[$LogFile]
    if ($null -ne $cached.Error) {
        throw $cached.Error
    }
    $cached.Records
}

function Test-RdpOfflineEventCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $records = @(Get-RdpOfflineLogEvent -LogFile $Check.LogFile -Context $Context)
    $since = (Get-RdpOfflineEventAnchor -Context $Context).AddHours(-(Get-RdpOfflineEventWindowHours -Check $Check -Context $Context))
    $matched = @($records | Where-Object {
            $record = $_
            $ok = $record.ProviderName -eq $Check.Provider -and $Check.EventIds -contains [int]$record.Id -and $record.TimeCreated -ge $since
            foreach ($condition in $Check.DataConditions) {
                # A condition holds when any of its fields carries one of its values.
                $held = $false
                foreach ($field in $condition.Fields) {
                    $held = $held -or ($record.Data.ContainsKey($field) -and $condition.Accepted -contains [string]$record.Data[$field])
                }
                $ok = $ok -and $held
            }
            $ok
        })
    if ($matched.Count -eq 0) {
        if ($null -ne $Check.AuditedBy) {
            # Whether the broken OS audited these events is in its SECURITY hive, in a format
            # Microsoft does not document (and audit.csv holds only the local Group Policy's
            # share of it): without it, no event proves nothing.
            return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason 'audit-policy'
        }
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    # <count>/<field>:<value>+<value>...: each field's distinct values, newest first (at most 3).
    $newestFirst = @($matched | Sort-Object -Property 'TimeCreated' -Descending)
    $detail = [string]$matched.Count
    foreach ($field in $Check.ReportFields) {
        $values = @($newestFirst | Where-Object { $_.Data.ContainsKey($field) } | ForEach-Object { ConvertTo-RdpOfflineToken -Value $_.Data[$field] } | Select-Object -Unique)
        if ($values.Count -gt 0) {
            $shown = @($values | Select-Object -First 3)
            if ($values.Count -gt $shown.Count) {
                $shown += '...'
            }
            $detail += '/' + $field + ':' + ($shown -join '+')
        }
    }
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail $detail
}

function Test-RdpOfflineRegistryCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Group Policy wins over the local value when it sets one.
    $found = $null
    $source = ''
    if ($null -ne $Check.Policy) {
        $found = Get-RdpOfflineRegistryValue -Key (Resolve-RdpOfflineKey -Location $Check.Policy.Location) -Name $Check.Policy.Name
        $source = 'gpo:'
    }
    if ($null -eq $found) {
        $found = Get-RdpOfflineRegistryValue -Key (Resolve-RdpOfflineKey -Location $Check.Location) -Name $Check.Name
        $source = ''
    }
    $value = $null
    if ($null -ne $found) {
        $value = $found.Value
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
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ($source + (ConvertTo-RdpOfflineToken -Value $value))
}

function Get-RdpOfflineServiceKey {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Service
    )
    Resolve-RdpOfflineKey -Location @{ Hive = 'SYSTEM'; ControlSet = $true; Path = 'Services\' + $Service }
}

function Test-RdpOfflineServiceCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $key = Get-RdpOfflineServiceKey -Service $Check.Service
    if (-not (Test-RdpOfflineRegistryKey -Key $key)) {
        # A service that is not installed neither runs nor is disabled.
        if ($Check.FiresWhen -eq 'disabled') {
            return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
        }
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail 'missing'
    }
    $start = Get-RdpOfflineRegistryValue -Key $key -Name 'Start'
    switch ($Check.FiresWhen) {
        'disabled' {
            if ($null -ne $start -and [int64]$start.Value -eq 4) {
                return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail 'Disabled'
            }
            return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
        }
        'not-running' {
            return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason 'offline'
        }
        default {
            return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
        }
    }
}

function Test-RdpOfflineServiceConfigCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Start and ObjectName of the service's key in the booted control set: what the service
    # control manager will start it by. Not installed, or no such value: nothing to compare.
    $key = Get-RdpOfflineServiceKey -Service $Check.Service
    if (-not (Test-RdpOfflineRegistryKey -Key $key)) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    $name = @{ 'start-type' = 'Start'; 'logon-account' = 'ObjectName' }[$Check.Setting]
    $value = Get-RdpOfflineRegistryValue -Key $key -Name $name
    if ($null -eq $value) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    # -eq ignores case: a service account is written in either letter case.
    if ([string]$value.Value -eq [string]$Check.Expected) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ([string]$value.Value)
}

function Test-RdpOfflineRuntimeCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Which process listens on a port is a fact of a running Windows only.
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason 'offline'
}

function Test-RdpOfflineCertificateStoreCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $certificates = @(Get-RdpOfflineCertificate -Store $Check.Store)
    if ($certificates.Count -eq 0) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail 'empty'
    }
    if (@($certificates | Where-Object { Test-RdpOfflineCertificateValid -Certificate $_ -Now $Context.Now }).Count -gt 0) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    $unreadable = @($certificates | Where-Object { -not $_.Readable })
    if ($unreadable.Count -gt 0) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason ('unreadable certificate ' + $unreadable[0].Thumbprint)
    }
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ('expired:' + $certificates.Count)
}

function Test-RdpOfflineCertificateBindingCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $found = Get-RdpOfflineRegistryValue -Key (Resolve-RdpOfflineKey -Location $Check.Location) -Name $Check.Name
    if ($null -eq $found) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    $thumbprint = (ConvertTo-RdpOfflineRegistryText -Value $found.Value).Replace(' ', '').ToUpperInvariant()
    foreach ($store in $Check.Stores) {
        $valid = @(Get-RdpOfflineCertificate -Store $store | Where-Object { $_.Thumbprint -eq $thumbprint -and (Test-RdpOfflineCertificateValid -Certificate $_ -Now $Context.Now) })
        if ($valid.Count -gt 0) {
            return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
        }
    }
    $short = $thumbprint
    if ($short.Length -gt 8) {
        $short = $short.Substring(0, 8)
    }
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail (ConvertTo-RdpOfflineToken -Value $short)
}

function Test-RdpOfflineAllowedMask {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Sid,
        [Parameter(Mandatory = $true)]
        [int64]$Mask
    )
    $allowed = [int64]0
    $denied = [int64]0
    foreach ($rule in @((Get-RdpOfflineItemSecurity -Path $Path).Rules | Where-Object { $_.Sid -eq $Sid -and -not $_.InheritOnly })) {
        if ($rule.AccessType -eq 'Allow') {
            $allowed = $allowed -bor [int64]$rule.Rights
        }
        else {
            $denied = $denied -bor [int64]$rule.Rights
        }
    }
    (($allowed -band $Mask) -eq $Mask) -and (($denied -band $Mask) -eq 0)
}

function Test-RdpOfflineFolderAclCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $folder = Resolve-RdpOfflineWindowsPath -Volume $Context.Volume -Path $Check.Path
    if (-not (Test-RdpOfflinePath -Path $folder -Container)) {
        throw ("{0} does not exist on the broken OS disk." -f $folder)
    }
    $missing = @()
    foreach ($ace in $Check.RequiredAces) {
        if ($null -eq $ace.FilesStartingWith) {
            $targets = @($folder)
        }
        else {
            $targets = @(Get-RdpOfflineChildItem -Path $folder -Prefix $ace.FilesStartingWith)
        }
        foreach ($target in $targets) {
            if (-not (Test-RdpOfflineAllowedMask -Path $target -Sid $ace.Sid -Mask $ace.Mask)) {
                $missing += $ace.Sid
                break
            }
        }
    }
    if ($missing.Count -eq 0) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ('missing:' + (($missing | Sort-Object -Unique) -join '+'))
}

function Test-RdpOfflineFileVersionCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # The broken OS's own file on the attached volume: its version is what that OS runs.
    $path = Resolve-RdpOfflineWindowsPath -Volume $Context.Volume -Path $Check.Path
    $version = @(Get-RdpOfflineFileVersion -Path $path)
    $verdict = Get-RdpFileVersionVerdict -Path $path -Version $version -Minimums $Check.Minimums
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome $verdict.Outcome -Detail $verdict.Detail
}

function Test-RdpOfflineFeatureCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    if (Test-RdpOfflineRegistryKey -Key (Get-RdpOfflineServiceKey -Service $Check.IndicatorService)) {
        return New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'fired'
    }
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'quiet'
}

function Invoke-RdpOfflineCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # A check that throws is 'failed' with the reason (UNKNOWN), never silently 'quiet'.
    if ($Context.Results.ContainsKey($Check.Id)) {
        return $Context.Results[$Check.Id]
    }
    try {
        $result = & $script:RdpOfflineCheckEvaluators[$Check.Kind] -Check $Check -Context $Context
    }
    catch {
        $result = New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason $_.Exception.Message
    }
    Write-RdpOfflineLog -Message ("check {0}: {1} {2} {3}" -f $Check.Id, $result.Outcome, $result.Detail, $result.Reason)
    $Context.Results[$Check.Id] = $result
    $result
}

function Invoke-RdpOfflineDiagnosis {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    foreach ($scenario in $script:RdpOfflineCatalog.Scenarios) {
        $checks = @(foreach ($evidence in $scenario.Evidence) {
                $result = Invoke-RdpOfflineCheck -Check $evidence.Check -Context $Context
                [pscustomobject]@{ CheckId = $result.CheckId; Role = $evidence.Role; Outcome = $result.Outcome; Detail = $result.Detail; Reason = $result.Reason }
            })
        $decision = Resolve-RdpScenarioStatus -Results $checks
        [pscustomobject]@{ Id = $scenario.Id; Status = $decision.Status; Evidence = $decision.Evidence; Checks = $checks }
    }
}

function Format-RdpOfflineDiagnosis {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Scenario
    )
    # The same lines as every target, then why a scenario could not be decided.
    foreach ($entry in $Scenario) {
        Format-RdpReportLine -ScenarioId $entry.Id -Status $entry.Status -Evidence $entry.Evidence
    }
    Format-RdpVerdictLine -Detected @($Scenario | Where-Object { $_.Status -eq 'DETECTED' }).Count
    $reasons = @($Scenario | Where-Object { $_.Status -eq 'UNKNOWN' } | ForEach-Object { $_.Checks } | Where-Object { $_.Outcome -eq 'failed' -and $_.Role -ne 'supporting' } | ForEach-Object {
            $reason = 'unreadable'
            if ($_.Reason -eq 'offline' -or $_.Reason -eq 'audit-policy') {
                $reason = $_.Reason
            }
            $_.CheckId + ':' + $reason
        } | Sort-Object -Unique)
    if ($reasons.Count -gt 0) {
        'RDPRESCUE reasons ' + ($reasons -join ',')
    }
}
