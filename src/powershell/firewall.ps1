# Windows Firewall checks, operation and backup
# The firewall keeps its configuration in the registry: rules as REG_SZ values named by the
# rule's language-neutral Name under ...\FirewallPolicy\FirewallRules (local store) and
# HKLM:\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules (Group Policy store), data
# '|'-separated fields ('v2.22|Action=Allow|Active=TRUE|Dir=In|Protocol=6|...|LPort=3389|...').
# Fields are read one by one; the localized Name=/Desc= texts are never looked at.

$script:RdpFirewallLocal = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy'
$script:RdpFirewallPolicy = 'HKLM:\SOFTWARE\Policies\Microsoft\WindowsFirewall'
$script:RdpFirewallProfiles = @('DomainProfile', 'StandardProfile', 'PublicProfile')

function ConvertFrom-RdpFirewallRuleData {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Data
    )
    # Field name -> list of values: LPort and Profile may appear more than once.
    $fields = @{}
    foreach ($part in $Data.Split('|')) {
        $at = $part.IndexOf('=')
        if ($at -lt 1) {
            continue
        }
        $name = $part.Substring(0, $at)
        if (-not $fields.ContainsKey($name)) {
            $fields[$name] = @()
        }
        $fields[$name] += $part.Substring($at + 1)
    }
    $fields
}

function Get-RdpFirewallRuleSet {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param()
    # Every rule of both stores: @{ Store; Name; Fields }.
    foreach ($store in @($script:RdpFirewallLocal, $script:RdpFirewallPolicy)) {
        $values = Get-RdpRegistryValueTable -Path "$store\FirewallRules"
        foreach ($name in @($values.Keys)) {
            @{ Store = $store; Name = $name; Fields = (ConvertFrom-RdpFirewallRuleData -Data ([string]$values[$name])) }
        }
    }
}

function Test-RdpFirewallRuleField {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fields,
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [string]$Value
    )
    @($Fields[$Name] | Where-Object { [string]$_ -eq $Value }).Count -gt 0
}

function Test-RdpFirewallRuleActive {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fields
    )
    Test-RdpFirewallRuleField -Fields $Fields -Name 'Active' -Value 'TRUE'
}

function Test-RdpFirewallRuleCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $found = @(Get-RdpFirewallRuleSet | Where-Object { $_.Name -eq $Check.Rule })
    if (@($found | Where-Object { Test-RdpFirewallRuleActive -Fields $_.Fields }).Count -gt 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    $detail = 'inactive'
    if ($found.Count -eq 0) {
        $detail = 'missing'
    }
    if ($Check.ContainsKey('PortKey')) {
        # Another active allow rule on the port (e.g. one scoped to admin addresses) lets RDP in.
        $port = [string](Get-RdpConfiguredPort -Check $Check)
        $allowing = @(Get-RdpFirewallPortRule -Port $port -Action 'Allow')
        if ($allowing.Count -gt 0) {
            return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet' -Detail ("$port/allow:" + (@($allowing | ForEach-Object { $_.Name }) -join '+'))
        }
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail $detail
}

function Get-RdpFirewallPortRule {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Port,
        [Parameter(Mandatory = $true)]
        [string]$Action
    )
    @(Get-RdpFirewallRuleSet | Where-Object {
            (Test-RdpFirewallRuleActive -Fields $_.Fields) -and
            (Test-RdpFirewallRuleField -Fields $_.Fields -Name 'Dir' -Value 'In') -and
            (Test-RdpFirewallRuleField -Fields $_.Fields -Name 'Protocol' -Value '6') -and
            (Test-RdpFirewallRuleField -Fields $_.Fields -Name 'LPort' -Value $Port) -and
            (Test-RdpFirewallRuleField -Fields $_.Fields -Name 'Action' -Value $Action)
        })
}

function Get-RdpFirewallProfileValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Profile,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # The effective value: the Group Policy one when present. Source 'gpo' or 'local'. The
    # local store keeps the Private profile as StandardProfile; Group Policy writes it as
    # PrivateProfile (MS-GPFAS 2.2.3), before the legacy StandardProfile policy key.
    $policyKeys = @($Profile)
    if ($Profile -eq 'StandardProfile') {
        $policyKeys = @('PrivateProfile', 'StandardProfile')
    }
    foreach ($key in $policyKeys) {
        $value = Get-RdpRegistryValue -Path "$script:RdpFirewallPolicy\$key" -Name $Name
        if ($null -ne $value) {
            return @{ Value = $value; Source = 'gpo' }
        }
    }
    @{ Value = (Get-RdpRegistryValue -Path "$script:RdpFirewallLocal\$Profile" -Name $Name); Source = 'local' }
}

function Test-RdpFirewallInboundBlockedCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # A profile whose firewall is off blocks nothing; absent EnableFirewall means on.
    $blocking = @(foreach ($profile in $script:RdpFirewallProfiles) {
            $enabled = Get-RdpFirewallProfileValue -Profile $profile -Name 'EnableFirewall'
            $shield = Get-RdpFirewallProfileValue -Profile $profile -Name 'DoNotAllowExceptions'
            $on = $null -eq $enabled.Value -or [int]$enabled.Value -ne 0
            if ($on -and $null -ne $shield.Value -and [int]$shield.Value -eq 1) {
                if ($Check.Source -ne 'policy' -or $shield.Source -eq 'gpo') {
                    '{0}:{1}' -f $shield.Source, $profile
                }
            }
        })
    if ($blocking.Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ($blocking -join '+')
}

function Test-RdpFirewallPortAllowedCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Never assume 3389. Active inbound TCP rules listing the port exactly; a block rule wins.
    $port = [string](Get-RdpConfiguredPort -Check $Check)
    $matching = @(Get-RdpFirewallRuleSet | Where-Object {
            (Test-RdpFirewallRuleActive -Fields $_.Fields) -and
            (Test-RdpFirewallRuleField -Fields $_.Fields -Name 'Dir' -Value 'In') -and
            (Test-RdpFirewallRuleField -Fields $_.Fields -Name 'Protocol' -Value '6') -and
            (Test-RdpFirewallRuleField -Fields $_.Fields -Name 'LPort' -Value $port)
        })
    $blocked = @($matching | Where-Object { Test-RdpFirewallRuleField -Fields $_.Fields -Name 'Action' -Value 'Block' })
    if ($blocked.Count -gt 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail ("$port/block:" + (@($blocked | ForEach-Object { $_.Name }) -join '+'))
    }
    if ($Check.FiresWhen -eq 'not-allowed' -and @($matching | Where-Object { Test-RdpFirewallRuleField -Fields $_.Fields -Name 'Action' -Value 'Allow' }).Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail "$port/no-allow"
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
}

function Get-RdpFirewallRuleState {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Rule
    )
    # $true / $false for the local rule's Active field, $null when the rule is absent.
    $data = Get-RdpRegistryValue -Path "$script:RdpFirewallLocal\FirewallRules" -Name $Rule
    if ($null -eq $data) {
        return $null
    }
    Test-RdpFirewallRuleActive -Fields (ConvertFrom-RdpFirewallRuleData -Data ([string]$data))
}

function Enable-RdpFirewallRuleOperation {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $state = Get-RdpFirewallRuleState -Rule $Operation.Rule
    if ($null -eq $state) {
        Write-Warning ($script:RdpStrings.FirewallRuleMissing -f $Operation.Rule)
        return
    }
    # Enabling an enabled rule changes nothing: no need to tell the two apart.
    Set-RdpFirewallRuleEnabled -Name $Operation.Rule -Enabled $true
    '{0} enabled' -f $Operation.Rule
}

function Backup-RdpFirewallRuleStateItem {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    @{ Kind = $Item.Kind; Rule = $Item.Rule; Enabled = (Get-RdpFirewallRuleState -Rule $Item.Rule) }
}

function Restore-RdpFirewallRuleStateItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    # An absent rule stays absent: enabling never created one.
    if ($null -ne $Entry.Enabled -and (Get-RdpFirewallRuleState -Rule $Entry.Rule) -ne [bool]$Entry.Enabled) {
        Set-RdpFirewallRuleEnabled -Name $Entry.Rule -Enabled ([bool]$Entry.Enabled)
    }
}

function Test-RdpFirewallRuleStateItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    if ([string](Get-RdpEntryField -Entry $Entry -Name 'Rule') -ne $Item.Rule) {
        return $false
    }
    $enabled = Get-RdpEntryField -Entry $Entry -Name 'Enabled'
    $null -eq $enabled -or $enabled -is [bool]
}
