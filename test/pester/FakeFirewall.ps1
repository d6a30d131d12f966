# The fake machine's Windows Firewall (dot-sourced by FakeMachine.ps1).
#
# Like Windows, the fake keeps the firewall's configuration in its registry: rules as REG_SZ
# values named by the rule's Name under FirewallPolicy\FirewallRules (local store) and
# Policies\Microsoft\WindowsFirewall\FirewallRules (Group Policy store), profiles as
# EnableFirewall / DoNotAllowExceptions under ...\<profile>. Enabling a rule rewrites its
# Active= field and setting its port rewrites its LPort= field, as Enable-NetFirewallRule and
# Set-NetFirewallRule do in the persistent store.

function global:Get-FakeFirewallKey {
    param([ValidateSet('Local', 'Policy')][string]$Store = 'Local')
    if ($Store -eq 'Policy') {
        return 'HKLM:\SOFTWARE\Policies\Microsoft\WindowsFirewall'
    }
    'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy'
}

function global:New-FakeFirewallRuleData {
    # The data Windows writes for the built-in Remote Desktop rules (Microsoft's article).
    param([string]$Action = 'Allow', [string]$Active = 'TRUE', [int]$Protocol = 6, [string[]]$LPort = @('3389'))
    $ports = @($LPort | ForEach-Object { "LPort=$_|" }) -join ''
    "v2.30|Action=$Action|Active=$Active|Dir=In|Protocol=$Protocol|Profile=Domain|Profile=Private|Profile=Public|$($ports)App=%SystemRoot%\system32\svchost.exe|Svc=termservice|Name=@FirewallAPI.dll,-28775|Desc=@FirewallAPI.dll,-28756|EmbedCtxt=@FirewallAPI.dll,-28752|"
}

function global:Set-FakeFirewallRule {
    param([string]$Name, [string]$Data, [ValidateSet('Local', 'Policy')][string]$Store = 'Local')
    $global:RdpFake.Registry["$(Get-FakeFirewallKey -Store $Store)\FirewallRules|$Name"] = @{ Kind = 'String'; Value = $Data }
}

function global:Set-FakeFirewallProfile {
    param([string]$Profile, [string]$Name, [object]$Value, [ValidateSet('Local', 'Policy')][string]$Store = 'Local')
    $key = "$(Get-FakeFirewallKey -Store $Store)\$Profile|$Name"
    if ($null -eq $Value) {
        $global:RdpFake.Registry.Remove($key)
        return
    }
    $global:RdpFake.Registry[$key] = @{ Kind = 'DWord'; Value = $Value }
}

function global:Initialize-FakeFirewall {
    # Healthy: the firewall on in every profile, exceptions allowed, both RDP rules enabled on
    # 3389, MpsSvc and BFE running.
    Set-FakeFirewallRule -Name 'RemoteDesktop-UserMode-In-TCP' -Data (New-FakeFirewallRuleData)
    Set-FakeFirewallRule -Name 'RemoteDesktop-UserMode-In-UDP' -Data (New-FakeFirewallRuleData -Protocol 17)
    foreach ($profile in @('DomainProfile', 'StandardProfile', 'PublicProfile')) {
        Set-FakeFirewallProfile -Profile $profile -Name 'EnableFirewall' -Value 1
        Set-FakeFirewallProfile -Profile $profile -Name 'DoNotAllowExceptions' -Value 0
    }
    $global:RdpFake.Services.MpsSvc = @{ Name = 'MpsSvc'; State = 'Running'; ProcessId = 1400; Pid = 1400; ListensOn = $null }
    $global:RdpFake.Services.BFE = @{ Name = 'BFE'; State = 'Running'; ProcessId = 1400; Pid = 1400; ListensOn = $null }
}

function global:Set-FakeFirewallRuleField {
    # Rewrites one field of a local rule's data, keeping every other field as it is.
    param([string]$Name, [string]$Field, [string[]]$Value)
    $key = "$(Get-FakeFirewallKey)\FirewallRules|$Name"
    $entry = $global:RdpFake.Registry[$key]
    if ($null -eq $entry) {
        throw "No firewall rule found with Name '$Name'"
    }
    $parts = @($entry.Value.Split('|'))
    $kept = New-Object -TypeName System.Collections.ArrayList
    $inserted = $false
    foreach ($part in $parts) {
        if ($part.StartsWith("$Field=")) {
            if (-not $inserted) {
                foreach ($v in $Value) {
                    $null = $kept.Add("$Field=$v")
                }
                $inserted = $true
            }
            continue
        }
        $null = $kept.Add($part)
    }
    $global:RdpFake.Registry[$key] = @{ Kind = 'String'; Value = ($kept -join '|') }
}

function global:Get-FakeFirewallPlatformCommand {
    @('Get-RdpRegistryValueTable', 'Set-RdpFirewallRuleEnabled')
}

function global:Register-FakeFirewallMock {
    param([hashtable]$Target)
    Mock @Target -CommandName 'Get-RdpRegistryValueTable' -MockWith {
        Assert-FakeProbe -Function 'Get-RdpRegistryValueTable' -Target $Path
        $table = @{}
        foreach ($key in @($global:RdpFake.Registry.Keys)) {
            $at = $key.LastIndexOf('|')
            if ($key.Substring(0, $at) -eq $Path) {
                $table[$key.Substring($at + 1)] = $global:RdpFake.Registry[$key].Value
            }
        }
        $table
    }
    Mock @Target -CommandName 'Set-RdpFirewallRuleEnabled' -MockWith {
        Add-FakeChange "firewall-rule-enable $Name"
        $active = 'FALSE'
        if ($Enabled) {
            $active = 'TRUE'
        }
        Set-FakeFirewallRuleField -Name $Name -Field 'Active' -Value @($active)
    }
    # The rule's port lives in its data, so the firewall checks see what set-rdp-port changed.
    Mock @Target -CommandName 'Get-RdpFirewallRulePort' -MockWith {
        $entry = $global:RdpFake.Registry["$(Get-FakeFirewallKey)\FirewallRules|$Name"]
        if ($null -eq $entry) {
            return $null
        }
        , @($entry.Value.Split('|') | Where-Object { $_.StartsWith('LPort=') } | ForEach-Object { $_.Substring(6) })
    }
    Mock @Target -CommandName 'Set-RdpFirewallRulePort' -MockWith {
        Add-FakeChange "firewall-rule-port $Name"
        Set-FakeFirewallRuleField -Name $Name -Field 'LPort' -Value @($Port | ForEach-Object { [string]$_ })
    }
}

function global:Set-FakeFirewallCheckFiring {
    # $true when the check is a firewall check and the machine now shows its problem.
    param([hashtable]$Check)
    switch ($Check.Kind) {
        'firewall-rule' {
            Set-FakeFirewallRuleField -Name $Check.Rule -Field 'Active' -Value @('FALSE')
        }
        'firewall-inbound-blocked' {
            $store = 'Local'
            if ($Check.Source -eq 'policy') {
                $store = 'Policy'
            }
            Set-FakeFirewallProfile -Profile 'PublicProfile' -Name 'DoNotAllowExceptions' -Value 1 -Store $store
        }
        'firewall-port-allowed' {
            if ($Check.FiresWhen -eq 'blocked') {
                # A block rule on the configured port: it wins over the allow rules.
                $port = [string](Get-FakeConfiguredPort)
                Set-FakeFirewallRule -Name 'Block-RDP-In' -Data (New-FakeFirewallRuleData -Action 'Block' -LPort @($port))
            }
            else {
                # RDP moved to 3390 in the registry only: the rules stay on 3389.
                $global:RdpFake.Registry["$($global:RdpFake.RdpTcpKey)|PortNumber"] = @{ Kind = 'DWord'; Value = 3390 }
            }
        }
        default {
            return $false
        }
    }
    $true
}

function global:Get-FakeFirewallProbe {
    # The platform probe a firewall check depends on, as Set-FakeCheckFailing wants it.
    param([hashtable]$Check)
    switch ($Check.Kind) {
        'firewall-rule' { return @('Get-RdpRegistryValueTable', '*') }
        'firewall-port-allowed' { return @('Get-RdpRegistryValueTable', '*') }
        'firewall-inbound-blocked' { return @('Get-RdpRegistryValue', "$(Get-FakeFirewallKey -Store Policy)\DomainProfile") }
        default { return $null }
    }
}

function global:Get-FakeFirewallExpectedChange {
    param([hashtable]$Operation)
    if ($Operation.Kind -eq 'firewall-rule-enable') {
        return "firewall-rule-enable $($Operation.Rule)"
    }
    $null
}
