<#
.SYNOPSIS
RdpRescue 0.1.0 offline: diagnose and repair the OS disk of a VM that cannot be reached,
from a rescue VM it is attached to (az vm repair create).

.DESCRIPTION
Finds the broken OS disk itself: brings offline data disks online read-only and picks the one
volume that holds \Windows\System32\config\SYSTEM and is not this VM's own system volume (a
partition without a drive letter is lent one while it is looked at); refuses and names the
candidates when there are none or several, and stops with the unlock guidance when a volume
is locked by BitLocker. Only Repair and Undo make that one disk writable. Finds the boot store
on Generation 1 (active partition) and Generation 2 (EFI system partition, given a drive
letter only while it is needed). A disk Windows keeps offline because its MBR signature or
GPT disk GUID collides with another disk's gets a new one from Windows to come online: the
script notes the original and writes it back when the run ends, then takes the disk offline
again (read-only if it was), as Windows kept it; or it ends in ERROR with the Set-Disk command
to run before az vm repair restore. The original is also noted in
$env:ProgramData\RdpRescue\repair-vm\disk-identity-pending.txt first: a run stopped half-way
is finished by the next run.

Mode=Diagnose (the default) writes nothing to the broken disk: it reads the broken OS's event
logs (.evtx files) and copies of its SYSTEM and SOFTWARE hives (with their transaction logs,
copied to this VM and loaded under private names), and prints one line per scenario:
RDPRESCUE <scenario> <DETECTED|CLEAR|UNKNOWN> <evidence>. Evidence that exists only while the
VM runs is reported UNKNOWN with the reason offline. A Security 4625 check that finds no event
is UNKNOWN with the reason audit-policy: whether the broken OS audited failed logons is in its
SECURITY hive, which is not read, so no event proves nothing.

Mode=Repair Repair=<fix-id>,<fix-id>|all applies offline repairs; all means every repair that
is not opt-in:
  offline-enable-serial-console
  offline-enable-crash-dump
  offline-reset-machinekeys-acl
  offline-enable-tls12
  offline-enable-nla
  offline-enable-legacy-tls (opt-in: name it)
  offline-service-defaults
  offline-remove-safe-boot
Each repair backs up exactly what it changes first, on the broken disk under
\RdpRescueOffline\<time>, and reads every change back; the first repair that does not read
back stops the run. Mode=Undo restores the newest backup not undone yet (or Backup=<time>).

Arguments come as Name=Value or -Name Value (az vm repair run passes them that way, as
strings): Mode, Repair, Drive (the letter of the broken OS volume when several are
attached), SinceHours (how far back to read events, from the last event the broken OS wrote),
Backup. The script has no param block on purpose: az vm repair run appends it to its own
driver script, where a second param block cannot parse.

The output fits what Run Command keeps (4096 bytes); everything is also written to a log
under $env:ProgramData\RdpRescue\repair-vm on the rescue VM. The last line is
[STATUS]::SUCCESS or [STATUS]::ERROR. Under az vm repair run every other line is tagged
[Output <time>], or [Error <time>] when the run failed: the driver shows only those then.

.EXAMPLE
az vm repair run --resource-group <rg> --name <vm> --run-on-repair --custom-script-file dist-ps/repair-vm/Invoke-RdpRescueOffline.ps1 --verbose --parameters Mode=Diagnose

.EXAMPLE
az vm repair run --resource-group <rg> --name <vm> --run-on-repair --custom-script-file dist-ps/repair-vm/Invoke-RdpRescueOffline.ps1 --verbose --parameters Mode=Repair Repair=all

.EXAMPLE
az vm repair run --resource-group <rg> --name <vm> --run-on-repair --custom-script-file dist-ps/repair-vm/Invoke-RdpRescueOffline.ps1 --verbose --parameters Mode=Repair Repair=<fix-id>,<fix-id>

.EXAMPLE
az vm repair run --resource-group <rg> --name <vm> --run-on-repair --custom-script-file dist-ps/repair-vm/Invoke-RdpRescueOffline.ps1 --verbose --parameters Mode=Undo

.EXAMPLE
powershell -NoProfile -ExecutionPolicy Bypass -File .\Invoke-RdpRescueOffline.ps1 Mode=Diagnose
#>

# Everything this script was given; parsed by Resolve-RdpOfflineArgument.
$RdpOfflineScriptArguments = @($args)

#region catalog data (generated from src/model/catalog)
$script:RdpOfflineCatalog = @{
    Version = '0.1.0'
    Mounts = @{
        SYSTEM = 'RDPRESCUE_SYSTEM'
        SOFTWARE = 'RDPRESCUE_SOFTWARE'
    }
    BcdMount = 'RDPRESCUE_BCD'
    Scenarios = @(
        @{
            Id = 'account-locked-or-expired'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-logon-account'
                        LogFile = 'Security.evtx'
                        Channel = 'Security'
                        Provider = 'Microsoft-Windows-Security-Auditing'
                        EventIds = @(4625)
                        WindowHours = 24
                        DataConditions = @(
                            @{
                                Fields = @('Status', 'SubStatus')
                                Accepted = @('0xc0000234', '0xc0000071', '0xc0000224', '0xc0000193')
                            }
                            @{
                                Fields = @('LogonType')
                                Accepted = @('10', '3')
                            }
                        )
                        ReportFields = @('TargetUserName', 'Status', 'SubStatus')
                        AuditedBy = @{
                            Subcategory = '{0CCE9215-69AE-11D9-BED3-505054503030}'
                            Bit = 2
                        }
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-logon-disabled'
                        LogFile = 'Security.evtx'
                        Channel = 'Security'
                        Provider = 'Microsoft-Windows-Security-Auditing'
                        EventIds = @(4625)
                        WindowHours = 24
                        DataConditions = @(
                            @{
                                Fields = @('Status', 'SubStatus')
                                Accepted = @('0xc0000072')
                            }
                        )
                        ReportFields = @('TargetUserName')
                        AuditedBy = @{
                            Subcategory = '{0CCE9215-69AE-11D9-BED3-505054503030}'
                            Bit = 2
                        }
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-logon-bad-password'
                        LogFile = 'Security.evtx'
                        Channel = 'Security'
                        Provider = 'Microsoft-Windows-Security-Auditing'
                        EventIds = @(4625)
                        WindowHours = 24
                        DataConditions = @(
                            @{
                                Fields = @('Status', 'SubStatus')
                                Accepted = @('0xc000006a', '0xc0000064')
                            }
                        )
                        ReportFields = @('TargetUserName', 'SubStatus')
                        AuditedBy = @{
                            Subcategory = '{0CCE9215-69AE-11D9-BED3-505054503030}'
                            Bit = 2
                        }
                    }
                }
            )
        }
        @{
            Id = 'broker-hostname'
            Evidence = @(
                @{
                    Role = 'precondition'
                    Check = @{
                        Kind = 'windows-feature'
                        Id = 'broker-role-installed'
                        Feature = 'RDS-Connection-Broker'
                        IndicatorService = 'Tssdis'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-broker-db-logon'
                        LogFile = 'Microsoft-Windows-TerminalServices-SessionBroker%4Operational.evtx'
                        Channel = 'Microsoft-Windows-TerminalServices-SessionBroker/Operational'
                        Provider = 'Microsoft-Windows-TerminalServices-SessionBroker'
                        EventIds = @(2056)
                        WindowHours = 24
                        DataConditions = @()
                        ReportFields = @()
                        AuditedBy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-broker-rpc'
                        LogFile = 'Microsoft-Windows-TerminalServices-SessionBroker-Client%4Operational.evtx'
                        Channel = 'Microsoft-Windows-TerminalServices-SessionBroker-Client/Operational'
                        Provider = 'Microsoft-Windows-TerminalServices-SessionBroker-Client'
                        EventIds = @(1296)
                        WindowHours = 24
                        DataConditions = @()
                        ReportFields = @()
                        AuditedBy = $null
                    }
                }
            )
        }
        @{
            Id = 'credssp-oracle'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'file-version'
                        Id = 'credssp-update-missing'
                        Path = @{
                            Root = 'SystemRoot'
                            Sub = 'System32\tspkg.dll'
                        }
                        Minimums = @(
                            @{
                                Build = '6.1.7601'
                                Minimum = @(6, 1, 7601, 24117)
                            }
                            @{
                                Build = '6.2.9200'
                                Minimum = @(6, 2, 9200, 22432)
                            }
                            @{
                                Build = '6.3.9600'
                                Minimum = @(6, 3, 9600, 18999)
                            }
                            @{
                                Build = '10.0.14393'
                                Minimum = @(10, 0, 14393, 2248)
                            }
                            @{
                                Build = '10.0.15063'
                                Minimum = @(10, 0, 15063, 1088)
                            }
                            @{
                                Build = '10.0.16299'
                                Minimum = @(10, 0, 16299, 431)
                            }
                        )
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'credssp-force-updated-clients'
                        Location = @{
                            Hive = 'SOFTWARE'
                            ControlSet = $false
                            Path = 'Microsoft\Windows\CurrentVersion\Policies\System\CredSSP\Parameters'
                        }
                        Name = 'AllowEncryptionOracle'
                        Op = 'equals'
                        Value = 0
                        Policy = $null
                    }
                }
            )
        }
        @{
            Id = 'guest-firewall-blocks-rdp'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'firewall-rule'
                        Id = 'rdp-firewall-rule-off'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'firewall-inbound-blocked'
                        Id = 'firewall-blocks-all-inbound'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'firewall-port-allowed'
                        Id = 'rdp-port-block-rule'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'firewall-inbound-blocked'
                        Id = 'firewall-block-all-by-policy'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'firewall-service-stopped'
                        Service = 'MpsSvc'
                        FiresWhen = 'not-running'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'bfe-service-stopped'
                        Service = 'BFE'
                        FiresWhen = 'not-running'
                    }
                }
            )
        }
        @{
            Id = 'machinekeys-access'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-rcm-cert'
                        LogFile = 'System.evtx'
                        Channel = 'System'
                        Provider = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager'
                        EventIds = @(1057, 1058)
                        WindowHours = 24
                        DataConditions = @()
                        ReportFields = @()
                        AuditedBy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-schannel-key'
                        LogFile = 'System.evtx'
                        Channel = 'System'
                        Provider = 'Schannel'
                        EventIds = @(36870)
                        WindowHours = 24
                        DataConditions = @()
                        ReportFields = @('ErrorCode', 'ErrorStatus')
                        AuditedBy = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-schannel-36872'
                        LogFile = 'System.evtx'
                        Channel = 'System'
                        Provider = 'Schannel'
                        EventIds = @(36872)
                        WindowHours = 24
                        DataConditions = @()
                        ReportFields = @()
                        AuditedBy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'folder-acl'
                        Id = 'machinekeys-acl'
                        Path = @{
                            Root = 'ProgramData'
                            Sub = 'Microsoft\Crypto\RSA\MachineKeys'
                        }
                        RequiredAces = @(
                            @{
                                Sid = 'S-1-5-32-544'
                                Mask = 2032127
                                FilesStartingWith = $null
                            }
                            @{
                                Sid = 'S-1-5-18'
                                Mask = 2032127
                                FilesStartingWith = 'f686aace6942fb7f7ceb231212eef4a4_'
                            }
                            @{
                                Sid = 'S-1-5-20'
                                Mask = 1179785
                                FilesStartingWith = 'f686aace6942fb7f7ceb231212eef4a4_'
                            }
                        )
                    }
                }
            )
        }
        @{
            Id = 'max-connections-reached'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-connection-limit-zero'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'MaxInstanceCount'
                        Op = 'equals'
                        Value = 0
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'MaxInstanceCount'
                        }
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-connection-limit-one'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'MaxInstanceCount'
                        Op = 'equals'
                        Value = 1
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'MaxInstanceCount'
                        }
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-connection-limit-by-policy'
                        Location = @{
                            Hive = 'SOFTWARE'
                            ControlSet = $false
                            Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                        }
                        Name = 'MaxInstanceCount'
                        Op = 'equals'
                        Value = 0
                        Policy = $null
                    }
                }
            )
        }
        @{
            Id = 'network-service-down'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-config'
                        Id = 'netsvc-dhcp-start'
                        Service = 'Dhcp'
                        Setting = 'start-type'
                        Expected = 2
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'netsvc-dhcp-down'
                        Service = 'Dhcp'
                        FiresWhen = 'not-running'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-config'
                        Id = 'netsvc-nsi-start'
                        Service = 'nsi'
                        Setting = 'start-type'
                        Expected = 2
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'netsvc-nsi-down'
                        Service = 'nsi'
                        FiresWhen = 'not-running'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-config'
                        Id = 'netsvc-bfe-start'
                        Service = 'BFE'
                        Setting = 'start-type'
                        Expected = 2
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'netsvc-bfe-down'
                        Service = 'BFE'
                        FiresWhen = 'not-running'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-config'
                        Id = 'netsvc-mpssvc-start'
                        Service = 'MpsSvc'
                        Setting = 'start-type'
                        Expected = 2
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'netsvc-mpssvc-down'
                        Service = 'MpsSvc'
                        FiresWhen = 'not-running'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-config'
                        Id = 'netsvc-dhcp-account'
                        Service = 'Dhcp'
                        Setting = 'logon-account'
                        Expected = 'NT Authority\LocalService'
                    }
                }
            )
        }
        @{
            Id = 'nla-dc-unreachable'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-logon-no-dc'
                        LogFile = 'Security.evtx'
                        Channel = 'Security'
                        Provider = 'Microsoft-Windows-Security-Auditing'
                        EventIds = @(4625)
                        WindowHours = 24
                        DataConditions = @(
                            @{
                                Fields = @('Status', 'SubStatus')
                                Accepted = @('0xc000005e', '0xc000018c', '0xc000018d', '0xc0000192')
                            }
                        )
                        ReportFields = @('TargetDomainName', 'Status', 'SubStatus')
                        AuditedBy = @{
                            Subcategory = '{0CCE9215-69AE-11D9-BED3-505054503030}'
                            Bit = 2
                        }
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'nla-required'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'UserAuthentication'
                        Op = 'equals'
                        Value = 1
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'UserAuthentication'
                        }
                    }
                }
            )
        }
        @{
            Id = 'rdp-cert-invalid'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'certificate-store'
                        Id = 'rdp-cert-store'
                        Store = 'Remote Desktop'
                        FiresWhen = 'empty-or-expired'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'certificate-binding'
                        Id = 'rdp-cert-binding'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'SSLCertificateSHA1Hash'
                        Stores = @('My', 'Remote Desktop')
                    }
                }
            )
        }
        @{
            Id = 'rdp-disabled'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-connections-denied'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server'
                        }
                        Name = 'fDenyTSConnections'
                        Op = 'equals'
                        Value = 1
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'fDenyTSConnections'
                        }
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-denied-by-policy'
                        Location = @{
                            Hive = 'SOFTWARE'
                            ControlSet = $false
                            Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                        }
                        Name = 'fDenyTSConnections'
                        Op = 'equals'
                        Value = 1
                        Policy = $null
                    }
                }
            )
        }
        @{
            Id = 'rdp-listener-disabled'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'terminal-server-off'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server'
                        }
                        Name = 'TSEnabled'
                        Op = 'equals'
                        Value = 0
                        Policy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'terminal-server-logons-off'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server'
                        }
                        Name = 'TSUserEnabled'
                        Op = 'equals'
                        Value = 1
                        Policy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'terminal-server-draining'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server'
                        }
                        Name = 'TSServerDrainMode'
                        Op = 'not-equals'
                        Value = 0
                        Policy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-listener-off'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'fEnableWinStation'
                        Op = 'equals'
                        Value = 0
                        Policy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-listener-logons-off'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'fLogonDisabled'
                        Op = 'equals'
                        Value = 1
                        Policy = $null
                    }
                }
            )
        }
        @{
            Id = 'rdp-port-conflict'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'rdp-listener'
                        Id = 'rdp-listener'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'termservice-stopped'
                        Service = 'TermService'
                        FiresWhen = 'not-running'
                    }
                }
            )
        }
        @{
            Id = 'rdp-port-firewall-mismatch'
            Evidence = @(
                @{
                    Role = 'precondition'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-port-changed'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'PortNumber'
                        Op = 'not-equals'
                        Value = 3389
                        Policy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'firewall-port-allowed'
                        Id = 'rdp-port-not-allowed'
                    }
                }
            )
        }
        @{
            Id = 'rds-licensing-expired'
            Evidence = @(
                @{
                    Role = 'precondition'
                    Check = @{
                        Kind = 'rdsh-server-mode'
                        Id = 'rdsh-role-installed'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-licensing-grace-expired'
                        LogFile = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager%4Admin.evtx'
                        Channel = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Admin'
                        Provider = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager'
                        EventIds = @(1069)
                        WindowHours = 24
                        DataConditions = @()
                        ReportFields = @()
                        AuditedBy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'licensing-mode-not-set'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\RCM\Licensing Core'
                        }
                        Name = 'LicensingMode'
                        Op = 'none-of'
                        Value = $null
                        Values = @(2, 4, 6)
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'LicensingMode'
                        }
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'license-servers-not-set'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Services\TermService\Parameters\LicenseServers'
                        }
                        Name = 'SpecifiedLicenseServers'
                        Op = 'absent'
                        Value = $null
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'LicenseServers'
                        }
                    }
                }
            )
        }
        @{
            Id = 'safe-mode-boot'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'boot-entry'
                        Id = 'default-entry-safeboot'
                        Entry = '{default}'
                        Element = 'safeboot'
                        ElementType = '25000080'
                    }
                }
            )
        }
        @{
            Id = 'security-layer-mismatch'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-encryption-fips-only'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'MinEncryptionLevel'
                        Op = 'equals'
                        Value = 4
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'MinEncryptionLevel'
                        }
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'fips-algorithms-enforced'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Lsa\FIPSAlgorithmPolicy'
                        }
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 1
                        Policy = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-encryption-fips-by-policy'
                        Location = @{
                            Hive = 'SOFTWARE'
                            ControlSet = $false
                            Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                        }
                        Name = 'MinEncryptionLevel'
                        Op = 'equals'
                        Value = 4
                        Policy = $null
                    }
                }
                @{
                    Role = 'precondition'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-security-layer-rdp'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'SecurityLayer'
                        Op = 'equals'
                        Value = 0
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'SecurityLayer'
                        }
                    }
                }
            )
        }
        @{
            Id = 'termservice-not-running'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'termservice-disabled'
                        Service = 'TermService'
                        FiresWhen = 'disabled'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-state'
                        Id = 'termservice-down'
                        Service = 'TermService'
                        FiresWhen = 'not-running'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'service-config'
                        Id = 'termservice-account'
                        Service = 'TermService'
                        Setting = 'logon-account'
                        Expected = 'NT Authority\NetworkService'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'service-config'
                        Id = 'termservice-start-type'
                        Service = 'TermService'
                        Setting = 'start-type'
                        Expected = 3
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-scm-start-failure'
                        LogFile = 'System.evtx'
                        Channel = 'System'
                        Provider = 'Service Control Manager'
                        EventIds = @(7000, 7001, 7022, 7023)
                        WindowHours = 24
                        DataConditions = @()
                        ReportFields = @()
                        AuditedBy = $null
                    }
                }
            )
        }
        @{
            Id = 'tls-disabled'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-schannel-credential'
                        LogFile = 'System.evtx'
                        Channel = 'System'
                        Provider = 'Schannel'
                        EventIds = @(36871)
                        WindowHours = 24
                        DataConditions = @(
                            @{
                                Fields = @('Type')
                                Accepted = @('server')
                            }
                        )
                        ReportFields = @('ErrorState')
                        AuditedBy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'tls12-server-off'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                        }
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 0
                        Policy = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'tls12-server-off-by-default'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                        }
                        Name = 'DisabledByDefault'
                        Op = 'equals'
                        Value = 1
                        Policy = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'tls10-server-off'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                        }
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 0
                        Policy = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'tls11-server-off'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                        }
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 0
                        Policy = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-requires-tls'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                        }
                        Name = 'SecurityLayer'
                        Op = 'equals'
                        Value = 2
                        Policy = @{
                            Location = @{
                                Hive = 'SOFTWARE'
                                ControlSet = $false
                                Path = 'Policies\Microsoft\Windows NT\Terminal Services'
                            }
                            Name = 'SecurityLayer'
                        }
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'fips-policy-on'
                        Location = @{
                            Hive = 'SYSTEM'
                            ControlSet = $true
                            Path = 'Control\Lsa\FIPSAlgorithmPolicy'
                        }
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 1
                        Policy = $null
                    }
                }
            )
        }
        @{
            Id = 'user-not-authorized'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-logon-no-right'
                        LogFile = 'Security.evtx'
                        Channel = 'Security'
                        Provider = 'Microsoft-Windows-Security-Auditing'
                        EventIds = @(4625)
                        WindowHours = 24
                        DataConditions = @(
                            @{
                                Fields = @('Status', 'SubStatus')
                                Accepted = @('0xc000015b')
                            }
                        )
                        ReportFields = @('TargetUserName', 'LogonType')
                        AuditedBy = @{
                            Subcategory = '{0CCE9215-69AE-11D9-BED3-505054503030}'
                            Bit = 2
                        }
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'user-right'
                        Id = 'rdp-right-no-admins'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'user-right'
                        Id = 'rdp-right-no-rdusers'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'user-right'
                        Id = 'rdp-right-denied'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'user-right'
                        Id = 'rdp-deny-local'
                    }
                }
            )
        }
    )
    Fixes = @(
        @{
            Id = 'offline-enable-serial-console'
            OptIn = $false
            Warning = $null
            Operations = @(
                @{
                    Kind = 'bcd-set'
                    Entry = '{bootmgr}'
                    Setting = 'displaybootmenu'
                    Value = 'yes'
                    Elements = @(
                        @{
                            Object = 'bootmgr'
                            Type = '26000020'
                            Expected = 1
                        }
                    )
                }
                @{
                    Kind = 'bcd-set'
                    Entry = '{bootmgr}'
                    Setting = 'timeout'
                    Value = '5'
                    Elements = @(
                        @{
                            Object = 'bootmgr'
                            Type = '25000004'
                            Expected = 5
                        }
                    )
                }
                @{
                    Kind = 'bcd-set'
                    Entry = '{bootmgr}'
                    Setting = 'bootems'
                    Value = 'yes'
                    Elements = @(
                        @{
                            Object = 'bootmgr'
                            Type = '16000020'
                            Expected = 1
                        }
                    )
                }
                @{
                    Kind = 'bcd-set'
                    Entry = '{default}'
                    Setting = 'ems'
                    Value = 'on'
                    Elements = @(
                        @{
                            Object = 'default'
                            Type = '260000b0'
                            Expected = 1
                        }
                    )
                }
                @{
                    Kind = 'bcd-ems-settings'
                    Port = 1
                    BaudRate = 115200
                    Elements = @(
                        @{
                            Object = 'emssettings'
                            Type = '15000022'
                            Expected = 1
                        }
                        @{
                            Object = 'emssettings'
                            Type = '15000023'
                            Expected = 115200
                        }
                    )
                }
            )
            Backup = @(
                @{
                    Kind = 'bcd-store'
                }
            )
        }
        @{
            Id = 'offline-enable-crash-dump'
            OptIn = $false
            Warning = $null
            Operations = @(
                @{
                    Kind = 'hive-load'
                    Hive = 'SYSTEM'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\CrashControl'
                    }
                    Name = 'CrashDumpEnabled'
                    Type = 'REG_DWORD'
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\CrashControl'
                    }
                    Name = 'DumpFile'
                    Type = 'REG_EXPAND_SZ'
                    Data = '%SystemRoot%\MEMORY.DMP'
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\CrashControl'
                    }
                    Name = 'NMICrashDump'
                    Type = 'REG_DWORD'
                    Data = 1
                }
                @{
                    Kind = 'hive-unload'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
            )
            Backup = @(
                @{
                    Kind = 'hive-file'
                    Hive = 'SYSTEM'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\CrashControl'
                    }
                    Name = 'CrashDumpEnabled'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\CrashControl'
                    }
                    Name = 'DumpFile'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\CrashControl'
                    }
                    Name = 'NMICrashDump'
                }
            )
        }
        @{
            Id = 'offline-reset-machinekeys-acl'
            OptIn = $false
            Warning = $null
            Operations = @(
                @{
                    Kind = 'take-ownership'
                    Path = @{
                        Root = 'ProgramData'
                        Sub = 'Microsoft\Crypto\RSA\MachineKeys'
                    }
                    Owner = 'S-1-5-32-544'
                    Recurse = $true
                }
                @{
                    Kind = 'acl-grant'
                    Path = @{
                        Root = 'ProgramData'
                        Sub = 'Microsoft\Crypto\RSA\MachineKeys'
                    }
                    Grants = @(
                        @{
                            Sid = 'S-1-5-18'
                            Rights = 'F'
                        }
                        @{
                            Sid = 'S-1-5-32-544'
                            Rights = 'F'
                        }
                    )
                    Recurse = $true
                    FilesStartingWith = $null
                }
                @{
                    Kind = 'acl-grant'
                    Path = @{
                        Root = 'ProgramData'
                        Sub = 'Microsoft\Crypto\RSA\MachineKeys'
                    }
                    Grants = @(
                        @{
                            Sid = 'S-1-5-20'
                            Rights = 'R'
                        }
                    )
                    Recurse = $false
                    FilesStartingWith = 'f686aace6942fb7f7ceb231212eef4a4_'
                }
            )
            Backup = @(
                @{
                    Kind = 'acl'
                    Path = @{
                        Root = 'ProgramData'
                        Sub = 'Microsoft\Crypto\RSA\MachineKeys'
                    }
                    Recurse = $true
                }
            )
        }
        @{
            Id = 'offline-enable-tls12'
            OptIn = $false
            Warning = $null
            Operations = @(
                @{
                    Kind = 'hive-load'
                    Hive = 'SYSTEM'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                    }
                    Name = 'Enabled'
                    Type = 'REG_DWORD'
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                    }
                    Name = 'DisabledByDefault'
                    Type = 'REG_DWORD'
                    Data = 0
                }
                @{
                    Kind = 'hive-unload'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
            )
            Backup = @(
                @{
                    Kind = 'hive-file'
                    Hive = 'SYSTEM'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                    }
                    Name = 'Enabled'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                    }
                    Name = 'DisabledByDefault'
                }
            )
        }
        @{
            Id = 'offline-enable-nla'
            OptIn = $false
            Warning = $null
            Operations = @(
                @{
                    Kind = 'hive-load'
                    Hive = 'SYSTEM'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                    }
                    Name = 'UserAuthentication'
                    Type = 'REG_DWORD'
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                    }
                    Name = 'SecurityLayer'
                    Type = 'REG_DWORD'
                    Data = 2
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                    }
                    Name = 'fAllowSecProtocolNegotiation'
                    Type = 'REG_DWORD'
                    Data = 1
                }
                @{
                    Kind = 'hive-unload'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
            )
            Backup = @(
                @{
                    Kind = 'hive-file'
                    Hive = 'SYSTEM'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                    }
                    Name = 'UserAuthentication'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                    }
                    Name = 'SecurityLayer'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\Terminal Server\WinStations\RDP-Tcp'
                    }
                    Name = 'fAllowSecProtocolNegotiation'
                }
            )
        }
        @{
            Id = 'offline-enable-legacy-tls'
            OptIn = $true
            Warning = 'TLS 1.0 and 1.1 are deprecated and weaken every TLS service of the repaired OS.'
            Operations = @(
                @{
                    Kind = 'hive-load'
                    Hive = 'SYSTEM'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                    }
                    Name = 'Enabled'
                    Type = 'REG_DWORD'
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                    }
                    Name = 'DisabledByDefault'
                    Type = 'REG_DWORD'
                    Data = 0
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                    }
                    Name = 'Enabled'
                    Type = 'REG_DWORD'
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                    }
                    Name = 'DisabledByDefault'
                    Type = 'REG_DWORD'
                    Data = 0
                }
                @{
                    Kind = 'hive-unload'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
            )
            Backup = @(
                @{
                    Kind = 'hive-file'
                    Hive = 'SYSTEM'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                    }
                    Name = 'Enabled'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                    }
                    Name = 'DisabledByDefault'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                    }
                    Name = 'Enabled'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                    }
                    Name = 'DisabledByDefault'
                }
            )
        }
        @{
            Id = 'offline-service-defaults'
            OptIn = $false
            Warning = $null
            Operations = @(
                @{
                    Kind = 'hive-load'
                    Hive = 'SYSTEM'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\TermService'
                    }
                    Name = 'Start'
                    Type = 'REG_DWORD'
                    Data = 3
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\TermService'
                    }
                    Name = 'ObjectName'
                    Type = 'REG_SZ'
                    Data = 'NT Authority\NetworkService'
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\Dhcp'
                    }
                    Name = 'Start'
                    Type = 'REG_DWORD'
                    Data = 2
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\Dhcp'
                    }
                    Name = 'ObjectName'
                    Type = 'REG_SZ'
                    Data = 'NT Authority\LocalService'
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\nsi'
                    }
                    Name = 'Start'
                    Type = 'REG_DWORD'
                    Data = 2
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\BFE'
                    }
                    Name = 'Start'
                    Type = 'REG_DWORD'
                    Data = 2
                }
                @{
                    Kind = 'registry-set'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\MpsSvc'
                    }
                    Name = 'Start'
                    Type = 'REG_DWORD'
                    Data = 2
                }
                @{
                    Kind = 'hive-unload'
                    MountAs = 'RDPRESCUE_SYSTEM'
                }
            )
            Backup = @(
                @{
                    Kind = 'hive-file'
                    Hive = 'SYSTEM'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\TermService'
                    }
                    Name = 'Start'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\TermService'
                    }
                    Name = 'ObjectName'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\Dhcp'
                    }
                    Name = 'Start'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\Dhcp'
                    }
                    Name = 'ObjectName'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\nsi'
                    }
                    Name = 'Start'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\BFE'
                    }
                    Name = 'Start'
                }
                @{
                    Kind = 'registry-value'
                    Location = @{
                        Hive = 'SYSTEM'
                        ControlSet = $true
                        Path = 'Services\MpsSvc'
                    }
                    Name = 'Start'
                }
            )
        }
        @{
            Id = 'offline-remove-safe-boot'
            OptIn = $false
            Warning = $null
            Operations = @(
                @{
                    Kind = 'bcd-delete-value'
                    Entry = '{default}'
                    Element = 'safeboot'
                    ElementType = '25000080'
                    Elements = @(
                        @{
                            Object = 'default'
                            Type = '25000080'
                            Expected = -1
                        }
                    )
                }
            )
            Backup = @(
                @{
                    Kind = 'bcd-store'
                }
            )
        }
    )
}
$script:RdpOfflineCheckEvaluators = @{
    'event-query' = 'Test-RdpOfflineEventCheck'
    'registry-value' = 'Test-RdpOfflineRegistryCheck'
    'service-state' = 'Test-RdpOfflineServiceCheck'
    'rdp-listener' = 'Test-RdpOfflineRuntimeCheck'
    'certificate-store' = 'Test-RdpOfflineCertificateStoreCheck'
    'certificate-binding' = 'Test-RdpOfflineCertificateBindingCheck'
    'folder-acl' = 'Test-RdpOfflineFolderAclCheck'
    'service-config' = 'Test-RdpOfflineServiceConfigCheck'
    'file-version' = 'Test-RdpOfflineFileVersionCheck'
    'windows-feature' = 'Test-RdpOfflineFeatureCheck'
    'user-right' = 'Test-RdpOfflineRuntimeCheck'
    'boot-entry' = 'Test-RdpOfflineBootEntryCheck'
    'firewall-rule' = 'Test-RdpOfflineRuntimeCheck'
    'rdsh-server-mode' = 'Test-RdpOfflineRuntimeCheck'
    'firewall-inbound-blocked' = 'Test-RdpOfflineRuntimeCheck'
    'firewall-port-allowed' = 'Test-RdpOfflineRuntimeCheck'
}
$script:RdpOfflineOperationAppliers = @{
    'registry-set' = 'Set-RdpOfflineRegistryOperation'
    'registry-delete' = 'Remove-RdpOfflineRegistryOperation'
    'acl-grant' = 'Grant-RdpOfflineAclOperation'
    'take-ownership' = 'Set-RdpOfflineOwnerOperation'
    'bcd-set' = 'Set-RdpOfflineBcdOperation'
    'bcd-ems-settings' = 'Set-RdpOfflineBcdEmsOperation'
    'bcd-delete-value' = 'Remove-RdpOfflineBcdValueOperation'
    'hive-load' = 'Mount-RdpOfflineHiveOperation'
    'hive-unload' = 'Dismount-RdpOfflineHiveOperation'
}
$script:RdpOfflineBackupFunctions = @{
    'registry-value' = 'Backup-RdpOfflineRegistryItem'
    acl = 'Backup-RdpOfflineAclItem'
    'bcd-store' = 'Backup-RdpOfflineBcdStoreItem'
    'hive-file' = 'Backup-RdpOfflineHiveFileItem'
}
$script:RdpOfflineRestoreFunctions = @{
    'registry-value' = 'Restore-RdpOfflineRegistryItem'
    acl = 'Restore-RdpOfflineAclItem'
    'bcd-store' = 'Restore-RdpOfflineBcdStoreItem'
    'hive-file' = 'Restore-RdpOfflineHiveFileItem'
}
#endregion catalog data (generated from src/model/catalog)

#region src/repair-vm/platform.ps1
# Platform layer of the rescue-VM script
# Every access to the rescue VM (its disks, files, registry, event log files, icacls, bcdedit,
# reg.exe) goes through the private functions below, so Pester can mock them. Nothing else in
# the script touches the machine.
#
#   Get-RdpOfflineDisk                                  Number, IsOffline, OfflineReason, IsReadOnly, IsBoot, IsSystem, PartitionStyle, Signature, Guid, BusType, FriendlyName, UniqueId
#   Enable-RdpOfflineDisk -Number                        brings a disk online
#   Set-RdpOfflineDiskWritable -Number                   clears a disk's read-only attribute
#   Set-RdpOfflineDiskReadOnly -Number                   sets a disk's read-only attribute
#   Disable-RdpOfflineDisk -Number                       takes a disk offline
#   Set-RdpOfflineDiskIdentity -Number -Signature|-Guid  writes an MBR signature or a GPT disk GUID
#   Get-RdpOfflinePartition -DiskNumber                  DiskNumber, PartitionNumber, DriveLetter ('' when none), GptType, MbrType, IsActive, Size
#   Get-RdpOfflineLockStatus -DriveLetter                'Locked' | 'Unlocked' | 'None' | 'Unreadable'
#   Add-RdpOfflinePartitionLetter -DiskNumber -PartitionNumber      assigns a free letter, returns it
#   Remove-RdpOfflinePartitionLetter -DiskNumber -PartitionNumber -DriveLetter
#   Get-RdpOfflineSystemDrive                            this rescue VM's own system drive, e.g. 'C:'
#   Wait-RdpOfflineSecond -Seconds
#   Test-RdpOfflinePath -Path [-Container]
#   Copy-RdpOfflineFile -Source -Destination             also hidden and system files (BCD, hives)
#   Remove-RdpOfflineFile -Path
#   Remove-RdpOfflineEmptyDirectory -Path                deletes a folder that holds nothing
#   Get-RdpOfflineFileHash -Path                         SHA-256, hex
#   Get-RdpOfflineFileVersion -Path                      FileMajorPart, FileMinorPart, FileBuildPart, FilePrivatePart; throws when missing
#   Get-RdpOfflineChildItem -Path [-Prefix] [-Recurse] [-Directory]     full paths
#   New-RdpOfflineProtectedDirectory -Path               a folder only SYSTEM and Administrators can change
#   Get-RdpOfflineItemSecurity -Path                     Owner (SID), Sddl, Rules (Sid, Rights, AccessType, InheritOnly)
#   Write-RdpOfflineText -Path -Text [-Append]           ASCII
#   Read-RdpOfflineText -Path
#   Mount-RdpOfflineHive -Name -Path                     reg load HKLM\<Name> <file>
#   Dismount-RdpOfflineHive -Name                        reg unload HKLM\<Name>; throws while the hive is in use
#   Clear-RdpOfflineHandle                               lets go of registry handles .NET still holds
#   Test-RdpOfflineRegistryKey -Key                      keys relative to HKLM, e.g. RDPRESCUE_SYSTEM\Select
#   Get-RdpOfflineRegistryValue -Key -Name               Kind and Value (never expanded), or $null
#   Get-RdpOfflineRegistrySubKeyName -Key
#   Set-RdpOfflineRegistryValue -Key -Name -Type -Value  creates the key when needed
#   Remove-RdpOfflineRegistryValue -Key -Name
#   Remove-RdpOfflineRegistryKey -Key                    the key and everything below it
#   Export-RdpOfflineRegistryKey -Key -File              reg export
#   Import-RdpOfflineRegistryFile -File                  reg import
#   Save-RdpOfflineAcl -Path -File                       icacls <path> /save <file> /t /c; returns why the save is partial
#   Restore-RdpOfflineAcl -Folder -File                  icacls <folder> /restore <file> /c
#   Grant-RdpOfflineAccess -Path -Grant -Recurse         icacls <path> /grant *<sid>:(<rights>) [/t] /c
#   Set-RdpOfflineOwner -Path -Sid -Recurse              icacls <path> /setowner *<sid> [/t] /c
#   Get-RdpOfflineEventRecord -Path -XPath -MaxEvents    newest first: ProviderName, Id, TimeCreated (UTC), Data (by field name)
#   Invoke-RdpOfflineBcdEdit -Store -ArgumentList        bcdedit /store <store> <arguments>
#   Test-RdpOfflineElevation
#   Get-RdpOfflineDate                                   the current time, UTC
#   Get-RdpOfflineWorkFolder                             where the log goes on the rescue VM

function Invoke-RdpOfflineNative {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$FilePath,
        [string[]]$ArgumentList = @()
    )
    # A native tool's stderr must not stop the script; its exit code is the verdict.
    $ErrorActionPreference = 'Continue'
    $output = @(& $FilePath @ArgumentList 2>&1 | ForEach-Object { [string]$_ })
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0) {
        throw ('{0} {1} exited with code {2}: {3}' -f (Split-Path -Leaf $FilePath), ($ArgumentList -join ' '), $exitCode, (($output -join ' ').Trim()))
    }
    $output
}

function Get-RdpOfflineSystemTool {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # Always the rescue VM's own tools, never whatever a PATH or the working folder offers.
    ([string]$env:SystemRoot).TrimEnd('\') + '\System32\' + $Name
}

function Get-RdpOfflineDisk {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param()
    foreach ($disk in @(Get-Disk)) {
        # OfflineReason as MSFT_Disk's number (4: signature or GUID collision), read from the
        # CIM property itself: the Storage module may show it as text.
        [pscustomobject]@{
            Number         = [int]$disk.Number
            IsOffline      = [bool]$disk.IsOffline
            OfflineReason  = [int]$disk.CimInstanceProperties['OfflineReason'].Value
            IsReadOnly     = [bool]$disk.IsReadOnly
            IsBoot         = [bool]$disk.IsBoot
            IsSystem       = [bool]$disk.IsSystem
            PartitionStyle = [string]$disk.PartitionStyle
            Signature      = [int64]$disk.Signature
            Guid           = [string]$disk.Guid
            BusType        = [string]$disk.BusType
            FriendlyName   = [string]$disk.FriendlyName
            UniqueId       = [string]$disk.UniqueId
        }
    }
}

function Enable-RdpOfflineDisk {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    if ($PSCmdlet.ShouldProcess("disk $Number", 'Bring online')) {
        Set-Disk -Number $Number -IsOffline $false
    }
}

function Set-RdpOfflineDiskWritable {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    if ($PSCmdlet.ShouldProcess("disk $Number", 'Clear read-only')) {
        Set-Disk -Number $Number -IsReadOnly $false
    }
}

function Set-RdpOfflineDiskReadOnly {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    if ($PSCmdlet.ShouldProcess("disk $Number", 'Set read-only')) {
        Set-Disk -Number $Number -IsReadOnly $true
    }
}

function Disable-RdpOfflineDisk {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    if ($PSCmdlet.ShouldProcess("disk $Number", 'Take offline')) {
        Set-Disk -Number $Number -IsOffline $true
    }
}

function Set-RdpOfflineDiskIdentity {
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Mbr')]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number,
        [Parameter(Mandatory = $true, ParameterSetName = 'Mbr')]
        [ValidateRange(0, 4294967295)]
        [int64]$Signature,
        [Parameter(Mandatory = $true, ParameterSetName = 'Gpt')]
        [ValidatePattern('^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$')]
        [string]$Guid
    )
    # Set-Disk -Signature applies to MBR disks only, -Guid to GPT disks only.
    if ($PSCmdlet.ParameterSetName -eq 'Gpt') {
        if ($PSCmdlet.ShouldProcess("disk $Number", "Set GPT disk GUID $Guid")) {
            Set-Disk -Number $Number -Guid $Guid
        }
        return
    }
    if ($PSCmdlet.ShouldProcess("disk $Number", ('Set MBR signature 0x{0:X8}' -f $Signature))) {
        Set-Disk -Number $Number -Signature ([uint32]$Signature)
    }
}

function Get-RdpOfflinePartition {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$DiskNumber
    )
    foreach ($partition in @(Get-Partition -DiskNumber $DiskNumber -ErrorAction SilentlyContinue)) {
        # A partition without a letter reports the NUL character.
        $letter = ([string]$partition.DriveLetter).Trim([char]0).Trim()
        [pscustomobject]@{
            DiskNumber      = $DiskNumber
            PartitionNumber = [int]$partition.PartitionNumber
            DriveLetter     = $letter
            GptType         = [string]$partition.GptType
            MbrType         = [int]$partition.MbrType
            IsActive        = [bool]$partition.IsActive
            Size            = [int64]$partition.Size
        }
    }
}

function Get-RdpOfflineLockStatus {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[A-Za-z]$')]
        [string]$DriveLetter
    )
    $mountPoint = $DriveLetter.ToUpperInvariant() + ':'
    # The BitLocker module exists only where the feature is installed; the WMI class is the
    # same provider without it. Lock states are numbers and enum names, never localized text.
    if (Get-Command -Name 'Get-BitLockerVolume' -ErrorAction SilentlyContinue) {
        $volume = Get-BitLockerVolume -MountPoint $mountPoint -ErrorAction SilentlyContinue
        if ($null -ne $volume) {
            if ([string]$volume.LockStatus -eq 'Locked') {
                return 'Locked'
            }
            if ([string]$volume.VolumeStatus -eq 'FullyDecrypted') {
                return 'None'
            }
            return 'Unlocked'
        }
    }
    $encryptable = Get-CimInstance -Namespace 'root/CIMV2/Security/MicrosoftVolumeEncryption' -ClassName 'Win32_EncryptableVolume' -Filter ("DriveLetter='{0}'" -f $mountPoint) -ErrorAction SilentlyContinue
    if ($null -ne $encryptable) {
        $lock = Invoke-CimMethod -InputObject $encryptable -MethodName 'GetLockStatus' -ErrorAction SilentlyContinue
        if ($null -ne $lock -and [int]$lock.LockStatus -eq 1) {
            return 'Locked'
        }
    }
    $fileSystem = Get-Volume -DriveLetter $DriveLetter -ErrorAction SilentlyContinue
    if ($null -eq $fileSystem -or -not [string]$fileSystem.FileSystem) {
        return 'Unreadable'
    }
    'None'
}

function Add-RdpOfflinePartitionLetter {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$DiskNumber,
        [Parameter(Mandatory = $true)]
        [int]$PartitionNumber
    )
    if (-not $PSCmdlet.ShouldProcess("disk $DiskNumber partition $PartitionNumber", 'Assign a drive letter')) {
        return
    }
    Add-PartitionAccessPath -DiskNumber $DiskNumber -PartitionNumber $PartitionNumber -AssignDriveLetter
    # The mount manager reports the new letter a moment later.
    for ($attempt = 0; $attempt -lt 10; $attempt++) {
        $letter = ([string](Get-Partition -DiskNumber $DiskNumber -PartitionNumber $PartitionNumber).DriveLetter).Trim([char]0).Trim()
        if ($letter) {
            return $letter
        }
        Start-Sleep -Milliseconds 500
    }
    ''
}

function Remove-RdpOfflinePartitionLetter {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [int]$DiskNumber,
        [Parameter(Mandatory = $true)]
        [int]$PartitionNumber,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[A-Za-z]$')]
        [string]$DriveLetter
    )
    if ($PSCmdlet.ShouldProcess("disk $DiskNumber partition $PartitionNumber", "Remove drive letter $DriveLetter")) {
        Remove-PartitionAccessPath -DiskNumber $DiskNumber -PartitionNumber $PartitionNumber -AccessPath ($DriveLetter + ':\')
    }
}

function Get-RdpOfflineSystemDrive {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    ([string]$env:SystemDrive).TrimEnd('\').ToUpperInvariant()
}

function Wait-RdpOfflineSecond {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Seconds
    )
    Start-Sleep -Seconds $Seconds
}

function Test-RdpOfflinePath {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [switch]$Container
    )
    # -LiteralPath: a path from the broken disk may hold [ or ], which -Path reads as wildcards.
    if ($Container) {
        return (Test-Path -LiteralPath $Path -PathType Container)
    }
    Test-Path -LiteralPath $Path -PathType Leaf
}

function Copy-RdpOfflineFile {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Source,
        [Parameter(Mandatory = $true)]
        [string]$Destination
    )
    if (-not $PSCmdlet.ShouldProcess($Destination, "Copy $Source")) {
        return
    }
    # Boot stores and hives are hidden system files, which File.Copy will not overwrite.
    if ([System.IO.File]::Exists($Destination)) {
        [System.IO.File]::SetAttributes($Destination, [System.IO.FileAttributes]::Normal)
    }
    $attributes = [System.IO.File]::GetAttributes($Source)
    [System.IO.File]::Copy($Source, $Destination, $true)
    [System.IO.File]::SetAttributes($Destination, $attributes)
}

function Remove-RdpOfflineFile {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if ([System.IO.File]::Exists($Path) -and $PSCmdlet.ShouldProcess($Path, 'Delete file')) {
        [System.IO.File]::SetAttributes($Path, [System.IO.FileAttributes]::Normal)
        [System.IO.File]::Delete($Path)
    }
}

function Remove-RdpOfflineEmptyDirectory {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Not recursive: a folder that still holds something is an error, not deleted.
    if ([System.IO.Directory]::Exists($Path) -and $PSCmdlet.ShouldProcess($Path, 'Delete empty folder')) {
        [System.IO.Directory]::Delete($Path, $false)
    }
}

function Get-RdpOfflineFileHash {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash
}

function Get-RdpOfflineFileVersion {
    [CmdletBinding()]
    [OutputType([int[]])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # The version resource of a file on the attached disk: read as data, never loaded as code.
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        throw ('{0} does not exist on the broken OS disk.' -f $Path)
    }
    $info = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($Path)
    @([int]$info.FileMajorPart, [int]$info.FileMinorPart, [int]$info.FileBuildPart, [int]$info.FilePrivatePart)
}

function Get-RdpOfflineChildItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [string]$Prefix = '',
        [switch]$Recurse,
        [switch]$Directory
    )
    $items = @(Get-ChildItem -LiteralPath $Path -Force -Recurse:$Recurse -File:(-not $Directory) -Directory:$Directory -ErrorAction Stop)
    foreach ($item in $items) {
        if ($item.Name.StartsWith($Prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
            $item.FullName
        }
    }
}

function New-RdpOfflineProtectedDirectory {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not $PSCmdlet.ShouldProcess($Path, 'Create folder (SYSTEM and Administrators only)')) {
        return
    }
    # Full control for SYSTEM and Administrators, inherited below; nothing from the parent (the
    # root of a Windows volume lets every user create folders); owned by Administrators.
    $administrators = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'
    $system = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-18'
    $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
    $security = New-Object -TypeName System.Security.AccessControl.DirectorySecurity
    $security.SetAccessRuleProtection($true, $false)
    foreach ($sid in @($system, $administrators)) {
        $rule = New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList @(
            $sid, [System.Security.AccessControl.FileSystemRights]::FullControl, $inherit,
            [System.Security.AccessControl.PropagationFlags]::None, [System.Security.AccessControl.AccessControlType]::Allow)
        $security.AddAccessRule($rule)
    }
    $security.SetOwner($administrators)
    $parent = Split-Path -Path $Path -Parent
    if ($parent -and -not (Test-Path -LiteralPath $parent -PathType Container)) {
        New-RdpOfflineProtectedDirectory -Path $parent
    }
    # Created with its permissions, never with the parent's first.
    $folder = New-Object -TypeName System.IO.DirectoryInfo -ArgumentList $Path
    $extensions = 'System.IO.FileSystemAclExtensions' -as [type]
    if ($null -ne $extensions) {
        $extensions::Create($folder, $security)
    }
    else {
        $folder.Create($security)
    }
}

function Get-RdpOfflineItemSecurity {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $acl = Get-Acl -LiteralPath $Path
    $inheritOnly = [System.Security.AccessControl.PropagationFlags]::InheritOnly
    $rules = foreach ($rule in $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) {
        $rights = [int64][int]$rule.FileSystemRights
        if ($rights -lt 0) {
            $rights += 4294967296
        }
        [pscustomobject]@{
            Sid         = $rule.IdentityReference.Value
            Rights      = $rights
            AccessType  = [string]$rule.AccessControlType
            InheritOnly = (($rule.PropagationFlags -band $inheritOnly) -eq $inheritOnly)
        }
    }
    [pscustomobject]@{
        Owner = $acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value
        Sddl  = $acl.GetSecurityDescriptorSddlForm([System.Security.AccessControl.AccessControlSections]'Owner, Access')
        Rules = @($rules)
    }
}

function Write-RdpOfflineText {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Text,
        [switch]$Append
    )
    if ($PSCmdlet.ShouldProcess($Path, 'Write')) {
        if ($Append) {
            [System.IO.File]::AppendAllText($Path, $Text, [System.Text.Encoding]::ASCII)
        }
        else {
            [System.IO.File]::WriteAllText($Path, $Text, [System.Text.Encoding]::ASCII)
        }
    }
}

function Read-RdpOfflineText {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    [System.IO.File]::ReadAllText($Path)
}

function Mount-RdpOfflineHive {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^RDPRESCUE_[A-Z]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if ($PSCmdlet.ShouldProcess("HKLM\$Name", "reg load $Path")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'reg.exe') -ArgumentList @('load', "HKLM\$Name", $Path)
    }
}

function Dismount-RdpOfflineHive {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^RDPRESCUE_[A-Z]+$')]
        [string]$Name
    )
    if ($PSCmdlet.ShouldProcess("HKLM\$Name", 'reg unload')) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'reg.exe') -ArgumentList @('unload', "HKLM\$Name")
    }
}

function Clear-RdpOfflineHandle {
    [CmdletBinding()]
    param()
    # A registry key object .NET has not finalized yet keeps its hive loaded.
    [System.GC]::Collect()
    [System.GC]::WaitForPendingFinalizers()
    [System.GC]::Collect()
}

function Open-RdpOfflineRegistryKey {
    [CmdletBinding()]
    [OutputType([Microsoft.Win32.RegistryKey])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [switch]$Writable
    )
    [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey($Key, [bool]$Writable)
}

function Test-RdpOfflineRegistryKey {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key
    )
    $handle = Open-RdpOfflineRegistryKey -Key $Key
    if ($null -eq $handle) {
        return $false
    }
    $handle.Dispose()
    $true
}

function Get-RdpOfflineRegistryValue {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    $handle = Open-RdpOfflineRegistryKey -Key $Key
    if ($null -eq $handle) {
        return $null
    }
    try {
        if (@($handle.GetValueNames()) -notcontains $Name) {
            return $null
        }
        # Never expanded: %SystemRoot% here means the broken OS's, not this VM's.
        [pscustomobject]@{
            Kind  = [string]$handle.GetValueKind($Name)
            Value = $handle.GetValue($Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
        }
    }
    finally {
        $handle.Dispose()
    }
}

function Get-RdpOfflineRegistrySubKeyName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key
    )
    $handle = Open-RdpOfflineRegistryKey -Key $Key
    if ($null -eq $handle) {
        return
    }
    try {
        @($handle.GetSubKeyNames())
    }
    finally {
        $handle.Dispose()
    }
}

function Set-RdpOfflineRegistryValue {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('REG_DWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_BINARY')]
        [string]$Type,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [object]$Value
    )
    $kinds = @{ REG_DWORD = 'DWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_BINARY = 'Binary' }
    if (-not $PSCmdlet.ShouldProcess("HKLM\$Key\$Name", "Set $Type")) {
        return
    }
    $handle = [Microsoft.Win32.Registry]::LocalMachine.CreateSubKey($Key)
    try {
        $handle.SetValue($Name, $Value, [Microsoft.Win32.RegistryValueKind]$kinds[$Type])
    }
    finally {
        $handle.Dispose()
    }
}

function Remove-RdpOfflineRegistryValue {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    $handle = Open-RdpOfflineRegistryKey -Key $Key -Writable
    if ($null -eq $handle) {
        return
    }
    try {
        if ($PSCmdlet.ShouldProcess("HKLM\$Key\$Name", 'Delete value')) {
            $handle.DeleteValue($Name, $false)
        }
    }
    finally {
        $handle.Dispose()
    }
}

function Remove-RdpOfflineRegistryKey {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key
    )
    if ($PSCmdlet.ShouldProcess("HKLM\$Key", 'Delete key')) {
        [Microsoft.Win32.Registry]::LocalMachine.DeleteSubKeyTree($Key, $false)
    }
}

function Export-RdpOfflineRegistryKey {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key,
        [Parameter(Mandatory = $true)]
        [string]$File
    )
    if ($PSCmdlet.ShouldProcess("HKLM\$Key", "reg export $File")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'reg.exe') -ArgumentList @('export', "HKLM\$Key", $File, '/y')
    }
}

function Import-RdpOfflineRegistryFile {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$File
    )
    if ($PSCmdlet.ShouldProcess($File, 'reg import')) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'reg.exe') -ArgumentList @('import', $File)
    }
}

function Save-RdpOfflineAcl {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$File
    )
    # /save keeps the DACLs with SIDs, language-neutral; not the owners (saved apart). With /c
    # it goes on past an item it cannot read and exits non-zero: the file then holds the rest,
    # and the caller is told why it is partial.
    if ($PSCmdlet.ShouldProcess($Path, "icacls /save $File")) {
        try {
            $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'icacls.exe') -ArgumentList @($Path, '/save', $File, '/t', '/c', '/q')
        }
        catch {
            if (-not (Test-Path -LiteralPath $File -PathType Leaf)) {
                throw
            }
            return $_.Exception.Message
        }
    }
}

function Restore-RdpOfflineAcl {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Folder,
        [Parameter(Mandatory = $true)]
        [string]$File
    )
    # /restore applies the saved DACLs to the names in the file, relative to this folder.
    if ($PSCmdlet.ShouldProcess($Folder, "icacls /restore $File")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'icacls.exe') -ArgumentList @($Folder, '/restore', $File, '/c', '/q')
    }
}

function Grant-RdpOfflineAccess {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^\*S-1-\d+(-\d+)+:\((F|M|RX|R)\)$')]
        [string[]]$Grant,
        [switch]$Recurse
    )
    $arguments = @($Path)
    foreach ($entry in $Grant) {
        $arguments += @('/grant', $entry)
    }
    if ($Recurse) {
        $arguments += '/t'
    }
    if ($PSCmdlet.ShouldProcess($Path, "icacls /grant $($Grant -join ' ')")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'icacls.exe') -ArgumentList ($arguments + @('/c', '/q'))
    }
}

function Set-RdpOfflineOwner {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^S-1-\d+(-\d+)+$')]
        [string]$Sid,
        [switch]$Recurse
    )
    # icacls /setowner with a SID, not takeown (its /d Y|N answer is localized).
    $arguments = @($Path, '/setowner', ('*' + $Sid))
    if ($Recurse) {
        $arguments += '/t'
    }
    if ($PSCmdlet.ShouldProcess($Path, "icacls /setowner *$Sid")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'icacls.exe') -ArgumentList ($arguments + @('/c', '/q'))
    }
}

function Get-RdpOfflineEventRecord {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$XPath,
        [int]$MaxEvents = 1000
    )
    $events = @()
    try {
        $events = @(Get-WinEvent -Path $Path -FilterXPath $XPath -MaxEvents $MaxEvents -ErrorAction Stop)
    }
    catch {
        # No match is an answer, not a failure; the error id is not localized, the message is.
        if ([string]$_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') {
            return
        }
        throw
    }
    foreach ($event in $events) {
        $data = @{}
        $xml = [xml]$event.ToXml()
        foreach ($node in $xml.GetElementsByTagName('Data')) {
            $field = $node.GetAttribute('Name')
            if ($field) {
                $data[$field] = $node.InnerText
            }
        }
        [pscustomobject]@{
            ProviderName = [string]$event.ProviderName
            Id           = [int]$event.Id
            TimeCreated  = ([datetime]$event.TimeCreated).ToUniversalTime()
            Data         = $data
        }
    }
}

function Invoke-RdpOfflineBcdEdit {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store,
        [Parameter(Mandatory = $true)]
        [string[]]$ArgumentList
    )
    # Always /store: without it bcdedit changes the rescue VM's own boot configuration.
    if ($PSCmdlet.ShouldProcess($Store, "bcdedit $($ArgumentList -join ' ')")) {
        $null = Invoke-RdpOfflineNative -FilePath (Get-RdpOfflineSystemTool -Name 'bcdedit.exe') -ArgumentList (@('/store', $Store) + $ArgumentList)
    }
}

function Test-RdpOfflineElevation {
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList $identity
    $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-RdpOfflineDate {
    [CmdletBinding()]
    [OutputType([datetime])]
    param()
    [datetime]::UtcNow
}

function Get-RdpOfflineWorkFolder {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    ([string]$env:ProgramData).TrimEnd('\') + '\RdpRescue\repair-vm'
}
#endregion src/repair-vm/platform.ps1

#region src/repair-vm/arguments.ps1
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
#endregion src/repair-vm/arguments.ps1

#region src/repair-vm/output.ps1
# Output and log
# Run Command keeps only the last 4096 bytes of what the script prints, so the output is a short
# report: RDPRESCUE lines, then [STATUS]::SUCCESS or [STATUS]::ERROR as the very last line
# (az vm repair run looks for that text). Everything, with the details, also goes to a log
# file on the rescue VM, written when the run ends.
# Under az vm repair run each line carries the level tag of the repair-script-library loggers
# ("[Output <time>]", "[Error <time>]"): the driver splits the output at these tags and shows
# the Output lines of a run that ends in SUCCESS but only the Error lines of one that ends in
# ERROR. The report is therefore printed when the run ends, every line tagged Error when it
# failed: the reason, and what was done before it (the fixes applied, the undo command).

$script:RdpOfflineLog = @{
    Path   = ''
    Lines  = (New-Object -TypeName System.Collections.ArrayList)
    Report = (New-Object -TypeName System.Collections.ArrayList)
    Tagged = $false
    Start  = [datetime]::MinValue
    Clock  = $null
}

function Initialize-RdpOfflineLog {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Folder,
        [Parameter(Mandatory = $true)]
        [datetime]$Start,
        [switch]$Tagged
    )
    $script:RdpOfflineLog.Lines.Clear()
    $script:RdpOfflineLog.Report.Clear()
    $script:RdpOfflineLog.Tagged = [bool]$Tagged
    $script:RdpOfflineLog.Start = $Start
    $script:RdpOfflineLog.Clock = [System.Diagnostics.Stopwatch]::StartNew()
    $script:RdpOfflineLog.Path = $Folder.TrimEnd('\') + '\offline-' + $Start.ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture) + '.log'
}

function Get-RdpOfflineLogTime {
    [CmdletBinding()]
    [OutputType([datetime])]
    param()
    # One clock read per run; the log counts on from it.
    if ($null -eq $script:RdpOfflineLog.Clock) {
        return $script:RdpOfflineLog.Start
    }
    $script:RdpOfflineLog.Start.Add($script:RdpOfflineLog.Clock.Elapsed)
}

function ConvertTo-RdpOfflineAscii {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string]$Text
    )
    # Messages from the rescue VM may be localized; the output and the log stay ASCII.
    [regex]::Replace([string]$Text, '[^\x20-\x7e]', '?')
}

function Write-RdpOfflineLog {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Message
    )
    $time = (Get-RdpOfflineLogTime).ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
    $null = $script:RdpOfflineLog.Lines.Add($time + ' ' + (ConvertTo-RdpOfflineAscii -Text $Message))
}

function Save-RdpOfflineLog {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    # Returns why it could not be written; the report still says everything that matters.
    $folder = $script:RdpOfflineLog.Path.Substring(0, $script:RdpOfflineLog.Path.LastIndexOf('\'))
    try {
        if (-not (Test-RdpOfflinePath -Path $folder -Container)) {
            New-RdpOfflineProtectedDirectory -Path $folder -Confirm:$false
        }
        Write-RdpOfflineText -Path $script:RdpOfflineLog.Path -Text (($script:RdpOfflineLog.Lines -join "`r`n") + "`r`n") -Confirm:$false
    }
    catch {
        Format-RdpOfflineError -Message $_.Exception.Message
    }
}

function Write-RdpOfflineReport {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Line
    )
    # Kept for the end of the run (Format-RdpOfflineReport), with the time it was written.
    $Line = ConvertTo-RdpOfflineAscii -Text $Line
    Write-RdpOfflineLog -Message $Line
    $null = $script:RdpOfflineLog.Report.Add([pscustomobject]@{ Line = $Line; Time = (Get-RdpOfflineLogTime) })
}

function Format-RdpOfflineReport {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [switch]$Failed
    )
    $level = 'Output'
    if ($Failed) {
        $level = 'Error'
    }
    foreach ($entry in @($script:RdpOfflineLog.Report)) {
        if (-not $script:RdpOfflineLog.Tagged -or $entry.Line.StartsWith('[STATUS]::')) {
            $entry.Line
            continue
        }
        # The date as the driver's pattern reads it, whatever the rescue VM's culture.
        '[{0} {1}]{2}' -f $level, $entry.Time.ToString('MM/dd/yyyy HH:mm:ss', [System.Globalization.CultureInfo]::InvariantCulture), $entry.Line
    }
}

function Format-RdpOfflineError {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Message
    )
    # One line, short enough that the report keeps its end within what Run Command keeps.
    $text = (ConvertTo-RdpOfflineAscii -Text $Message) -replace '\s+', ' '
    if ($text.Length -gt 600) {
        $text = $text.Substring(0, 597) + '...'
    }
    $text.Trim()
}
#endregion src/repair-vm/output.ps1

#region src/powershell/status.ps1
# Status truth table and report lines
# The same truth table as src/model/report.ts decideStatus, shared by every RdpRescue target:
#   a precondition that is quiet          -> CLEAR  n/a:<check>
#   a primary check fired (preconditions met or none) -> DETECTED <fired primary>,<fired supporting>
#   a precondition or primary that failed -> UNKNOWN <check>?,...
#   otherwise                             -> CLEAR  -

function Resolve-RdpScenarioStatus {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Results
    )
    $preconditions = @($Results | Where-Object { $_.Role -eq 'precondition' })
    $unmet = @($preconditions | Where-Object { $_.Outcome -eq 'quiet' })
    if ($unmet.Count -gt 0) {
        return [pscustomobject]@{ Status = 'CLEAR'; Evidence = 'n/a:' + $unmet[0].CheckId }
    }
    $failedPreconditions = @($preconditions | Where-Object { $_.Outcome -eq 'failed' })
    $primary = @($Results | Where-Object { $_.Role -eq 'primary' })
    $supporting = @($Results | Where-Object { $_.Role -eq 'supporting' })
    $firedPrimary = @($primary | Where-Object { $_.Outcome -eq 'fired' })
    if ($failedPreconditions.Count -eq 0 -and $firedPrimary.Count -gt 0) {
        $fired = @($firedPrimary) + @($supporting | Where-Object { $_.Outcome -eq 'fired' })
        $tokens = foreach ($result in $fired) {
            if ($result.Detail) {
                $result.CheckId + '=' + $result.Detail
            }
            else {
                $result.CheckId
            }
        }
        return [pscustomobject]@{ Status = 'DETECTED'; Evidence = (@($tokens) -join ',') }
    }
    $failed = @($failedPreconditions) + @($primary | Where-Object { $_.Outcome -eq 'failed' })
    if ($failed.Count -gt 0) {
        return [pscustomobject]@{ Status = 'UNKNOWN'; Evidence = (@($failed | ForEach-Object { $_.CheckId + '?' }) -join ',') }
    }
    [pscustomobject]@{ Status = 'CLEAR'; Evidence = '-' }
}

function Format-RdpReportLine {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$ScenarioId,
        [Parameter(Mandatory = $true)]
        [string]$Status,
        [Parameter(Mandatory = $true)]
        [string]$Evidence
    )
    # Run Command keeps only the last 4096 bytes: with every scenario detected, a line each
    # stays short enough that the whole text report (Report=Full) still fits.
    if ($Evidence.Length -gt 150) {
        $Evidence = $Evidence.Substring(0, 147) + '...'
    }
    'RDPRESCUE {0} {1} {2}' -f $ScenarioId, $Status, $Evidence
}

function Format-RdpVerdictLine {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Detected
    )
    'RDPRESCUE verdict {0} detected' -f $Detected
}
#endregion src/powershell/status.ps1

#region src/powershell/file-version.ps1
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
#endregion src/powershell/file-version.ps1

#region src/repair-vm/disk.ps1
# Finding the broken OS disk and its boot store
# az vm repair create attaches a copy of the broken OS disk as a data disk, often offline. The
# script brings data disks online read-only, then looks for the one volume that holds a Windows
# installation (\Windows\System32\config\SYSTEM) and is not this VM's own system volume; only a
# repair or an undo makes that one disk writable. It never guesses: none, several, or a volume
# BitLocker keeps locked stop the run with a message that names what it saw and what to do.
# A Windows partition without a drive letter is lent one while it is looked at.

$script:RdpOfflineEspType = '{c12a7328-f81f-11d2-ba4b-00a0c93ec93b}'
# Partitions that can hold Windows: GPT basic data, MBR IFS (NTFS).
$script:RdpOfflineBasicDataType = '{ebd0a0a2-b9e5-4433-87c0-68b6b72699c7}'
$script:RdpOfflineMbrIfsType = 7
# Windows gives a disk that comes online its drive letters a few seconds later.
$script:RdpOfflineLetterWaitSeconds = 30
$script:RdpOfflineAssignedLetters = New-Object -TypeName System.Collections.ArrayList
# Why a disk was not brought online, for the message that finds no Windows.
$script:RdpOfflineDiskProblems = New-Object -TypeName System.Collections.ArrayList

function Get-RdpOfflineDiskPartition {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk,
        [AllowEmptyCollection()]
        [object[]]$AllDisks = @()
    )
    $cameOnline = $false
    if ($Disk.IsOffline) {
        Write-RdpOfflineLog -Message ("disk {0} ({1}, {2}): offline (reason {3}), read-only={4}: bringing it online" -f $Disk.Number, $Disk.BusType, $Disk.FriendlyName, $Disk.OfflineReason, $Disk.IsReadOnly)
        try {
            if (Test-RdpOfflineDiskCollision -Disk $Disk -AllDisks $AllDisks) {
                Enable-RdpOfflineCollidingDisk -Disk $Disk
            }
            else {
                Enable-RdpOfflineDisk -Number $Disk.Number -Confirm:$false
            }
            $cameOnline = $true
        }
        catch {
            Write-RdpOfflineLog -Message ("disk {0} could not be brought online: {1}" -f $Disk.Number, $_.Exception.Message)
            $null = $script:RdpOfflineDiskProblems.Add(('disk {0}: {1}' -f $Disk.Number, $_.Exception.Message))
            return
        }
    }
    $partitions = @(Get-RdpOfflinePartition -DiskNumber $Disk.Number)
    $waited = 0
    while ($cameOnline -and $waited -lt $script:RdpOfflineLetterWaitSeconds -and @($partitions | Where-Object { $_.DriveLetter }).Count -eq 0) {
        Wait-RdpOfflineSecond -Seconds 2
        $waited += 2
        $partitions = @(Get-RdpOfflinePartition -DiskNumber $Disk.Number)
    }
    $partitions
}

function Test-RdpOfflineWindowsPartitionType {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Partition
    )
    if ($Partition.GptType) {
        return ($Partition.GptType -eq $script:RdpOfflineBasicDataType)
    }
    [int]$Partition.MbrType -eq $script:RdpOfflineMbrIfsType
}

function Add-RdpOfflineLentLetter {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$DiskNumber,
        [Parameter(Mandatory = $true)]
        [int]$PartitionNumber,
        [Parameter(Mandatory = $true)]
        [string]$What
    )
    # Remembered before it is asked for, so Remove-RdpOfflineAssignedLetter gives it back
    # whatever happens, also when Windows shows the letter only after the call gave up on it.
    $lent = [pscustomobject]@{ DiskNumber = $DiskNumber; PartitionNumber = $PartitionNumber; DriveLetter = '' }
    $null = $script:RdpOfflineAssignedLetters.Add($lent)
    $letter = [string](Add-RdpOfflinePartitionLetter -DiskNumber $DiskNumber -PartitionNumber $PartitionNumber -Confirm:$false)
    if ($letter) {
        $lent.DriveLetter = $letter
        Write-RdpOfflineLog -Message ("{0} (disk {1} partition {2}): drive letter {3}: lent for this run" -f $What, $DiskNumber, $PartitionNumber, $letter)
    }
    $letter
}

function Remove-RdpOfflineLentLetter {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$DriveLetter
    )
    foreach ($lent in @($script:RdpOfflineAssignedLetters | Where-Object { $_.DriveLetter -eq $DriveLetter })) {
        Remove-RdpOfflinePartitionLetter -DiskNumber $lent.DiskNumber -PartitionNumber $lent.PartitionNumber -DriveLetter $lent.DriveLetter -Confirm:$false
        $script:RdpOfflineAssignedLetters.Remove($lent)
        Write-RdpOfflineLog -Message ("drive letter {0} given back (disk {1} partition {2}): no Windows there" -f $lent.DriveLetter, $lent.DiskNumber, $lent.PartitionNumber)
    }
}

function Find-RdpOfflineWindowsVolume {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [AllowEmptyString()]
        [string]$Drive = ''
    )
    $systemDrive = Get-RdpOfflineSystemDrive
    $script:RdpOfflineDiskProblems.Clear()
    $candidates = New-Object -TypeName System.Collections.ArrayList
    $locked = New-Object -TypeName System.Collections.ArrayList
    $unreadable = New-Object -TypeName System.Collections.ArrayList
    $seen = New-Object -TypeName System.Collections.ArrayList
    $disks = @(Get-RdpOfflineDisk)
    Import-RdpOfflineIdentityNote -AllDisks $disks
    foreach ($disk in $disks) {
        if ($disk.IsBoot -or $disk.IsSystem) {
            Write-RdpOfflineLog -Message ("disk {0}: this rescue VM's own system disk, skipped" -f $disk.Number)
            continue
        }
        foreach ($partition in @(Get-RdpOfflineDiskPartition -Disk $disk -AllDisks $disks)) {
            $lent = $false
            $letter = $partition.DriveLetter
            if (-not $letter) {
                # Windows may have left the broken OS partition without a letter.
                if ($partition.GptType -eq $script:RdpOfflineEspType -or -not (Test-RdpOfflineWindowsPartitionType -Partition $partition)) {
                    continue
                }
                $letter = Add-RdpOfflineLentLetter -DiskNumber $disk.Number -PartitionNumber $partition.PartitionNumber -What 'partition without a drive letter'
                if (-not $letter) {
                    Write-RdpOfflineLog -Message ("disk {0} partition {1} has no drive letter and could not be lent one" -f $disk.Number, $partition.PartitionNumber)
                    continue
                }
                $lent = $true
            }
            $letter = $letter.ToUpperInvariant()
            $where = '{0}: (disk {1})' -f $letter, $disk.Number
            if (($letter + ':') -eq $systemDrive) {
                continue
            }
            $null = $seen.Add($where)
            $lock = Get-RdpOfflineLockStatus -DriveLetter $letter
            Write-RdpOfflineLog -Message ("{0}: BitLocker {1}" -f $where, $lock)
            if ($lock -eq 'Locked') {
                $null = $locked.Add($where)
                continue
            }
            if (Test-RdpOfflinePath -Path ($letter + ':\Windows\System32\config\SYSTEM')) {
                $generation = 1
                if ($disk.PartitionStyle -eq 'GPT') {
                    $generation = 2
                }
                $null = $candidates.Add([pscustomobject]@{
                        Drive           = $letter
                        DiskNumber      = $disk.Number
                        PartitionNumber = $partition.PartitionNumber
                        Generation      = $generation
                        Where           = $where
                        IsReadOnly      = [bool]$disk.IsReadOnly
                    })
                continue
            }
            if ($lock -eq 'Unreadable') {
                $null = $unreadable.Add($where)
            }
            if ($lent) {
                Remove-RdpOfflineLentLetter -DriveLetter $letter
            }
        }
    }
    $names = @($candidates | ForEach-Object { $_.Where })
    if ($Drive) {
        $chosen = @($candidates | Where-Object { $_.Drive -eq $Drive })
        if ($chosen.Count -eq 0) {
            throw ("Drive={0}: that volume holds no Windows installation of an attached disk. Volumes that do: {1}." -f $Drive, (Join-RdpOfflineName -Name $names))
        }
        return $chosen[0]
    }
    if ($candidates.Count -eq 1) {
        return $candidates[0]
    }
    if ($candidates.Count -gt 1) {
        throw ("Several attached volumes hold a Windows installation: {0}. Run again with Drive=<letter> to name the broken OS disk." -f ($names -join ', '))
    }
    if ($locked.Count -gt 0) {
        throw ("BitLocker keeps {0} locked, so the broken OS cannot be read. Create the rescue VM with az vm repair create --unlock-encrypted-vm (for Azure Disk Encryption), or unlock the volume with its recovery password (manage-bde -unlock <drive>: -RecoveryPassword <password>), then run again." -f ($locked -join ', '))
    }
    $hint = ''
    if ($unreadable.Count -gt 0) {
        $hint = (' {0} show no file system (encrypted or damaged?).' -f ($unreadable -join ', '))
    }
    if ($script:RdpOfflineDiskProblems.Count -gt 0) {
        $hint += (' Not brought online: {0}.' -f (@($script:RdpOfflineDiskProblems) -join '; '))
    }
    throw ("No attached disk holds \Windows\System32\config\SYSTEM (this rescue VM's own {0} is not counted; volumes seen: {1}).{2} Attach a copy of the broken OS disk (az vm repair create) and run again." -f $systemDrive, (Join-RdpOfflineName -Name @($seen)), $hint)
}

function Join-RdpOfflineName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyCollection()]
        [string[]]$Name = @()
    )
    if ($Name.Count -eq 0) {
        return 'none'
    }
    $Name -join ', '
}

function Find-RdpOfflineBootStore {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    # Generation 2 boots from the EFI system partition, which has no drive letter; Generation 1
    # from the active partition (System Reserved, or the OS volume itself).
    $partitions = @(Get-RdpOfflinePartition -DiskNumber $Volume.DiskNumber)
    if ($Volume.Generation -eq 2) {
        $boot = @($partitions | Where-Object { $_.GptType -eq $script:RdpOfflineEspType })
        $relative = '\EFI\Microsoft\Boot\BCD'
        $what = 'EFI system partition'
    }
    else {
        $boot = @($partitions | Where-Object { $_.IsActive })
        $relative = '\Boot\BCD'
        $what = 'active partition'
    }
    if ($boot.Count -eq 0) {
        throw ("Disk {0} (Generation {1}) has no {2}: its boot store cannot be found." -f $Volume.DiskNumber, $Volume.Generation, $what)
    }
    $partition = $boot[0]
    $letter = $partition.DriveLetter
    if (-not $letter) {
        $letter = Add-RdpOfflineLentLetter -DiskNumber $Volume.DiskNumber -PartitionNumber $partition.PartitionNumber -What $what
        if (-not $letter) {
            throw ("The {0} of disk {1} could not be given a drive letter." -f $what, $Volume.DiskNumber)
        }
    }
    $path = $letter + ':' + $relative
    if (-not (Test-RdpOfflinePath -Path $path)) {
        throw ("No boot store at {0} ({1} of disk {2})." -f $path, $what, $Volume.DiskNumber)
    }
    [pscustomobject]@{ Path = $path; Folder = $letter + ':' + (Get-RdpOfflineParentPath -Path $relative) }
}

function Remove-RdpOfflineAssignedLetter {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    # Every letter this run lent is taken back, whatever happened in between.
    $failures = @()
    foreach ($lent in @($script:RdpOfflineAssignedLetters)) {
        try {
            if (-not $lent.DriveLetter) {
                # Asked for but not seen in time: whatever letter the partition shows now is it.
                $lent.DriveLetter = [string](@(Get-RdpOfflinePartition -DiskNumber $lent.DiskNumber | Where-Object { $_.PartitionNumber -eq $lent.PartitionNumber } | ForEach-Object { $_.DriveLetter }) -join '')
                if (-not $lent.DriveLetter) {
                    continue
                }
            }
            Remove-RdpOfflinePartitionLetter -DiskNumber $lent.DiskNumber -PartitionNumber $lent.PartitionNumber -DriveLetter $lent.DriveLetter -Confirm:$false
            Write-RdpOfflineLog -Message ("drive letter {0} given back (disk {1} partition {2})" -f $lent.DriveLetter, $lent.DiskNumber, $lent.PartitionNumber)
        }
        catch {
            $failures += ('{0}: {1}' -f $lent.DriveLetter, $_.Exception.Message)
        }
    }
    $script:RdpOfflineAssignedLetters.Clear()
    $failures
}

function Enable-RdpOfflineVolumeWrite {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    # Only the disk a repair or an undo changes, and only then: every other attached disk, and
    # this one during a diagnosis, stays read-only.
    if ($Volume.IsReadOnly) {
        Write-RdpOfflineLog -Message ("disk {0}: clearing read-only to change it" -f $Volume.DiskNumber)
        Set-RdpOfflineDiskWritable -Number $Volume.DiskNumber -Confirm:$false
    }
}
#endregion src/repair-vm/disk.ps1

#region src/repair-vm/identity.ps1
# A copied disk whose identity collides with another disk's
# The copy of an OS disk keeps its MBR signature or GPT disk GUID. When the rescue VM has a disk
# with the same one (both made from the same image), Windows keeps the copy offline
# (MSFT_Disk.OfflineReason 4, Collision), and bringing it online makes Windows write the copy a
# new identity; its boot configuration still names the old one, so the VM the copy is swapped
# back into may stop with 0xc000000e. The script notes the identity before the disk comes
# online and writes it back when the run ends, reading it back; if that fails the run ends in
# ERROR with the exact Set-Disk command to run before az vm repair restore. Once it reads back,
# the disk shares its identity with another online disk again, so it is put back as Windows
# kept it: read-only if it was, and offline.
# The note is also written to a file on the rescue VM before the disk comes online, by the
# disk's UniqueId (its number can change), so a run that was stopped half-way (Run Command's
# time limit, a closed window) is finished by the next one: it writes the identity back too.

$script:RdpOfflineCollisionReason = 4
$script:RdpOfflineChangedIdentities = New-Object -TypeName System.Collections.ArrayList
$script:RdpOfflineIdentityNoteName = 'disk-identity-pending.txt'

function Format-RdpOfflineDiskIdentity {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk
    )
    if ($Disk.PartitionStyle -eq 'GPT') {
        return ('GPT disk GUID ' + $Disk.Guid)
    }
    'MBR signature 0x{0:X8}' -f [int64]$Disk.Signature
}

function Get-RdpOfflineDiskByNumber {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Number
    )
    $disk = @(Get-RdpOfflineDisk | Where-Object { $_.Number -eq $Number })
    if ($disk.Count -eq 0) {
        throw ("Disk {0} is gone." -f $Number)
    }
    $disk[0]
}

function Test-RdpOfflineDiskCollision {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk,
        [AllowEmptyCollection()]
        [object[]]$AllDisks = @()
    )
    # Windows says so (OfflineReason 4), or another disk has the same identity: a disk this
    # script took offline again after an earlier run reads as offline for another reason.
    if ([int]$Disk.OfflineReason -eq $script:RdpOfflineCollisionReason) {
        return $true
    }
    $identity = Format-RdpOfflineDiskIdentity -Disk $Disk
    if ($identity -eq 'GPT disk GUID ' -or $identity -eq 'MBR signature 0x00000000') {
        return $false
    }
    @($AllDisks | Where-Object { $_.Number -ne $Disk.Number -and (Format-RdpOfflineDiskIdentity -Disk $_) -eq $identity }).Count -gt 0
}

function Enable-RdpOfflineCollidingDisk {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk
    )
    # Without the original there is nothing to write back: the disk stays offline.
    $what = 'MBR signature'
    $known = ([int64]$Disk.Signature -ne 0)
    if ($Disk.PartitionStyle -eq 'GPT') {
        $what = 'GPT disk GUID'
        $known = [bool]$Disk.Guid
    }
    if (-not $known) {
        throw ("offline because its identity collides with another disk's, and its {0} cannot be read to be written back" -f $what)
    }
    # Windows can write the new identity only to a writable disk.
    $original = Format-RdpOfflineDiskIdentity -Disk $Disk
    Write-RdpOfflineLog -Message ("disk {0}: offline because its {1} collides with another disk's; noted, to be written back when the run ends" -f $Disk.Number, $original)
    $null = $script:RdpOfflineChangedIdentities.Add((New-RdpOfflineIdentityNote -Disk $Disk))
    Save-RdpOfflineIdentityNote
    Set-RdpOfflineDiskWritable -Number $Disk.Number -Confirm:$false
    Enable-RdpOfflineDisk -Number $Disk.Number -Confirm:$false
}

function Restore-RdpOfflineDiskIdentity {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # A hive of the disk stays loaded: taking the disk offline would pull it from under it.
        [switch]$KeepOnline
    )
    # Returns a failure per disk whose identity does not read back as it was.
    $any = $script:RdpOfflineChangedIdentities.Count -gt 0
    foreach ($noted in @($script:RdpOfflineChangedIdentities)) {
        $failure = ''
        $command = "Set-Disk -Number {0} -Signature {1}" -f $noted.Number, $noted.Signature
        if ($noted.PartitionStyle -eq 'GPT') {
            $command = "Set-Disk -Number {0} -Guid '{1}'" -f $noted.Number, $noted.Guid
        }
        try {
            $current = Get-RdpOfflineDiskByNumber -Number $noted.Number
            $changed = Format-RdpOfflineDiskIdentity -Disk $current
            if ($changed -ne $noted.Original) {
                # A disk an interrupted run left behind may be read-only again (Windows cannot
                # write it then); it is put back read-only afterwards if it was.
                if ($current.IsReadOnly) {
                    Set-RdpOfflineDiskWritable -Number $noted.Number -Confirm:$false
                }
                if ($noted.PartitionStyle -eq 'GPT') {
                    Set-RdpOfflineDiskIdentity -Number $noted.Number -Guid $noted.Guid -Confirm:$false
                }
                else {
                    Set-RdpOfflineDiskIdentity -Number $noted.Number -Signature $noted.Signature -Confirm:$false
                }
                $now = Format-RdpOfflineDiskIdentity -Disk (Get-RdpOfflineDiskByNumber -Number $noted.Number)
                if ($now -eq $noted.Original) {
                    Write-RdpOfflineReport -Line ('RDPRESCUE disk {0} {1} restored (Windows had changed it to {2} to bring the disk online)' -f $noted.Number, $noted.Original, ($changed -replace '^(GPT disk GUID|MBR signature) ', ''))
                }
                else {
                    $failure = 'disk {0} keeps {1}, not its own {2}' -f $noted.Number, $now, ($noted.Original -replace '^(GPT disk GUID|MBR signature) ', '')
                }
            }
        }
        catch {
            $failure = 'disk {0}: its {1} could not be written back: {2}' -f $noted.Number, $noted.Original, (Format-RdpOfflineError -Message $_.Exception.Message)
        }
        if ($failure) {
            # Left online: the command needs the disk online.
            '{0}: the restored VM may not boot (0xc000000e). Before az vm repair restore, run on the rescue VM: {1}' -f $failure, $command
            continue
        }
        Reset-RdpOfflineCollidingDisk -Noted $noted -KeepOnline:$KeepOnline
        $noted.Restored = $true
    }
    if ($any) {
        # What is not back yet stays noted for the next run.
        $pending = @($script:RdpOfflineChangedIdentities | Where-Object { -not $_.Restored })
        $script:RdpOfflineChangedIdentities.Clear()
        foreach ($noted in $pending) {
            $null = $script:RdpOfflineChangedIdentities.Add($noted)
        }
        Save-RdpOfflineIdentityNote
    }
    $script:RdpOfflineChangedIdentities.Clear()
}

function Reset-RdpOfflineCollidingDisk {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Noted,
        [switch]$KeepOnline
    )
    # Its identity is its own again, the same as another online disk's: back offline, as
    # Windows kept it, so the two never stay online together. Not a failure of the run when it
    # cannot be done: the copy boots either way; the rescue VM is told what to do.
    $command = 'Set-Disk -Number {0} -IsOffline $true' -f $Noted.Number
    if ($KeepOnline) {
        Write-RdpOfflineReport -Line ('RDPRESCUE warning disk {0} stays online, with the same identity as another disk, while a hive of it is loaded: after reg unload, run {1}' -f $Noted.Number, $command)
        return
    }
    try {
        if ($Noted.WasReadOnly) {
            Set-RdpOfflineDiskReadOnly -Number $Noted.Number -Confirm:$false
        }
        Disable-RdpOfflineDisk -Number $Noted.Number -Confirm:$false
        if (-not (Get-RdpOfflineDiskByNumber -Number $Noted.Number).IsOffline) {
            throw 'it still reads as online'
        }
        Write-RdpOfflineLog -Message ('disk {0}: offline again, as Windows kept it (read-only: {1})' -f $Noted.Number, $Noted.WasReadOnly)
    }
    catch {
        Write-RdpOfflineReport -Line ('RDPRESCUE warning disk {0} could not be taken offline again ({1}): it has the same identity as another online disk; run {2}' -f $Noted.Number, (Format-RdpOfflineError -Message $_.Exception.Message), $command)
    }
}

function New-RdpOfflineIdentityNote {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Disk,
        [bool]$WasReadOnly = [bool]$Disk.IsReadOnly
    )
    [pscustomobject]@{
        Number         = $Disk.Number
        UniqueId       = [string]$Disk.UniqueId
        PartitionStyle = $Disk.PartitionStyle
        Signature      = [int64]$Disk.Signature
        Guid           = [string]$Disk.Guid
        Original       = Format-RdpOfflineDiskIdentity -Disk $Disk
        WasReadOnly    = $WasReadOnly
        Restored       = $false
    }
}

function Get-RdpOfflineIdentityNotePath {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    (Get-RdpOfflineWorkFolder) + '\' + $script:RdpOfflineIdentityNoteName
}

function Save-RdpOfflineIdentityNote {
    [CmdletBinding()]
    param()
    # One line per disk: UniqueId|GPT or MBR|signature|GUID|read-only. No note left, no file.
    $path = Get-RdpOfflineIdentityNotePath
    $lines = @($script:RdpOfflineChangedIdentities | Where-Object { $_.UniqueId } | ForEach-Object {
            '{0}|{1}|{2}|{3}|{4}' -f $_.UniqueId, $_.PartitionStyle, $_.Signature, $_.Guid, [int]$_.WasReadOnly
        })
    try {
        if ($lines.Count -eq 0) {
            if (Test-RdpOfflinePath -Path $path) {
                Remove-RdpOfflineFile -Path $path -Confirm:$false
            }
            return
        }
        Initialize-RdpOfflineProtectedFolder -Path (Get-RdpOfflineWorkFolder)
        Write-RdpOfflineText -Path $path -Text (($lines -join "`r`n") + "`r`n") -Confirm:$false
    }
    catch {
        Write-RdpOfflineLog -Message ('disk identity note {0} not written: {1}' -f $path, $_.Exception.Message)
    }
}

function Import-RdpOfflineIdentityNote {
    [CmdletBinding()]
    param(
        [AllowEmptyCollection()]
        [object[]]$AllDisks = @()
    )
    # A run stopped half-way left a disk with the identity Windows gave it: this run writes
    # the noted one back when it ends, as if it had brought the disk online itself.
    $path = Get-RdpOfflineIdentityNotePath
    if (-not (Test-RdpOfflinePath -Path $path)) {
        return
    }
    # Only what an administrator could have written names an identity to write to a disk; a
    # file's owner is whoever wrote it (a named administrator too), its folder decides who could.
    $untrusted = (Get-RdpOfflineUntrustedReason -Path (Get-RdpOfflineWorkFolder)) + (Get-RdpOfflineUntrustedReason -Path $path -IgnoreOwner)
    if ($untrusted) {
        Write-RdpOfflineReport -Line ('RDPRESCUE warning disk identity note ignored: ' + $untrusted)
        return
    }
    foreach ($line in @((Read-RdpOfflineText -Path $path) -split "`r?`n")) {
        $fields = $line.Split('|')
        if ($fields.Count -ne 5 -or -not $fields[0]) {
            continue
        }
        $disk = @($AllDisks | Where-Object { $_.UniqueId -eq $fields[0] -and -not $_.IsBoot -and -not $_.IsSystem })
        if ($disk.Count -ne 1 -or [string]$disk[0].PartitionStyle -ne $fields[1]) {
            Write-RdpOfflineLog -Message ('disk identity note for {0}: no such disk attached now' -f $fields[0])
            continue
        }
        $noted = New-RdpOfflineIdentityNote -Disk ([pscustomobject]@{
                Number = $disk[0].Number; UniqueId = $fields[0]; PartitionStyle = $fields[1]
                Signature = [int64]$fields[2]; Guid = $fields[3]
            }) -WasReadOnly ($fields[4] -eq '1')
        if ((Format-RdpOfflineDiskIdentity -Disk $disk[0]) -eq $noted.Original) {
            continue
        }
        if (@($script:RdpOfflineChangedIdentities | Where-Object { $_.UniqueId -eq $noted.UniqueId }).Count -eq 0) {
            $null = $script:RdpOfflineChangedIdentities.Add($noted)
            Write-RdpOfflineLog -Message ('disk {0}: an earlier run did not finish; its {1} is written back when this run ends' -f $noted.Number, $noted.Original)
        }
    }
}
#endregion src/repair-vm/identity.ps1

#region src/repair-vm/registry.ps1
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
#endregion src/repair-vm/registry.ps1

#region src/repair-vm/certificates.ps1
# Certificates of the broken OS
# LocalMachine system stores (My, Remote Desktop) are registry keys of the SOFTWARE hive:
# Microsoft\SystemCertificates\<store>\Certificates\<thumbprint>, whose Blob value is the
# certificate serialized with its properties: (property id, reserved, length, bytes) records,
# little-endian. Property 32 (CERT_CERT_PROP_ID) is the DER certificate itself.

function ConvertFrom-RdpOfflineCertificateBlob {
    [CmdletBinding()]
    [OutputType([System.Security.Cryptography.X509Certificates.X509Certificate2])]
    param(
        [Parameter(Mandatory = $true)]
        [byte[]]$Blob
    )
    $offset = 0
    while ($offset + 12 -le $Blob.Length) {
        $id = [System.BitConverter]::ToUInt32($Blob, $offset)
        $length = [System.BitConverter]::ToUInt32($Blob, $offset + 8)
        $start = $offset + 12
        if ($start + $length -gt $Blob.Length) {
            break
        }
        if ($id -eq 32) {
            $der = New-Object -TypeName byte[] -ArgumentList $length
            [System.Array]::Copy($Blob, $start, $der, 0, $length)
            return [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($der)
        }
        $offset = $start + $length
    }
    $null
}

function Get-RdpOfflineCertificate {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store
    )
    $key = (Get-RdpOfflineMountedName -Hive 'SOFTWARE') + '\Microsoft\SystemCertificates\' + $Store + '\Certificates'
    foreach ($thumbprint in @(Get-RdpOfflineRegistrySubKeyName -Key $key)) {
        $blob = Get-RdpOfflineRegistryValue -Key ($key + '\' + $thumbprint) -Name 'Blob'
        $certificate = $null
        if ($null -ne $blob -and $blob.Value -is [byte[]]) {
            try {
                $certificate = ConvertFrom-RdpOfflineCertificateBlob -Blob $blob.Value
            }
            catch {
                Write-RdpOfflineLog -Message ("{0}\{1}: unreadable certificate: {2}" -f $Store, $thumbprint, $_.Exception.Message)
            }
        }
        $notBefore = $null
        $notAfter = $null
        if ($null -ne $certificate) {
            $notBefore = $certificate.NotBefore.ToUniversalTime()
            $notAfter = $certificate.NotAfter.ToUniversalTime()
        }
        [pscustomobject]@{
            Store      = $Store
            Thumbprint = $thumbprint.ToUpperInvariant()
            Readable   = ($null -ne $certificate)
            NotBefore  = $notBefore
            NotAfter   = $notAfter
        }
    }
}

function Test-RdpOfflineCertificateValid {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Certificate,
        [Parameter(Mandatory = $true)]
        [datetime]$Now
    )
    # Validity is judged against today: the disk goes back into service now.
    $Certificate.Readable -and $Certificate.NotBefore -le $Now -and $Certificate.NotAfter -gt $Now
}
#endregion src/repair-vm/certificates.ps1

#region src/repair-vm/checks.ps1
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
#endregion src/repair-vm/checks.ps1

#region src/repair-vm/backup.ps1
# Backups on the broken OS disk
# A repair saves exactly what each fix changes before it changes it, in a backup set on the
# broken disk itself (<drive>:\RdpRescueOffline\<time>), so the backup travels with the disk
# and outlives the rescue VM: per registry key a reg export plus, per value, whether it
# existed and what it held; icacls /save plus every owner (icacls does not save owners); the
# boot store files; and, as a last resort for a hand restore, the hive files with their .LOG
# files. backup.json lists it all per fix.
#
# Undo runs as SYSTEM or an administrator, but a standard user of the broken VM could have
# written to that disk: the backup folders must be owned by SYSTEM or Administrators and
# writable by nobody else, and every entry must name something the fix of the catalog it
# claims to come from changes (its registry keys and values, its folders).

$script:RdpOfflineTrustedSids = @('S-1-5-18', 'S-1-5-32-544')
# Write or append data, write extended attributes or attributes, delete a child, delete, change
# permissions, take ownership, generic write, generic all.
$script:RdpOfflineChangeRights = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000
$script:RdpOfflineBackupSchema = 'urn:rdp-rescue:repair-vm-backup:1'
$script:RdpOfflineHiveLogSuffixes = @('', '.LOG', '.LOG1', '.LOG2')

function Get-RdpOfflineBackupRoot {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    $Volume.Drive + ':\RdpRescueOffline'
}

function Get-RdpOfflineUntrustedReason {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        # A file's owner is whoever wrote it; its folder decides who could have.
        [switch]$IgnoreOwner
    )
    $security = Get-RdpOfflineItemSecurity -Path $Path
    if (-not $IgnoreOwner -and $script:RdpOfflineTrustedSids -notcontains [string]$security.Owner) {
        return ('{0} is owned by {1}, not by SYSTEM or Administrators' -f $Path, $security.Owner)
    }
    $writers = @($security.Rules | Where-Object {
            $_.AccessType -eq 'Allow' -and $script:RdpOfflineTrustedSids -notcontains [string]$_.Sid -and ([int64]$_.Rights -band $script:RdpOfflineChangeRights) -ne 0
        } | ForEach-Object { [string]$_.Sid } | Sort-Object -Unique)
    if ($writers.Count -gt 0) {
        return ('{0} can be changed by {1}' -f $Path, ($writers -join ', '))
    }
    ''
}

function Assert-RdpOfflineTrustedPath {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [switch]$IgnoreOwner
    )
    $reason = Get-RdpOfflineUntrustedReason -Path $Path -IgnoreOwner:$IgnoreOwner
    if ($reason) {
        throw ("Refusing the backup: {0}. Someone other than an administrator could have written it; move it away and run again." -f $reason)
    }
}

function Initialize-RdpOfflineProtectedFolder {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not (Test-RdpOfflinePath -Path $Path -Container)) {
        New-RdpOfflineProtectedDirectory -Path $Path -Confirm:$false
    }
    # Read back also after creating it: a folder someone made in the meantime stays as it was.
    Assert-RdpOfflineTrustedPath -Path $Path
}

function New-RdpOfflineBackupSet {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [string]$Stamp
    )
    $root = Get-RdpOfflineBackupRoot -Volume $Volume
    Initialize-RdpOfflineProtectedFolder -Path $root
    $folder = $root + '\' + $Stamp
    if (Test-RdpOfflinePath -Path $folder -Container) {
        throw ("A backup {0} exists already; wait a second and run again." -f $folder)
    }
    Initialize-RdpOfflineProtectedFolder -Path $folder
    $set = @{
        Folder   = $folder
        Counter  = 0
        Manifest = [ordered]@{
            schema     = $script:RdpOfflineBackupSchema
            tool       = 'rdp-rescue'
            version    = $script:RdpOfflineCatalog.Version
            created    = (Get-RdpOfflineDate).ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)
            controlSet = $script:RdpOfflineControlSet
            hives      = (New-Object -TypeName System.Collections.ArrayList)
            fixes      = (New-Object -TypeName System.Collections.ArrayList)
        }
    }
    Save-RdpOfflineBackupManifest -Set $set
    $set
}

function Save-RdpOfflineBackupManifest {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Set
    )
    # Written after every step, so a run that stops half way leaves what it did restorable.
    $json = ConvertTo-Json -InputObject $Set.Manifest -Depth 10
    Write-RdpOfflineText -Path ($Set.Folder + '\backup.json') -Text $json -Confirm:$false
}

function New-RdpOfflineBackupName {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Set,
        [Parameter(Mandatory = $true)]
        [string]$Prefix
    )
    $Set.Counter++
    '{0}-{1:D3}' -f $Prefix, $Set.Counter
}

function Backup-RdpOfflineHiveFileItem {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [System.Collections.IList]$Entries
    )
    # The whole hive with its transaction logs, copied before it is loaded: restoring it by
    # hand is the last resort when a per-key restore cannot be done.
    $set = $Run.Set
    if (@($set.Manifest.hives | Where-Object { $_.hive -eq $Item.Hive }).Count -gt 0) {
        return
    }
    $source = Get-RdpOfflineHiveFile -Volume $Run.Volume -Hive $Item.Hive
    $folder = $set.Folder + '\hive'
    Initialize-RdpOfflineProtectedFolder -Path $folder
    $files = @(foreach ($suffix in $script:RdpOfflineHiveLogSuffixes) {
            $path = $source + $suffix
            if (Test-RdpOfflinePath -Path $path) {
                $name = $Item.Hive + $suffix
                Copy-RdpOfflineFile -Source $path -Destination ($folder + '\' + $name) -Confirm:$false
                [ordered]@{ name = $name; sha256 = (Get-RdpOfflineFileHash -Path ($folder + '\' + $name)) }
            }
        })
    if ($files.Count -eq 0) {
        throw ("{0} could not be backed up: it does not exist." -f $source)
    }
    $null = $set.Manifest.hives.Add([ordered]@{ kind = 'hive-file'; hive = $Item.Hive; folder = 'hive'; files = $files })
    Write-RdpOfflineLog -Message ("hive {0} copied to {1} ({2} files)" -f $Item.Hive, $folder, $files.Count)
}

function Get-RdpOfflineMissingKey {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Key
    )
    # The topmost key a write would create ('' when the key exists): what undo deletes.
    $missing = ''
    $current = $Key
    while ($current.Contains('\') -and -not (Test-RdpOfflineRegistryKey -Key $current)) {
        $missing = $current
        $current = $current.Substring(0, $current.LastIndexOf('\'))
    }
    $missing
}

function Backup-RdpOfflineRegistryItem {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [System.Collections.IList]$Entries
    )
    $key = Resolve-RdpOfflineKey -Location $Item.Location
    if (@($Entries | Where-Object { $_.kind -eq 'registry-key' -and $_.key -eq $key }).Count -eq 0) {
        $entry = [ordered]@{ kind = 'registry-key'; key = $key; existed = $false; file = ''; created = '' }
        if (Test-RdpOfflineRegistryKey -Key $key) {
            $entry.existed = $true
            $entry.file = (New-RdpOfflineBackupName -Set $Run.Set -Prefix 'key') + '.reg'
            Export-RdpOfflineRegistryKey -Key $key -File ($Run.Set.Folder + '\' + $entry.file) -Confirm:$false
        }
        else {
            $entry.created = Get-RdpOfflineMissingKey -Key $key
        }
        $null = $Entries.Add($entry)
    }
    $value = Get-RdpOfflineRegistryValue -Key $key -Name $Item.Name
    $entry = [ordered]@{ kind = 'registry-value'; key = $key; name = $Item.Name; existed = ($null -ne $value); valueKind = ''; data = '' }
    if ($null -ne $value) {
        $entry.valueKind = [string]$value.Kind
        $entry.data = ConvertTo-RdpOfflineRegistryText -Value $value.Value
    }
    $null = $Entries.Add($entry)
}

function Get-RdpOfflineRelativePath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Stored without the drive letter: the disk may get another one at undo time.
    $prefix = $Volume.Drive + ':\'
    if (-not $Path.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
        throw ("{0} is not on the broken OS volume {1}" -f $Path, $prefix)
    }
    $Path.Substring($prefix.Length)
}

function Backup-RdpOfflineAclItem {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [System.Collections.IList]$Entries
    )
    $path = Resolve-RdpOfflineWindowsPath -Volume $Run.Volume -Path $Item.Path
    $relative = Get-RdpOfflineRelativePath -Volume $Run.Volume -Path $path
    if (@($Entries | Where-Object { $_.kind -eq 'acl' -and $_.path -eq $relative }).Count -gt 0) {
        return
    }
    if (-not (Test-RdpOfflinePath -Path $path -Container)) {
        throw ("{0} does not exist on the broken OS disk." -f $path)
    }
    $file = (New-RdpOfflineBackupName -Set $Run.Set -Prefix 'acl') + '.txt'
    # An item the administrators cannot read (a key file only its creator may open) leaves the
    # save partial: that is recorded, and said, rather than the whole repair given up.
    $partial = [string](Save-RdpOfflineAcl -Path $path -File ($Run.Set.Folder + '\' + $file) -Confirm:$false)
    # icacls /save keeps no owners: each item's owner and DACL are kept as SDDL too.
    $targets = @($path)
    if ($Item.Recurse) {
        $targets += @(Get-RdpOfflineChildItem -Path $path -Recurse)
    }
    $items = @(foreach ($target in $targets) {
            $saved = [ordered]@{ path = (Get-RdpOfflineRelativePath -Volume $Run.Volume -Path $target); sddl = ''; unreadable = $false }
            try {
                $saved.sddl = (Get-RdpOfflineItemSecurity -Path $target).Sddl
            }
            catch {
                $saved.unreadable = $true
                Write-RdpOfflineLog -Message ("{0}: owner and permissions cannot be read, not in the backup: {1}" -f $target, $_.Exception.Message)
            }
            $saved
        })
    if ($partial) {
        Write-RdpOfflineLog -Message ("icacls /save of {0} is partial: {1}" -f $path, $partial)
    }
    $null = $Entries.Add([ordered]@{ kind = 'acl'; path = $relative; file = $file; partial = $partial; items = $items })
}

function Format-RdpOfflinePartialBackup {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$FixId,
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Collections.IList]$Entries
    )
    # One warning per folder whose permissions backup misses items.
    foreach ($entry in @($Entries | Where-Object { $_.kind -eq 'acl' })) {
        $missing = @($entry.items | Where-Object { $_.unreadable } | ForEach-Object { $_.path })
        if ($missing.Count -eq 0 -and -not $entry.partial) {
            continue
        }
        $names = @($missing | Select-Object -First 3) -join ', '
        if ($missing.Count -gt 3) {
            $names += ', ...'
        }
        'RDPRESCUE warning {0}: partial backup of {1}: {2} item(s) could not be read, Undo cannot restore them: {3}' -f $FixId, $entry.path, $missing.Count, $names
    }
}

function Backup-RdpOfflineBcdStoreItem {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [System.Collections.IList]$Entries
    )
    if (@($Entries | Where-Object { $_.kind -eq 'bcd-store' }).Count -gt 0) {
        return
    }
    # bcdedit /export works on the system store only: the store is copied as files, with the
    # transaction logs that belong to it, and which of them did not exist.
    $store = Get-RdpOfflineBootStore -Run $Run
    $folder = (New-RdpOfflineBackupName -Set $Run.Set -Prefix 'bcd')
    Initialize-RdpOfflineProtectedFolder -Path ($Run.Set.Folder + '\' + $folder)
    $files = New-Object -TypeName System.Collections.ArrayList
    $absent = New-Object -TypeName System.Collections.ArrayList
    foreach ($suffix in $script:RdpOfflineHiveLogSuffixes) {
        $name = 'BCD' + $suffix
        $path = $store.Folder + '\' + $name
        if (Test-RdpOfflinePath -Path $path) {
            $copy = $Run.Set.Folder + '\' + $folder + '\' + $name
            Copy-RdpOfflineFile -Source $path -Destination $copy -Confirm:$false
            $null = $files.Add([ordered]@{ name = $name; sha256 = (Get-RdpOfflineFileHash -Path $copy) })
        }
        else {
            $null = $absent.Add($name)
        }
    }
    if (@($files | Where-Object { $_.name -eq 'BCD' }).Count -eq 0) {
        throw ("The boot store {0} could not be backed up." -f $store.Path)
    }
    $null = $Entries.Add([ordered]@{ kind = 'bcd-store'; folder = $folder; files = @($files); absent = @($absent) })
}
#endregion src/repair-vm/backup.ps1

#region src/repair-vm/operations.ps1
# Offline operations
# One function per operation kind (dispatch table $script:RdpOfflineOperationAppliers). Each
# changes the broken OS disk through the platform layer only, reads the change back, throws
# when it does not read back as intended, and returns a short line of what it changed.

# icacls rights as access masks: F, M, RX, R (the bits Windows grants for each).
$script:RdpOfflineRightsMask = @{ F = 0x1F01FF; M = 0x1301BF; RX = 0x1200A9; R = 0x120089 }
# Well-known BCD objects: the boot manager and the global EMS settings.
$script:RdpOfflineBcdObjects = @{
    bootmgr     = '{9dea862c-5cdd-4e70-acc1-f32b344d4795}'
    emssettings = '{0ce4991b-e6b3-4b16-b23c-5e0d9250e5d9}'
}
# BcdBootMgrObject_DefaultObject: the entry {default} stands for.
$script:RdpOfflineBcdDefaultElement = '23000003'

function Mount-RdpOfflineHiveOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # The run loads the hive once, after its files were copied, and keeps it for every fix.
    $null = Get-RdpOfflineMountedName -Hive $Operation.Hive
}

function Dismount-RdpOfflineHiveOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # Unloaded once, at the end of the run, whatever happened (Close-RdpOfflineAllHive).
}

function ConvertTo-RdpOfflineRegistryData {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Type,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [object]$Data
    )
    switch ($Type) {
        'REG_DWORD' {
            return [int]$Data
        }
        'REG_BINARY' {
            $hex = [string]$Data
            if ($hex -notmatch '^([0-9A-Fa-f]{2})*$') {
                throw ("'{0}' is not hex" -f $hex)
            }
            $bytes = New-Object -TypeName byte[] -ArgumentList ($hex.Length / 2)
            for ($i = 0; $i -lt $bytes.Length; $i++) {
                $bytes[$i] = [System.Convert]::ToByte($hex.Substring($i * 2, 2), 16)
            }
            return , $bytes
        }
        default {
            return [string]$Data
        }
    }
}

function Set-RdpOfflineRegistryOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    $key = Resolve-RdpOfflineKey -Location $Operation.Location
    $value = ConvertTo-RdpOfflineRegistryData -Type $Operation.Type -Data $Operation.Data
    Set-RdpOfflineRegistryValue -Key $key -Name $Operation.Name -Type $Operation.Type -Value $value -Confirm:$false
    $kinds = @{ REG_DWORD = 'DWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_BINARY = 'Binary' }
    $read = Get-RdpOfflineRegistryValue -Key $key -Name $Operation.Name
    $expected = ConvertTo-RdpOfflineRegistryText -Value $value
    if ($null -eq $read -or $read.Kind -ne $kinds[$Operation.Type] -or (ConvertTo-RdpOfflineRegistryText -Value $read.Value) -cne $expected) {
        throw ("HKLM\{0}\{1} does not read back as {2} {3}" -f $key, $Operation.Name, $Operation.Type, $expected)
    }
    '{0}\{1} = {2}' -f $key, $Operation.Name, $expected
}

function Remove-RdpOfflineRegistryOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    $key = Resolve-RdpOfflineKey -Location $Operation.Location
    Remove-RdpOfflineRegistryValue -Key $key -Name $Operation.Name -Confirm:$false
    if ($null -ne (Get-RdpOfflineRegistryValue -Key $key -Name $Operation.Name)) {
        throw ("HKLM\{0}\{1} is still there after its removal" -f $key, $Operation.Name)
    }
    '{0}\{1} removed' -f $key, $Operation.Name
}

function Get-RdpOfflineAclTarget {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Folder,
        [AllowNull()]
        [object]$FilesStartingWith,
        [switch]$Recurse
    )
    if ($null -ne $FilesStartingWith) {
        return @(Get-RdpOfflineChildItem -Path $Folder -Prefix ([string]$FilesStartingWith))
    }
    $targets = @($Folder)
    if ($Recurse) {
        $targets += @(Get-RdpOfflineChildItem -Path $Folder -Recurse)
    }
    $targets
}

function Grant-RdpOfflineAclOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # By SID: the same on every Windows, whatever its display language.
    $folder = Resolve-RdpOfflineWindowsPath -Volume $Run.Volume -Path $Operation.Path
    $grants = @($Operation.Grants | ForEach-Object { '*{0}:({1})' -f $_.Sid, $_.Rights })
    $granted = @(Get-RdpOfflineAclTarget -Folder $folder -FilesStartingWith $Operation.FilesStartingWith)
    foreach ($target in $granted) {
        Grant-RdpOfflineAccess -Path $target -Grant $grants -Recurse:([bool]$Operation.Recurse) -Confirm:$false
    }
    $checked = @(Get-RdpOfflineAclTarget -Folder $folder -FilesStartingWith $Operation.FilesStartingWith -Recurse:([bool]$Operation.Recurse))
    foreach ($target in $checked) {
        foreach ($grant in $Operation.Grants) {
            if (-not (Test-RdpOfflineAllowedMask -Path $target -Sid $grant.Sid -Mask $script:RdpOfflineRightsMask[$grant.Rights])) {
                throw ("{0} does not read back with {1}:({2})" -f $target, $grant.Sid, $grant.Rights)
            }
        }
    }
    '{0}: {1} ({2} item(s))' -f $folder, ($grants -join ' '), $checked.Count
}

function Set-RdpOfflineOwnerOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    $folder = Resolve-RdpOfflineWindowsPath -Volume $Run.Volume -Path $Operation.Path
    Set-RdpOfflineOwner -Path $folder -Sid $Operation.Owner -Recurse:([bool]$Operation.Recurse) -Confirm:$false
    $checked = @(Get-RdpOfflineAclTarget -Folder $folder -FilesStartingWith $null -Recurse:([bool]$Operation.Recurse))
    foreach ($target in $checked) {
        $owner = (Get-RdpOfflineItemSecurity -Path $target).Owner
        if ($owner -ne $Operation.Owner) {
            throw ("{0} is owned by {1} after /setowner {2}" -f $target, $owner, $Operation.Owner)
        }
    }
    '{0}: owner {1} ({2} item(s))' -f $folder, $Operation.Owner, $checked.Count
}

function Get-RdpOfflineBootStore {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    if ($null -eq $Run.BootStore) {
        $Run.BootStore = Find-RdpOfflineBootStore -Volume $Run.Volume
        Write-RdpOfflineLog -Message ("boot store: {0}" -f $Run.BootStore.Path)
    }
    $Run.BootStore
}

function Set-RdpOfflineBcdOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # {default} resolves inside the offline store: no boot loader GUID to look up.
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    Invoke-RdpOfflineBcdEdit -Store $store -ArgumentList @('/set', $Operation.Entry, $Operation.Setting, $Operation.Value) -Confirm:$false
    'bcdedit /store {0} /set {1} {2} {3}' -f $store, $Operation.Entry, $Operation.Setting, $Operation.Value
}

function Set-RdpOfflineBcdEmsOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    $arguments = @('/emssettings', ('EMSPORT:' + $Operation.Port), ('EMSBAUDRATE:' + $Operation.BaudRate))
    Invoke-RdpOfflineBcdEdit -Store $store -ArgumentList $arguments -Confirm:$false
    'bcdedit /store {0} {1}' -f $store, ($arguments -join ' ')
}

function ConvertFrom-RdpOfflineBcdBinary {
    [CmdletBinding()]
    [OutputType([int64])]
    param(
        [AllowNull()]
        [object]$Value
    )
    # BCD booleans and integers are little-endian binary values of 1 to 8 bytes.
    if ($Value -isnot [byte[]] -or $Value.Length -eq 0 -or $Value.Length -gt 8) {
        return [int64]-1
    }
    $number = [int64]0
    for ($i = $Value.Length - 1; $i -ge 0; $i--) {
        $number = ($number * 256) + $Value[$i]
    }
    $number
}

function Confirm-RdpOfflineBcdElement {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [object[]]$Element
    )
    # bcdedit's own listing is in the rescue VM's language; the store itself is a registry hive
    # whose elements are numbers. Loaded read-only for the read back, then unloaded.
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    $mount = Open-RdpOfflineHive -Hive 'BCD' -Path $store
    $wrong = @()
    try {
        foreach ($wanted in $Element) {
            if ($wanted.Object -eq 'default') {
                $pointer = Get-RdpOfflineRegistryValue -Key ('{0}\Objects\{1}\Elements\{2}' -f $mount, $script:RdpOfflineBcdObjects.bootmgr, $script:RdpOfflineBcdDefaultElement) -Name 'Element'
                if ($null -eq $pointer) {
                    $wrong += 'the store has no {default} entry'
                    continue
                }
                $object = [string]$pointer.Value
            }
            else {
                $object = $script:RdpOfflineBcdObjects[$wanted.Object]
            }
            $read = Get-RdpOfflineRegistryValue -Key ('{0}\Objects\{1}\Elements\{2}' -f $mount, $object, $wanted.Type) -Name 'Element'
            $number = -1
            if ($null -ne $read) {
                $number = ConvertFrom-RdpOfflineBcdBinary -Value $read.Value
            }
            if ($number -ne [int64]$wanted.Expected) {
                $wrong += ('{0} element {1} reads {2}, not {3}' -f $wanted.Object, $wanted.Type, $number, $wanted.Expected)
            }
        }
    }
    finally {
        if (-not (Close-RdpOfflineHive -Name $mount)) {
            $wrong += ('HKLM\{0} stays loaded' -f $mount)
        }
    }
    if ($wrong.Count -gt 0) {
        throw ('The boot store does not read back as set: ' + ($wrong -join '; '))
    }
}

function Invoke-RdpOfflineFix {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # Backup first (everything the fix changes), then each operation with its read back.
    $entry = [ordered]@{ id = $Fix.Id; state = 'started'; items = (New-Object -TypeName System.Collections.ArrayList) }
    $null = $Run.Set.Manifest.fixes.Add($entry)
    foreach ($item in $Fix.Backup) {
        if ($item.Kind -ne 'hive-file') {
            & $script:RdpOfflineBackupFunctions[$item.Kind] -Item $item -Run $Run -Entries $entry.items
        }
    }
    $entry.state = 'backed-up'
    Save-RdpOfflineBackupManifest -Set $Run.Set
    foreach ($warning in @(Format-RdpOfflinePartialBackup -FixId $Fix.Id -Entries $entry.items)) {
        Write-RdpOfflineReport -Line $warning
    }
    try {
        $elements = @()
        foreach ($operation in $Fix.Operations) {
            $change = & $script:RdpOfflineOperationAppliers[$operation.Kind] -Operation $operation -Run $Run
            if ($change) {
                Write-RdpOfflineLog -Message ("{0}: {1}" -f $Fix.Id, $change)
            }
            if ($operation.ContainsKey('Elements')) {
                $elements += @($operation.Elements)
            }
        }
        if ($elements.Count -gt 0) {
            Confirm-RdpOfflineBcdElement -Run $Run -Element $elements
        }
        $entry.state = 'applied'
    }
    catch {
        $entry.state = 'failed'
        throw
    }
    finally {
        Save-RdpOfflineBackupManifest -Set $Run.Set
    }
}
#endregion src/repair-vm/operations.ps1

#region src/repair-vm/boot-entry.ps1
# Boot entry elements of the attached disk's boot store
# The store is a registry hive: loaded for the read, the {default} entry is the GUID the boot
# manager's 23000003 element holds and an element is a key named by its type number, the same
# in every language (bcdedit's listing is in the rescue VM's). Changes go through bcdedit.

function Get-RdpOfflineBootElement {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Run,
        [Parameter(Mandatory = $true)]
        [string]$ElementType
    )
    # Present (bool) and Value (the element's data); throws when the store names no default.
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    $mount = Open-RdpOfflineHive -Hive 'BCD' -Path $store
    try {
        $pointer = Get-RdpOfflineRegistryValue -Key ('{0}\Objects\{1}\Elements\{2}' -f $mount, $script:RdpOfflineBcdObjects.bootmgr, $script:RdpOfflineBcdDefaultElement) -Name 'Element'
        if ($null -eq $pointer -or [string]$pointer.Value -notmatch '^\{[0-9A-Fa-f-]{36}\}$') {
            throw ('The boot store {0} has no {{default}} entry' -f $store)
        }
        $read = Get-RdpOfflineRegistryValue -Key ('{0}\Objects\{1}\Elements\{2}' -f $mount, [string]$pointer.Value, $ElementType) -Name 'Element'
        [pscustomobject]@{ Present = ($null -ne $read); Value = $(if ($null -ne $read) { $read.Value } else { $null }) }
    }
    finally {
        $null = Close-RdpOfflineHive -Name $mount
    }
}

function Test-RdpOfflineBootEntryCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Diagnose mode writes nothing to the disk, and loading the store as a hive (or lending its
    # partition a letter) would: the element is read by the repair, before and after its change.
    New-RdpOfflineCheckResult -CheckId $Check.Id -Outcome 'failed' -Reason 'offline'
}

function Remove-RdpOfflineBcdValueOperation {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Run
    )
    # bcdedit /deletevalue fails on an element the entry does not carry: delete only a present one.
    if (-not (Get-RdpOfflineBootElement -Run $Run -ElementType $Operation.ElementType).Present) {
        return
    }
    $store = (Get-RdpOfflineBootStore -Run $Run).Path
    Invoke-RdpOfflineBcdEdit -Store $store -ArgumentList @('/deletevalue', $Operation.Entry, $Operation.Element) -Confirm:$false
    'bcdedit /store {0} /deletevalue {1} {2}' -f $store, $Operation.Entry, $Operation.Element
}
#endregion src/repair-vm/boot-entry.ps1

#region src/repair-vm/undo.ps1
# Undo
# Restores the newest backup set on the broken OS disk that has not been undone (or the one
# Backup=<time> names), fix by fix in reverse order, and reads every restored item back. What
# the set says is checked first: its folders must be trusted (backup.ps1), and every entry must
# describe something the catalog's fix of that id changes. An entry that does not is refused,
# never applied.

$script:RdpOfflineUndoneMarker = 'undone.txt'
$script:RdpOfflineBackupFileNames = @('BCD', 'BCD.LOG', 'BCD.LOG1', 'BCD.LOG2')

function Get-RdpOfflineEntryField {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if ($null -eq $Entry -or @($Entry.PSObject.Properties.Name) -notcontains $Name) {
        throw ("backup.json: an entry has no '{0}'" -f $Name)
    }
    $Entry.$Name
}

function Select-RdpOfflineBackupSet {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [AllowEmptyString()]
        [string]$Backup = ''
    )
    $root = Get-RdpOfflineBackupRoot -Volume $Volume
    if (-not (Test-RdpOfflinePath -Path $root -Container)) {
        throw ("Nothing to undo: {0} does not exist on the broken OS disk." -f $root)
    }
    Assert-RdpOfflineTrustedPath -Path $root
    $names = @(Get-RdpOfflineChildItem -Path $root -Directory | ForEach-Object { Get-RdpOfflineLeafName -Path $_ } | Where-Object { $_ -match '^\d{8}-\d{6}$' } | Sort-Object -Descending)
    if ($Backup) {
        $names = @($names | Where-Object { $_ -eq $Backup })
        if ($names.Count -eq 0) {
            throw ("No backup {0} in {1}." -f $Backup, $root)
        }
    }
    else {
        $names = @($names | Where-Object { -not (Test-RdpOfflinePath -Path ($root + '\' + $_ + '\' + $script:RdpOfflineUndoneMarker)) })
        if ($names.Count -eq 0) {
            throw ("Nothing to undo: every backup in {0} has been undone." -f $root)
        }
    }
    $folder = $root + '\' + $names[0]
    Assert-RdpOfflineTrustedPath -Path $folder
    $manifestPath = $folder + '\backup.json'
    if (-not (Test-RdpOfflinePath -Path $manifestPath)) {
        throw ("{0} has no backup.json." -f $folder)
    }
    Assert-RdpOfflineTrustedPath -Path $manifestPath -IgnoreOwner
    $manifest = Read-RdpOfflineText -Path $manifestPath | ConvertFrom-Json
    if ([string](Get-RdpOfflineEntryField -Entry $manifest -Name 'schema') -ne $script:RdpOfflineBackupSchema) {
        throw ("{0} is not a backup of this script." -f $manifestPath)
    }
    @{ Folder = $folder; Name = $names[0]; Manifest = $manifest }
}

function Test-RdpOfflineFileName {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowEmptyString()]
        [string]$Name
    )
    # A file of the set: a plain name, never a path out of it.
    $Name -match '^[A-Za-z0-9][A-Za-z0-9._-]*$' -and $Name -notmatch '\.\.'
}

function Get-RdpOfflineAllowedChange {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Fix,
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    # What the catalog's fix may have backed up, as this run resolves it.
    $values = @{}
    $paths = @()
    $bcd = $false
    foreach ($item in $Fix.Backup) {
        switch ($item.Kind) {
            'registry-value' {
                $key = (Resolve-RdpOfflineKey -Location $item.Location).ToUpperInvariant()
                if (-not $values.ContainsKey($key)) {
                    $values[$key] = @()
                }
                $values[$key] += $item.Name
            }
            'acl' {
                $paths += (Get-RdpOfflineRelativePath -Volume $Volume -Path (Resolve-RdpOfflineWindowsPath -Volume $Volume -Path $item.Path))
            }
            'bcd-store' {
                $bcd = $true
            }
        }
    }
    @{ Values = $values; Paths = $paths; Bcd = $bcd }
}

function Assert-RdpOfflineEntryAllowed {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Allowed,
        [Parameter(Mandatory = $true)]
        [string]$FixId
    )
    $kind = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'kind')
    $refuse = { param($why) throw ("backup.json: fix {0}: refusing a {1} entry: {2}" -f $FixId, $kind, $why) }
    switch ($kind) {
        'registry-key' {
            $key = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'key')
            if (-not $Allowed.Values.ContainsKey($key.ToUpperInvariant())) {
                & $refuse "$key is no key this fix changes"
            }
            $file = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'file')
            if ([bool](Get-RdpOfflineEntryField -Entry $Entry -Name 'existed') -and -not (Test-RdpOfflineFileName -Name $file)) {
                & $refuse "'$file' is not a file of the backup"
            }
            $created = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'created')
            if ($created) {
                # Only the key itself or one of its parents, at least two levels into its hive's
                # control set: never the hive or the control set itself.
                $inside = $key -eq $created -or $key.StartsWith($created + '\', [System.StringComparison]::OrdinalIgnoreCase)
                $depth = $created.Split('\').Count
                if (-not $inside -or $depth -lt 4) {
                    & $refuse "'$created' is not a key this fix could have created"
                }
            }
        }
        'registry-value' {
            $key = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'key')
            $name = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'name')
            if (-not $Allowed.Values.ContainsKey($key.ToUpperInvariant()) -or @($Allowed.Values[$key.ToUpperInvariant()]) -notcontains $name) {
                & $refuse "$key\$name is no value this fix changes"
            }
            foreach ($field in @('existed', 'valueKind', 'data')) {
                $null = Get-RdpOfflineEntryField -Entry $Entry -Name $field
            }
        }
        'acl' {
            $path = [string](Get-RdpOfflineEntryField -Entry $Entry -Name 'path')
            if ($Allowed.Paths -notcontains $path) {
                & $refuse "$path is no folder this fix changes"
            }
            if (-not (Test-RdpOfflineFileName -Name ([string](Get-RdpOfflineEntryField -Entry $Entry -Name 'file')))) {
                & $refuse 'its ACL file is not a file of the backup'
            }
            foreach ($saved in @(Get-RdpOfflineEntryField -Entry $Entry -Name 'items')) {
                $item = [string](Get-RdpOfflineEntryField -Entry $saved -Name 'path')
                $null = Get-RdpOfflineEntryField -Entry $saved -Name 'sddl'
                if (($item -ne $path -and -not $item.StartsWith($path + '\', [System.StringComparison]::OrdinalIgnoreCase)) -or $item -match '\\\.\.(\\|$)') {
                    & $refuse "$item is outside $path"
                }
            }
        }
        'bcd-store' {
            if (-not $Allowed.Bcd) {
                & $refuse 'this fix does not change the boot store'
            }
            if (-not (Test-RdpOfflineFileName -Name ([string](Get-RdpOfflineEntryField -Entry $Entry -Name 'folder')))) {
                & $refuse 'its folder is not a folder of the backup'
            }
            $files = @(Get-RdpOfflineEntryField -Entry $Entry -Name 'files')
            $names = @($files | ForEach-Object { $null = Get-RdpOfflineEntryField -Entry $_ -Name 'sha256'; [string](Get-RdpOfflineEntryField -Entry $_ -Name 'name') }) + @(Get-RdpOfflineEntryField -Entry $Entry -Name 'absent')
            foreach ($name in $names) {
                if ($script:RdpOfflineBackupFileNames -notcontains [string]$name) {
                    & $refuse "'$name' is not a boot store file"
                }
            }
        }
        default {
            & $refuse 'unknown kind'
        }
    }
}

function Restore-RdpOfflineRegistryItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Entries,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    # Values that did not exist go, each exported key is imported again, keys the fix created
    # go; then every value must read as it was. Returns what does not.
    $keys = @($Entries | Where-Object { $_.kind -eq 'registry-key' })
    $values = @($Entries | Where-Object { $_.kind -eq 'registry-value' })
    foreach ($value in @($values | Where-Object { -not $_.existed })) {
        Remove-RdpOfflineRegistryValue -Key $value.key -Name $value.name -Confirm:$false
    }
    foreach ($key in $keys) {
        if ($key.existed) {
            Import-RdpOfflineRegistryFile -File ($Undo.Set.Folder + '\' + $key.file) -Confirm:$false
        }
        elseif ($key.created) {
            Remove-RdpOfflineRegistryKey -Key $key.created -Confirm:$false
        }
    }
    foreach ($value in $values) {
        $read = Get-RdpOfflineRegistryValue -Key $value.key -Name $value.name
        if (-not $value.existed) {
            if ($null -ne $read) {
                'HKLM\{0}\{1} is still there' -f $value.key, $value.name
            }
        }
        elseif ($null -eq $read -or [string]$read.Kind -ne [string]$value.valueKind -or (ConvertTo-RdpOfflineRegistryText -Value $read.Value) -cne [string]$value.data) {
            'HKLM\{0}\{1} does not read back as before' -f $value.key, $value.name
        }
    }
}

function ConvertTo-RdpOfflineAclSignature {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Sddl
    )
    # What a restore must bring back: the owner, whether inheritance is blocked, and the
    # explicit entries. Inherited entries (flag ID) are Windows' to recompute.
    $owner = [regex]::Match($Sddl, '^O:(.*?)(?=[GDS]:|$)').Groups[1].Value
    $dacl = [regex]::Match($Sddl, 'D:([A-Z]*)((\([^)]*\))*)')
    $protected = $dacl.Groups[1].Value.Contains('P')
    $entries = @(foreach ($ace in [regex]::Matches($dacl.Groups[2].Value, '\(([^)]*)\)')) {
            $fields = $ace.Groups[1].Value.Split(';')
            if ($fields.Count -ge 6 -and $fields[1] -notmatch 'ID') {
                $ace.Groups[1].Value.ToUpperInvariant()
            }
        })
    'O:{0} P:{1} {2}' -f $owner, $protected, (($entries | Sort-Object) -join ' ')
}

function Restore-RdpOfflineAclItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Entries,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    $drive = $Undo.Volume.Drive + ':\'
    foreach ($entry in $Entries) {
        $path = $drive + $entry.path
        Restore-RdpOfflineAcl -Folder (Get-RdpOfflineParentPath -Path $path) -File ($Undo.Set.Folder + '\' + $entry.file) -Confirm:$false
        foreach ($saved in @($entry.items)) {
            $target = $drive + $saved.path
            if (@($saved.PSObject.Properties.Name) -contains 'unreadable' -and $saved.unreadable) {
                '{0}: its owner and permissions could not be read before the repair; set them by hand' -f $target
                continue
            }
            $owner = [regex]::Match([string]$saved.sddl, '^O:(S-1-\d+(-\d+)+)').Groups[1].Value
            if ($owner -and (Get-RdpOfflineItemSecurity -Path $target).Owner -ne $owner) {
                Set-RdpOfflineOwner -Path $target -Sid $owner -Confirm:$false
            }
            if ((ConvertTo-RdpOfflineAclSignature -Sddl (Get-RdpOfflineItemSecurity -Path $target).Sddl) -ne (ConvertTo-RdpOfflineAclSignature -Sddl ([string]$saved.sddl))) {
                '{0}: owner or permissions do not read back as before' -f $target
            }
        }
    }
}

function Restore-RdpOfflineBcdStoreItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Entries,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    # The store with its own logs, and no log it did not have: a newer log left beside an older
    # store could be replayed into it.
    $store = Get-RdpOfflineBootStore -Run $Undo
    foreach ($entry in $Entries) {
        foreach ($file in @($entry.files)) {
            Copy-RdpOfflineFile -Source ($Undo.Set.Folder + '\' + $entry.folder + '\' + $file.name) -Destination ($store.Folder + '\' + $file.name) -Confirm:$false
        }
        foreach ($name in @($entry.absent)) {
            Remove-RdpOfflineFile -Path ($store.Folder + '\' + $name) -Confirm:$false
        }
        foreach ($file in @($entry.files)) {
            if ((Get-RdpOfflineFileHash -Path ($store.Folder + '\' + $file.name)) -ne [string]$file.sha256) {
                '{0}\{1} does not read back as saved' -f $store.Folder, $file.name
            }
        }
    }
}

function Restore-RdpOfflineHiveFileItem {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Entries,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    # The copied hive is the last resort, restored by hand only (see the log): replacing the
    # whole hive would also undo what happened to it after the backup.
}

function Get-RdpOfflineEntryKind {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry
    )
    # The model's backup kind a manifest entry belongs to.
    switch ([string]$Entry.kind) {
        'registry-key' {
            return 'registry-value'
        }
        default {
            return [string]$Entry.kind
        }
    }
}

function Undo-RdpOfflineFix {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$FixEntry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Undo
    )
    # Returns the problems; none means restored and read back.
    $id = [string](Get-RdpOfflineEntryField -Entry $FixEntry -Name 'id')
    $fix = @($script:RdpOfflineCatalog.Fixes | Where-Object { $_.Id -eq $id })
    if ($fix.Count -eq 0) {
        throw ("backup.json names fix '{0}', which this script does not know." -f $id)
    }
    $entries = @(Get-RdpOfflineEntryField -Entry $FixEntry -Name 'items')
    $allowed = Get-RdpOfflineAllowedChange -Fix $fix[0] -Volume $Undo.Volume
    foreach ($entry in $entries) {
        Assert-RdpOfflineEntryAllowed -Entry $entry -Allowed $allowed -FixId $id
    }
    foreach ($kind in @($script:RdpOfflineRestoreFunctions.Keys | Sort-Object)) {
        $mine = @($entries | Where-Object { (Get-RdpOfflineEntryKind -Entry $_) -eq $kind })
        if ($mine.Count -gt 0) {
            & $script:RdpOfflineRestoreFunctions[$kind] -Entries $mine -Undo $Undo
        }
    }
}
#endregion src/repair-vm/undo.ps1

#region src/repair-vm/main.ps1
# The run: Diagnose, Repair or Undo
# Whatever happens, the hives are unloaded, the lent drive letter is given back, and the last
# line is [STATUS]::SUCCESS or [STATUS]::ERROR.

$script:RdpOfflineRun = @{ Failed = $false; Stamp = '' }

function Format-RdpOfflineHeader {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Mode,
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume
    )
    $line = 'RDPRESCUE offline {0} disk={1} drive={2}: generation={3}' -f $Mode.ToLowerInvariant(), $Volume.DiskNumber, $Volume.Drive, $Volume.Generation
    if ($script:RdpOfflineControlSet) {
        $line += ' controlset=' + $script:RdpOfflineControlSet
    }
    $line
}

function Get-RdpOfflineHiveToLoad {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        [Parameter(Mandatory = $true)]
        [string]$Hive,
        [switch]$ReadOnly
    )
    if ($ReadOnly) {
        # A hive an earlier run left loaded is locked: unloaded before it can be copied.
        Dismount-RdpOfflineLeftoverHive -Hive $Hive
        $folder = (Get-RdpOfflineWorkFolder) + '\hives-' + $script:RdpOfflineRun.Stamp
        return (Copy-RdpOfflineHiveForReading -Volume $Volume -Hive $Hive -Folder $folder)
    }
    Get-RdpOfflineHiveFile -Volume $Volume -Hive $Hive
}

function Open-RdpOfflineRegistry {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Volume,
        # Load copies, so the broken disk is only read.
        [switch]$ReadOnly
    )
    # SYSTEM is needed for anything; without SOFTWARE only its checks cannot run (UNKNOWN).
    $null = Open-RdpOfflineHive -Hive 'SYSTEM' -Path (Get-RdpOfflineHiveToLoad -Volume $Volume -Hive 'SYSTEM' -ReadOnly:$ReadOnly)
    $null = Resolve-RdpOfflineControlSet
    try {
        $null = Open-RdpOfflineHive -Hive 'SOFTWARE' -Path (Get-RdpOfflineHiveToLoad -Volume $Volume -Hive 'SOFTWARE' -ReadOnly:$ReadOnly)
    }
    catch {
        Write-RdpOfflineLog -Message $_.Exception.Message
    }
}

function Invoke-RdpOfflineDiagnoseMode {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Arguments
    )
    # Nothing is written to the broken disk: it stays read-only, the hives are loaded from copies.
    $volume = Find-RdpOfflineWindowsVolume -Drive $Arguments.Drive
    Open-RdpOfflineRegistry -Volume $volume -ReadOnly
    $context = New-RdpOfflineContext -Volume $volume -SinceHours $Arguments.SinceHours
    $anchor = Get-RdpOfflineEventAnchor -Context $context
    Write-RdpOfflineReport -Line ((Format-RdpOfflineHeader -Mode 'Diagnose' -Volume $volume) + ' events-until=' + $anchor.ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture))
    foreach ($line in @(Format-RdpOfflineDiagnosis -Scenario @(Invoke-RdpOfflineDiagnosis -Context $context))) {
        Write-RdpOfflineReport -Line $line
    }
}

function Invoke-RdpOfflineRepairMode {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Arguments,
        [Parameter(Mandatory = $true)]
        [string]$Stamp
    )
    $volume = Find-RdpOfflineWindowsVolume -Drive $Arguments.Drive
    Enable-RdpOfflineVolumeWrite -Volume $volume
    $run = @{ Volume = $volume; Set = $null; BootStore = $null }
    $run.Set = New-RdpOfflineBackupSet -Volume $volume -Stamp $Stamp
    # The hive files are copied while nothing has them loaded.
    foreach ($fix in $Arguments.Repair) {
        foreach ($item in @($fix.Backup | Where-Object { $_.Kind -eq 'hive-file' })) {
            Backup-RdpOfflineHiveFileItem -Item $item -Run $run -Entries (New-Object -TypeName System.Collections.ArrayList)
        }
    }
    Save-RdpOfflineBackupManifest -Set $run.Set
    Open-RdpOfflineRegistry -Volume $volume
    $run.Set.Manifest.controlSet = $script:RdpOfflineControlSet
    Write-RdpOfflineReport -Line (Format-RdpOfflineHeader -Mode 'Repair' -Volume $volume)
    Write-RdpOfflineReport -Line ('RDPRESCUE backup ' + $run.Set.Folder)
    $stopped = $false
    foreach ($fix in $Arguments.Repair) {
        if ($stopped) {
            Write-RdpOfflineReport -Line ('RDPRESCUE fix {0} NOTRUN' -f $fix.Id)
            continue
        }
        try {
            Invoke-RdpOfflineFix -Fix $fix -Run $run
            Write-RdpOfflineReport -Line ('RDPRESCUE fix {0} APPLIED' -f $fix.Id)
            if ($fix.Warning) {
                Write-RdpOfflineReport -Line ('RDPRESCUE warning {0}: {1}' -f $fix.Id, $fix.Warning)
            }
        }
        catch {
            # Nothing after a failed fix runs: its backup is what Undo restores.
            $script:RdpOfflineRun.Failed = $true
            $stopped = $true
            Write-RdpOfflineLog -Message ("{0} failed: {1}" -f $fix.Id, $_.Exception.Message)
            Write-RdpOfflineReport -Line ('RDPRESCUE fix {0} FAILED {1}' -f $fix.Id, (Format-RdpOfflineError -Message $_.Exception.Message))
        }
    }
    Write-RdpOfflineReport -Line ('RDPRESCUE undo with Mode=Undo Backup=' + $Stamp)
}

function Invoke-RdpOfflineUndoMode {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Arguments
    )
    $volume = Find-RdpOfflineWindowsVolume -Drive $Arguments.Drive
    $selected = Select-RdpOfflineBackupSet -Volume $volume -Backup $Arguments.Backup
    Enable-RdpOfflineVolumeWrite -Volume $volume
    Open-RdpOfflineRegistry -Volume $volume
    $saved = [string](Get-RdpOfflineEntryField -Entry $selected.Manifest -Name 'controlSet')
    if ($saved -and $saved -ne $script:RdpOfflineControlSet) {
        throw ("The backup {0} was taken in {1}, but the broken OS now boots {2}: refusing to restore into another control set." -f $selected.Name, $saved, $script:RdpOfflineControlSet)
    }
    Write-RdpOfflineReport -Line ((Format-RdpOfflineHeader -Mode 'Undo' -Volume $volume) + ' backup=' + $selected.Name)
    $undo = @{ Volume = $volume; Set = $selected; BootStore = $null }
    $fixes = @(Get-RdpOfflineEntryField -Entry $selected.Manifest -Name 'fixes')
    [array]::Reverse($fixes)
    foreach ($entry in $fixes) {
        $id = [string](Get-RdpOfflineEntryField -Entry $entry -Name 'id')
        try {
            $problems = @(Undo-RdpOfflineFix -FixEntry $entry -Undo $undo)
        }
        catch {
            $problems = @($_.Exception.Message)
        }
        if ($problems.Count -eq 0) {
            Write-RdpOfflineReport -Line ('RDPRESCUE undo {0} RESTORED' -f $id)
            continue
        }
        $script:RdpOfflineRun.Failed = $true
        foreach ($problem in $problems) {
            Write-RdpOfflineLog -Message ("{0}: {1}" -f $id, $problem)
        }
        Write-RdpOfflineReport -Line ('RDPRESCUE undo {0} FAILED {1}' -f $id, (Format-RdpOfflineError -Message $problems[0]))
    }
    foreach ($hive in @(Get-RdpOfflineEntryField -Entry $selected.Manifest -Name 'hives')) {
        Write-RdpOfflineLog -Message ("last resort, by hand, with the hive unloaded: copy {0}\{1}\{2}* over {3}" -f $selected.Folder, $hive.folder, $hive.hive, (Get-RdpOfflineHiveFile -Volume $volume -Hive $hive.hive))
    }
    if (-not $script:RdpOfflineRun.Failed) {
        Write-RdpOfflineText -Path ($selected.Folder + '\' + $script:RdpOfflineUndoneMarker) -Text ((Get-RdpOfflineDate).ToString('o') + "`r`n") -Confirm:$false
    }
}

function Close-RdpOfflineRun {
    [CmdletBinding()]
    param()
    # Every hive unloaded (and its copy deleted), every lent letter given back and every disk
    # identity Windows changed written back, whatever happened before.
    $loaded = @(Close-RdpOfflineAllHive)
    foreach ($name in $loaded) {
        $script:RdpOfflineRun.Failed = $true
        Write-RdpOfflineReport -Line ('RDPRESCUE error HKLM\{0} stays loaded: close regedit and run reg unload HKLM\{0}' -f $name)
    }
    foreach ($failure in @(Remove-RdpOfflineHiveCopy)) {
        Write-RdpOfflineLog -Message ('hive copy not deleted: ' + $failure)
    }
    foreach ($failure in @(Remove-RdpOfflineAssignedLetter)) {
        $script:RdpOfflineRun.Failed = $true
        Write-RdpOfflineReport -Line ('RDPRESCUE error drive letter not given back: ' + (Format-RdpOfflineError -Message $failure))
    }
    foreach ($failure in @(Restore-RdpOfflineDiskIdentity -KeepOnline:($loaded.Count -gt 0))) {
        $script:RdpOfflineRun.Failed = $true
        Write-RdpOfflineReport -Line ('RDPRESCUE error ' + $failure)
    }
}

function Invoke-RdpOfflineScript {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyCollection()]
        [object[]]$ArgumentList = @()
    )
    Set-StrictMode -Version Latest
    $ErrorActionPreference = 'Stop'
    $script:RdpOfflineRun.Failed = $false
    $script:RdpOfflineControlSet = ''
    $start = Get-RdpOfflineDate
    $stamp = $start.ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture)
    $script:RdpOfflineRun.Stamp = $stamp
    Initialize-RdpOfflineLog -Folder (Get-RdpOfflineWorkFolder) -Start $start -Tagged:(Test-RdpOfflineRepairDriver)
    try {
        Write-RdpOfflineLog -Message ('RdpRescue {0} offline script' -f $script:RdpOfflineCatalog.Version)
        $arguments = Resolve-RdpOfflineArgument -ArgumentList $ArgumentList
        Write-RdpOfflineLog -Message ('mode {0}, repairs {1}' -f $arguments.Mode, (@($arguments.Repair | ForEach-Object { $_.Id }) -join ','))
        if (-not (Test-RdpOfflineElevation)) {
            throw 'Run it as an administrator (az vm repair run runs it as SYSTEM).'
        }
        switch ($arguments.Mode) {
            'Repair' {
                Invoke-RdpOfflineRepairMode -Arguments $arguments -Stamp $stamp
            }
            'Undo' {
                Invoke-RdpOfflineUndoMode -Arguments $arguments
            }
            default {
                Invoke-RdpOfflineDiagnoseMode -Arguments $arguments
            }
        }
    }
    catch {
        $script:RdpOfflineRun.Failed = $true
        Write-RdpOfflineLog -Message ($_ | Out-String)
        Write-RdpOfflineReport -Line ('RDPRESCUE error ' + (Format-RdpOfflineError -Message $_.Exception.Message))
    }
    finally {
        Close-RdpOfflineRun
    }
    $status = '[STATUS]::SUCCESS'
    if ($script:RdpOfflineRun.Failed) {
        $status = '[STATUS]::ERROR'
    }
    Write-RdpOfflineLog -Message $status
    $unsaved = Save-RdpOfflineLog
    if ($unsaved) {
        Write-RdpOfflineReport -Line ('RDPRESCUE log not written: ' + $unsaved)
    }
    else {
        Write-RdpOfflineReport -Line ('RDPRESCUE log ' + $script:RdpOfflineLog.Path)
    }
    Write-RdpOfflineReport -Line $status
    Format-RdpOfflineReport -Failed:$script:RdpOfflineRun.Failed
}
#endregion src/repair-vm/main.ps1

# Dot-sourcing (tests) defines the functions only; any other start runs the script.
if ($MyInvocation.InvocationName -ne '.') {
    Invoke-RdpOfflineScript -ArgumentList $RdpOfflineScriptArguments
}
