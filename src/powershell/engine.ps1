# Diagnosis and repair engine

# The Azure Run Command form of an undo ({0}: the backup folder). Empty in the module; the Run
# Command script sets it, and every undo hint then prints that form too.
$script:RdpRunCommandUndo = ''

function Get-RdpScenarioResult {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Scenario,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $checks = foreach ($evidence in $Scenario.Evidence) {
        $result = Invoke-RdpCheck -Check $evidence.Check -Context $Context
        [pscustomobject]@{
            CheckId = $result.CheckId
            Role    = $evidence.Role
            Outcome = $result.Outcome
            Detail  = $result.Detail
            Reason  = $result.Reason
            Finding = $script:RdpStrings['Finding.' + $result.CheckId]
        }
    }
    $checks = @($checks)
    $decision = Resolve-RdpScenarioStatus -Results $checks
    $fixes = @()
    if ($decision.Status -eq 'DETECTED') {
        $fixes = @(foreach ($id in $Scenario.Fixes) {
                $fix = $script:RdpCatalog.Fixes[$id]
                [pscustomobject]@{ Id = $id; Command = $fix.Command; OptIn = $fix.OptIn; Title = $script:RdpStrings['Fix.' + $id + '.Title'] }
            })
    }
    $reasons = @($checks | Where-Object { $_.Outcome -eq 'failed' } | ForEach-Object { $_.CheckId + ': ' + $_.Reason })
    [pscustomobject]@{
        PSTypeName       = 'RdpRescue.ScenarioResult'
        Id               = $Scenario.Id
        Title            = $script:RdpStrings['Scenario.' + $Scenario.Id + '.Title']
        Status           = $script:RdpStatusNames[$decision.Status]
        Evidence         = $decision.Evidence
        Reason           = ($reasons -join '; ')
        Checks           = $checks
        RecommendedFixes = $fixes
    }
}

function ConvertTo-RdpSinceHours {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [AllowNull()]
        [object]$Since
    )
    if ($null -eq $Since -or [string]$Since -eq '') {
        return $null
    }
    $hours = 0.0
    if ($Since -is [timespan]) {
        $hours = $Since.TotalHours
    }
    elseif (-not [double]::TryParse([string]$Since, [System.Globalization.NumberStyles]::Float, [System.Globalization.CultureInfo]::InvariantCulture, [ref]$hours)) {
        $span = [timespan]::Zero
        if ([timespan]::TryParse([string]$Since, [System.Globalization.CultureInfo]::InvariantCulture, [ref]$span)) {
            $hours = $span.TotalHours
        }
    }
    if ($hours -le 0) {
        throw ($script:RdpStrings.InvalidSince -f $Since)
    }
    $hours
}

function Assert-RdpElevation {
    [CmdletBinding()]
    param()
    if (-not (Test-RdpElevation)) {
        throw $script:RdpStrings.NotElevated
    }
}

function Assert-RdpServerCertificate {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Thumbprint,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Refused before anything changes: a certificate RDP could not present. NETWORK SERVICE's
    # read access is not required here: the fix grants it.
    $found = @(Find-RdpValidCertificate -Thumbprint $Thumbprint -Stores @('My') -Now $Context.Now)
    if ($found.Count -eq 0) {
        throw ($script:RdpStrings.ThumbprintNotUsable -f $Thumbprint)
    }
    $problem = Get-RdpCertificateProblem -Certificate $found[0] -SkipKeyAccess
    if ($problem -eq 'eku') {
        throw ($script:RdpStrings.CertificateNotForServer -f $Thumbprint, (@($found[0].EnhancedKeyUsages) -join ', '), ($script:RdpCatalog.ServerAuthUsages -join ', '))
    }
    if ($problem -ne '') {
        throw ($script:RdpStrings.CertificateKeyUnusable -f $Thumbprint)
    }
}

function Assert-RdpFixParameter {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    foreach ($parameter in $Fix.Parameters) {
        if (-not $Parameters.ContainsKey($parameter.Name)) {
            throw ($script:RdpStrings.MissingParameter -f $Fix.Id, $parameter.Name)
        }
        $value = $Parameters[$parameter.Name]
        switch ($parameter.Type) {
            'thumbprint' {
                $thumbprint = ([string]$value).ToUpperInvariant()
                Assert-RdpServerCertificate -Thumbprint $thumbprint -Context $Context
                $Parameters[$parameter.Name] = $thumbprint
            }
            'port' {
                $rdp = @(Get-RdpServiceInfo -Name $script:RdpCatalog.ListenerCheck.Service)
                $rdpPid = -1
                if ($rdp.Count -gt 0) {
                    $rdpPid = $rdp[0].ProcessId
                }
                $busy = @(Get-RdpTcpListener -Port ([int]$value) | Where-Object { $_.OwningProcess -ne $rdpPid })
                if ($busy.Count -gt 0) {
                    throw ($script:RdpStrings.PortInUse -f $value, $busy[0].OwningProcess)
                }
            }
        }
    }
}

function Get-RdpStillFiring {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix
    )
    # Events describe the past; only state checks can confirm a fix.
    $checks = @($Fix.VerifyChecks | ForEach-Object { $script:RdpCatalog.Checks[$_] } | Where-Object { $_.Kind -ne 'event-query' })
    if ($checks.Count -eq 0) {
        return
    }
    $context = New-RdpContext -Checks $checks
    foreach ($check in $checks) {
        $result = Invoke-RdpCheck -Check $check -Context $context
        if ($result.Outcome -ne 'quiet') {
            $result.CheckId
        }
    }
}

function Test-RdpFixNeeded {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix,
        [Parameter(Mandatory = $true)]
        [hashtable]$EventContext
    )
    # Needed when a state check it repairs fires, or when an event it answers was logged: some
    # failures (a damaged or missing key) show only in events.
    foreach ($id in $Fix.NeededWhenEvents) {
        if ((Invoke-RdpCheck -Check $script:RdpCatalog.Checks[$id] -Context $EventContext).Outcome -eq 'fired') {
            return $true
        }
    }
    $stateChecks = @($Fix.VerifyChecks | Where-Object { $script:RdpCatalog.Checks[$_].Kind -ne 'event-query' })
    if ($stateChecks.Count -eq 0) {
        return @($Fix.NeededWhenEvents).Count -eq 0
    }
    @(Get-RdpStillFiring -Fix $Fix).Count -gt 0
}

function Get-RdpWinningPolicy {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix
    )
    # The fix's policy guards (policy-guards.ts): a registry value read at its policy location,
    # which decides only when it is there; a firewall check on the Group Policy store alone.
    $context = New-RdpContext
    foreach ($guard in @($Fix.PolicyGuards)) {
        if ($guard.Kind -eq 'registry-value') {
            if ($null -eq (Get-RdpRegistryValue -Path $guard.Key -Name $guard.Name)) {
                continue
            }
            if ((Invoke-RdpCheck -Check $guard -Context $context).Outcome -eq 'fired') {
                '{0}\{1}' -f $guard.Key, $guard.Name
            }
        }
        elseif ((Invoke-RdpCheck -Check $guard -Context $context).Outcome -eq 'fired') {
            '{0} DoNotAllowExceptions=1' -f $script:RdpFirewallPolicy
        }
    }
}

function Confirm-RdpFixResult {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix
    )
    # A restarted service needs a moment before it listens or creates its certificate.
    $attempts = 1
    if ($Fix.RestartsServices.Count -gt 0) {
        $attempts = 6
    }
    for ($i = 1; $i -le $attempts; $i++) {
        $still = @(Get-RdpStillFiring -Fix $Fix)
        if ($still.Count -eq 0 -or $i -eq $attempts) {
            return $still
        }
        Start-Sleep -Seconds 5
    }
}

function Invoke-RdpFixSet {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [object[]]$Fixes,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters,
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]$Cmdlet,
        [Parameter(Mandatory = $true)]
        [string]$BackupRoot,
        [string]$Scenario = '',
        [switch]$SkipClear
    )
    $BackupRoot = Resolve-RdpFileSystemPath -Path $BackupRoot
    $approved = @()
    # One query per channel for every event a fix answers.
    $eventChecks = @($Fixes | ForEach-Object { $_.NeededWhenEvents } | Sort-Object -Unique | ForEach-Object { $script:RdpCatalog.Checks[$_] })
    $eventContext = New-RdpContext -Checks $eventChecks
    foreach ($fix in $Fixes) {
        if ($SkipClear -and -not (Test-RdpFixNeeded -Fix $fix -EventContext $eventContext)) {
            $message = $script:RdpStrings.FixAlreadyClear -f $fix.Id, ((@($fix.VerifyChecks) + @($fix.NeededWhenEvents)) -join ', ')
            Write-Verbose $message
            New-RdpFixResult -Fix $fix -Result 'Skipped' -Message $message
            continue
        }
        # Before any change: a local write that Group Policy overrides would change nothing
        # but leave a change behind.
        $winning = @(Get-RdpWinningPolicy -Fix $fix)
        if ($winning.Count -gt 0) {
            $message = $script:RdpStrings.PolicyWins -f $fix.Id, ($winning -join ', ')
            Write-Warning $message
            New-RdpFixResult -Fix $fix -Result 'Skipped' -Message $message
            continue
        }
        $title = $script:RdpStrings['Fix.' + $fix.Id + '.Title']
        if ($Cmdlet.ShouldProcess($env:COMPUTERNAME, ($script:RdpStrings.ShouldProcessFix -f $title))) {
            $approved += $fix
        }
    }
    if ($approved.Count -eq 0) {
        return
    }
    Assert-RdpElevation
    $context = New-RdpContext
    foreach ($fix in $approved) {
        Assert-RdpFixParameter -Fix $fix -Parameters $Parameters -Context $context
    }
    # From here on no error escapes as it is (a failing platform call, a service that misses its
    # deadline): it is reported with the fix it stopped and whether anything was changed.
    try {
        $backup = Backup-RdpFixState -Fixes $approved -Context $context -BackupRoot $BackupRoot -Scenario $Scenario
    }
    catch {
        throw ($script:RdpStrings.BackupFailed -f (@($approved | ForEach-Object { $_.Id }) -join ', '), $_.Exception.Message)
    }
    Write-Information -MessageData ($script:RdpStrings.BackupWritten -f $backup) -InformationAction Continue
    foreach ($hint in @(Get-RdpRunCommandUndoHint -BackupPath $backup)) {
        Write-Information -MessageData $hint -InformationAction Continue
    }
    $reboot = $false
    foreach ($fix in $approved) {
        # Each registry value is read back right after its write, as the CMD scripts do.
        $unconfirmed = @()
        $context.ItemFailures.Clear()
        try {
            $changes = @(foreach ($operation in $fix.Operations) {
                    & $script:RdpOperationAppliers[$operation.Kind] -Operation $operation -Parameters $Parameters -Context $context -Confirm:$false
                    $unconfirmed += @(Get-RdpUnconfirmedWrite -Operation $operation -Parameters $Parameters)
                })
            if ($fix.WeakensSecurity) {
                Write-Warning ($script:RdpStrings.WeakensSecurity -f $script:RdpStrings['Fix.' + $fix.Id + '.Warning'], $script:RdpStrings['Fix.' + $fix.Id + '.Restore'])
                foreach ($hint in @(Get-RdpRunCommandUndoHint -BackupPath $backup)) {
                    Write-Warning $hint
                }
            }
            $still = @(Confirm-RdpFixResult -Fix $fix)
        }
        catch {
            throw ($script:RdpStrings.FixFailed -f $fix.Id, $_.Exception.Message, $backup)
        }
        $problems = @()
        if ($unconfirmed.Count -gt 0) {
            $problems += $script:RdpStrings.NotReadBack -f $fix.Id, ($unconfirmed -join ', ')
        }
        if ($still.Count -gt 0) {
            $problems += $script:RdpStrings.NotVerified -f $fix.Id, ($still -join ', ')
        }
        $failed = @($context.ItemFailures)
        $result = 'Applied'
        $message = ''
        if ($failed.Count -gt 0) {
            # Never "Applied" when some items were not changed: say which, whatever the checks say.
            $result = 'Partial'
            $shown = @($failed[0..([Math]::Min($failed.Count, 3) - 1)]) -join '; '
            if ($failed.Count -gt 3) {
                $shown += '; ...'
            }
            $message = (@($script:RdpStrings.PartiallyApplied -f $fix.Id, $failed.Count, $shown) + $problems) -join ' '
            Write-Warning $message
        }
        elseif ($problems.Count -gt 0) {
            $result = 'NotVerified'
            $message = $problems -join ' '
            Write-Warning $message
        }
        $reboot = $reboot -or $fix.Reboot
        New-RdpFixResult -Fix $fix -Result $result -Message $message -Changes $changes -BackupPath $backup -FailedItems $failed
    }
    if ($reboot) {
        Write-Warning $script:RdpStrings.RebootRequired
    }
}

function Get-RdpRunCommandUndoHint {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$BackupPath
    )
    # Under Run Command, Undo-RdpRepair cannot be typed: name the Run Command that undoes.
    if ($script:RdpRunCommandUndo) {
        $script:RdpStrings.UndoThroughRunCommand -f ($script:RdpRunCommandUndo -f $BackupPath)
    }
}

function New-RdpFixResult {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix,
        [Parameter(Mandatory = $true)]
        [ValidateSet('Applied', 'Partial', 'Skipped', 'NotVerified')]
        [string]$Result,
        [string]$Message = '',
        [string[]]$Changes = @(),
        [string]$BackupPath = '',
        [string[]]$FailedItems = @()
    )
    $applied = $Result -ne 'Skipped'
    [pscustomobject]@{
        PSTypeName        = 'RdpRescue.FixResult'
        Fix               = $Fix.Id
        Command           = $Fix.Command
        Result            = $Result
        Changes           = @($Changes)
        RestartedServices = @($Fix.RestartsServices | Where-Object { $applied })
        RebootRequired    = ($applied -and $Fix.Reboot)
        BackupPath        = $BackupPath
        Message           = $Message
        FailedItems       = @($FailedItems)
    }
}

function Invoke-RdpFixCommand {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$FixId,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters,
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]$Cmdlet,
        [Parameter(Mandatory = $true)]
        [string]$BackupRoot
    )
    $fix = $script:RdpCatalog.Fixes[$FixId]
    Invoke-RdpFixSet -Fixes @($fix) -Parameters $Parameters -Cmdlet $Cmdlet -BackupRoot $BackupRoot
}
