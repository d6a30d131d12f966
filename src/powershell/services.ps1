# Service control with a deadline
# Windows' Start-, Stop- and Restart-Service wait without limit: a TermService stuck in
# START_PENDING would hold Run Command until its 90-minute limit. Stop-Service without -Force
# refuses a service that others depend on. Here every wait polls the service's state until a
# deadline, dependents are stopped first (and started again after a restart), and a service
# still pending at the deadline is reported as such.

# How long one service may take to start or stop, and how often its state is read meanwhile.
$script:RdpServiceTimeoutSeconds = 60
$script:RdpServicePollMilliseconds = 250

function Get-RdpServiceState {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # Win32_Service's State: 'Running', 'Stopped', 'Start Pending', 'Stop Pending', ...
    $service = @(Get-RdpServiceInfo -Name $Name)
    if ($service.Count -eq 0) {
        return 'Missing'
    }
    $service[0].State
}

function Wait-RdpServiceState {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('Running', 'Stopped')]
        [string]$State
    )
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    while ($true) {
        $now = Get-RdpServiceState -Name $Name
        if ($now -eq $State) {
            return
        }
        # After a start request a service is START_PENDING until it runs; Stopped means it failed.
        $failed = $State -eq 'Running' -and $now -eq 'Stopped'
        if ($failed -or $clock.Elapsed.TotalSeconds -ge $script:RdpServiceTimeoutSeconds) {
            throw ($script:RdpStrings.ServiceNotReached -f $Name, $now, $State, [int]$clock.Elapsed.TotalSeconds)
        }
        Start-Sleep -Milliseconds $script:RdpServicePollMilliseconds
    }
}

function Start-RdpServiceBounded {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # The service control manager starts the services this one depends on by itself. It refuses
    # to start a service that is still stopping (StartService: ERROR_SERVICE_ALREADY_RUNNING), so
    # a stop under way is waited for first.
    $state = Get-RdpServiceState -Name $Name
    if ($state -eq 'Running') {
        return
    }
    if ($state -eq 'Stop Pending') {
        Wait-RdpServiceState -Name $Name -State 'Stopped'
        $state = 'Stopped'
    }
    if ($state -ne 'Start Pending') {
        Send-RdpServiceControl -Name $Name -Control 'Start'
    }
    Wait-RdpServiceState -Name $Name -State 'Running'
}

function Stop-RdpServiceBounded {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # Stops the services that depend on this one first, in the order Windows lists them, then
    # the service. Returns the dependents that were running, in the order they were stopped.
    foreach ($dependent in @(Get-RdpDependentService -Name $Name)) {
        $state = Send-RdpServiceStop -Name $dependent
        if ($state -eq 'Running' -or $state -eq 'Start Pending') {
            $dependent
        }
    }
    $null = Send-RdpServiceStop -Name $Name
}

function Send-RdpServiceStop {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # Stops one service and waits for it; returns the state it was in. The service control
    # manager refuses a stop while the service is still starting (ControlService:
    # ERROR_SERVICE_CANNOT_ACCEPT_CTRL for START_PENDING), so a start under way is waited for first.
    $state = Get-RdpServiceState -Name $Name
    if ($state -eq 'Stopped' -or $state -eq 'Missing') {
        return $state
    }
    if ($state -eq 'Start Pending') {
        Wait-RdpServiceState -Name $Name -State 'Running'
    }
    if ($state -ne 'Stop Pending') {
        Send-RdpServiceControl -Name $Name -Control 'Stop'
    }
    Wait-RdpServiceState -Name $Name -State 'Stopped'
    $state
}

function Set-RdpServiceState {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('Running', 'Stopped', 'Restarted')]
        [string]$State
    )
    # Stopped returns the running dependents it stopped too; Restarted returns the dependents it
    # stopped and started again. A service that misses the deadline throws ServiceNotReached.
    if (-not $PSCmdlet.ShouldProcess($Name, "Service: $State")) {
        return
    }
    switch ($State) {
        'Running' {
            Start-RdpServiceBounded -Name $Name
        }
        'Stopped' {
            Stop-RdpServiceBounded -Name $Name
        }
        'Restarted' {
            $dependents = @(Stop-RdpServiceBounded -Name $Name)
            Start-RdpServiceBounded -Name $Name
            # Windows listed them in stop order; start in the reverse.
            [array]::Reverse($dependents)
            foreach ($dependent in $dependents) {
                Start-RdpServiceBounded -Name $dependent
            }
            $dependents
        }
    }
}
