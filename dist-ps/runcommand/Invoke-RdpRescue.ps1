<#
.SYNOPSIS
RdpRescue 0.1.0 for Azure Run Command: diagnose (default) or repair RDP on this VM.

.DESCRIPTION
Self-contained: the RdpRescue module is inlined. Run Command passes every parameter as a
string and keeps only the last 4096 bytes of output, so the output is the short text report,
and the last line is [STATUS]::SUCCESS or [STATUS]::ERROR (the convention az vm repair run reads).

.PARAMETER Mode
Diagnose (default, read-only), Repair, Undo (restores a backup a repair wrote) or ListBackups.

.PARAMETER Scenario
Diagnose: scenario ids separated by commas (default: all). Repair: exactly one scenario id.

.PARAMETER Fix
Repair: fix ids separated by commas (needed for opt-in fixes).

.PARAMETER Port
Repair with set-rdp-port: the new port.

.PARAMETER Thumbprint
Repair with set-rdp-cert-binding: the certificate thumbprint.

.PARAMETER SinceHours
Diagnose: how many hours of event logs to read.

.PARAMETER BackupPath
Undo: the backup folder a repair printed. Default: the newest backup (see Mode=ListBackups).

.PARAMETER Report
Short (default): one line per scenario naming its first finding and how many more (the
whole catalog fits what Run Command keeps). Full: every finding with its detail, as
Invoke-RdpDiagnosis -AsText prints it (name a few scenarios with Scenario=).

.EXAMPLE
az vm run-command invoke -g MyRg -n MyVm --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1

.EXAMPLE
az vm run-command invoke -g MyRg -n MyVm --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1 --parameters "Mode=Repair" "Scenario=tls-disabled"

.EXAMPLE
az vm run-command invoke -g MyRg -n MyVm --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1 --parameters "Mode=Undo"
#>
[CmdletBinding()]
param(
    [ValidateSet('Diagnose', 'Repair', 'Undo', 'ListBackups')]
    [string]$Mode = 'Diagnose',
    [string]$Scenario = '',
    [string]$Fix = '',
    [string]$Port = '',
    [string]$Thumbprint = '',
    [string]$SinceHours = '',
    [string]$BackupPath = '',
    [ValidateSet('Short', 'Full')]
    [string]$Report = 'Short'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# This file is ASCII: Run Command drops its BOM, and Windows PowerShell 5.1 then reads it in the
# ANSI code page. Other cultures' strings are base64 of their UTF-8, decoded here.
function ConvertFrom-RdpUtf8Base64 {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Base64
    )
    [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($Base64))
}

# Messages: the strings of every culture are inlined; en-US fills any gap.
$script:RdpStringTable = @{
    'en-US' = @{
        NotElevated = 'This command changes the machine: run it in an elevated session (as Administrator).'
        FixNotInScenario = 'Fix ''{0}'' is not a fix of scenario ''{1}''. Its fixes are: {2}'
        MissingParameter = 'Fix ''{0}'' needs -{1}.'
        FixAlreadyClear = 'Skipped ''{0}'': the checks it repairs are already clear ({1}).'
        PolicyWins = 'Skipped ''{0}'': Group Policy sets {1}, which wins over the local value the fix would write. Nothing was changed; change the policy instead (gpresult /h names the GPO).'
        NoFixes = 'Scenario ''{0}'' has no automatic fix; see the manual steps in about_RdpRescue.'
        BackupWritten = 'Backup written to {0}. Undo with: Undo-RdpRepair -BackupPath "{0}"'
        FixFailed = 'Fix ''{0}'' failed: {1}. Nothing after it was applied. Backup: {2}'
        BackupFailed = 'The backup before fix(es) {0} failed: {1}. Nothing was changed.'
        ServiceNotReached = 'Service ''{0}'' is {1}, not {2}, after {3} s; RdpRescue stopped waiting for it'
        NotVerified = 'Fix ''{0}'' ran, but these checks still fire: {1}.'
        NotReadBack = 'Fix ''{0}'' ran, but these values do not read back as written: {1}.'
        UndoThroughRunCommand = 'Through Azure Run Command: {0}'
        NoBackup = 'No RdpRescue backup in {0}: nothing to undo.'
        PartiallyApplied = 'Fix ''{0}'' was applied only in part: {1} item(s) were not changed: {2}'
        GrantNotReadBack = 'after icacls the permissions do not include {0}'
        KeyFileNotFound = 'its private key file is in neither machine key folder'
        BackupEntryUnreadable = 'The permissions of {0} could not be read for the backup ({1}); Undo-RdpRepair cannot restore them.'
        RebootRequired = 'Restart the computer to complete the repair.'
        WeakensSecurity = 'SECURITY: {0} To restore: {1}'
        PortOwnerNotService = 'Process {0} holds port {1} and is not a service. RdpRescue never kills a process: stop that program yourself, or move RDP with Set-RdpPort.'
        ServiceNotInstalled = 'Service ''{0}'' is not installed: there is no configuration to set back.'
        ServiceAccountNeedsPassword = 'Service ''{0}'' logs on as ''{1}'' again from the next boot (ObjectName). RdpRescue never saw that account''s password: if the service does not start, give it again with sc config {0} obj= <account> password= <password>.'
        PortOwnerShared = 'Process {0} holding port {1} hosts several services ({2}); stopping one would not free the port safely.'
        PortOwnerStopped = 'Stopped service ''{0}'' that held port {1}. It may take the port again at the next boot: change its configuration or its start type.'
        ThumbprintNotUsable = 'No present, unexpired certificate with thumbprint {0} is in Cert:\LocalMachine\My.'
        CertificateNotForServer = 'Certificate {0} is not for server authentication (Enhanced Key Usage: {1}). RDP needs one of {2}, or no Enhanced Key Usage extension.'
        CertificateKeyUnusable = 'Certificate {0} has no private key, or its private key does not open (missing, damaged or unreadable); RDP cannot use it.'
        PortInUse = 'Port {0} is already used by process {1}; choose another port.'
        FirewallRuleMissing = 'Firewall rule ''{0}'' does not exist; it was not changed.'
        BackupNotFound = 'No RdpRescue backup manifest (backup.json) in {0}.'
        Restored = 'Restored {0} item(s) from {1}.'
        ShouldProcessFix = 'Apply fix: {0}'
        ShouldProcessUndo = 'Restore the state saved in this backup'
        NotFileSystemPath = '{0} is not a file system path.'
        BackupOwnerUntrusted = '{0} is owned by {1}, not by SYSTEM or Administrators: RdpRescue does not trust it. Remove it, or give it to Administrators with permissions for SYSTEM and Administrators only.'
        BackupWritableByOthers = '{0} can be changed by {1}, not only by SYSTEM and Administrators: RdpRescue does not trust it. Remove those permissions or the folder.'
        BackupManifestInvalid = '{0} is not an RdpRescue backup manifest (schema ''{1}'').'
        BackupEntryRefused = 'refused: not something fix ''{0}'' of RdpRescue backs up'
        ServiceRestartRefused = 'refused: no fix of this backup restarts this service'
        UndoItemFailed = 'Not restored: {0} {1}: {2}'
        UndoIncomplete = 'Undo from {0} is incomplete: {1} item(s) restored, {2} not: {3}'
        RegistryKindUnsupported = 'Cannot back up {0}: a value of kind {1} cannot be restored exactly, so nothing was changed.'
        EventsCapped = '{1} holds more than {0} events with this check''s ids; the older ones were not read, so the check is not verified'
        AuditOff = 'Audit subcategory {0} does not audit {1}: Windows writes none of these events, so finding none proves nothing. Turn it on: auditpol /set /subcategory:{0} /{1}:enable'
        AuditUnreadable = 'The audit policy of subcategory {0} could not be read ({1}), so finding none of these events proves nothing'
        EventChecksNotVerified = 'Event checks ({0}) describe the past and are not used to verify a fix.'
        InvalidSince = '-Since must be a positive TimeSpan or a number of hours, not "{0}".'
        BootStoreUnreadable = 'The boot store does not name its default entry at {0}; the boot entry cannot be read.'
        BootElementUnsaved = 'The boot element {0} holds {1}, which bcdedit /set cannot write back; nothing was changed.'
        'Scenario.account-locked-or-expired.Title' = 'The account is locked out, disabled or expired'
        'Finding.ev-logon-account' = 'Security 4625: a Remote Desktop sign-in (logon type 10, or 3 for Network Level Authentication) was refused because the account is locked out (0xC0000234), its password expired (0xC0000071) or must change (0xC0000224), or it expired (0xC0000193). The evidence names the accounts; a service or scheduled task of a locked account does not count.'
        'Finding.ev-logon-disabled' = 'Security 4625: logons to a disabled account (0xC0000072). Password guessing against the built-in Guest or a disabled Administrator writes these on every VM open to the internet; it is the cause only when the account named is the one that should sign in.'
        'Finding.ev-logon-bad-password' = 'Security 4625: logons with a wrong password (0xC000006A) or an unknown user name (0xC0000064). Many of them from the internet are password guessing, and can lock an account out.'
        'Scenario.broker-hostname.Title' = 'The Connection Broker''s host name was changed'
        'Finding.broker-role-installed' = 'The Remote Desktop Connection Broker role is installed.'
        'Finding.ev-broker-db-logon' = 'Event 2056: the broker failed to log on to its database.'
        'Finding.ev-broker-rpc' = 'Event 1296: the Connection Broker is not ready for RPC communication.'
        'Scenario.credssp-oracle.Title' = 'CredSSP encryption oracle remediation refuses the client'
        'Finding.credssp-update-missing' = 'The VM lacks the CredSSP update for CVE-2018-0886 (May 2018): tspkg.dll is older than the version Microsoft lists for this Windows build. Updated clients (Mitigated by default) refuse to connect to it, and no AllowEncryptionOracle value on the VM changes that. Install the latest cumulative update on the VM and restart.'
        'Finding.credssp-force-updated-clients' = 'Encryption Oracle Remediation is Force Updated Clients (AllowEncryptionOracle=0), the recommended hardening: the VM also refuses clients without the CredSSP update. That explains a refusal only when the client lacks the update: update the client rather than lowering this. A Group Policy (System\Credentials Delegation\Encryption Oracle Remediation) writes this value and puts a local change back.'
        'Scenario.guest-firewall-blocks-rdp.Title' = 'The Windows Firewall in the VM blocks Remote Desktop'
        'Finding.rdp-firewall-rule-off' = 'The built-in Remote Desktop firewall rule RemoteDesktop-UserMode-In-TCP is disabled or missing, and no other active allow rule lists the RDP port.'
        'Finding.firewall-blocks-all-inbound' = 'A firewall profile blocks every inbound connection, allow rules included (DoNotAllowExceptions=1).'
        'Finding.rdp-port-block-rule' = 'An active inbound firewall rule blocks the RDP port; a block rule wins over every allow rule.'
        'Finding.firewall-block-all-by-policy' = 'Group Policy blocks all inbound connections (Policies\Microsoft\WindowsFirewall\<profile> DoNotAllowExceptions=1): the policy wins, a local fix is reverted at the next refresh. Change the policy.'
        'Finding.firewall-service-stopped' = 'The Windows Defender Firewall service (MpsSvc) is not running: its rules are not applied as configured.'
        'Finding.bfe-service-stopped' = 'The Base Filtering Engine (BFE), which the firewall needs, is not running.'
        'Scenario.machinekeys-access.Title' = 'RDP cannot use its private key in MachineKeys'
        'Finding.ev-rcm-cert' = 'Event 1057/1058: the RD Session Host failed to create or replace its self-signed certificate.'
        'Finding.ev-schannel-key' = 'Schannel 36870: a fatal error occurred accessing the TLS server credential private key.'
        'Finding.ev-schannel-36872' = 'Schannel 36872 was logged; its meaning differs between Windows versions, so it only supports the finding.'
        'Finding.machinekeys-acl' = 'MachineKeys or the RDP key file lacks an entry Windows needs (Administrators on the folder; SYSTEM and NETWORK SERVICE on the RDP key).'
        'Scenario.max-connections-reached.Title' = 'The RDP listener accepts no more connections'
        'Finding.rdp-connection-limit-zero' = 'The RDP listener allows no concurrent connection: MaxInstanceCount=0.'
        'Finding.rdp-connection-limit-one' = 'The RDP listener allows one connection only (MaxInstanceCount=1, the lowest the policy "Limit number of connections" accepts): one session in use or left disconnected fills it.'
        'Finding.rdp-connection-limit-by-policy' = 'Group Policy allows no connection (Policies\...\Terminal Services MaxInstanceCount=0): the policy wins over the listener''s value, and a local change is reverted at the next refresh. Change the policy.'
        'Scenario.network-service-down.Title' = 'A network service the VM needs (DHCP Client, NSI, BFE, Windows Firewall) is down'
        'Finding.netsvc-dhcp-start' = 'DHCP Client (Dhcp) does not start automatically (its Start value is not 2, the documented default).'
        'Finding.netsvc-dhcp-down' = 'DHCP Client (Dhcp) is not running.'
        'Finding.netsvc-nsi-start' = 'Network Store Interface Service (nsi) does not start automatically (its Start value is not 2, the documented default).'
        'Finding.netsvc-nsi-down' = 'Network Store Interface Service (nsi) is not running.'
        'Finding.netsvc-bfe-start' = 'Base Filtering Engine (BFE) does not start automatically (its Start value is not 2, the documented default).'
        'Finding.netsvc-bfe-down' = 'Base Filtering Engine (BFE) is not running.'
        'Finding.netsvc-mpssvc-start' = 'Windows Defender Firewall (MpsSvc) does not start automatically (its Start value is not 2, the documented default).'
        'Finding.netsvc-mpssvc-down' = 'Windows Defender Firewall (MpsSvc) is not running.'
        'Finding.netsvc-dhcp-account' = 'The DHCP Client (Dhcp) logs on as another account than its default, NT Authority\LocalService: it fails to start with error 1069.'
        'Scenario.nla-dc-unreachable.Title' = 'Network Level Authentication cannot reach a domain controller'
        'Finding.ev-logon-no-dc' = 'Security 4625: logons failed because no domain controller answered (0xC000005E), the trust failed (0xC000018C, or 0xC000018D: the trust between this VM and its domain) or Netlogon was not started (0xC0000192).'
        'Finding.nla-required' = 'Network Level Authentication is required (effective UserAuthentication=1). When Group Policy sets it (HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services UserAuthentication), the policy wins: turning NLA off locally (disable-nla) has no effect and is reverted at the next refresh; sign in with a local account or change the policy.'
        'Scenario.rdp-cert-invalid.Title' = 'The RDP certificate is expired, missing, or not the configured one'
        'Finding.rdp-cert-store' = 'The Remote Desktop certificate store is empty or holds only expired certificates, or certificates RDP cannot use (no private key that opens, a key file NETWORK SERVICE cannot read, or an Enhanced Key Usage not for server authentication).'
        'Finding.rdp-cert-binding' = 'SSLCertificateSHA1Hash names a certificate that is not installed, has expired, or that RDP cannot use (no private key that opens, a key file NETWORK SERVICE cannot read, or an Enhanced Key Usage not for server authentication).'
        'Scenario.rdp-disabled.Title' = 'Remote Desktop connections are turned off'
        'Finding.rdp-connections-denied' = 'Remote Desktop connections are denied: fDenyTSConnections=1.'
        'Finding.rdp-denied-by-policy' = 'Group Policy denies Remote Desktop (Policies\...\Terminal Services fDenyTSConnections=1): the policy wins, a local fix does not help and would be reverted at the next refresh. Change the policy.'
        'Scenario.rdp-listener-disabled.Title' = 'The Remote Desktop listener or the terminal server is switched off'
        'Finding.terminal-server-off' = 'The terminal server is disabled: TSEnabled=0.'
        'Finding.terminal-server-logons-off' = 'Connections to the terminal server are blocked: TSUserEnabled=1.'
        'Finding.terminal-server-draining' = 'The terminal server is in drain mode and takes no new logons: TSServerDrainMode is not 0.'
        'Finding.rdp-listener-off' = 'The RDP-Tcp listener is disabled: fEnableWinStation=0.'
        'Finding.rdp-listener-logons-off' = 'The RDP-Tcp listener refuses logons: fLogonDisabled=1.'
        'Scenario.rdp-port-conflict.Title' = 'Another process holds the RDP port, or nothing listens on it'
        'Finding.rdp-listener' = 'The configured RDP port is held by a process other than TermService.'
        'Finding.termservice-stopped' = 'The Remote Desktop Services service (TermService) is not running.'
        'Scenario.rdp-port-firewall-mismatch.Title' = 'RDP was moved to another port, but the firewall still opens 3389'
        'Finding.rdp-port-changed' = 'RDP listens on a port other than 3389 (PortNumber).'
        'Finding.rdp-port-not-allowed' = 'No active inbound firewall rule allows TCP on the configured RDP port, or a block rule lists it.'
        'Scenario.rds-licensing-expired.Title' = 'Remote Desktop Session Host without licensing after the grace period'
        'Finding.rdsh-role-installed' = 'The RD Session Host role service is installed (TerminalServerMode=1): user sessions need RDS CALs.'
        'Finding.ev-licensing-grace-expired' = 'Event 1069: the RD Licensing grace period has expired and no licensing mode is configured; user connections are refused.'
        'Finding.licensing-mode-not-set' = 'No licensing mode: LicensingMode is none of 2 (per device), 4 (per user) or 6 (AAD per user), locally or by Group Policy (the policy wins). Past the grace period connections are refused.'
        'Finding.license-servers-not-set' = 'No license server: neither SpecifiedLicenseServers nor the Group Policy LicenseServers names one. Past the grace period no CAL can be issued.'
        'Scenario.safe-mode-boot.Title' = 'The VM boots into Safe Mode'
        'Finding.default-entry-safeboot' = 'The default boot entry carries safeboot: Windows starts in Safe Mode, where Remote Desktop does not run.'
        'Scenario.security-layer-mismatch.Title' = 'RDP requires FIPS-only encryption the client cannot meet'
        'Finding.rdp-encryption-fips-only' = 'With the native RDP security layer (SecurityLayer=0) in use, RDP accepts only FIPS-compliant encryption: MinEncryptionLevel=4. The encryption level applies only to native RDP security, never to TLS.'
        'Finding.fips-algorithms-enforced' = 'The machine allows only FIPS-compliant algorithms (Lsa\FIPSAlgorithmPolicy Enabled=1), usually by the security option "System cryptography: Use FIPS compliant algorithms", which a Group Policy may set again. Alone it does not stop RDP (TLS and Remote Desktop Connection work with FIPS-compliant algorithms): evidence only, never the cause by itself.'
        'Finding.rdp-encryption-fips-by-policy' = 'Group Policy requires FIPS-compliant RDP encryption (Policies\...\Terminal Services MinEncryptionLevel=4): the policy wins, a local change is reverted at the next refresh. Change the policy.'
        'Finding.rdp-security-layer-rdp' = 'RDP uses its own security layer (SecurityLayer=0): the server is not authenticated to the client. Azure''s ResetRDPCert leaves this; TLS (2) is the secure setting once the certificate is valid.'
        'Scenario.termservice-not-running.Title' = 'Remote Desktop Services (TermService) is disabled or not running'
        'Finding.termservice-disabled' = 'The Remote Desktop Services service (TermService) is disabled: Start=4.'
        'Finding.termservice-down' = 'The Remote Desktop Services service (TermService) is not running.'
        'Finding.termservice-account' = 'Remote Desktop Services (TermService) logs on as another account than its default, NT Authority\NetworkService.'
        'Finding.termservice-start-type' = 'The start type of Remote Desktop Services (TermService) is not its default, manual (Start=3).'
        'Finding.ev-scm-start-failure' = 'Service Control Manager logged a service that failed, hung or stopped while starting (7000, 7001, 7022 or 7023) in the last 24 hours: read the event to see whether it names Remote Desktop Services or a service it depends on.'
        'Scenario.tls-disabled.Title' = 'TLS is disabled for the server side of Schannel'
        'Finding.ev-schannel-credential' = 'Schannel 36871: a fatal error occurred while creating a TLS server credential.'
        'Finding.tls12-server-off' = 'TLS 1.2 (server) is disabled: Enabled=0.'
        'Finding.tls12-server-off-by-default' = 'TLS 1.2 (server) is off unless asked for: DisabledByDefault=1.'
        'Finding.tls10-server-off' = 'TLS 1.0 (server) is disabled; only clients that cannot use TLS 1.2 are affected.'
        'Finding.tls11-server-off' = 'TLS 1.1 (server) is disabled; only clients that cannot use TLS 1.2 are affected.'
        'Finding.rdp-requires-tls' = 'The RDP listener requires TLS (SecurityLayer=2, possibly set by Group Policy), so it cannot fall back while TLS is off.'
        'Finding.fips-policy-on' = 'FIPS mode is on: only FIPS-compliant protocols and cipher suites are allowed.'
        'Scenario.user-not-authorized.Title' = 'The user has no right to sign in through Remote Desktop'
        'Finding.ev-logon-no-right' = 'Security 4625 with 0xC000015B: the user has not been granted the requested logon type on this machine. The evidence names the account.'
        'Finding.rdp-right-no-admins' = 'Administrators (S-1-5-32-544) do not hold "Allow log on through Remote Desktop Services" (SeRemoteInteractiveLogonRight): no administrator can sign in over RDP. When a Group Policy sets the right, a local change is reverted at the next refresh.'
        'Finding.rdp-right-no-rdusers' = 'Remote Desktop Users (S-1-5-32-555) do not hold "Allow log on through Remote Desktop Services": only the groups that still hold it can sign in over RDP.'
        'Finding.rdp-right-denied' = '"Deny log on through Remote Desktop Services" (SeDenyRemoteInteractiveLogonRight) holds Administrators (S-1-5-32-544), Remote Desktop Users (S-1-5-32-555), Users (S-1-5-32-545) or Everyone (S-1-1-0): the denial wins over any allow, so the people who should sign in over RDP cannot.'
        'Finding.rdp-deny-local' = '"Deny log on through Remote Desktop Services" holds local accounts (S-1-5-113, S-1-5-114). Security baselines require this on domain member servers: domain accounts still sign in, only local accounts (.\name) are refused. It is the cause only when a local account is refused (4625 with 0xC000015B naming it).'
        'Fix.allow-firewall-inbound-exceptions.Title' = 'Stop the firewall profiles from blocking every inbound connection'
        'Fix.allow-firewall-inbound-exceptions.Warning' = 'Every enabled inbound allow rule of these profiles applies again, not only Remote Desktop: someone may have blocked all inbound connections on purpose.'
        'Fix.allow-firewall-inbound-exceptions.Restore' = 'Undo the fix (it restores each DoNotAllowExceptions), or run (then restart): reg add HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\<profile> /v DoNotAllowExceptions /t REG_DWORD /d 1 /f'
        'Fix.allow-rdp-connections.Title' = 'Allow Remote Desktop connections'
        'Fix.disable-fips-algorithm-policy.Title' = 'Stop enforcing FIPS-compliant algorithms on the machine'
        'Fix.disable-fips-algorithm-policy.Warning' = 'Every component of the machine, not only RDP, may then use algorithms that are not FIPS-validated. Where FIPS mode is a compliance requirement, do not run this: connect with a FIPS-capable client instead.'
        'Fix.disable-fips-algorithm-policy.Restore' = 'Run Undo-RdpRepair with the backup path this fix printed, or set Enabled=1 under Control\Lsa\FIPSAlgorithmPolicy, then reboot.'
        'Fix.disable-nla.Title' = 'Turn off Network Level Authentication for RDP (temporary)'
        'Fix.disable-nla.Warning' = 'Without Network Level Authentication anyone who reaches the RDP port gets a logon screen before proving who they are: more exposure to password guessing and to pre-authentication flaws. Keep the port closed to the internet (NSG, JIT) while NLA is off.'
        'Fix.disable-nla.Restore' = 'Once the secure channel is repaired, run Undo-RdpRepair with the backup path this fix printed (or the CMD undo block), or set UserAuthentication=1 on RDP-Tcp, then restart the VM.'
        'Fix.enable-legacy-tls-server.Title' = 'Enable TLS 1.0 and 1.1 for legacy RDP clients'
        'Fix.enable-legacy-tls-server.Warning' = 'TLS 1.0 and 1.1 are deprecated and weaken every TLS service on this machine, not only RDP.'
        'Fix.enable-legacy-tls-server.Restore' = 'Run Undo-RdpRepair with the backup path this fix printed, or set Enabled=0 for both protocols, then reboot.'
        'Fix.enable-rdp-firewall-rules.Title' = 'Enable the built-in Remote Desktop firewall rules'
        'Fix.enable-rdp-listener.Title' = 'Switch the RDP-Tcp listener back on'
        'Fix.enable-terminal-server.Title' = 'Switch the terminal server back on and out of drain mode'
        'Fix.enable-tls12-server.Title' = 'Enable TLS 1.2 for the server side of Schannel'
        'Fix.open-rdp-port-in-firewall.Title' = 'Open the configured RDP port in the firewall'
        'Fix.remove-rdp-cert-binding.Title' = 'Remove the configured RDP certificate thumbprint'
        'Fix.remove-safe-boot.Title' = 'Remove safeboot from the default boot entry'
        'Fix.renew-rdp-self-signed-cert.Title' = 'Renew the RDP self-signed certificate'
        'Fix.reset-dhcp-logon-account.Title' = 'Set the DHCP Client back to its default account and start it'
        'Fix.reset-machinekeys-acl.Title' = 'Reset permissions on the MachineKeys folder'
        'Fix.reset-termservice-logon-account.Title' = 'Set Remote Desktop Services back to its default account and start it'
        'Fix.restore-rdp-connection-limit.Title' = 'Remove the listener''s connection limit'
        'Fix.resume-group-policy.Title' = 'Resume Group Policy after the repair is confirmed'
        'Fix.set-credssp-mitigated.Title' = 'Accept clients without the CredSSP update (Mitigated)'
        'Fix.set-credssp-mitigated.Warning' = 'The VM then accepts clients that lack the CredSSP update for CVE-2018-0886, which exposes those clients. Temporary only: update the clients, then restore Force Updated Clients.'
        'Fix.set-credssp-mitigated.Restore' = 'Run Undo-RdpRepair with the backup path this fix printed, or set AllowEncryptionOracle=0 under Policies\System\CredSSP\Parameters, then restart.'
        'Fix.set-rdp-cert-binding.Title' = 'Point RDP at a valid certificate'
        'Fix.set-rdp-encryption-high.Title' = 'Lower RDP encryption from FIPS Compliant to High'
        'Fix.set-rdp-encryption-high.Warning' = 'RDP no longer insists on FIPS-compliant encryption. If a compliance baseline requires FIPS, this breaks it; High (128-bit) is the lowest level RdpRescue sets.'
        'Fix.set-rdp-encryption-high.Restore' = 'Run Undo-RdpRepair with the backup path this fix printed, or set MinEncryptionLevel=4 under WinStations\RDP-Tcp, then reboot.'
        'Fix.set-rdp-port.Title' = 'Move RDP to another port'
        'Fix.set-rdp-security-layer-tls.Title' = 'Authenticate the server with TLS again (SecurityLayer=2)'
        'Fix.start-network-services.Title' = 'Set the network services back to automatic start and start them'
        'Fix.start-termservice.Title' = 'Set Remote Desktop Services back to manual start and start it'
        'Fix.stop-port-owner.Title' = 'Stop the service that holds the RDP port'
        'Fix.suspend-group-policy.Title' = 'Suspend Group Policy so it cannot undo the repair'
        'Fix.suspend-group-policy.Warning' = 'While gpsvc is disabled the machine receives no Group Policy, including security policy.'
        'Fix.suspend-group-policy.Restore' = 'Run Resume-RdpGroupPolicy, reboot, then gpupdate /force. If TLS is disabled again, fix the domain policy itself.'
    }
    'sv-SE' = @{
        NotElevated = (ConvertFrom-RdpUtf8Base64 'S29tbWFuZG90IMOkbmRyYXIgZGF0b3JuOiBrw7ZyIGRldCBpIGVuIHVwcGjDtmpkIHNlc3Npb24gKHNvbSBhZG1pbmlzdHJhdMO2ciku')
        FixNotInScenario = (ConvertFrom-RdpUtf8Base64 'S29ycmlnZXJpbmdlbiAnezB9JyBow7ZyIGludGUgdGlsbCBzY2VuYXJpb3QgJ3sxfScuIERlc3Mga29ycmlnZXJpbmdhciDDpHI6IHsyfQ==')
        MissingParameter = (ConvertFrom-RdpUtf8Base64 'S29ycmlnZXJpbmdlbiAnezB9JyBiZWjDtnZlciAtezF9Lg==')
        FixAlreadyClear = (ConvertFrom-RdpUtf8Base64 'SG9wcGFkZSDDtnZlciAnezB9Jzoga29udHJvbGxlcm5hIHNvbSBkZW4gw6V0Z8OkcmRhciDDpHIgcmVkYW4gdXRhbiBhbm3DpHJrbmluZyAoezF9KS4=')
        PolicyWins = (ConvertFrom-RdpUtf8Base64 'SG9wcGFkZSDDtnZlciAnezB9JzogZW4gZ3J1cHByaW5jaXAgYW5nZXIgezF9LCBzb20gZ8OlciBmw7ZyZSBkZXQgbG9rYWxhIHbDpHJkZSBzb20gw6V0Z8OkcmRlbiBza3VsbGUgc2tyaXZhLiBJbmdlbnRpbmcgw6RuZHJhZGVzOyDDpG5kcmEgcHJpbmNpcGVuIGkgc3TDpGxsZXQgKGdwcmVzdWx0IC9oIHZpc2FyIHZpbGtldCBncnVwcHJpbmNpcG9iamVrdCku')
        NoFixes = 'Scenariot ''{0}'' har ingen automatisk korrigering; se de manuella stegen i about_RdpRescue.'
        BackupWritten = (ConvertFrom-RdpUtf8Base64 'U8Oka2VyaGV0c2tvcGlhbiBza3JldnMgdGlsbCB7MH0uIMOFbmdyYSBtZWQ6IFVuZG8tUmRwUmVwYWlyIC1CYWNrdXBQYXRoICJ7MH0i')
        FixFailed = (ConvertFrom-RdpUtf8Base64 'S29ycmlnZXJpbmdlbiAnezB9JyBtaXNzbHlja2FkZXM6IHsxfS4gSW5nZXQgZWZ0ZXIgZGVuIHRpbGzDpG1wYWRlcy4gU8Oka2VyaGV0c2tvcGlhOiB7Mn0=')
        BackupFailed = (ConvertFrom-RdpUtf8Base64 'U8Oka2VyaGV0c2tvcGllcmluZ2VuIGbDtnJlIGtvcnJpZ2VyaW5nYXJuYSB7MH0gbWlzc2x5Y2thZGVzOiB7MX0uIEluZ2V0IMOkbmRyYWRlcy4=')
        ServiceNotReached = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuICd7MH0nIMOkciB7MX0sIGludGUgezJ9LCBlZnRlciB7M30gczsgUmRwUmVzY3VlIHNsdXRhZGUgdsOkbnRhIHDDpSBkZW4=')
        NotVerified = (ConvertFrom-RdpUtf8Base64 'S29ycmlnZXJpbmdlbiAnezB9JyBrw7ZyZGVzLCBtZW4gZGVzc2Ega29udHJvbGxlciBzbMOlciBmb3J0ZmFyYW5kZSB0aWxsOiB7MX0u')
        NotReadBack = (ConvertFrom-RdpUtf8Base64 'S29ycmlnZXJpbmdlbiAnezB9JyBrw7ZyZGVzLCBtZW4gZGVzc2EgdsOkcmRlbiBsw6RzZXMgaW50ZSB0aWxsYmFrYSBzb20gZGUgc2tyZXZzOiB7MX0u')
        UndoThroughRunCommand = 'Via Azure Run Command: {0}'
        NoBackup = (ConvertFrom-RdpUtf8Base64 'SW5nZW4gc8Oka2VyaGV0c2tvcGlhIGZyw6VuIFJkcFJlc2N1ZSBpIHswfTogaW5nZXQgYXR0IMOlbmdyYS4=')
        PartiallyApplied = (ConvertFrom-RdpUtf8Base64 'S29ycmlnZXJpbmdlbiAnezB9JyB0aWxsw6RtcGFkZXMgYmFyYSBkZWx2aXM6IHsxfSBvYmpla3Qgw6RuZHJhZGVzIGludGU6IHsyfQ==')
        GrantNotReadBack = (ConvertFrom-RdpUtf8Base64 'ZWZ0ZXIgaWNhY2xzIHNha25hciBiZWjDtnJpZ2hldGVybmEgezB9')
        KeyFileNotFound = (ConvertFrom-RdpUtf8Base64 'ZGVzcyBwcml2YXRhIG55Y2tlbGZpbCBmaW5ucyBpbnRlIGkgbsOlZ29uIGF2IGRhdG9ybnMgbnlja2VsbWFwcGFy')
        BackupEntryUnreadable = (ConvertFrom-RdpUtf8Base64 'QmVow7ZyaWdoZXRlcm5hIGbDtnIgezB9IGt1bmRlIGludGUgbMOkc2FzIHRpbGwgc8Oka2VyaGV0c2tvcGlhbiAoezF9KTsgVW5kby1SZHBSZXBhaXIga2FuIGludGUgw6V0ZXJzdMOkbGxhIGRlbS4=')
        RebootRequired = (ConvertFrom-RdpUtf8Base64 'U3RhcnRhIG9tIGRhdG9ybiBmw7ZyIGF0dCBzbHV0ZsO2cmEgcmVwYXJhdGlvbmVuLg==')
        WeakensSecurity = (ConvertFrom-RdpUtf8Base64 'U8OES0VSSEVUOiB7MH0gU8OlIMOldGVyc3TDpGxsZXIgZHU6IHsxfQ==')
        PortOwnerNotService = (ConvertFrom-RdpUtf8Base64 'UHJvY2Vzc2VuIHswfSBhbnbDpG5kZXIgcG9ydCB7MX0gb2NoIMOkciBpbnRlIGVuIHRqw6Ruc3QuIFJkcFJlc2N1ZSBhdnNsdXRhciBhbGRyaWcgZW4gcHJvY2Vzczogc3RvcHBhIHByb2dyYW1tZXQgc2rDpGx2IGVsbGVyIGZseXR0YSBSRFAgbWVkIFNldC1SZHBQb3J0Lg==')
        ServiceNotInstalled = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuICd7MH0nIMOkciBpbnRlIGluc3RhbGxlcmFkOiBkZXQgZmlubnMgaW5nZW4ga29uZmlndXJhdGlvbiBhdHQgw6V0ZXJzdMOkbGxhLg==')
        ServiceAccountNeedsPassword = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuICd7MH0nIGxvZ2dhciBpbiBzb20gJ3sxfScgaWdlbiBmcsOlbiBuw6RzdGEgc3RhcnQgKE9iamVjdE5hbWUpLiBSZHBSZXNjdWUgaGFyIGFsZHJpZyBzZXR0IGtvbnRvdHMgbMO2c2Vub3JkOiBvbSB0asOkbnN0ZW4gaW50ZSBzdGFydGFyIGFuZ2VyIGR1IGRldCBpZ2VuIG1lZCBzYyBjb25maWcgezB9IG9iaj0gPGtvbnRvPiBwYXNzd29yZD0gPGzDtnNlbm9yZD4u')
        PortOwnerShared = (ConvertFrom-RdpUtf8Base64 'UHJvY2Vzc2VuIHswfSBzb20gYW52w6RuZGVyIHBvcnQgezF9IMOkciB2w6RyZCBmw7ZyIGZsZXJhIHRqw6Ruc3RlciAoezJ9KTsgYXR0IHN0b3BwYSBlbiBhdiBkZW0gZnJpZ8O2ciBpbnRlIHBvcnRlbiBww6UgZXR0IHPDpGtlcnQgc8OkdHQu')
        PortOwnerStopped = (ConvertFrom-RdpUtf8Base64 'U3RvcHBhZGUgdGrDpG5zdGVuICd7MH0nIHNvbSBhbnbDpG5kZSBwb3J0IHsxfS4gRGVuIGthbiB0YSBwb3J0ZW4gaWdlbiB2aWQgbsOkc3RhIHN0YXJ0OiDDpG5kcmEgZGVzcyBrb25maWd1cmF0aW9uIGVsbGVyIHN0YXJ0dHlwLg==')
        ThumbprintNotUsable = (ConvertFrom-RdpUtf8Base64 'RGV0IGZpbm5zIGluZ2V0IGJlZmludGxpZ3QgY2VydGlmaWthdCBzb20gaW50ZSBoYXIgZ8OldHQgdXQgbWVkIHR1bWF2dHJ5Y2tldCB7MH0gaSBDZXJ0OlxMb2NhbE1hY2hpbmVcTXku')
        CertificateNotForServer = (ConvertFrom-RdpUtf8Base64 'Q2VydGlmaWthdGV0IHswfSDDpHIgaW50ZSBhdnNldHQgZsO2ciBzZXJ2ZXJhdXRlbnRpc2VyaW5nIChmw7ZyYsOkdHRyYWQgbnlja2VsYW52w6RuZG5pbmc6IHsxfSkuIFJEUCBiZWjDtnZlciBuw6Vnb3QgYXYgezJ9LCBlbGxlciBpbmdldCB0aWxsw6RnZyBmw7ZyIGbDtnJiw6R0dHJhZCBueWNrZWxhbnbDpG5kbmluZy4=')
        CertificateKeyUnusable = (ConvertFrom-RdpUtf8Base64 'Q2VydGlmaWthdGV0IHswfSBoYXIgaW5nZW4gcHJpdmF0IG55Y2tlbCwgZWxsZXIgc8OlIGfDpXIgZGVuIHByaXZhdGEgbnlja2VsbiBpbnRlIGF0dCDDtnBwbmEgKHNha25hcywgw6RyIHNrYWRhZCBlbGxlciBvbMOkc2xpZyk7IFJEUCBrYW4gaW50ZSBhbnbDpG5kYSBkZXQu')
        PortInUse = (ConvertFrom-RdpUtf8Base64 'UG9ydCB7MH0gYW52w6RuZHMgcmVkYW4gYXYgcHJvY2Vzc2VuIHsxfTsgdsOkbGogZW4gYW5uYW4gcG9ydC4=')
        FirewallRuleMissing = (ConvertFrom-RdpUtf8Base64 'QnJhbmR2w6RnZ3NyZWdlbG4gJ3swfScgZmlubnMgaW50ZTsgZGVuIMOkbmRyYWRlcyBpbnRlLg==')
        BackupNotFound = (ConvertFrom-RdpUtf8Base64 'SW5nZXQgc8Oka2VyaGV0c2tvcGllcmluZ3NtYW5pZmVzdCBmcsOlbiBSZHBSZXNjdWUgKGJhY2t1cC5qc29uKSBpIHswfS4=')
        Restored = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJzdMOkbGxkZSB7MH0gb2JqZWt0IGZyw6VuIHsxfS4=')
        ShouldProcessFix = (ConvertFrom-RdpUtf8Base64 'VGlsbMOkbXBhIGtvcnJpZ2VyaW5nOiB7MH0=')
        ShouldProcessUndo = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJzdMOkbGwgdGlsbHN0w6VuZGV0IHNvbSBzcGFyYWRlcyBpIHPDpGtlcmhldHNrb3BpYW4=')
        NotFileSystemPath = (ConvertFrom-RdpUtf8Base64 'ezB9IMOkciBpbnRlIGVuIHPDtmt2w6RnIGkgZmlsc3lzdGVtZXQu')
        BackupOwnerUntrusted = (ConvertFrom-RdpUtf8Base64 'ezB9IMOkZ3MgYXYgezF9LCBpbnRlIGF2IFNZU1RFTSBlbGxlciBBZG1pbmlzdHJhdMO2cmVyOiBSZHBSZXNjdWUgbGl0YXIgaW50ZSBww6UgZGVuLiBUYSBib3J0IGRlbiwgZWxsZXIgZ2UgZGVuIHRpbGwgQWRtaW5pc3RyYXTDtnJlciBtZWQgYmVow7ZyaWdoZXRlciBlbmRhc3QgZsO2ciBTWVNURU0gb2NoIEFkbWluaXN0cmF0w7ZyZXIu')
        BackupWritableByOthers = (ConvertFrom-RdpUtf8Base64 'ezB9IGthbiDDpG5kcmFzIGF2IHsxfSwgaW50ZSBiYXJhIGF2IFNZU1RFTSBvY2ggQWRtaW5pc3RyYXTDtnJlcjogUmRwUmVzY3VlIGxpdGFyIGludGUgcMOlIGRlbi4gVGEgYm9ydCBkZSBiZWjDtnJpZ2hldGVybmEgZWxsZXIgbWFwcGVuLg==')
        BackupManifestInvalid = (ConvertFrom-RdpUtf8Base64 'ezB9IMOkciBpbnRlIGV0dCBzw6RrZXJoZXRza29waWVyaW5nc21hbmlmZXN0IGZyw6VuIFJkcFJlc2N1ZSAoc2NoZW1hICd7MX0nKS4=')
        BackupEntryRefused = (ConvertFrom-RdpUtf8Base64 'bmVrYWQ6IGluZ2V0IHNvbSBrb3JyaWdlcmluZ2VuICd7MH0nIGkgUmRwUmVzY3VlIHPDpGtlcmhldHNrb3BpZXJhcg==')
        ServiceRestartRefused = (ConvertFrom-RdpUtf8Base64 'bmVrYWQ6IGluZ2VuIGtvcnJpZ2VyaW5nIGkgZGVuIGjDpHIgc8Oka2VyaGV0c2tvcGlhbiBzdGFydGFyIG9tIHRqw6Ruc3Rlbg==')
        UndoItemFailed = (ConvertFrom-RdpUtf8Base64 'SW50ZSDDpXRlcnN0w6RsbHQ6IHswfSB7MX06IHsyfQ==')
        UndoIncomplete = (ConvertFrom-RdpUtf8Base64 'w4VuZ3JpbmdlbiBmcsOlbiB7MH0gw6RyIG9mdWxsc3TDpG5kaWc6IHsxfSBvYmpla3Qgw6V0ZXJzdMOkbGxkYSwgezJ9IGludGU6IHszfQ==')
        RegistryKindUnsupported = (ConvertFrom-RdpUtf8Base64 'RGV0IGfDpXIgaW50ZSBhdHQgc8Oka2VyaGV0c2tvcGllcmEgezB9OiBldHQgdsOkcmRlIGF2IHR5cGVuIHsxfSBrYW4gaW50ZSDDpXRlcnN0w6RsbGFzIGV4YWt0LCBzw6UgaW5nZXQgw6RuZHJhZGVzLg==')
        EventsCapped = (ConvertFrom-RdpUtf8Base64 'ezF9IGlubmVow6VsbGVyIGZsZXIgw6RuIHswfSBow6RuZGVsc2VyIG1lZCBrb250cm9sbGVucyBJRDpuOyBkZSDDpGxkcmUgbMOkc3RlcyBpbnRlLCBzw6Uga29udHJvbGxlbiDDpHIgaW50ZSB2ZXJpZmllcmFk')
        AuditOff = (ConvertFrom-RdpUtf8Base64 'R3JhbnNrbmluZyAoezF9KSBhdiBncmFuc2tuaW5nc3VuZGVya2F0ZWdvcmluIHswfSDDpHIgYXZzdMOkbmdkLCBzw6UgV2luZG93cyBza3JpdmVyIGluZ2Egc8OlZGFuYSBow6RuZGVsc2VyIG9jaCBhdHQgaW5nYSBoaXR0YXMgYmV2aXNhciBpbmdlbnRpbmcuIFNsw6UgcMOlIGRlbjogYXVkaXRwb2wgL3NldCAvc3ViY2F0ZWdvcnk6ezB9IC97MX06ZW5hYmxl')
        AuditUnreadable = (ConvertFrom-RdpUtf8Base64 'R3JhbnNrbmluZ3NwcmluY2lwZW4gZsO2ciB1bmRlcmthdGVnb3JpbiB7MH0ga3VuZGUgaW50ZSBsw6RzYXMgKHsxfSksIHPDpSBhdHQgaW5nYSBzw6VkYW5hIGjDpG5kZWxzZXIgaGl0dGFzIGJldmlzYXIgaW5nZW50aW5n')
        EventChecksNotVerified = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNla29udHJvbGxlciAoezB9KSBiZXNrcml2ZXIgZGV0IGbDtnJmbHV0bmEgb2NoIGFudsOkbmRzIGludGUgZsO2ciBhdHQgdmVyaWZpZXJhIGVuIGtvcnJpZ2VyaW5nLg==')
        InvalidSince = (ConvertFrom-RdpUtf8Base64 'LVNpbmNlIG3DpXN0ZSB2YXJhIGV0dCBwb3NpdGl2dCBUaW1lU3Bhbi12w6RyZGUgZWxsZXIgZXR0IGFudGFsIHRpbW1hciwgaW50ZSAiezB9Ii4=')
        BootStoreUnreadable = (ConvertFrom-RdpUtf8Base64 'U3RhcnRhcmtpdmV0IGFuZ2VyIGluZ2VuIHN0YW5kYXJkcG9zdCBpIHswfTsgc3RhcnRwb3N0ZW4ga2FuIGludGUgbMOkc2FzLg==')
        BootElementUnsaved = (ConvertFrom-RdpUtf8Base64 'U3RhcnRlbGVtZW50ZXQgezB9IGlubmVow6VsbGVyIHsxfSwgc29tIGJjZGVkaXQgL3NldCBpbnRlIGthbiBza3JpdmEgdGlsbGJha2E7IGluZ2V0IMOkbmRyYWRlcy4=')
        'Scenario.account-locked-or-expired.Title' = (ConvertFrom-RdpUtf8Base64 'S29udG90IMOkciB1dGVsw6VzdCwgaW5ha3RpdmVyYXQgZWxsZXIgaGFyIHVwcGjDtnJ0IGF0dCBnw6RsbGE=')
        'Finding.ev-logon-account' = (ConvertFrom-RdpUtf8Base64 'U8Oka2VyaGV0IDQ2MjU6IGVuIGlubG9nZ25pbmcgdmlhIEZqw6RycnNrcml2Ym9yZCAoaW5sb2dnbmluZ3N0eXAgMTAsIGVsbGVyIDMgZsO2ciBhdXRlbnRpc2VyaW5nIHDDpSBuw6R0dmVya3NuaXbDpSkgbmVrYWRlcyBlZnRlcnNvbSBrb250b3Qgw6RyIHV0ZWzDpXN0ICgweEMwMDAwMjM0KSwgbMO2c2Vub3JkZXQgaGFyIGfDpXR0IHV0ICgweEMwMDAwMDcxKSBlbGxlciBtw6VzdGUgYnl0YXMgKDB4QzAwMDAyMjQpLCBlbGxlciBrb250b3QgaGFyIHVwcGjDtnJ0IGF0dCBnw6RsbGEgKDB4QzAwMDAxOTMpLiBCZWzDpGdnZW4gYW5nZXIga29udG9uYTsgZW4gdGrDpG5zdCBlbGxlciBzY2hlbWFsYWdkIGFrdGl2aXRldCBtZWQgZXR0IHV0ZWzDpXN0IGtvbnRvIHLDpGtuYXMgaW50ZS4=')
        'Finding.ev-logon-disabled' = (ConvertFrom-RdpUtf8Base64 'U8Oka2VyaGV0IDQ2MjU6IGlubG9nZ25pbmdhciB0aWxsIGV0dCBpbmFrdGl2ZXJhdCBrb250byAoMHhDMDAwMDA3MikuIEzDtnNlbm9yZHNnaXNzbmluZyBtb3QgZGV0IGluYnlnZ2RhIEfDpHN0a29udG90IGVsbGVyIGVuIGluYWt0aXZlcmFkIEFkbWluaXN0cmF0w7ZyIGdlciBzw6VkYW5hIHDDpSB2YXJqZSB2aXJ0dWVsbCBkYXRvciBzb20gw6RyIMO2cHBlbiBtb3QgaW50ZXJuZXQ7IGRldCDDpHIgb3JzYWtlbiBiYXJhIG7DpHIga29udG90IHNvbSBhbmdlcyDDpHIgZGV0IHNvbSBza2EgbG9nZ2EgaW4u')
        'Finding.ev-logon-bad-password' = (ConvertFrom-RdpUtf8Base64 'U8Oka2VyaGV0IDQ2MjU6IGlubG9nZ25pbmdhciBtZWQgZmVsIGzDtnNlbm9yZCAoMHhDMDAwMDA2QSkgZWxsZXIgb2vDpG50IGFudsOkbmRhcm5hbW4gKDB4QzAwMDAwNjQpLiBNw6VuZ2Egc8OlZGFuYSBmcsOlbiBpbnRlcm5ldCDDpHIgbMO2c2Vub3Jkc2dpc3NuaW5nIG9jaCBrYW4gbMOlc2EgdXQgZXR0IGtvbnRvLg==')
        'Scenario.broker-hostname.Title' = (ConvertFrom-RdpUtf8Base64 'QW5zbHV0bmluZ3Nrb29yZGluYXRvcm5zIHbDpHJkbmFtbiBoYXIgw6RuZHJhdHM=')
        'Finding.broker-role-installed' = (ConvertFrom-RdpUtf8Base64 'Um9sbGVuIEFuc2x1dG5pbmdza29vcmRpbmF0b3IgZsO2ciBmasOkcnJza3JpdmJvcmQgw6RyIGluc3RhbGxlcmFkLg==')
        'Finding.ev-broker-db-logon' = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNlIDIwNTY6IGtvb3JkaW5hdG9ybiBrdW5kZSBpbnRlIGxvZ2dhIGluIGkgc2luIGRhdGFiYXMu')
        'Finding.ev-broker-rpc' = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNlIDEyOTY6IGFuc2x1dG5pbmdza29vcmRpbmF0b3JuIMOkciBpbnRlIHJlZG8gZsO2ciBSUEMta29tbXVuaWthdGlvbi4=')
        'Scenario.credssp-oracle.Title' = (ConvertFrom-RdpUtf8Base64 'Q3JlZFNTUC3DpXRnw6RyZGVuIG1vdCBrcnlwdGVyaW5nc29yYWtlbCBuZWthciBrbGllbnRlbg==')
        'Finding.credssp-update-missing' = (ConvertFrom-RdpUtf8Base64 'RGVuIHZpcnR1ZWxsYSBkYXRvcm4gc2FrbmFyIENyZWRTU1AtdXBwZGF0ZXJpbmdlbiBmw7ZyIENWRS0yMDE4LTA4ODYgKG1haiAyMDE4KTogdHNwa2cuZGxsIMOkciDDpGxkcmUgw6RuIGRlbiB2ZXJzaW9uIE1pY3Jvc29mdCBhbmdlciBmw7ZyIGRlbiBow6RyIFdpbmRvd3MtdmVyc2lvbmVuLiBVcHBkYXRlcmFkZSBrbGllbnRlciAoTWluc2thZCByaXNrIHNvbSBzdGFuZGFyZCkgdsOkZ3JhciBhbnNsdXRhIHRpbGwgZGVuLCBvY2ggaW5nZXQgdsOkcmRlIGbDtnIgQWxsb3dFbmNyeXB0aW9uT3JhY2xlIHDDpSBkZW4gdmlydHVlbGxhIGRhdG9ybiDDpG5kcmFyIGRldC4gSW5zdGFsbGVyYSBkZW4gc2VuYXN0ZSBrdW11bGF0aXZhIHVwcGRhdGVyaW5nZW4gcMOlIGRlbiB2aXJ0dWVsbGEgZGF0b3JuIG9jaCBzdGFydGEgb20u')
        'Finding.credssp-force-updated-clients' = (ConvertFrom-RdpUtf8Base64 'w4V0Z8OkcmRlbiBtb3Qga3J5cHRlcmluZ3NvcmFrZWwgw6RyIFR2aW5nYSB1cHBkYXRlcmFkZSBrbGllbnRlciAoQWxsb3dFbmNyeXB0aW9uT3JhY2xlPTApLCBkZW4gcmVrb21tZW5kZXJhZGUgaMOkcmRuaW5nZW46IGRlbiB2aXJ0dWVsbGEgZGF0b3JuIG5la2FyIMOkdmVuIGtsaWVudGVyIHV0YW4gQ3JlZFNTUC11cHBkYXRlcmluZ2VuLiBEZXQgZsO2cmtsYXJhciBlbiBuZWthZCBhbnNsdXRuaW5nIGJhcmEgbsOkciBrbGllbnRlbiBzYWtuYXIgdXBwZGF0ZXJpbmdlbjogdXBwZGF0ZXJhIGtsaWVudGVuIGkgc3TDpGxsZXQgZsO2ciBhdHQgc8OkbmthIGRldHRhLiBFbiBncnVwcHJpbmNpcCAoU3lzdGVtXERlbGVnZXJpbmcgYXYgYXV0ZW50aXNlcmluZ3N1cHBnaWZ0ZXJcw4V0Z8OkcmQgbW90IGtyeXB0ZXJpbmdzb3Jha2VsKSBza3JpdmVyIHbDpHJkZXQgb2NoIMOldGVyc3TDpGxsZXIgZW4gbG9rYWwgw6RuZHJpbmcu')
        'Scenario.guest-firewall-blocks-rdp.Title' = (ConvertFrom-RdpUtf8Base64 'V2luZG93cy1icmFuZHbDpGdnZW4gaSBkZW4gdmlydHVlbGxhIGRhdG9ybiBibG9ja2VyYXIgRmrDpHJyc2tyaXZib3Jk')
        'Finding.rdp-firewall-rule-off' = (ConvertFrom-RdpUtf8Base64 'RGVuIGluYnlnZ2RhIGJyYW5kdsOkZ2dzcmVnZWxuIGbDtnIgRmrDpHJyc2tyaXZib3JkLCBSZW1vdGVEZXNrdG9wLVVzZXJNb2RlLUluLVRDUCwgw6RyIGluYWt0aXZlcmFkIGVsbGVyIHNha25hcywgb2NoIGluZ2VuIGFubmFuIGFrdGl2IHRpbGzDpXRhbmRlIHJlZ2VsIGFuZ2VyIFJEUC1wb3J0ZW4u')
        'Finding.firewall-blocks-all-inbound' = (ConvertFrom-RdpUtf8Base64 'RW4gYnJhbmR2w6RnZ3Nwcm9maWwgYmxvY2tlcmFyIGFsbGEgaW5rb21tYW5kZSBhbnNsdXRuaW5nYXIsIMOkdmVuIHRpbGzDpXRhbmRlIHJlZ2xlciAoRG9Ob3RBbGxvd0V4Y2VwdGlvbnM9MSku')
        'Finding.rdp-port-block-rule' = (ConvertFrom-RdpUtf8Base64 'RW4gYWt0aXYgaW5rb21tYW5kZSBicmFuZHbDpGdnc3JlZ2VsIGJsb2NrZXJhciBSRFAtcG9ydGVuOyBlbiBibG9ja2VyaW5nc3JlZ2VsIHZpbm5lciDDtnZlciBhbGxhIHRpbGzDpXRhbmRlIHJlZ2xlci4=')
        'Finding.firewall-block-all-by-policy' = (ConvertFrom-RdpUtf8Base64 'RW4gZ3J1cHByaW5jaXAgYmxvY2tlcmFyIGFsbGEgaW5rb21tYW5kZSBhbnNsdXRuaW5nYXIgKFBvbGljaWVzXE1pY3Jvc29mdFxXaW5kb3dzRmlyZXdhbGxcPHByb2ZpbD4gRG9Ob3RBbGxvd0V4Y2VwdGlvbnM9MSk6IHByaW5jaXBlbiB2aW5uZXIsIGVuIGxva2FsIMOldGfDpHJkIMOldGVyc3TDpGxscyB2aWQgbsOkc3RhIHVwcGRhdGVyaW5nLiDDhG5kcmEgcHJpbmNpcGVuLg==')
        'Finding.firewall-service-stopped' = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuIFdpbmRvd3MgRGVmZW5kZXItYnJhbmR2w6RnZ2VuIChNcHNTdmMpIGvDtnJzIGludGU6IGRlc3MgcmVnbGVyIHRpbGzDpG1wYXMgaW50ZSBzb20gZGUgw6RyIGtvbmZpZ3VyZXJhZGUu')
        'Finding.bfe-service-stopped' = (ConvertFrom-RdpUtf8Base64 'QmFzZmlsdHJlcmluZ3Ntb3Rvcm4gKEJGRSksIHNvbSBicmFuZHbDpGdnZW4gYmVow7Z2ZXIsIGvDtnJzIGludGUu')
        'Scenario.machinekeys-access.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIGthbiBpbnRlIGFudsOkbmRhIHNpbiBwcml2YXRhIG55Y2tlbCBpIE1hY2hpbmVLZXlz')
        'Finding.ev-rcm-cert' = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNlIDEwNTcvMTA1ODogUkQtc2Vzc2lvbnN2w6RyZGVuIGt1bmRlIGludGUgc2thcGEgZWxsZXIgZXJzw6R0dGEgc2l0dCBzasOkbHZzaWduZXJhZGUgY2VydGlmaWthdC4=')
        'Finding.ev-schannel-key' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzA6IGV0dCBhbGx2YXJsaWd0IGZlbCB1cHBzdG9kIHZpZCDDpXRrb21zdCB0aWxsIGRlbiBwcml2YXRhIG55Y2tlbG4gZsO2ciBUTFMtc2VydmVyYXV0ZW50aXNlcmluZ3N1cHBnaWZ0ZW4u')
        'Finding.ev-schannel-36872' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzIgbG9nZ2FkZXM7IGJldHlkZWxzZW4gc2tpbGplciBzaWcgbWVsbGFuIFdpbmRvd3MtdmVyc2lvbmVyLCBzw6UgZGVuIHN0w7ZkZXIgYmFyYSBzbHV0c2F0c2VuLg==')
        'Finding.machinekeys-acl' = (ConvertFrom-RdpUtf8Base64 'TWFjaGluZUtleXMgZWxsZXIgUkRQLW55Y2tlbGZpbGVuIHNha25hciBlbiBwb3N0IHNvbSBXaW5kb3dzIGJlaMO2dmVyIChBZG1pbmlzdHJhdMO2cmVyIHDDpSBtYXBwZW47IFNZU1RFTSBvY2ggTkVUV09SSyBTRVJWSUNFIHDDpSBSRFAtbnlja2Vsbiku')
        'Scenario.max-connections-reached.Title' = 'RDP-lyssnaren tar inte emot fler anslutningar'
        'Finding.rdp-connection-limit-zero' = (ConvertFrom-RdpUtf8Base64 'UkRQLWx5c3NuYXJlbiB0aWxsw6V0ZXIgaW5nZW4gc2FtdGlkaWcgYW5zbHV0bmluZzogTWF4SW5zdGFuY2VDb3VudD0wLg==')
        'Finding.rdp-connection-limit-one' = (ConvertFrom-RdpUtf8Base64 'UkRQLWx5c3NuYXJlbiB0aWxsw6V0ZXIgYmFyYSBlbiBhbnNsdXRuaW5nIChNYXhJbnN0YW5jZUNvdW50PTEsIGRldCBsw6Rnc3RhIHByaW5jaXBlbiAiQmVncsOkbnNhIGFudGFsZXQgYW5zbHV0bmluZ2FyIiBhY2NlcHRlcmFyKTogZW4gc2Vzc2lvbiBzb20gYW52w6RuZHMgZWxsZXIgbMOkbW5hdHMgZnLDpW5rb3BwbGFkIGZ5bGxlciBkZW4u')
        'Finding.rdp-connection-limit-by-policy' = (ConvertFrom-RdpUtf8Base64 'RW4gZ3J1cHByaW5jaXAgdGlsbMOldGVyIGluZ2VuIGFuc2x1dG5pbmcgKFBvbGljaWVzXC4uLlxUZXJtaW5hbCBTZXJ2aWNlcyBNYXhJbnN0YW5jZUNvdW50PTApOiBwcmluY2lwZW4gdmlubmVyIMO2dmVyIGx5c3NuYXJlbnMgdsOkcmRlLCBvY2ggZW4gbG9rYWwgw6RuZHJpbmcgw6V0ZXJzdMOkbGxzIHZpZCBuw6RzdGEgdXBwZGF0ZXJpbmcuIMOEbmRyYSBwcmluY2lwZW4u')
        'Scenario.network-service-down.Title' = (ConvertFrom-RdpUtf8Base64 'RW4gbsOkdHZlcmtzdGrDpG5zdCBzb20gZGVuIHZpcnR1ZWxsYSBkYXRvcm4gYmVow7Z2ZXIgKERIQ1Ata2xpZW50ZW4sIE5TSSwgQkZFLCBXaW5kb3dzLWJyYW5kdsOkZ2dlbikgw6RyIG5lcmU=')
        'Finding.netsvc-dhcp-start' = (ConvertFrom-RdpUtf8Base64 'REhDUC1rbGllbnRlbiAoRGhjcCkgc3RhcnRhciBpbnRlIGF1dG9tYXRpc2t0ICh2w6RyZGV0IFN0YXJ0IMOkciBpbnRlIDIsIGRldCBkb2t1bWVudGVyYWRlIHN0YW5kYXJkdsOkcmRldCku')
        'Finding.netsvc-dhcp-down' = (ConvertFrom-RdpUtf8Base64 'REhDUC1rbGllbnRlbiAoRGhjcCkga8O2cnMgaW50ZS4=')
        'Finding.netsvc-nsi-start' = (ConvertFrom-RdpUtf8Base64 'TmV0d29yayBTdG9yZSBJbnRlcmZhY2UtdGrDpG5zdGVuIChuc2kpIHN0YXJ0YXIgaW50ZSBhdXRvbWF0aXNrdCAodsOkcmRldCBTdGFydCDDpHIgaW50ZSAyLCBkZXQgZG9rdW1lbnRlcmFkZSBzdGFuZGFyZHbDpHJkZXQpLg==')
        'Finding.netsvc-nsi-down' = (ConvertFrom-RdpUtf8Base64 'TmV0d29yayBTdG9yZSBJbnRlcmZhY2UtdGrDpG5zdGVuIChuc2kpIGvDtnJzIGludGUu')
        'Finding.netsvc-bfe-start' = (ConvertFrom-RdpUtf8Base64 'QmFzZSBGaWx0ZXJpbmcgRW5naW5lIChCRkUpIHN0YXJ0YXIgaW50ZSBhdXRvbWF0aXNrdCAodsOkcmRldCBTdGFydCDDpHIgaW50ZSAyLCBkZXQgZG9rdW1lbnRlcmFkZSBzdGFuZGFyZHbDpHJkZXQpLg==')
        'Finding.netsvc-bfe-down' = (ConvertFrom-RdpUtf8Base64 'QmFzZSBGaWx0ZXJpbmcgRW5naW5lIChCRkUpIGvDtnJzIGludGUu')
        'Finding.netsvc-mpssvc-start' = (ConvertFrom-RdpUtf8Base64 'V2luZG93cyBEZWZlbmRlci1icmFuZHbDpGdnZW4gKE1wc1N2Yykgc3RhcnRhciBpbnRlIGF1dG9tYXRpc2t0ICh2w6RyZGV0IFN0YXJ0IMOkciBpbnRlIDIsIGRldCBkb2t1bWVudGVyYWRlIHN0YW5kYXJkdsOkcmRldCku')
        'Finding.netsvc-mpssvc-down' = (ConvertFrom-RdpUtf8Base64 'V2luZG93cyBEZWZlbmRlci1icmFuZHbDpGdnZW4gKE1wc1N2Yykga8O2cnMgaW50ZS4=')
        'Finding.netsvc-dhcp-account' = (ConvertFrom-RdpUtf8Base64 'REhDUC1rbGllbnRlbiAoRGhjcCkgbG9nZ2FyIGluIG1lZCBldHQgYW5uYXQga29udG8gw6RuIHN0YW5kYXJka29udG90IE5UIEF1dGhvcml0eVxMb2NhbFNlcnZpY2U6IGRlbiBzdGFydGFyIGludGUsIGZlbCAxMDY5Lg==')
        'Scenario.nla-dc-unreachable.Title' = (ConvertFrom-RdpUtf8Base64 'QXV0ZW50aXNlcmluZyBww6UgbsOkdHZlcmtzbml2w6UgbsOlciBpbmdlbiBkb23DpG5rb250cm9sbGFudA==')
        'Finding.ev-logon-no-dc' = (ConvertFrom-RdpUtf8Base64 'U8Oka2VyaGV0IDQ2MjU6IGlubG9nZ25pbmdhciBtaXNzbHlja2FkZXMgZWZ0ZXJzb20gaW5nZW4gZG9tw6Rua29udHJvbGxhbnQgc3ZhcmFkZSAoMHhDMDAwMDA1RSksIGbDtnJ0cm9lbmRldCBtaXNzbHlja2FkZXMgKDB4QzAwMDAxOEMsIGVsbGVyIDB4QzAwMDAxOEQ6IGbDtnJ0cm9lbmRldCBtZWxsYW4gZGVuIGjDpHIgdmlydHVlbGxhIGRhdG9ybiBvY2ggZG9tw6RuZW4pIGVsbGVyIE5ldGxvZ29uIGludGUgdmFyIHN0YXJ0YWQgKDB4QzAwMDAxOTIpLg==')
        'Finding.nla-required' = (ConvertFrom-RdpUtf8Base64 'QXV0ZW50aXNlcmluZyBww6UgbsOkdHZlcmtzbml2w6Uga3LDpHZzIChnw6RsbGFuZGUgVXNlckF1dGhlbnRpY2F0aW9uPTEpLiBOw6RyIGVuIGdydXBwcmluY2lwIHPDpHR0ZXIgZGV0IChIS0xNXFNPRlRXQVJFXFBvbGljaWVzXE1pY3Jvc29mdFxXaW5kb3dzIE5UXFRlcm1pbmFsIFNlcnZpY2VzIFVzZXJBdXRoZW50aWNhdGlvbikgdmlubmVyIHByaW5jaXBlbjogYXR0IHN0w6RuZ2EgYXYgTkxBIGxva2FsdCAoZGlzYWJsZS1ubGEpIGhhciBpbmdlbiB2ZXJrYW4gb2NoIMOldGVyc3TDpGxscyB2aWQgbsOkc3RhIHVwcGRhdGVyaW5nOyBsb2dnYSBpbiBtZWQgZXR0IGxva2FsdCBrb250byBlbGxlciDDpG5kcmEgcHJpbmNpcGVuLg==')
        'Scenario.rdp-cert-invalid.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQLWNlcnRpZmlrYXRldCBoYXIgZ8OldHQgdXQsIHNha25hcyBlbGxlciDDpHIgaW50ZSBkZXQga29uZmlndXJlcmFkZQ==')
        'Finding.rdp-cert-store' = (ConvertFrom-RdpUtf8Base64 'Q2VydGlmaWthdGFya2l2ZXQgUmVtb3RlIERlc2t0b3Agw6RyIHRvbXQgZWxsZXIgaW5uZWjDpWxsZXIgYmFyYSB1dGfDpW5nbmEgY2VydGlmaWthdCwgZWxsZXIgY2VydGlmaWthdCBzb20gUkRQIGludGUga2FuIGFudsOkbmRhIChpbmdlbiBwcml2YXQgbnlja2VsIHNvbSBnw6VyIGF0dCDDtnBwbmEsIGVuIG55Y2tlbGZpbCBzb20gTkVUV09SSyBTRVJWSUNFIGludGUga2FuIGzDpHNhIGVsbGVyIGVuIGbDtnJiw6R0dHJhZCBueWNrZWxhbnbDpG5kbmluZyBzb20gaW50ZSBnw6RsbGVyIHNlcnZlcmF1dGVudGlzZXJpbmcpLg==')
        'Finding.rdp-cert-binding' = (ConvertFrom-RdpUtf8Base64 'U1NMQ2VydGlmaWNhdGVTSEExSGFzaCBhbmdlciBldHQgY2VydGlmaWthdCBzb20gaW50ZSDDpHIgaW5zdGFsbGVyYXQsIGhhciBnw6V0dCB1dCBlbGxlciBzb20gUkRQIGludGUga2FuIGFudsOkbmRhIChpbmdlbiBwcml2YXQgbnlja2VsIHNvbSBnw6VyIGF0dCDDtnBwbmEsIGVuIG55Y2tlbGZpbCBzb20gTkVUV09SSyBTRVJWSUNFIGludGUga2FuIGzDpHNhIGVsbGVyIGVuIGbDtnJiw6R0dHJhZCBueWNrZWxhbnbDpG5kbmluZyBzb20gaW50ZSBnw6RsbGVyIHNlcnZlcmF1dGVudGlzZXJpbmcpLg==')
        'Scenario.rdp-disabled.Title' = (ConvertFrom-RdpUtf8Base64 'RmrDpHJyc2tyaXZib3Jkc2Fuc2x1dG5pbmdhciDDpHIgYXZzdMOkbmdkYQ==')
        'Finding.rdp-connections-denied' = (ConvertFrom-RdpUtf8Base64 'RmrDpHJyc2tyaXZib3Jkc2Fuc2x1dG5pbmdhciBuZWthczogZkRlbnlUU0Nvbm5lY3Rpb25zPTEu')
        'Finding.rdp-denied-by-policy' = (ConvertFrom-RdpUtf8Base64 'RW4gZ3J1cHByaW5jaXAgbmVrYXIgRmrDpHJyc2tyaXZib3JkIChQb2xpY2llc1wuLi5cVGVybWluYWwgU2VydmljZXMgZkRlbnlUU0Nvbm5lY3Rpb25zPTEpOiBwcmluY2lwZW4gdmlubmVyLCBlbiBsb2thbCDDpXRnw6RyZCBoasOkbHBlciBpbnRlIG9jaCBza3VsbGUgw6V0ZXJzdMOkbGxhcyB2aWQgbsOkc3RhIHVwcGRhdGVyaW5nLiDDhG5kcmEgcHJpbmNpcGVuLg==')
        'Scenario.rdp-listener-disabled.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQLWx5c3NuYXJlbiBlbGxlciB0ZXJtaW5hbHNlcnZlcm4gw6RyIGF2c3TDpG5nZA==')
        'Finding.terminal-server-off' = (ConvertFrom-RdpUtf8Base64 'VGVybWluYWxzZXJ2ZXJuIMOkciBpbmFrdGl2ZXJhZDogVFNFbmFibGVkPTAu')
        'Finding.terminal-server-logons-off' = 'Anslutningar till terminalservern blockeras: TSUserEnabled=1.'
        'Finding.terminal-server-draining' = (ConvertFrom-RdpUtf8Base64 'VGVybWluYWxzZXJ2ZXJuIMOkciBpIHTDtm1uaW5nc2zDpGdlIG9jaCB0YXIgaW50ZSBlbW90IG55YSBpbmxvZ2duaW5nYXI6IFRTU2VydmVyRHJhaW5Nb2RlIMOkciBpbnRlIDAu')
        'Finding.rdp-listener-off' = (ConvertFrom-RdpUtf8Base64 'THlzc25hcmVuIFJEUC1UY3Agw6RyIGluYWt0aXZlcmFkOiBmRW5hYmxlV2luU3RhdGlvbj0wLg==')
        'Finding.rdp-listener-logons-off' = 'Lyssnaren RDP-Tcp nekar inloggningar: fLogonDisabled=1.'
        'Scenario.rdp-port-conflict.Title' = (ConvertFrom-RdpUtf8Base64 'RW4gYW5uYW4gcHJvY2VzcyBhbnbDpG5kZXIgUkRQLXBvcnRlbiwgZWxsZXIgc8OlIGx5c3NuYXIgaW5nZW4gcMOlIGRlbg==')
        'Finding.rdp-listener' = (ConvertFrom-RdpUtf8Base64 'RGVuIGtvbmZpZ3VyZXJhZGUgUkRQLXBvcnRlbiBhbnbDpG5kcyBhdiBlbiBhbm5hbiBwcm9jZXNzIMOkbiBUZXJtU2VydmljZS4=')
        'Finding.termservice-stopped' = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuIEZqw6RycnNrcml2Ym9yZHN0asOkbnN0ZXIgKFRlcm1TZXJ2aWNlKSBrw7ZycyBpbnRlLg==')
        'Scenario.rdp-port-firewall-mismatch.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIGhhciBmbHl0dGF0cyB0aWxsIGVuIGFubmFuIHBvcnQsIG1lbiBicmFuZHbDpGdnZW4gw7ZwcG5hciBmb3J0ZmFyYW5kZSAzMzg5')
        'Finding.rdp-port-changed' = (ConvertFrom-RdpUtf8Base64 'UkRQIGx5c3NuYXIgcMOlIGVuIGFubmFuIHBvcnQgw6RuIDMzODkgKFBvcnROdW1iZXIpLg==')
        'Finding.rdp-port-not-allowed' = (ConvertFrom-RdpUtf8Base64 'SW5nZW4gYWt0aXYgaW5rb21tYW5kZSBicmFuZHbDpGdnc3JlZ2VsIHRpbGzDpXRlciBUQ1AgcMOlIGRlbiBrb25maWd1cmVyYWRlIFJEUC1wb3J0ZW4sIGVsbGVyIHPDpSBhbmdlciBlbiBibG9ja2VyaW5nc3JlZ2VsIGRlbi4=')
        'Scenario.rds-licensing-expired.Title' = (ConvertFrom-RdpUtf8Base64 'VsOkcmQgZsO2ciBmasOkcnJza3JpdmJvcmRzc2Vzc2lvbiB1dGFuIGxpY2Vuc2llcmluZyBlZnRlciByZXNwaXRwZXJpb2Rlbg==')
        'Finding.rdsh-role-installed' = (ConvertFrom-RdpUtf8Base64 'Um9sbHRqw6Ruc3RlbiBWw6RyZCBmw7ZyIGZqw6RycnNrcml2Ym9yZHNzZXNzaW9uIMOkciBpbnN0YWxsZXJhZCAoVGVybWluYWxTZXJ2ZXJNb2RlPTEpOiBhbnbDpG5kYXJzZXNzaW9uZXIga3LDpHZlciBSRFMtQ0FMLg==')
        'Finding.ev-licensing-grace-expired' = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNlIDEwNjk6IHJlc3BpdHBlcmlvZGVuIGbDtnIgZmrDpHJyc2tyaXZib3Jkc2xpY2Vuc2llcmluZyBoYXIgZ8OldHQgdXQgb2NoIGluZ2V0IGxpY2Vuc2llcmluZ3Nsw6RnZSDDpHIga29uZmlndXJlcmF0OyBhbnbDpG5kYXJhbnNsdXRuaW5nYXIgbmVrYXMu')
        'Finding.licensing-mode-not-set' = (ConvertFrom-RdpUtf8Base64 'SW5nZXQgbGljZW5zaWVyaW5nc2zDpGdlOiBMaWNlbnNpbmdNb2RlIMOkciBpbmdldCBhdiAyIChwZXIgZW5oZXQpLCA0IChwZXIgYW52w6RuZGFyZSkgZWxsZXIgNiAoQUFEIHBlciBhbnbDpG5kYXJlKSwgbG9rYWx0IGVsbGVyIHZpYSBncnVwcHJpbmNpcCAocHJpbmNpcGVuIHZpbm5lcikuIEVmdGVyIHJlc3BpdHBlcmlvZGVuIG5la2FzIGFuc2x1dG5pbmdhci4=')
        'Finding.license-servers-not-set' = (ConvertFrom-RdpUtf8Base64 'SW5nZW4gbGljZW5zc2VydmVyOiB2YXJrZW4gU3BlY2lmaWVkTGljZW5zZVNlcnZlcnMgZWxsZXIgZ3J1cHByaW5jaXBlbnMgTGljZW5zZVNlcnZlcnMgYW5nZXIgbsOlZ29uLiBFZnRlciByZXNwaXRwZXJpb2RlbiBrYW4gaW5nZW4gQ0FMIHV0ZsOkcmRhcy4=')
        'Scenario.safe-mode-boot.Title' = (ConvertFrom-RdpUtf8Base64 'RGVuIHZpcnR1ZWxsYSBkYXRvcm4gc3RhcnRhciBpIGZlbHPDpGtlcnQgbMOkZ2U=')
        'Finding.default-entry-safeboot' = (ConvertFrom-RdpUtf8Base64 'U3RhbmRhcmRzdGFydHBvc3RlbiBoYXIgc2FmZWJvb3Q6IFdpbmRvd3Mgc3RhcnRhciBpIGZlbHPDpGtlcnQgbMOkZ2UsIGTDpHIgRmrDpHJyc2tyaXZib3JkIGludGUga8O2cnMu')
        'Scenario.security-layer-mismatch.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIGtyw6R2ZXIgZW5iYXJ0IEZJUFMta3J5cHRlcmluZyBzb20ga2xpZW50ZW4gaW50ZSBrbGFyYXI=')
        'Finding.rdp-encryption-fips-only' = (ConvertFrom-RdpUtf8Base64 'TWVkIGRldCBpbmJ5Z2dkYSBSRFAtc8Oka2VyaGV0c2xhZ3JldCAoU2VjdXJpdHlMYXllcj0wKSBpIGJydWsgYWNjZXB0ZXJhciBSRFAgYmFyYSBGSVBTLWtvbXBhdGliZWwga3J5cHRlcmluZzogTWluRW5jcnlwdGlvbkxldmVsPTQuIEtyeXB0ZXJpbmdzbml2w6VuIGfDpGxsZXIgYmFyYSBpbmJ5Z2dkIFJEUC1zw6RrZXJoZXQsIGFsZHJpZyBUTFMu')
        'Finding.fips-algorithms-enforced' = (ConvertFrom-RdpUtf8Base64 'RGF0b3JuIHRpbGzDpXRlciBiYXJhIEZJUFMta29tcGF0aWJsYSBhbGdvcml0bWVyIChMc2FcRklQU0FsZ29yaXRobVBvbGljeSBFbmFibGVkPTEpLCBvZnRhc3QgdmlhIHPDpGtlcmhldHNhbHRlcm5hdGl2ZXQgIlN5c3RlbWtyeXB0b2dyYWZpOiBBbnbDpG5kIEZJUFMta29tcGF0aWJsYSBhbGdvcml0bWVyIiwgc29tIGVuIGdydXBwcmluY2lwIGthbiBzw6R0dGEgaWdlbi4gRW5zYW10IHN0b3BwYXIgZGV0IGludGUgUkRQIChUTFMgb2NoIEFuc2x1dG5pbmcgdGlsbCBmasOkcnJza3JpdmJvcmQgZnVuZ2VyYXIgbWVkIEZJUFMta29tcGF0aWJsYSBhbGdvcml0bWVyKTogZW5kYXN0IGV0dCBiZWzDpGdnLCBhbGRyaWcgb3JzYWtlbiBpIHNpZy4=')
        'Finding.rdp-encryption-fips-by-policy' = (ConvertFrom-RdpUtf8Base64 'RW4gZ3J1cHByaW5jaXAga3LDpHZlciBGSVBTLWtvbXBhdGliZWwgUkRQLWtyeXB0ZXJpbmcgKFBvbGljaWVzXC4uLlxUZXJtaW5hbCBTZXJ2aWNlcyBNaW5FbmNyeXB0aW9uTGV2ZWw9NCk6IHByaW5jaXBlbiB2aW5uZXIsIGVuIGxva2FsIMOkbmRyaW5nIMOldGVyc3TDpGxscyB2aWQgbsOkc3RhIHVwcGRhdGVyaW5nLiDDhG5kcmEgcHJpbmNpcGVuLg==')
        'Finding.rdp-security-layer-rdp' = (ConvertFrom-RdpUtf8Base64 'UkRQIGFudsOkbmRlciBzaXR0IGVnZXQgc8Oka2VyaGV0c2xhZ2VyIChTZWN1cml0eUxheWVyPTApOiBzZXJ2ZXJuIGF1dGVudGlzZXJhcyBpbnRlIG1vdCBrbGllbnRlbi4gQXp1cmVzIFJlc2V0UkRQQ2VydCBsw6RtbmFyIGRldHRhIGt2YXI7IFRMUyAoMikgw6RyIGRlbiBzw6RrcmEgaW5zdMOkbGxuaW5nZW4gbsOkciBjZXJ0aWZpa2F0ZXQgw6RyIGdpbHRpZ3Qu')
        'Scenario.termservice-not-running.Title' = (ConvertFrom-RdpUtf8Base64 'RmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciAoVGVybVNlcnZpY2UpIMOkciBpbmFrdGl2ZXJhZCBlbGxlciBrw7ZycyBpbnRl')
        'Finding.termservice-disabled' = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuIEZqw6RycnNrcml2Ym9yZHN0asOkbnN0ZXIgKFRlcm1TZXJ2aWNlKSDDpHIgaW5ha3RpdmVyYWQ6IFN0YXJ0PTQu')
        'Finding.termservice-down' = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuIEZqw6RycnNrcml2Ym9yZHN0asOkbnN0ZXIgKFRlcm1TZXJ2aWNlKSBrw7ZycyBpbnRlLg==')
        'Finding.termservice-account' = (ConvertFrom-RdpUtf8Base64 'RmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciAoVGVybVNlcnZpY2UpIGxvZ2dhciBpbiBtZWQgZXR0IGFubmF0IGtvbnRvIMOkbiBzdGFuZGFyZGtvbnRvdCBOVCBBdXRob3JpdHlcTmV0d29ya1NlcnZpY2Uu')
        'Finding.termservice-start-type' = (ConvertFrom-RdpUtf8Base64 'U3RhcnR0eXBlbiBmw7ZyIEZqw6RycnNrcml2Ym9yZHN0asOkbnN0ZXIgKFRlcm1TZXJ2aWNlKSDDpHIgaW50ZSBzdGFuZGFyZHbDpHJkZXQgbWFudWVsbCAoU3RhcnQ9Myku')
        'Finding.ev-scm-start-failure' = (ConvertFrom-RdpUtf8Base64 'U2VydmljZSBDb250cm9sIE1hbmFnZXIgaGFyIGxvZ2dhdCBlbiB0asOkbnN0IHNvbSBtaXNzbHlja2FkZXMsIGjDpG5nZGUgc2lnIGVsbGVyIHN0b3BwYWRlcyB2aWQgc3RhcnQgKDcwMDAsIDcwMDEsIDcwMjIgZWxsZXIgNzAyMykgZGV0IHNlbmFzdGUgZHlnbmV0OiBsw6RzIGjDpG5kZWxzZW4gZsO2ciBhdHQgc2Ugb20gZGVuIG7DpG1uZXIgRmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciBlbGxlciBlbiB0asOkbnN0IHNvbSBkZW4gYmVyb3IgcMOlLg==')
        'Scenario.tls-disabled.Title' = (ConvertFrom-RdpUtf8Base64 'VExTIMOkciBpbmFrdGl2ZXJhdCBmw7ZyIHNlcnZlcnNpZGFuIGF2IFNjaGFubmVs')
        'Finding.ev-schannel-credential' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzE6IGV0dCBhbGx2YXJsaWd0IGZlbCB1cHBzdG9kIG7DpHIgZW4gVExTLXNlcnZlcmF1dGVudGlzZXJpbmdzdXBwZ2lmdCBza2FwYWRlcy4=')
        'Finding.tls12-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMiAoc2VydmVyKSDDpHIgaW5ha3RpdmVyYXQ6IEVuYWJsZWQ9MC4=')
        'Finding.tls12-server-off-by-default' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMiAoc2VydmVyKSDDpHIgYXYgb20gZGV0IGludGUgYmVnw6RyczogRGlzYWJsZWRCeURlZmF1bHQ9MS4=')
        'Finding.tls10-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMCAoc2VydmVyKSDDpHIgaW5ha3RpdmVyYXQ7IGVuZGFzdCBrbGllbnRlciBzb20gaW50ZSBrYW4gYW52w6RuZGEgVExTIDEuMiBww6V2ZXJrYXMu')
        'Finding.tls11-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMSAoc2VydmVyKSDDpHIgaW5ha3RpdmVyYXQ7IGVuZGFzdCBrbGllbnRlciBzb20gaW50ZSBrYW4gYW52w6RuZGEgVExTIDEuMiBww6V2ZXJrYXMu')
        'Finding.rdp-requires-tls' = (ConvertFrom-RdpUtf8Base64 'UkRQLWx5c3NuYXJlbiBrcsOkdmVyIFRMUyAoU2VjdXJpdHlMYXllcj0yLCBldmVudHVlbGx0IHNhdHQgYXYgZW4gZ3J1cHByaW5jaXApLCBzw6UgZGVuIGthbiBpbnRlIGZhbGxhIHRpbGxiYWthIG1lZGFuIFRMUyDDpHIgYXYu')
        'Finding.fips-policy-on' = (ConvertFrom-RdpUtf8Base64 'RklQUy1sw6RnZXQgw6RyIHDDpTogZW5kYXN0IEZJUFMta29tcGF0aWJsYSBwcm90b2tvbGwgb2NoIGNoaWZmZXJzdml0ZXIgdGlsbMOldHMu')
        'Scenario.user-not-authorized.Title' = (ConvertFrom-RdpUtf8Base64 'QW52w6RuZGFyZW4gaGFyIGludGUgcsOkdHQgYXR0IGxvZ2dhIGluIHZpYSBGasOkcnJza3JpdmJvcmQ=')
        'Finding.ev-logon-no-right' = (ConvertFrom-RdpUtf8Base64 'U8Oka2VyaGV0IDQ2MjUgbWVkIDB4QzAwMDAxNUI6IGFudsOkbmRhcmVuIGhhciBpbnRlIGJldmlsamF0cyBkZW4gYmVnw6RyZGEgaW5sb2dnbmluZ3N0eXBlbiBww6UgZGVuIGjDpHIgZGF0b3JuLiBCZWzDpGdnZW4gYW5nZXIga29udG90Lg==')
        'Finding.rdp-right-no-admins' = (ConvertFrom-RdpUtf8Base64 'QWRtaW5pc3RyYXTDtnJlciAoUy0xLTUtMzItNTQ0KSBoYXIgaW50ZSAiVGlsbMOldCBpbmxvZ2duaW5nIHZpYSBGasOkcnJza3JpdmJvcmRzdGrDpG5zdGVyIiAoU2VSZW1vdGVJbnRlcmFjdGl2ZUxvZ29uUmlnaHQpOiBpbmdlbiBhZG1pbmlzdHJhdMO2ciBrYW4gbG9nZ2EgaW4gdmlhIFJEUC4gTsOkciBlbiBncnVwcHJpbmNpcCBzw6R0dGVyIHLDpHR0aWdoZXRlbiDDpXRlcnN0w6RsbHMgZW4gbG9rYWwgw6RuZHJpbmcgdmlkIG7DpHN0YSB1cHBkYXRlcmluZy4=')
        'Finding.rdp-right-no-rdusers' = (ConvertFrom-RdpUtf8Base64 'RmrDpHJyc2tyaXZib3Jkc2FudsOkbmRhcmUgKFMtMS01LTMyLTU1NSkgaGFyIGludGUgIlRpbGzDpXQgaW5sb2dnbmluZyB2aWEgRmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciI6IGJhcmEgZGUgZ3J1cHBlciBzb20gZm9ydGZhcmFuZGUgaGFyIHLDpHR0aWdoZXRlbiBrYW4gbG9nZ2EgaW4gdmlhIFJEUC4=')
        'Finding.rdp-right-denied' = (ConvertFrom-RdpUtf8Base64 'Ik5la2EgaW5sb2dnbmluZyB2aWEgRmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciIgKFNlRGVueVJlbW90ZUludGVyYWN0aXZlTG9nb25SaWdodCkgb21mYXR0YXIgQWRtaW5pc3RyYXTDtnJlciAoUy0xLTUtMzItNTQ0KSwgRmrDpHJyc2tyaXZib3Jkc2FudsOkbmRhcmUgKFMtMS01LTMyLTU1NSksIEFudsOkbmRhcmUgKFMtMS01LTMyLTU0NSkgZWxsZXIgQWxsYSAoUy0xLTEtMCk6IG5la2FuZGV0IHZpbm5lciDDtnZlciB2YXJqZSB0aWxsw6V0ZWxzZSwgc8OlIGRlIHNvbSBza2EgbG9nZ2EgaW4gdmlhIFJEUCBrYW4gaW50ZSBkZXQu')
        'Finding.rdp-deny-local' = (ConvertFrom-RdpUtf8Base64 'Ik5la2EgaW5sb2dnbmluZyB2aWEgRmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciIgb21mYXR0YXIgbG9rYWxhIGtvbnRvbiAoUy0xLTUtMTEzLCBTLTEtNS0xMTQpLiBTw6RrZXJoZXRzYmFzbGluamVyIGtyw6R2ZXIgZGV0IHDDpSBkb23DpG5hbnNsdXRuYSBtZWRsZW1zc2VydnJhcjogZG9tw6Rua29udG9uIGthbiBmb3J0ZmFyYW5kZSBsb2dnYSBpbiwgYmFyYSBsb2thbGEga29udG9uICguXG5hbW4pIG5la2FzLiBEZXQgw6RyIG9yc2FrZW4gYmFyYSBuw6RyIGV0dCBsb2thbHQga29udG8gbmVrYXMgKDQ2MjUgbWVkIDB4QzAwMDAxNUIgc29tIGFuZ2VyIGRldCku')
        'Fix.allow-firewall-inbound-exceptions.Title' = (ConvertFrom-RdpUtf8Base64 'U2x1dGEgbMOldGEgYnJhbmR2w6RnZ3Nwcm9maWxlcm5hIGJsb2NrZXJhIGFsbGEgaW5rb21tYW5kZSBhbnNsdXRuaW5nYXI=')
        'Fix.allow-firewall-inbound-exceptions.Warning' = (ConvertFrom-RdpUtf8Base64 'QWxsYSBha3RpdmVyYWRlIGlua29tbWFuZGUgdGlsbMOldGFuZGUgcmVnbGVyIGkgZGVzc2EgcHJvZmlsZXIgZ8OkbGxlciBpZ2VuLCBpbnRlIGJhcmEgRmrDpHJyc2tyaXZib3JkOiBuw6Vnb24ga2FuIGhhIGJsb2NrZXJhdCBhbGxhIGlua29tbWFuZGUgYW5zbHV0bmluZ2FyIG1lZCBhdnNpa3Qu')
        'Fix.allow-firewall-inbound-exceptions.Restore' = (ConvertFrom-RdpUtf8Base64 'w4VuZ3JhIMOldGfDpHJkZW4gKGRlbiDDpXRlcnN0w6RsbGVyIHZhcmplIERvTm90QWxsb3dFeGNlcHRpb25zKSwgZWxsZXIga8O2ciAob2NoIHN0YXJ0YSBzZWRhbiBvbSk6IHJlZyBhZGQgSEtMTVxTWVNURU1cQ3VycmVudENvbnRyb2xTZXRcU2VydmljZXNcU2hhcmVkQWNjZXNzXFBhcmFtZXRlcnNcRmlyZXdhbGxQb2xpY3lcPHByb2ZpbGU+IC92IERvTm90QWxsb3dFeGNlcHRpb25zIC90IFJFR19EV09SRCAvZCAxIC9m')
        'Fix.allow-rdp-connections.Title' = (ConvertFrom-RdpUtf8Base64 'VGlsbMOldCBmasOkcnJza3JpdmJvcmRzYW5zbHV0bmluZ2Fy')
        'Fix.disable-fips-algorithm-policy.Title' = (ConvertFrom-RdpUtf8Base64 'U2x1dGEgdHZpbmdhIGZyYW0gRklQUy1rb21wYXRpYmxhIGFsZ29yaXRtZXIgcMOlIGRhdG9ybg==')
        'Fix.disable-fips-algorithm-policy.Warning' = (ConvertFrom-RdpUtf8Base64 'QWxsYSBkZWxhciBhdiBkYXRvcm4sIGludGUgYmFyYSBSRFAsIGthbiBkw6UgYW52w6RuZGEgYWxnb3JpdG1lciBzb20gaW50ZSDDpHIgRklQUy12YWxpZGVyYWRlLiBPbSBGSVBTLWzDpGdlIMOkciBldHQgZWZ0ZXJsZXZuYWRza3JhdiBza2EgZHUgaW50ZSBrw7ZyYSBkZXR0YTogYW5zbHV0IGkgc3TDpGxsZXQgbWVkIGVuIGtsaWVudCBzb20ga2xhcmFyIEZJUFMu')
        'Fix.disable-fips-algorithm-policy.Restore' = (ConvertFrom-RdpUtf8Base64 'S8O2ciBVbmRvLVJkcFJlcGFpciBtZWQgc8Oka2VyaGV0c2tvcGlhbnMgc8O2a3bDpGcgc29tIGtvcnJpZ2VyaW5nZW4gc2tyZXYgdXQsIGVsbGVyIHPDpHR0IEVuYWJsZWQ9MSB1bmRlciBDb250cm9sXExzYVxGSVBTQWxnb3JpdGhtUG9saWN5IG9jaCBzdGFydGEgc2VkYW4gb20u')
        'Fix.disable-nla.Title' = (ConvertFrom-RdpUtf8Base64 'U3TDpG5nIGF2IGF1dGVudGlzZXJpbmcgcMOlIG7DpHR2ZXJrc25pdsOlIGbDtnIgUkRQICh0aWxsZsOkbGxpZ3Qp')
        'Fix.disable-nla.Warning' = (ConvertFrom-RdpUtf8Base64 'VXRhbiBhdXRlbnRpc2VyaW5nIHDDpSBuw6R0dmVya3NuaXbDpSBmw6VyIGFsbGEgc29tIG7DpXIgUkRQLXBvcnRlbiBlbiBpbmxvZ2duaW5nc3Nrw6RybSBpbm5hbiBkZSBoYXIgdmlzYXQgdmlsa2EgZGUgw6RyOiBzdMO2cnJlIGV4cG9uZXJpbmcgZsO2ciBsw7ZzZW5vcmRzZ2lzc25pbmcgb2NoIGbDtnIgc8OlcmJhcmhldGVyIGbDtnJlIGF1dGVudGlzZXJpbmcuIEjDpWxsIHBvcnRlbiBzdMOkbmdkIG1vdCBpbnRlcm5ldCAoTlNHLCBKSVQpIG1lZGFuIE5MQSDDpHIgYXZzdMOkbmd0Lg==')
        'Fix.disable-nla.Restore' = (ConvertFrom-RdpUtf8Base64 'TsOkciBkZW4gc8Oka3JhIGthbmFsZW4gw6RyIHJlcGFyZXJhZCBrw7ZyIGR1IFVuZG8tUmRwUmVwYWlyIG1lZCBzw6RrZXJoZXRza29waWFucyBzw7ZrdsOkZyBzb20ga29ycmlnZXJpbmdlbiBza3JldiB1dCAoZWxsZXIgQ01ELWJsb2NrZXQgZsO2ciDDpW5ncmEpLCBlbGxlciBzw6R0dGVyIFVzZXJBdXRoZW50aWNhdGlvbj0xIHDDpSBSRFAtVGNwLCBvY2ggc3RhcnRhciBzZWRhbiBvbSBkZW4gdmlydHVlbGxhIGRhdG9ybi4=')
        'Fix.enable-legacy-tls-server.Title' = (ConvertFrom-RdpUtf8Base64 'QWt0aXZlcmEgVExTIDEuMCBvY2ggMS4xIGbDtnIgw6RsZHJlIFJEUC1rbGllbnRlcg==')
        'Fix.enable-legacy-tls-server.Warning' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMCBvY2ggMS4xIMOkciBpbmFrdHVlbGxhIG9jaCBmw7Zyc3ZhZ2FyIGFsbGEgVExTLXRqw6Ruc3RlciBww6UgZGF0b3JuLCBpbnRlIGJhcmEgUkRQLg==')
        'Fix.enable-legacy-tls-server.Restore' = (ConvertFrom-RdpUtf8Base64 'S8O2ciBVbmRvLVJkcFJlcGFpciBtZWQgc8Oka2VyaGV0c2tvcGlhbnMgc8O2a3bDpGcgc29tIGtvcnJpZ2VyaW5nZW4gc2tyZXYgdXQsIGVsbGVyIHPDpHR0IEVuYWJsZWQ9MCBmw7ZyIGLDpWRhIHByb3Rva29sbGVuIG9jaCBzdGFydGEgc2VkYW4gb20u')
        'Fix.enable-rdp-firewall-rules.Title' = (ConvertFrom-RdpUtf8Base64 'QWt0aXZlcmEgZGUgaW5ieWdnZGEgYnJhbmR2w6RnZ3NyZWdsZXJuYSBmw7ZyIEZqw6RycnNrcml2Ym9yZA==')
        'Fix.enable-rdp-listener.Title' = (ConvertFrom-RdpUtf8Base64 'U2zDpSBww6UgbHlzc25hcmVuIFJEUC1UY3AgaWdlbg==')
        'Fix.enable-terminal-server.Title' = (ConvertFrom-RdpUtf8Base64 'U2zDpSBww6UgdGVybWluYWxzZXJ2ZXJuIGlnZW4gb2NoIHRhIGRlbiB1ciB0w7ZtbmluZ3Nsw6RnZXQ=')
        'Fix.enable-tls12-server.Title' = (ConvertFrom-RdpUtf8Base64 'QWt0aXZlcmEgVExTIDEuMiBmw7ZyIHNlcnZlcnNpZGFuIGF2IFNjaGFubmVs')
        'Fix.open-rdp-port-in-firewall.Title' = (ConvertFrom-RdpUtf8Base64 'w5ZwcG5hIGRlbiBrb25maWd1cmVyYWRlIFJEUC1wb3J0ZW4gaSBicmFuZHbDpGdnZW4=')
        'Fix.remove-rdp-cert-binding.Title' = (ConvertFrom-RdpUtf8Base64 'VGEgYm9ydCBkZXQga29uZmlndXJlcmFkZSB0dW1hdnRyeWNrZXQgZsO2ciBSRFAtY2VydGlmaWthdGV0')
        'Fix.remove-safe-boot.Title' = (ConvertFrom-RdpUtf8Base64 'VGEgYm9ydCBzYWZlYm9vdCBmcsOlbiBzdGFuZGFyZHN0YXJ0cG9zdGVu')
        'Fix.renew-rdp-self-signed-cert.Title' = (ConvertFrom-RdpUtf8Base64 'RsO2cm55YSBkZXQgc2rDpGx2c2lnbmVyYWRlIFJEUC1jZXJ0aWZpa2F0ZXQ=')
        'Fix.reset-dhcp-logon-account.Title' = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJzdMOkbGwgREhDUC1rbGllbnRlbiB0aWxsIHN0YW5kYXJka29udG90IG9jaCBzdGFydGEgZGVu')
        'Fix.reset-machinekeys-acl.Title' = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJzdMOkbGwgYmVow7ZyaWdoZXRlcm5hIGbDtnIgbWFwcGVuIE1hY2hpbmVLZXlz')
        'Fix.reset-termservice-logon-account.Title' = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJzdMOkbGwgRmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciB0aWxsIHN0YW5kYXJka29udG90IG9jaCBzdGFydGEgdGrDpG5zdGVu')
        'Fix.restore-rdp-connection-limit.Title' = (ConvertFrom-RdpUtf8Base64 'VGEgYm9ydCBseXNzbmFyZW5zIGFuc2x1dG5pbmdzZ3LDpG5z')
        'Fix.resume-group-policy.Title' = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJ1cHB0YSBncnVwcHJpbmNpcGVyIG7DpHIgcmVwYXJhdGlvbmVuIGhhciBiZWtyw6RmdGF0cw==')
        'Fix.set-credssp-mitigated.Title' = 'Acceptera klienter utan CredSSP-uppdateringen (Minskad risk)'
        'Fix.set-credssp-mitigated.Warning' = (ConvertFrom-RdpUtf8Base64 'RGVuIHZpcnR1ZWxsYSBkYXRvcm4gYWNjZXB0ZXJhciBkw6Uga2xpZW50ZXIgc29tIHNha25hciBDcmVkU1NQLXVwcGRhdGVyaW5nZW4gZsO2ciBDVkUtMjAxOC0wODg2LCB2aWxrZXQgZXhwb25lcmFyIGRlIGtsaWVudGVybmEuIEVuZGFzdCB0aWxsZsOkbGxpZ3Q6IHVwcGRhdGVyYSBrbGllbnRlcm5hIG9jaCDDpXRlcnN0w6RsbCBzZWRhbiBUdmluZ2EgdXBwZGF0ZXJhZGUga2xpZW50ZXIu')
        'Fix.set-credssp-mitigated.Restore' = (ConvertFrom-RdpUtf8Base64 'S8O2ciBVbmRvLVJkcFJlcGFpciBtZWQgc8Oka2VyaGV0c2tvcGlhbnMgc8O2a3bDpGcgc29tIGtvcnJpZ2VyaW5nZW4gc2tyZXYgdXQsIGVsbGVyIHPDpHR0IEFsbG93RW5jcnlwdGlvbk9yYWNsZT0wIHVuZGVyIFBvbGljaWVzXFN5c3RlbVxDcmVkU1NQXFBhcmFtZXRlcnMgb2NoIHN0YXJ0YSBzZWRhbiBvbS4=')
        'Fix.set-rdp-cert-binding.Title' = (ConvertFrom-RdpUtf8Base64 'TMOldCBSRFAgYW52w6RuZGEgZXR0IGdpbHRpZ3QgY2VydGlmaWthdA==')
        'Fix.set-rdp-encryption-high.Title' = (ConvertFrom-RdpUtf8Base64 'U8OkbmsgUkRQLWtyeXB0ZXJpbmdlbiBmcsOlbiBGSVBTLWtvbXBhdGliZWwgdGlsbCBIw7Zn')
        'Fix.set-rdp-encryption-high.Warning' = (ConvertFrom-RdpUtf8Base64 'UkRQIGtyw6R2ZXIgaW50ZSBsw6RuZ3JlIEZJUFMta29tcGF0aWJlbCBrcnlwdGVyaW5nLiBPbSBlbiBlZnRlcmxldm5hZHNiYXNsaW5qZSBrcsOkdmVyIEZJUFMgYnJ5dHMgZGVuOyBIw7ZnICgxMjggYml0YXIpIMOkciBkZW4gbMOkZ3N0YSBuaXbDpSBSZHBSZXNjdWUgc8OkdHRlci4=')
        'Fix.set-rdp-encryption-high.Restore' = (ConvertFrom-RdpUtf8Base64 'S8O2ciBVbmRvLVJkcFJlcGFpciBtZWQgc8Oka2VyaGV0c2tvcGlhbnMgc8O2a3bDpGcgc29tIGtvcnJpZ2VyaW5nZW4gc2tyZXYgdXQsIGVsbGVyIHPDpHR0IE1pbkVuY3J5cHRpb25MZXZlbD00IHVuZGVyIFdpblN0YXRpb25zXFJEUC1UY3Agb2NoIHN0YXJ0YSBzZWRhbiBvbS4=')
        'Fix.set-rdp-port.Title' = 'Flytta RDP till en annan port'
        'Fix.set-rdp-security-layer-tls.Title' = 'Autentisera servern med TLS igen (SecurityLayer=2)'
        'Fix.start-network-services.Title' = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJzdMOkbGwgbsOkdHZlcmtzdGrDpG5zdGVybmEgdGlsbCBhdXRvbWF0aXNrIHN0YXJ0IG9jaCBzdGFydGEgZGVt')
        'Fix.start-termservice.Title' = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJzdMOkbGwgRmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciB0aWxsIG1hbnVlbGwgc3RhcnQgb2NoIHN0YXJ0YSB0asOkbnN0ZW4=')
        'Fix.stop-port-owner.Title' = (ConvertFrom-RdpUtf8Base64 'U3RvcHBhIHRqw6Ruc3RlbiBzb20gYW52w6RuZGVyIFJEUC1wb3J0ZW4=')
        'Fix.suspend-group-policy.Title' = (ConvertFrom-RdpUtf8Base64 'UGF1c2EgZ3J1cHByaW5jaXBlciBzw6UgYXR0IGRlIGludGUga2FuIMOlbmdyYSByZXBhcmF0aW9uZW4=')
        'Fix.suspend-group-policy.Warning' = (ConvertFrom-RdpUtf8Base64 'TWVkYW4gZ3BzdmMgw6RyIGluYWt0aXZlcmFkIHRhciBkYXRvcm4gaW50ZSBlbW90IG7DpWdyYSBncnVwcHJpbmNpcGVyLCBpbnRlIGhlbGxlciBzw6RrZXJoZXRzcHJpbmNpcGVyLg==')
        'Fix.suspend-group-policy.Restore' = (ConvertFrom-RdpUtf8Base64 'S8O2ciBSZXN1bWUtUmRwR3JvdXBQb2xpY3ksIHN0YXJ0YSBvbSBvY2gga8O2ciBzZWRhbiBncHVwZGF0ZSAvZm9yY2UuIE9tIFRMUyBpbmFrdGl2ZXJhcyBpZ2VuIG3DpXN0ZSBkb23DpG5wcmluY2lwZW4ga29ycmlnZXJhcy4=')
    }
    'nl-NL' = @{
        NotElevated = 'Deze opdracht wijzigt de machine: voer hem uit in een sessie met verhoogde bevoegdheden (als administrator).'
        FixNotInScenario = 'Oplossing ''{0}'' hoort niet bij scenario ''{1}''. De oplossingen zijn: {2}'
        MissingParameter = 'Oplossing ''{0}'' heeft -{1} nodig.'
        FixAlreadyClear = '''{0}'' overgeslagen: de controles die hij herstelt, zijn al in orde ({1}).'
        PolicyWins = '''{0}'' overgeslagen: een groepsbeleid stelt {1} in, dat voorgaat op de lokale waarde die de oplossing zou schrijven. Er is niets gewijzigd; wijzig in plaats daarvan het beleid (gpresult /h toont welk groepsbeleidsobject).'
        NoFixes = 'Scenario ''{0}'' heeft geen automatische oplossing; zie de handmatige stappen in about_RdpRescue.'
        BackupWritten = 'Back-up geschreven naar {0}. Ongedaan maken met: Undo-RdpRepair -BackupPath "{0}"'
        FixFailed = 'Oplossing ''{0}'' is mislukt: {1}. Niets daarna is toegepast. Back-up: {2}'
        BackupFailed = (ConvertFrom-RdpUtf8Base64 'RGUgYmFjay11cCB2w7PDs3Igb3Bsb3NzaW5nKGVuKSB7MH0gaXMgbWlzbHVrdDogezF9LiBFciBpcyBuaWV0cyBnZXdpanppZ2Qu')
        ServiceNotReached = 'Service ''{0}'' is {1}, niet {2}, na {3} s; RdpRescue wacht er niet langer op'
        NotVerified = 'Oplossing ''{0}'' is uitgevoerd, maar deze controles slaan nog steeds aan: {1}.'
        NotReadBack = 'Oplossing ''{0}'' is uitgevoerd, maar deze waarden worden niet teruggelezen zoals ze zijn geschreven: {1}.'
        UndoThroughRunCommand = 'Via Azure Run Command: {0}'
        NoBackup = 'Geen RdpRescue-back-up in {0}: er is niets ongedaan te maken.'
        PartiallyApplied = 'Oplossing ''{0}'' is maar gedeeltelijk toegepast: {1} item(s) zijn niet gewijzigd: {2}'
        GrantNotReadBack = 'na icacls ontbreekt {0} in de machtigingen'
        KeyFileNotFound = 'het bestand met de persoonlijke sleutel staat in geen van beide sleutelmappen van de machine'
        BackupEntryUnreadable = 'De machtigingen van {0} konden niet worden gelezen voor de back-up ({1}); Undo-RdpRepair kan ze niet terugzetten.'
        RebootRequired = 'Start de computer opnieuw op om het herstel te voltooien.'
        WeakensSecurity = 'BEVEILIGING: {0} Herstellen: {1}'
        PortOwnerNotService = (ConvertFrom-RdpUtf8Base64 'UHJvY2VzIHswfSBiZXpldCBwb29ydCB7MX0gZW4gaXMgZ2VlbiBzZXJ2aWNlLiBSZHBSZXNjdWUgYmXDq2luZGlndCBub29pdCBlZW4gcHJvY2VzOiBzdG9wIGRhdCBwcm9ncmFtbWEgemVsZiBvZiB2ZXJwbGFhdHMgUkRQIG1ldCBTZXQtUmRwUG9ydC4=')
        ServiceNotInstalled = (ConvertFrom-RdpUtf8Base64 'U2VydmljZSAnezB9JyBpcyBuaWV0IGdlw69uc3RhbGxlZXJkOiBlciBpcyBnZWVuIGNvbmZpZ3VyYXRpZSBvbSB0ZXJ1ZyB0ZSB6ZXR0ZW4u')
        ServiceAccountNeedsPassword = 'Service ''{0}'' meldt zich vanaf de volgende opstart weer aan als ''{1}'' (ObjectName). RdpRescue heeft het wachtwoord van dat account nooit gezien: als de service niet start, geef het dan opnieuw op met sc config {0} obj= <account> password= <wachtwoord>.'
        PortOwnerShared = (ConvertFrom-RdpUtf8Base64 'UHJvY2VzIHswfSBkYXQgcG9vcnQgezF9IGJlemV0LCBob3N0IG1lZXJkZXJlIHNlcnZpY2VzICh7Mn0pOyDDqcOpbiBlcnZhbiBzdG9wcGVuIG1hYWt0IGRlIHBvb3J0IG5pZXQgdmVpbGlnIHZyaWou')
        PortOwnerStopped = 'Service ''{0}'' die poort {1} bezette, is gestopt. Hij kan de poort bij de volgende opstart weer nemen: wijzig de configuratie of het opstarttype.'
        ThumbprintNotUsable = 'Er staat geen aanwezig, niet-verlopen certificaat met vingerafdruk {0} in Cert:\LocalMachine\My.'
        CertificateNotForServer = 'Certificaat {0} is niet bedoeld voor serververificatie (uitgebreid sleutelgebruik: {1}). RDP heeft een van {2} nodig, of geen extensie voor uitgebreid sleutelgebruik.'
        CertificateKeyUnusable = 'Certificaat {0} heeft geen persoonlijke sleutel, of de persoonlijke sleutel kan niet worden geopend (ontbreekt, beschadigd of onleesbaar); RDP kan het niet gebruiken.'
        PortInUse = 'Poort {0} wordt al gebruikt door proces {1}; kies een andere poort.'
        FirewallRuleMissing = 'Firewallregel ''{0}'' bestaat niet; deze is niet gewijzigd.'
        BackupNotFound = 'Geen RdpRescue-back-upmanifest (backup.json) in {0}.'
        Restored = '{0} item(s) teruggezet uit {1}.'
        ShouldProcessFix = 'Oplossing toepassen: {0}'
        ShouldProcessUndo = 'De in deze back-up opgeslagen toestand terugzetten'
        NotFileSystemPath = '{0} is geen pad in het bestandssysteem.'
        BackupOwnerUntrusted = '{0} is eigendom van {1}, niet van SYSTEM of Administrators: RdpRescue vertrouwt het niet. Verwijder het, of geef het aan Administrators met machtigingen voor alleen SYSTEM en Administrators.'
        BackupWritableByOthers = '{0} kan worden gewijzigd door {1}, niet alleen door SYSTEM en Administrators: RdpRescue vertrouwt het niet. Verwijder die machtigingen of de map.'
        BackupManifestInvalid = '{0} is geen RdpRescue-back-upmanifest (schema ''{1}'').'
        BackupEntryRefused = 'geweigerd: niets waarvan oplossing ''{0}'' van RdpRescue een back-up maakt'
        ServiceRestartRefused = 'geweigerd: geen oplossing in deze back-up start deze service opnieuw'
        UndoItemFailed = 'Niet teruggezet: {0} {1}: {2}'
        UndoIncomplete = 'Ongedaan maken vanuit {0} is onvolledig: {1} item(s) teruggezet, {2} niet: {3}'
        RegistryKindUnsupported = 'Kan geen back-up maken van {0}: een waarde van het type {1} kan niet exact worden teruggezet, dus er is niets gewijzigd.'
        EventsCapped = '{1} bevat meer dan {0} gebeurtenissen met de id''s van deze controle; de oudere zijn niet gelezen, dus de controle is niet geverifieerd'
        AuditOff = 'Controle ({1}) van controlesubcategorie {0} staat uit, dus Windows schrijft geen van deze gebeurtenissen en dat er geen zijn gevonden bewijst niets. Zet deze aan: auditpol /set /subcategory:{0} /{1}:enable'
        AuditUnreadable = 'Het controlebeleid van subcategorie {0} kon niet worden gelezen ({1}), dus dat geen van deze gebeurtenissen is gevonden bewijst niets'
        EventChecksNotVerified = 'Gebeurteniscontroles ({0}) beschrijven het verleden en worden niet gebruikt om een oplossing te controleren.'
        InvalidSince = '-Since moet een positieve TimeSpan of een aantal uren zijn, niet "{0}".'
        BootStoreUnreadable = 'Het opstartarchief noemt geen standaardvermelding in {0}; de opstartvermelding kan niet worden gelezen.'
        BootElementUnsaved = 'Het opstartelement {0} bevat {1}, dat bcdedit /set niet kan terugschrijven; er is niets gewijzigd.'
        'Scenario.account-locked-or-expired.Title' = 'Het account is vergrendeld, uitgeschakeld of verlopen'
        'Finding.ev-logon-account' = 'Beveiliging 4625: een aanmelding via Extern bureaublad (aanmeldingstype 10, of 3 voor verificatie op netwerkniveau) werd geweigerd omdat het account vergrendeld is (0xC0000234), het wachtwoord verlopen is (0xC0000071) of moet worden gewijzigd (0xC0000224), of het account verlopen is (0xC0000193). De aanwijzing noemt de accounts; een service of geplande taak met een vergrendeld account telt niet mee.'
        'Finding.ev-logon-disabled' = 'Beveiliging 4625: aanmeldingen bij een uitgeschakeld account (0xC0000072). Het raden van wachtwoorden tegen de ingebouwde Gast of een uitgeschakelde Administrator levert deze op elke VM die open staat voor internet; het is alleen de oorzaak als het genoemde account het account is dat zich moet aanmelden.'
        'Finding.ev-logon-bad-password' = 'Beveiliging 4625: aanmeldingen met een onjuist wachtwoord (0xC000006A) of een onbekende gebruikersnaam (0xC0000064). Veel daarvan vanaf internet zijn het raden van wachtwoorden en kunnen een account vergrendelen.'
        'Scenario.broker-hostname.Title' = 'De hostnaam van de Verbindingsbroker is gewijzigd'
        'Finding.broker-role-installed' = (ConvertFrom-RdpUtf8Base64 'RGUgcm9sIFZlcmJpbmRpbmdzYnJva2VyIHZvb3IgRXh0ZXJuIGJ1cmVhdWJsYWQgaXMgZ2XDr25zdGFsbGVlcmQu')
        'Finding.ev-broker-db-logon' = 'Gebeurtenis 2056: de broker kon zich niet aanmelden bij de database.'
        'Finding.ev-broker-rpc' = 'Gebeurtenis 1296: de Verbindingsbroker is niet gereed voor RPC-communicatie.'
        'Scenario.credssp-oracle.Title' = 'CredSSP-herstel van het versleutelingsorakel weigert de client'
        'Finding.credssp-update-missing' = 'De VM mist de CredSSP-update voor CVE-2018-0886 (mei 2018): tspkg.dll is ouder dan de versie die Microsoft voor deze Windows-build vermeldt. Bijgewerkte clients (standaard Beperkt) weigeren er verbinding mee te maken, en geen enkele waarde van AllowEncryptionOracle op de VM verandert dat. Installeer de nieuwste cumulatieve update op de VM en start opnieuw op.'
        'Finding.credssp-force-updated-clients' = 'Herstel van versleutelingsorakel staat op Bijgewerkte clients afdwingen (AllowEncryptionOracle=0), de aanbevolen beveiliging: de VM weigert ook clients zonder de CredSSP-update. Dat verklaart een weigering alleen als de client de update mist: werk de client bij in plaats van dit te verlagen. Een groepsbeleid (Systeem\Delegering van referenties\Herstel van versleutelingsorakel) schrijft deze waarde en zet een lokale wijziging terug.'
        'Scenario.guest-firewall-blocks-rdp.Title' = 'De Windows Firewall in de VM blokkeert Extern bureaublad'
        'Finding.rdp-firewall-rule-off' = 'De ingebouwde firewallregel voor Extern bureaublad, RemoteDesktop-UserMode-In-TCP, is uitgeschakeld of ontbreekt, en geen andere actieve toestaanregel noemt de RDP-poort.'
        'Finding.firewall-blocks-all-inbound' = 'Een firewallprofiel blokkeert elke binnenkomende verbinding, toestaanregels inbegrepen (DoNotAllowExceptions=1).'
        'Finding.rdp-port-block-rule' = 'Een actieve binnenkomende firewallregel blokkeert de RDP-poort; een blokkeerregel wint van elke toestaanregel.'
        'Finding.firewall-block-all-by-policy' = 'Groepsbeleid blokkeert alle binnenkomende verbindingen (Policies\Microsoft\WindowsFirewall\<profiel> DoNotAllowExceptions=1): het beleid wint, een lokale reparatie wordt bij de volgende vernieuwing teruggedraaid. Wijzig het beleid.'
        'Finding.firewall-service-stopped' = 'De service Windows Defender Firewall (MpsSvc) is niet actief: de regels worden niet toegepast zoals ingesteld.'
        'Finding.bfe-service-stopped' = 'De Base Filtering Engine (BFE), die de firewall nodig heeft, is niet actief.'
        'Scenario.machinekeys-access.Title' = 'RDP kan de persoonlijke sleutel in MachineKeys niet gebruiken'
        'Finding.ev-rcm-cert' = 'Gebeurtenis 1057/1058: de RD-sessiehost kon het zelfondertekende certificaat niet maken of vervangen.'
        'Finding.ev-schannel-key' = 'Schannel 36870: er is een fatale fout opgetreden bij het openen van de persoonlijke sleutel van de TLS-serverreferentie.'
        'Finding.ev-schannel-36872' = 'Schannel 36872 is vastgelegd; de betekenis verschilt per Windows-versie, dus het ondersteunt de bevinding alleen.'
        'Finding.machinekeys-acl' = 'MachineKeys of het RDP-sleutelbestand mist een vermelding die Windows nodig heeft (Administrators op de map; SYSTEM en NETWORK SERVICE op de RDP-sleutel).'
        'Scenario.max-connections-reached.Title' = 'De RDP-listener accepteert geen verbindingen meer'
        'Finding.rdp-connection-limit-zero' = 'De RDP-listener staat geen enkele gelijktijdige verbinding toe: MaxInstanceCount=0.'
        'Finding.rdp-connection-limit-one' = (ConvertFrom-RdpUtf8Base64 'RGUgUkRQLWxpc3RlbmVyIHN0YWF0IG1hYXIgw6nDqW4gdmVyYmluZGluZyB0b2UgKE1heEluc3RhbmNlQ291bnQ9MSwgaGV0IGxhYWdzdGUgZGF0IGhldCBiZWxlaWQgIkFhbnRhbCB2ZXJiaW5kaW5nZW4gYmVwZXJrZW4iIGFjY2VwdGVlcnQpOiDDqcOpbiBzZXNzaWUgZGllIGluIGdlYnJ1aWsgaXMgb2YgdmVyYnJva2VuIGlzIGFjaHRlcmdlbGF0ZW4sIHZ1bHQgZGllLg==')
        'Finding.rdp-connection-limit-by-policy' = 'Groepsbeleid staat geen enkele verbinding toe (Policies\...\Terminal Services MaxInstanceCount=0): het beleid wint van de waarde van de listener, en een lokale wijziging wordt bij de volgende vernieuwing teruggedraaid. Wijzig het beleid.'
        'Scenario.network-service-down.Title' = 'Een netwerkservice die de VM nodig heeft (DHCP-client, NSI, BFE, Windows Firewall) werkt niet'
        'Finding.netsvc-dhcp-start' = 'DHCP-client (Dhcp) start niet automatisch (de waarde Start is niet 2, de gedocumenteerde standaardwaarde).'
        'Finding.netsvc-dhcp-down' = 'DHCP-client (Dhcp) is niet actief.'
        'Finding.netsvc-nsi-start' = 'Network Store Interface-service (nsi) start niet automatisch (de waarde Start is niet 2, de gedocumenteerde standaardwaarde).'
        'Finding.netsvc-nsi-down' = 'Network Store Interface-service (nsi) is niet actief.'
        'Finding.netsvc-bfe-start' = 'Base Filtering Engine (BFE) start niet automatisch (de waarde Start is niet 2, de gedocumenteerde standaardwaarde).'
        'Finding.netsvc-bfe-down' = 'Base Filtering Engine (BFE) is niet actief.'
        'Finding.netsvc-mpssvc-start' = 'Windows Defender Firewall (MpsSvc) start niet automatisch (de waarde Start is niet 2, de gedocumenteerde standaardwaarde).'
        'Finding.netsvc-mpssvc-down' = 'Windows Defender Firewall (MpsSvc) is niet actief.'
        'Finding.netsvc-dhcp-account' = 'De DHCP-client (Dhcp) meldt zich aan met een ander account dan het standaardaccount NT Authority\LocalService: hij start niet, fout 1069.'
        'Scenario.nla-dc-unreachable.Title' = 'Verificatie op netwerkniveau kan geen domeincontroller bereiken'
        'Finding.ev-logon-no-dc' = 'Beveiliging 4625: aanmeldingen mislukten omdat geen domeincontroller antwoordde (0xC000005E), de vertrouwensrelatie mislukte (0xC000018C, of 0xC000018D: de vertrouwensrelatie tussen deze VM en het domein) of Netlogon niet gestart was (0xC0000192).'
        'Finding.nla-required' = 'Verificatie op netwerkniveau is vereist (geldende UserAuthentication=1). Als groepsbeleid dit instelt (HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services UserAuthentication), wint het beleid: NLA lokaal uitschakelen (disable-nla) heeft geen effect en wordt bij de volgende vernieuwing teruggedraaid; meld u aan met een lokaal account of wijzig het beleid.'
        'Scenario.rdp-cert-invalid.Title' = 'Het RDP-certificaat is verlopen, ontbreekt of is niet het ingestelde certificaat'
        'Finding.rdp-cert-store' = 'Het certificaatarchief Remote Desktop is leeg of bevat alleen verlopen certificaten, of certificaten die RDP niet kan gebruiken (geen persoonlijke sleutel die te openen is, een sleutelbestand dat NETWORK SERVICE niet kan lezen, of uitgebreid sleutelgebruik dat niet voor serververificatie is).'
        'Finding.rdp-cert-binding' = (ConvertFrom-RdpUtf8Base64 'U1NMQ2VydGlmaWNhdGVTSEExSGFzaCBub2VtdCBlZW4gY2VydGlmaWNhYXQgZGF0IG5pZXQgaXMgZ2XDr25zdGFsbGVlcmQsIHZlcmxvcGVuIGlzIG9mIGRhdCBSRFAgbmlldCBrYW4gZ2VicnVpa2VuIChnZWVuIHBlcnNvb25saWprZSBzbGV1dGVsIGRpZSB0ZSBvcGVuZW4gaXMsIGVlbiBzbGV1dGVsYmVzdGFuZCBkYXQgTkVUV09SSyBTRVJWSUNFIG5pZXQga2FuIGxlemVuLCBvZiB1aXRnZWJyZWlkIHNsZXV0ZWxnZWJydWlrIGRhdCBuaWV0IHZvb3Igc2VydmVydmVyaWZpY2F0aWUgaXMpLg==')
        'Scenario.rdp-disabled.Title' = 'Extern bureaublad-verbindingen zijn uitgeschakeld'
        'Finding.rdp-connections-denied' = 'Extern bureaublad-verbindingen worden geweigerd: fDenyTSConnections=1.'
        'Finding.rdp-denied-by-policy' = 'Groepsbeleid weigert Extern bureaublad (Policies\...\Terminal Services fDenyTSConnections=1): het beleid wint, een lokale reparatie helpt niet en zou bij de volgende vernieuwing worden teruggedraaid. Wijzig het beleid.'
        'Scenario.rdp-listener-disabled.Title' = 'De RDP-listener of de terminalserver is uitgeschakeld'
        'Finding.terminal-server-off' = 'De terminalserver is uitgeschakeld: TSEnabled=0.'
        'Finding.terminal-server-logons-off' = 'Verbindingen met de terminalserver worden geblokkeerd: TSUserEnabled=1.'
        'Finding.terminal-server-draining' = 'De terminalserver staat in de leegloopmodus en accepteert geen nieuwe aanmeldingen: TSServerDrainMode is niet 0.'
        'Finding.rdp-listener-off' = 'De listener RDP-Tcp is uitgeschakeld: fEnableWinStation=0.'
        'Finding.rdp-listener-logons-off' = 'De listener RDP-Tcp weigert aanmeldingen: fLogonDisabled=1.'
        'Scenario.rdp-port-conflict.Title' = 'Een ander proces bezet de RDP-poort, of er luistert niets op'
        'Finding.rdp-listener' = 'De ingestelde RDP-poort wordt bezet door een ander proces dan TermService.'
        'Finding.termservice-stopped' = 'De service Extern bureaublad-services (TermService) is niet actief.'
        'Scenario.rdp-port-firewall-mismatch.Title' = 'RDP is naar een andere poort verplaatst, maar de firewall opent nog steeds 3389'
        'Finding.rdp-port-changed' = 'RDP luistert op een andere poort dan 3389 (PortNumber).'
        'Finding.rdp-port-not-allowed' = 'Geen actieve binnenkomende firewallregel staat TCP op de ingestelde RDP-poort toe, of een blokkeerregel noemt hem.'
        'Scenario.rds-licensing-expired.Title' = 'Host voor Extern bureaublad-sessies zonder licenties na de respijtperiode'
        'Finding.rdsh-role-installed' = (ConvertFrom-RdpUtf8Base64 'RGUgcm9sc2VydmljZSBIb3N0IHZvb3IgRXh0ZXJuIGJ1cmVhdWJsYWQtc2Vzc2llcyBpcyBnZcOvbnN0YWxsZWVyZCAoVGVybWluYWxTZXJ2ZXJNb2RlPTEpOiBnZWJydWlrZXJzc2Vzc2llcyBoZWJiZW4gUkRTLUNBTOKAmXMgbm9kaWcu')
        'Finding.ev-licensing-grace-expired' = 'Gebeurtenis 1069: de respijtperiode voor Extern bureaublad-licenties is verlopen en er is geen licentiemodus geconfigureerd; gebruikersverbindingen worden geweigerd.'
        'Finding.licensing-mode-not-set' = 'Geen licentiemodus: LicensingMode is geen van 2 (per apparaat), 4 (per gebruiker) of 6 (AAD per gebruiker), lokaal of via groepsbeleid (het beleid wint). Na de respijtperiode worden verbindingen geweigerd.'
        'Finding.license-servers-not-set' = 'Geen licentieserver: noch SpecifiedLicenseServers noch het groepsbeleid LicenseServers noemt er een. Na de respijtperiode kan geen CAL worden uitgegeven.'
        'Scenario.safe-mode-boot.Title' = 'De VM start op in de veilige modus'
        'Finding.default-entry-safeboot' = 'De standaardopstartvermelding heeft safeboot: Windows start in de veilige modus, waarin Extern bureaublad niet actief is.'
        'Scenario.security-layer-mismatch.Title' = 'RDP vereist alleen FIPS-versleuteling waaraan de client niet kan voldoen'
        'Finding.rdp-encryption-fips-only' = 'Met de systeemeigen RDP-beveiligingslaag (SecurityLayer=0) in gebruik accepteert RDP alleen FIPS-compatibele versleuteling: MinEncryptionLevel=4. Het versleutelingsniveau geldt alleen voor systeemeigen RDP-beveiliging, nooit voor TLS.'
        'Finding.fips-algorithms-enforced' = 'De machine staat alleen FIPS-compatibele algoritmen toe (Lsa\FIPSAlgorithmPolicy Enabled=1), meestal via de beveiligingsoptie "Systeemcryptografie: FIPS-compatibele algoritmen gebruiken", die een groepsbeleid opnieuw kan instellen. Op zichzelf houdt dit RDP niet tegen (TLS en Verbinding met extern bureaublad werken met FIPS-compatibele algoritmen): alleen een aanwijzing, nooit op zichzelf de oorzaak.'
        'Finding.rdp-encryption-fips-by-policy' = 'Groepsbeleid vereist FIPS-compatibele RDP-versleuteling (Policies\...\Terminal Services MinEncryptionLevel=4): het beleid wint, een lokale wijziging wordt bij de volgende vernieuwing teruggedraaid. Wijzig het beleid.'
        'Finding.rdp-security-layer-rdp' = 'RDP gebruikt zijn eigen beveiligingslaag (SecurityLayer=0): de server wordt niet geverifieerd bij de client. ResetRDPCert van Azure laat dit achter; TLS (2) is de veilige instelling zodra het certificaat geldig is.'
        'Scenario.termservice-not-running.Title' = 'Extern bureaublad-services (TermService) is uitgeschakeld of niet actief'
        'Finding.termservice-disabled' = 'De service Extern bureaublad-services (TermService) is uitgeschakeld: Start=4.'
        'Finding.termservice-down' = 'De service Extern bureaublad-services (TermService) is niet actief.'
        'Finding.termservice-account' = 'Extern bureaublad-services (TermService) meldt zich aan met een ander account dan het standaardaccount NT Authority\NetworkService.'
        'Finding.termservice-start-type' = 'Het opstarttype van Extern bureaublad-services (TermService) is niet de standaardwaarde handmatig (Start=3).'
        'Finding.ev-scm-start-failure' = 'Service Control Manager heeft in de afgelopen 24 uur een service gelogd die bij het starten mislukte, bleef hangen of stopte (7000, 7001, 7022 of 7023): lees de gebeurtenis om te zien of die Extern bureaublad-services of een service waarvan deze afhankelijk is, noemt.'
        'Scenario.tls-disabled.Title' = 'TLS is uitgeschakeld voor de serverkant van Schannel'
        'Finding.ev-schannel-credential' = 'Schannel 36871: er is een fatale fout opgetreden bij het maken van een TLS-serverreferentie.'
        'Finding.tls12-server-off' = 'TLS 1.2 (server) is uitgeschakeld: Enabled=0.'
        'Finding.tls12-server-off-by-default' = 'TLS 1.2 (server) staat uit tenzij erom wordt gevraagd: DisabledByDefault=1.'
        'Finding.tls10-server-off' = 'TLS 1.0 (server) is uitgeschakeld; alleen clients die geen TLS 1.2 kunnen gebruiken, worden getroffen.'
        'Finding.tls11-server-off' = 'TLS 1.1 (server) is uitgeschakeld; alleen clients die geen TLS 1.2 kunnen gebruiken, worden getroffen.'
        'Finding.rdp-requires-tls' = 'De RDP-listener vereist TLS (SecurityLayer=2, mogelijk ingesteld door groepsbeleid) en kan dus niet terugvallen zolang TLS uit staat.'
        'Finding.fips-policy-on' = 'De FIPS-modus staat aan: alleen FIPS-conforme protocollen en coderingssuites zijn toegestaan.'
        'Scenario.user-not-authorized.Title' = 'De gebruiker heeft geen recht om zich aan te melden via Extern bureaublad'
        'Finding.ev-logon-no-right' = 'Beveiliging 4625 met 0xC000015B: de gebruiker heeft het gevraagde aanmeldingstype op deze machine niet gekregen. De aanwijzing noemt het account.'
        'Finding.rdp-right-no-admins' = 'Administrators (S-1-5-32-544) hebben "Aanmelden via Extern bureaublad-services toestaan" (SeRemoteInteractiveLogonRight) niet: geen administrator kan zich via RDP aanmelden. Als groepsbeleid het recht instelt, wordt een lokale wijziging bij de volgende vernieuwing teruggedraaid.'
        'Finding.rdp-right-no-rdusers' = 'Gebruikers van Extern bureaublad (S-1-5-32-555) hebben "Aanmelden via Extern bureaublad-services toestaan" niet: alleen de groepen die het recht nog hebben, kunnen zich via RDP aanmelden.'
        'Finding.rdp-right-denied' = '"Aanmelden via Extern bureaublad-services weigeren" (SeDenyRemoteInteractiveLogonRight) bevat Administrators (S-1-5-32-544), Gebruikers van Extern bureaublad (S-1-5-32-555), Gebruikers (S-1-5-32-545) of Iedereen (S-1-1-0): de weigering wint van elke toestemming, dus wie zich via RDP moet aanmelden, kan dat niet.'
        'Finding.rdp-deny-local' = '"Aanmelden via Extern bureaublad-services weigeren" bevat lokale accounts (S-1-5-113, S-1-5-114). Beveiligingsbasislijnen vereisen dit op lidservers van een domein: domeinaccounts kunnen zich nog aanmelden, alleen lokale accounts (.\naam) worden geweigerd. Het is alleen de oorzaak als een lokaal account wordt geweigerd (4625 met 0xC000015B die het noemt).'
        'Fix.allow-firewall-inbound-exceptions.Title' = 'De firewallprofielen niet langer elke binnenkomende verbinding laten blokkeren'
        'Fix.allow-firewall-inbound-exceptions.Warning' = 'Elke ingeschakelde binnenkomende toestaanregel van deze profielen geldt weer, niet alleen Extern bureaublad: iemand kan alle binnenkomende verbindingen bewust hebben geblokkeerd.'
        'Fix.allow-firewall-inbound-exceptions.Restore' = 'Maak de reparatie ongedaan (die zet elke DoNotAllowExceptions terug), of voer uit (en start daarna opnieuw op): reg add HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\<profile> /v DoNotAllowExceptions /t REG_DWORD /d 1 /f'
        'Fix.allow-rdp-connections.Title' = 'Extern bureaublad-verbindingen toestaan'
        'Fix.disable-fips-algorithm-policy.Title' = 'FIPS-compatibele algoritmen niet langer afdwingen op de machine'
        'Fix.disable-fips-algorithm-policy.Warning' = 'Elk onderdeel van de machine, niet alleen RDP, kan dan algoritmen gebruiken die niet FIPS-gevalideerd zijn. Waar de FIPS-modus een nalevingseis is, voer dit niet uit: maak in plaats daarvan verbinding met een client die FIPS ondersteunt.'
        'Fix.disable-fips-algorithm-policy.Restore' = 'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet Enabled=1 onder Control\Lsa\FIPSAlgorithmPolicy en start daarna opnieuw op.'
        'Fix.disable-nla.Title' = 'Verificatie op netwerkniveau voor RDP uitschakelen (tijdelijk)'
        'Fix.disable-nla.Warning' = (ConvertFrom-RdpUtf8Base64 'Wm9uZGVyIHZlcmlmaWNhdGllIG9wIG5ldHdlcmtuaXZlYXUga3Jpamd0IGllZGVyZWVuIGRpZSBkZSBSRFAtcG9vcnQgYmVyZWlrdCBlZW4gYWFubWVsZHNjaGVybSB2b29yZGF0IGhpaiBoZWVmdCBiZXdlemVuIHdpZSBoaWogaXM6IG1lZXIgYmxvb3RzdGVsbGluZyBhYW4gaGV0IHJhZGVuIHZhbiB3YWNodHdvb3JkZW4gZW4gYWFuIGZvdXRlbiB2w7PDs3IgZGUgdmVyaWZpY2F0aWUuIEhvdWQgZGUgcG9vcnQgZGljaHQgdm9vciBpbnRlcm5ldCAoTlNHLCBKSVQpIHpvbGFuZyBOTEEgdWl0IHN0YWF0Lg==')
        'Fix.disable-nla.Restore' = 'Zodra het beveiligde kanaal hersteld is, voert u Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde (of het CMD-blok voor ongedaan maken), of zet u UserAuthentication=1 op RDP-Tcp, en start u daarna de VM opnieuw op.'
        'Fix.enable-legacy-tls-server.Title' = 'TLS 1.0 en 1.1 inschakelen voor oudere RDP-clients'
        'Fix.enable-legacy-tls-server.Warning' = 'TLS 1.0 en 1.1 zijn verouderd en verzwakken elke TLS-service op deze machine, niet alleen RDP.'
        'Fix.enable-legacy-tls-server.Restore' = 'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet Enabled=0 voor beide protocollen en start daarna opnieuw op.'
        'Fix.enable-rdp-firewall-rules.Title' = 'De ingebouwde firewallregels voor Extern bureaublad inschakelen'
        'Fix.enable-rdp-listener.Title' = 'De listener RDP-Tcp weer inschakelen'
        'Fix.enable-terminal-server.Title' = 'De terminalserver weer inschakelen en uit de leegloopmodus halen'
        'Fix.enable-tls12-server.Title' = 'TLS 1.2 inschakelen voor de serverkant van Schannel'
        'Fix.open-rdp-port-in-firewall.Title' = 'De ingestelde RDP-poort openen in de firewall'
        'Fix.remove-rdp-cert-binding.Title' = 'De geconfigureerde vingerafdruk van het RDP-certificaat verwijderen'
        'Fix.remove-safe-boot.Title' = 'safeboot verwijderen uit de standaardopstartvermelding'
        'Fix.renew-rdp-self-signed-cert.Title' = 'Het zelfondertekende RDP-certificaat vernieuwen'
        'Fix.reset-dhcp-logon-account.Title' = 'De DHCP-client terugzetten op het standaardaccount en hem starten'
        'Fix.reset-machinekeys-acl.Title' = 'Machtigingen voor de map MachineKeys herstellen'
        'Fix.reset-termservice-logon-account.Title' = 'Extern bureaublad-services terugzetten op het standaardaccount en starten'
        'Fix.restore-rdp-connection-limit.Title' = 'De verbindingslimiet van de listener verwijderen'
        'Fix.resume-group-policy.Title' = 'Groepsbeleid hervatten nadat de reparatie is bevestigd'
        'Fix.set-credssp-mitigated.Title' = 'Clients zonder de CredSSP-update accepteren (Beperkt)'
        'Fix.set-credssp-mitigated.Warning' = 'De VM accepteert dan clients zonder de CredSSP-update voor CVE-2018-0886, wat die clients blootstelt. Alleen tijdelijk: werk de clients bij en herstel daarna Bijgewerkte clients afdwingen.'
        'Fix.set-credssp-mitigated.Restore' = 'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet AllowEncryptionOracle=0 onder Policies\System\CredSSP\Parameters en start daarna opnieuw op.'
        'Fix.set-rdp-cert-binding.Title' = 'RDP naar een geldig certificaat laten verwijzen'
        'Fix.set-rdp-encryption-high.Title' = 'RDP-versleuteling verlagen van FIPS-compatibel naar Hoog'
        'Fix.set-rdp-encryption-high.Warning' = 'RDP eist niet langer FIPS-compatibele versleuteling. Als een nalevingsbasislijn FIPS vereist, wordt die geschonden; Hoog (128-bits) is het laagste niveau dat RdpRescue instelt.'
        'Fix.set-rdp-encryption-high.Restore' = 'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet MinEncryptionLevel=4 onder WinStations\RDP-Tcp en start daarna opnieuw op.'
        'Fix.set-rdp-port.Title' = 'RDP naar een andere poort verplaatsen'
        'Fix.set-rdp-security-layer-tls.Title' = (ConvertFrom-RdpUtf8Base64 'RGUgc2VydmVyIHdlZXIgbWV0IFRMUyB2ZXJpZmnDq3JlbiAoU2VjdXJpdHlMYXllcj0yKQ==')
        'Fix.start-network-services.Title' = 'De netwerkservices terugzetten op automatisch starten en ze starten'
        'Fix.start-termservice.Title' = 'Extern bureaublad-services terugzetten op handmatig starten en starten'
        'Fix.stop-port-owner.Title' = 'De service stoppen die de RDP-poort bezet'
        'Fix.suspend-group-policy.Title' = 'Groepsbeleid onderbreken zodat het de reparatie niet ongedaan maakt'
        'Fix.suspend-group-policy.Warning' = 'Zolang gpsvc is uitgeschakeld, ontvangt de machine geen groepsbeleid, ook geen beveiligingsbeleid.'
        'Fix.suspend-group-policy.Restore' = 'Voer Resume-RdpGroupPolicy uit, start opnieuw op en voer daarna gpupdate /force uit. Als TLS weer wordt uitgeschakeld, pas dan het domeinbeleid zelf aan.'
    }
    'zh-TW' = @{
        NotElevated = (ConvertFrom-RdpUtf8Base64 '5q2k5ZG95Luk5pyD6K6K5pu06Zu76IWm77ya6KuL5Zyo5o+Q6auY5qyK6ZmQ55qE5bel5L2c6ZqO5q6177yI5Lul57O757Wx566h55CG5ZOh6Lqr5YiG77yJ5Lit5Z+36KGM44CC')
        FixNotInScenario = (ConvertFrom-RdpUtf8Base64 '5L+u5q2jICd7MH0nIOS4jeWxrOaWvOaDheWigyAnezF9J+OAguWFtuS/ruato+eCuu+8mnsyfQ==')
        MissingParameter = (ConvertFrom-RdpUtf8Base64 '5L+u5q2jICd7MH0nIOmcgOimgSAtezF944CC')
        FixAlreadyClear = (ConvertFrom-RdpUtf8Base64 '5bey55Wl6YGOICd7MH0n77ya5YW25L+u5b6p55qE5qqi5p+l5bey54Sh5ZWP6aGM77yIezF977yJ44CC')
        PolicyWins = (ConvertFrom-RdpUtf8Base64 '5bey55Wl6YGOICd7MH0n77ya576k57WE5Y6f5YmH6Kit5a6a5LqGIHsxfe+8jOWFtuWEquWFiOaWvOatpOS/ruato+imgeWvq+WFpeeahOacrOapn+WAvOOAguacquWBmuS7u+S9leiuiuabtO+8m+iri+aUueeCuuiuiuabtOipsuWOn+WJh++8iGdwcmVzdWx0IC9oIOacg+WIl+WHuuWwjeaHieeahCBHUE/vvInjgII=')
        NoFixes = (ConvertFrom-RdpUtf8Base64 '5oOF5aKDICd7MH0nIOaykuacieiHquWLleS/ruato++8m+iri+WPg+mWsSBhYm91dF9SZHBSZXNjdWUg5Lit55qE5omL5YuV5q2l6amf44CC')
        BackupWritten = (ConvertFrom-RdpUtf8Base64 '5bey5bCH5YKZ5Lu95a+r5YWlIHswfeOAguW+qeWOn+aWueW8j++8mlVuZG8tUmRwUmVwYWlyIC1CYWNrdXBQYXRoICJ7MH0i')
        FixFailed = (ConvertFrom-RdpUtf8Base64 '5L+u5q2jICd7MH0nIOWkseaVl++8mnsxfeOAguS5i+W+jOeahOmgheebrumDveacquWll+eUqOOAguWCmeS7ve+8mnsyfQ==')
        BackupFailed = (ConvertFrom-RdpUtf8Base64 '5aWX55So5L+u5q2jIHswfSDkuYvliY3nmoTlgpnku73lpLHmlZfvvJp7MX3jgILmnKrorormm7Tku7vkvZXpoIXnm67jgII=')
        ServiceNotReached = (ConvertFrom-RdpUtf8Base64 '5pyN5YuZICd7MH0nIOWcqCB7M30g56eS5b6M54K6IHsxfe+8jOiAjOmdniB7Mn3vvJtSZHBSZXNjdWUg5bey5YGc5q2i562J5YCZ')
        NotVerified = (ConvertFrom-RdpUtf8Base64 '5bey5Z+36KGM5L+u5q2jICd7MH0n77yM5L2G5LiL5YiX5qqi5p+l5LuN54S26Ke455m877yaezF944CC')
        NotReadBack = (ConvertFrom-RdpUtf8Base64 '5bey5Z+36KGM5L+u5q2jICd7MH0n77yM5L2G5LiL5YiX5YC86K6A5Zue55qE57WQ5p6c6IiH5a+r5YWl55qE5LiN5ZCM77yaezF944CC')
        UndoThroughRunCommand = (ConvertFrom-RdpUtf8Base64 '6YCP6YGOIEF6dXJlIOWft+ihjOWRveS7pO+8mnswfQ==')
        NoBackup = (ConvertFrom-RdpUtf8Base64 'ezB9IOS4reaykuaciSBSZHBSZXNjdWUg5YKZ5Lu977ya5rKS5pyJ5Y+v5b6p5Y6f55qE6aCF55uu44CC')
        PartiallyApplied = (ConvertFrom-RdpUtf8Base64 '5L+u5q2jICd7MH0nIOWDhemDqOWIhuWll+eUqO+8muaciSB7MX0g5YCL6aCF55uu5pyq6K6K5pu077yaezJ9')
        GrantNotReadBack = (ConvertFrom-RdpUtf8Base64 '5Z+36KGMIGljYWNscyDlvozvvIzmrIrpmZDkuK3ku43mspLmnIkgezB9')
        KeyFileNotFound = (ConvertFrom-RdpUtf8Base64 '5YW256eB5a+G6YeR6ZGw5qqU5qGI5LiN5Zyo5Lu75L2V5LiA5YCL6Zu76IWm6YeR6ZGw6LOH5paZ5aS+5Lit')
        BackupEntryUnreadable = (ConvertFrom-RdpUtf8Base64 '54Sh5rOV6K6A5Y+WIHswfSDnmoTmrIrpmZDku6XpgLLooYzlgpnku73vvIh7MX3vvInvvJtVbmRvLVJkcFJlcGFpciDnhKHms5XpgoTljp/pgJnkupvmrIrpmZDjgII=')
        RebootRequired = (ConvertFrom-RdpUtf8Base64 '6KuL6YeN5paw5ZWf5YuV6Zu76IWm5Lul5a6M5oiQ5L+u5b6p44CC')
        WeakensSecurity = (ConvertFrom-RdpUtf8Base64 '5a6J5YWo5oCn77yaezB9IOmChOWOn+aWueW8j++8mnsxfQ==')
        PortOwnerNotService = (ConvertFrom-RdpUtf8Base64 '6JmV55CG56iL5bqPIHswfSDkvZTnlKjpgKPmjqXln6AgezF977yM6ICM5LiU5LiN5piv5pyN5YuZ44CCUmRwUmVzY3VlIOe1leS4jee1guatouiZleeQhueoi+W6j++8muiri+iHquihjOWBnOatouipsueoi+W8j++8jOaIluS9v+eUqCBTZXQtUmRwUG9ydCDnp7vli5UgUkRQ44CC')
        ServiceNotInstalled = (ConvertFrom-RdpUtf8Base64 '5pyN5YuZICd7MH0nIOacquWuieijne+8muaykuacieWPr+mChOWOn+eahOioreWumuOAgg==')
        ServiceAccountNeedsPassword = (ConvertFrom-RdpUtf8Base64 '5pyN5YuZICd7MH0nIOW+nuS4i+asoemWi+apn+i1t+acg+WGjeasoeS7pSAnezF9JyDnmbvlhaXvvIhPYmplY3ROYW1l77yJ44CCUmRwUmVzY3VlIOW+nuacquWPluW+l+ipsuW4s+aItueahOWvhueivO+8muiLpeacjeWLmeeEoeazleWVn+WLle+8jOiri+S9v+eUqCBzYyBjb25maWcgezB9IG9iaj0gPOW4s+aItj4gcGFzc3dvcmQ9IDzlr4bnorw+IOmHjeaWsOaPkOS+m+WvhueivOOAgg==')
        PortOwnerShared = (ConvertFrom-RdpUtf8Base64 '5L2U55So6YCj5o6l5Z+gIHsxfSDnmoTomZXnkIbnqIvluo8gezB9IOijnei8ieWkmuWAi+acjeWLme+8iHsyfe+8ie+8m+WBnOatouWFtuS4reS4gOWAi+eEoeazleWuieWFqOWcsOmHi+aUvumAo+aOpeWfoOOAgg==')
        PortOwnerStopped = (ConvertFrom-RdpUtf8Base64 '5bey5YGc5q2i5L2U55So6YCj5o6l5Z+gIHsxfSDnmoTmnI3li5kgJ3swfSfjgILkuIvmrKHplovmqZ/mmYLlroPlj6/og73lho3mrKHkvZTnlKjoqbLpgKPmjqXln6DvvJroq4vorormm7TlhbboqK3lrprmiJbllZ/li5XpoZ7lnovjgII=')
        ThumbprintNotUsable = (ConvertFrom-RdpUtf8Base64 'Q2VydDpcTG9jYWxNYWNoaW5lXE15IOS4reaykuacieaMh+e0i+eCuiB7MH0g5LiU5pyq6YGO5pyf55qE5oaR6K2J44CC')
        CertificateNotForServer = (ConvertFrom-RdpUtf8Base64 '5oaR6K2JIHswfSDkuI3mmK/nlKjmlrzkvLrmnI3lmajpqZforYnvvIjlop7lvLfph5HpkbDkvb/nlKjmlrnms5XvvJp7MX3vvInjgIJSRFAg6ZyA6KaBIHsyfSDlhbbkuK3kuYvkuIDvvIzmiJbkuI3lkKvlop7lvLfph5HpkbDkvb/nlKjmlrnms5Xlu7bkvLjjgII=')
        CertificateKeyUnusable = (ConvertFrom-RdpUtf8Base64 '5oaR6K2JIHswfSDmspLmnInnp4Hlr4bph5HpkbDvvIzmiJblhbbnp4Hlr4bph5HpkbDnhKHms5XplovllZ/vvIjpgbrlpLHjgIHmkI3mr4DmiJbnhKHms5XoroDlj5bvvInvvJtSRFAg54Sh5rOV5L2/55So5a6D44CC')
        PortInUse = (ConvertFrom-RdpUtf8Base64 '6YCj5o6l5Z+gIHswfSDlt7LooqvomZXnkIbnqIvluo8gezF9IOS9v+eUqO+8m+iri+mBuOaTh+WFtuS7lumAo+aOpeWfoOOAgg==')
        FirewallRuleMissing = (ConvertFrom-RdpUtf8Base64 '6Ziy54Gr54mG6KaP5YmHICd7MH0nIOS4jeWtmOWcqO+8m+acquiuiuabtOOAgg==')
        BackupNotFound = (ConvertFrom-RdpUtf8Base64 'ezB9IOS4reaykuaciSBSZHBSZXNjdWUg5YKZ5Lu96LOH6KiK5riF5Zau77yIYmFja3VwLmpzb27vvInjgII=')
        Restored = (ConvertFrom-RdpUtf8Base64 '5bey5b6eIHsxfSDpgoTljp8gezB9IOWAi+mgheebruOAgg==')
        ShouldProcessFix = (ConvertFrom-RdpUtf8Base64 '5aWX55So5L+u5q2j77yaezB9')
        ShouldProcessUndo = (ConvertFrom-RdpUtf8Base64 '6YKE5Y6f5q2k5YKZ5Lu95Lit5YSy5a2Y55qE54uA5oWL')
        NotFileSystemPath = (ConvertFrom-RdpUtf8Base64 'ezB9IOS4jeaYr+aqlOahiOezu+e1sei3r+W+keOAgg==')
        BackupOwnerUntrusted = (ConvertFrom-RdpUtf8Base64 'ezB9IOeahOaTgeacieiAheaYryB7MX3vvIzogIzkuI3mmK8gU1lTVEVNIOaIliBBZG1pbmlzdHJhdG9yc++8mlJkcFJlc2N1ZSDkuI3kv6Hku7vlroPjgILoq4vlsIflhbbnp7vpmaTvvIzmiJblsIfmk4HmnInogIXmlLnngrogQWRtaW5pc3RyYXRvcnPvvIzkuKblj6rmjojoiIcgU1lTVEVNIOWSjCBBZG1pbmlzdHJhdG9ycyDmrIrpmZDjgII=')
        BackupWritableByOthers = (ConvertFrom-RdpUtf8Base64 'ezB9IOWPr+eUsSB7MX0g6K6K5pu077yM6ICM5LiN5Y+q6ZmQ5pa8IFNZU1RFTSDlkowgQWRtaW5pc3RyYXRvcnPvvJpSZHBSZXNjdWUg5LiN5L+h5Lu75a6D44CC6KuL56e76Zmk6YCZ5Lqb5qyK6ZmQ5oiW6Kmy6LOH5paZ5aS+44CC')
        BackupManifestInvalid = (ConvertFrom-RdpUtf8Base64 'ezB9IOS4jeaYryBSZHBSZXNjdWUg5YKZ5Lu96LOH6KiK5riF5Zau77yI57WQ5qeL5o+P6L+wICd7MX0n77yJ44CC')
        BackupEntryRefused = (ConvertFrom-RdpUtf8Base64 '5bey5ouS57WV77ya6YCZ5LiN5pivIFJkcFJlc2N1ZSDkv67mraMgJ3swfScg5pyD5YKZ5Lu955qE6aCF55uu')
        ServiceRestartRefused = (ConvertFrom-RdpUtf8Base64 '5bey5ouS57WV77ya5q2k5YKZ5Lu95Lit5rKS5pyJ5Lu75L2V5L+u5q2j5pyD6YeN5paw5ZWf5YuV5q2k5pyN5YuZ')
        UndoItemFailed = (ConvertFrom-RdpUtf8Base64 '5pyq6YKE5Y6f77yaezB9IHsxfe+8mnsyfQ==')
        UndoIncomplete = (ConvertFrom-RdpUtf8Base64 '5b6eIHswfSDlvqnljp/kuKbmnKrlrozmiJDvvJrlt7LpgoTljp8gezF9IOWAi+mgheebru+8jHsyfSDlgIvmnKrpgoTljp/vvJp7M30=')
        RegistryKindUnsupported = (ConvertFrom-RdpUtf8Base64 '54Sh5rOV5YKZ5Lu9IHswfe+8mumhnuWei+eCuiB7MX0g55qE5YC854Sh5rOV5a6M5YWo6YKE5Y6f77yM5Zug5q2k5pyq6K6K5pu05Lu75L2V6aCF55uu44CC')
        EventsCapped = (ConvertFrom-RdpUtf8Base64 'ezF9IOS4reWFt+acieatpOaqouafpeS6i+S7tuitmOWIpeeivOeahOS6i+S7tui2hemBjiB7MH0g5YCL77yb6LyD6IiK55qE5LqL5Lu25pyq6K6A5Y+W77yM5Zug5q2k54Sh5rOV6amX6K2J5q2k5qqi5p+l')
        AuditOff = (ConvertFrom-RdpUtf8Base64 '56i95qC45a2Q6aGe5YilIHswfSDnmoTnqL3moLjvvIh7MX3vvInlt7Lpl5zplonvvIzlm6DmraQgV2luZG93cyDkuI3mnIPlr6vlhaXpgJnkupvkuovku7bvvIzmib7kuI3liLDkuovku7bkuZ/kuI3ku6PooajmspLmnInllY/poYzjgILoq4vplovllZ/vvJphdWRpdHBvbCAvc2V0IC9zdWJjYXRlZ29yeTp7MH0gL3sxfTplbmFibGU=')
        AuditUnreadable = (ConvertFrom-RdpUtf8Base64 '54Sh5rOV6K6A5Y+W5a2Q6aGe5YilIHswfSDnmoTnqL3moLjljp/liYfvvIh7MX3vvInvvIzlm6DmraTmib7kuI3liLDpgJnkupvkuovku7bkuZ/kuI3ku6PooajmspLmnInllY/poYw=')
        EventChecksNotVerified = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu25qqi5p+l77yIezB977yJ5o+P6L+w55qE5piv6YGO5Y6755qE54uA5rOB77yM5LiN5pyD55So5L6G6amX6K2J5L+u5q2j44CC')
        InvalidSince = (ConvertFrom-RdpUtf8Base64 'LVNpbmNlIOW/hemgiOaYr+ato+eahCBUaW1lU3BhbiDmiJbmmYLmlbjvvIzogIzkuI3mmK8gInswfSLjgII=')
        BootStoreUnreadable = (ConvertFrom-RdpUtf8Base64 '6ZaL5qmf5a2Y5pS+5Y2A5ZyoIHswfSDkuK3mnKrmjIflh7rpoJDoqK3poIXnm67vvJvnhKHms5XoroDlj5bplovmqZ/poIXnm67jgII=')
        BootElementUnsaved = (ConvertFrom-RdpUtf8Base64 '6ZaL5qmf5YWD57SgIHswfSDnmoTlgLzngrogezF977yMYmNkZWRpdCAvc2V0IOeEoeazleWvq+Wbnu+8m+acquWBmuS7u+S9leiuiuabtOOAgg==')
        'Scenario.account-locked-or-expired.Title' = (ConvertFrom-RdpUtf8Base64 '5biz5oi25bey6Y6W5a6a44CB5YGc55So5oiW6YGO5pyf')
        'Finding.ev-logon-account' = (ConvertFrom-RdpUtf8Base64 '5a6J5YWo5oCnIDQ2MjXvvJrpgaDnq6/moYzpnaLnmbvlhaXvvIjnmbvlhaXpoZ7lnosgMTDvvIzmiJbntrLot6/lsaTntJrpqZforYnnmoQgM++8iemBreaLku+8jOWOn+WboOaYr+W4s+aItuW3sumOluWumu+8iDB4QzAwMDAyMzTvvInjgIHlr4bnorzlt7LpgY7mnJ/vvIgweEMwMDAwMDcx77yJ5oiW5b+F6aCI6K6K5pu077yIMHhDMDAwMDIyNO+8ie+8jOaIluW4s+aItuW3sumBjuacn++8iDB4QzAwMDAxOTPvvInjgILorYnmk5rkuK3mnIPliJflh7rpgJnkupvluLPmiLbvvJvkvb/nlKjlt7LpjpblrprluLPmiLbnmoTmnI3li5nmiJbmjpLnqIvlt6XkvZzkuI3liJflhaXoqIjnrpfjgII=')
        'Finding.ev-logon-disabled' = (ConvertFrom-RdpUtf8Base64 '5a6J5YWo5oCnIDQ2MjXvvJrnmbvlhaXlt7LlgZznlKjnmoTluLPmiLbvvIgweEMwMDAwMDcy77yJ44CC6Yed5bCN5YWn5bu6IEd1ZXN0IOaIluW3suWBnOeUqCBBZG1pbmlzdHJhdG9yIOeahOWvhueivOeMnOa4rO+8jOacg+WcqOavj+mDqOWwjee2sumam+e2sui3r+mWi+aUvueahCBWTSDkuIrnlKLnlJ/mraTpoZ7kuovku7bvvJvlj6rmnInnlbbliJflh7rnmoTluLPmiLbmraPmmK/mh4noqbLnmbvlhaXnmoTluLPmiLbmmYLvvIzpgJnmiY3mmK/ljp/lm6DjgII=')
        'Finding.ev-logon-bad-password' = (ConvertFrom-RdpUtf8Base64 '5a6J5YWo5oCnIDQ2MjXvvJrku6XpjK/oqqTlr4bnorzvvIgweEMwMDAwMDZB77yJ5oiW5LiN5piO5L2/55So6ICF5ZCN56ix77yIMHhDMDAwMDA2NO+8ieeZu+WFpeOAguS+huiHque2sumam+e2sui3r+eahOWkp+mHj+atpOmhnuS6i+S7tuaYr+WvhueivOeMnOa4rO+8jOWPr+iDveWwjuiHtOW4s+aItuiiq+mOluWumuOAgg==')
        'Scenario.broker-hostname.Title' = (ConvertFrom-RdpUtf8Base64 '6YCj57ea5Luj55CG5Lq655qE5Li75qmf5ZCN56ix5bey6K6K5pu0')
        'Finding.broker-role-installed' = (ConvertFrom-RdpUtf8Base64 '5bey5a6J6KOd6YGg56uv5qGM6Z2i6YCj57ea5Luj55CG5Lq66KeS6Imy44CC')
        'Finding.ev-broker-db-logon' = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu2IDIwNTbvvJrku6PnkIbkurrnhKHms5XnmbvlhaXlhbbos4fmlpnluqvjgII=')
        'Finding.ev-broker-rpc' = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu2IDEyOTbvvJrpgKPnt5rku6PnkIbkurrlsJrmnKrlsLHnt5LvvIznhKHms5XpgLLooYwgUlBDIOmAmuioiuOAgg==')
        'Scenario.credssp-oracle.Title' = (ConvertFrom-RdpUtf8Base64 'Q3JlZFNTUCDliqDlr4YgT3JhY2xlIOijnOaVkeaOquaWveaLkue1leeUqOaItuerrw==')
        'Finding.credssp-update-missing' = (ConvertFrom-RdpUtf8Base64 'Vk0g57y65bCRIENWRS0yMDE4LTA4ODYg55qEIENyZWRTU1Ag5pu05paw77yIMjAxOCDlubQgNSDmnIjvvInvvJp0c3BrZy5kbGwg5q+UIE1pY3Jvc29mdCDph53lsI3mraQgV2luZG93cyDntYTlu7rmiYDliJfnmoTniYjmnKzpgoToiIrjgILlt7Lmm7TmlrDnmoTnlKjmiLbnq6/vvIjpoJDoqK3ngrrjgIzlt7Lnt6nlkozjgI3vvInmnIPmi5LntZXpgKPnt5rliLDlroPvvIzogIwgVk0g5LiK5Lu75L2VIEFsbG93RW5jcnlwdGlvbk9yYWNsZSDlgLzpg73nhKHms5XmlLnororpgJnkuIDpu57jgILoq4vlnKggVk0g5LiK5a6J6KOd5pyA5paw55qE57Sv56mN5pu05paw5Lim6YeN5paw6ZaL5qmf44CC')
        'Finding.credssp-force-updated-clients' = (ConvertFrom-RdpUtf8Base64 '5Yqg5a+GIE9yYWNsZSDoo5zmlZHmjqrmlr3ngrrjgIzlvLfliLbmm7TmlrDnmoTnlKjmiLbnq6/jgI3vvIhBbGxvd0VuY3J5cHRpb25PcmFjbGU9MO+8ie+8jOmAmeaYr+W7uuitsOeahOW8t+WMluioreWumu+8mlZNIOS5n+acg+aLkue1leaykuaciSBDcmVkU1NQIOabtOaWsOeahOeUqOaItuerr+OAguWPquacieWcqOeUqOaItuerr+e8uuWwkeabtOaWsOaZgu+8jOmAmeaJjeiDveino+mHi+mAo+e3muiiq+aLku+8muiri+abtOaWsOeUqOaItuerr++8jOiAjOS4jeaYr+mZjeS9juatpOioreWumuOAgue+pOe1hOWOn+WJh++8iOezu+e1sVzoqo3orYnlp5TmtL5c5Yqg5a+GIE9yYWNsZSDoo5zmlZHmjqrmlr3vvInmnIPlr6vlhaXmraTlgLzkuKbpgoTljp/mnKzmqZ/orormm7TjgII=')
        'Scenario.guest-firewall-blocks-rdp.Title' = (ConvertFrom-RdpUtf8Base64 'Vk0g5YWn55qEIFdpbmRvd3Mg6Ziy54Gr54mG5bCB6Y6W5LqG6YGg56uv5qGM6Z2i')
        'Finding.rdp-firewall-rule-off' = (ConvertFrom-RdpUtf8Base64 '5YWn5bu655qE6YGg56uv5qGM6Z2i6Ziy54Gr54mG6KaP5YmHIFJlbW90ZURlc2t0b3AtVXNlck1vZGUtSW4tVENQIOW3suWBnOeUqOaIluS4jeWtmOWcqO+8jOS4lOaykuacieWFtuS7luS9nOeUqOS4reeahOWFgeioseimj+WJh+WIl+WHuiBSRFAg6YCj5o6l5Z+g44CC')
        'Finding.firewall-blocks-all-inbound' = (ConvertFrom-RdpUtf8Base64 '5p+Q5YCL6Ziy54Gr54mG6Kit5a6a5qqU5bCB6Y6W5omA5pyJ6Ly45YWl6YCj57ea77yM5YyF5ous5YWB6Kix6KaP5YmH77yIRG9Ob3RBbGxvd0V4Y2VwdGlvbnM9Me+8ieOAgg==')
        'Finding.rdp-port-block-rule' = (ConvertFrom-RdpUtf8Base64 '5pyJ5L2c55So5Lit55qE6Ly45YWl6Ziy54Gr54mG6KaP5YmH5bCB6Y6WIFJEUCDpgKPmjqXln6DvvJvlsIHpjpbopo/liYflhKrlhYjmlrzmiYDmnInlhYHoqLHopo/liYfjgII=')
        'Finding.firewall-block-all-by-policy' = (ConvertFrom-RdpUtf8Base64 '576k57WE5Y6f5YmH5bCB6Y6W5omA5pyJ6Ly45YWl6YCj57ea77yIUG9saWNpZXNcTWljcm9zb2Z0XFdpbmRvd3NGaXJld2FsbFw86Kit5a6a5qqUPiBEb05vdEFsbG93RXhjZXB0aW9ucz0x77yJ77ya5Y6f5YmH5YSq5YWI77yM5pys5qmf5L+u5q2j5pyD5Zyo5LiL5qyh6YeN5paw5pW055CG5pmC6KKr6YKE5Y6f44CC6KuL6K6K5pu05Y6f5YmH44CC')
        'Finding.firewall-service-stopped' = (ConvertFrom-RdpUtf8Base64 'V2luZG93cyBEZWZlbmRlciDpmLLngavniYbmnI3li5nvvIhNcHNTdmPvvInmnKrlnKjln7fooYzvvJrlhbbopo/liYfmnKrkvp3oqK3lrprlpZfnlKjjgII=')
        'Finding.bfe-service-stopped' = (ConvertFrom-RdpUtf8Base64 '6Ziy54Gr54mG5omA6ZyA55qE5Z+656SO56+p6YG45byV5pOO77yIQkZF77yJ5pyq5Zyo5Z+36KGM44CC')
        'Scenario.machinekeys-access.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIOeEoeazleS9v+eUqCBNYWNoaW5lS2V5cyDkuK3nmoTnp4Hlr4bph5HpkbA=')
        'Finding.ev-rcm-cert' = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu2IDEwNTcvMTA1OO+8mumBoOerr+ahjOmdouW3peS9nOmajuauteS4u+apn+eEoeazleW7uueri+aIluWPluS7o+WFtuiHquaIkeewvee9suaGkeitieOAgg==')
        'Finding.ev-schannel-key' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzDvvJrlrZjlj5YgVExTIOS8uuacjeWZqOiqjeitieeahOengeWvhumHkemRsOaZgueZvOeUn+WatOmHjemMr+iqpOOAgg==')
        'Finding.ev-schannel-36872' = (ConvertFrom-RdpUtf8Base64 '5bey6KiY6YyEIFNjaGFubmVsIDM2ODcy77yb5YW25oSP576p5ZugIFdpbmRvd3Mg54mI5pys6ICM55Ww77yM5Zug5q2k5YOF5L2c54K65L2Q6K2J44CC')
        'Finding.machinekeys-acl' = (ConvertFrom-RdpUtf8Base64 'TWFjaGluZUtleXMg5oiWIFJEUCDph5HpkbDmqpTmoYjnvLrlsJEgV2luZG93cyDmiYDpnIDnmoTpoIXnm67vvIjos4fmlpnlpL7kuIrnmoQgQWRtaW5pc3RyYXRvcnPvvJtSRFAg6YeR6ZGw5LiK55qEIFNZU1RFTSDoiIcgTkVUV09SSyBTRVJWSUNF77yJ44CC')
        'Scenario.max-connections-reached.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIOaOpeiBveeoi+W8j+S4jeWGjeaOpeWPl+mAo+e3mg==')
        'Finding.rdp-connection-limit-zero' = (ConvertFrom-RdpUtf8Base64 'UkRQIOaOpeiBveeoi+W8j+S4jeWFgeioseS7u+S9leS4puihjOmAo+e3mu+8mk1heEluc3RhbmNlQ291bnQ9MOOAgg==')
        'Finding.rdp-connection-limit-one' = (ConvertFrom-RdpUtf8Base64 'UkRQIOaOpeiBveeoi+W8j+WPquWFgeioseS4gOWAi+mAo+e3mu+8iE1heEluc3RhbmNlQ291bnQ9Me+8jOWNs+WOn+WJh+OAjOmZkOWItumAo+e3muaVuOebruOAjeaOpeWPl+eahOacgOWwj+WAvO+8ie+8muS4gOWAi+S9v+eUqOS4reaIluS/neaMgeS4reaWt+mAo+e3mueahOW3peS9nOmajuauteWwseacg+S9lOa7v+OAgg==')
        'Finding.rdp-connection-limit-by-policy' = (ConvertFrom-RdpUtf8Base64 '576k57WE5Y6f5YmH5LiN5YWB6Kix5Lu75L2V6YCj57ea77yIUG9saWNpZXNcLi4uXFRlcm1pbmFsIFNlcnZpY2VzIE1heEluc3RhbmNlQ291bnQ9MO+8ie+8muWOn+WJh+WEquWFiOaWvOaOpeiBveeoi+W8j+eahOWAvO+8jOacrOapn+iuiuabtOacg+WcqOS4i+asoemHjeaWsOaVtOeQhuaZguiiq+mChOWOn+OAguiri+iuiuabtOWOn+WJh+OAgg==')
        'Scenario.network-service-down.Title' = (ConvertFrom-RdpUtf8Base64 'Vk0g6ZyA6KaB55qE57ay6Lev5pyN5YuZ77yIREhDUCDnlKjmiLbnq6/jgIFOU0njgIFCRkXjgIFXaW5kb3dzIOmYsueBq+eJhu+8ieWBnOatoumBi+S9nA==')
        'Finding.netsvc-dhcp-start' = (ConvertFrom-RdpUtf8Base64 'REhDUCDnlKjmiLbnq6/vvIhEaGNw77yJIOS4jeacg+iHquWLleWVn+WLle+8iFN0YXJ0IOWAvOS4jeaYr+aWh+S7tuiomOi8ieeahOmgkOioreWAvCAy77yJLg==')
        'Finding.netsvc-dhcp-down' = (ConvertFrom-RdpUtf8Base64 'REhDUCDnlKjmiLbnq6/vvIhEaGNw77yJIOacquWcqOWft+ihjC4=')
        'Finding.netsvc-nsi-start' = (ConvertFrom-RdpUtf8Base64 'TmV0d29yayBTdG9yZSBJbnRlcmZhY2Ug5pyN5YuZ77yIbnNp77yJIOS4jeacg+iHquWLleWVn+WLle+8iFN0YXJ0IOWAvOS4jeaYr+aWh+S7tuiomOi8ieeahOmgkOioreWAvCAy77yJLg==')
        'Finding.netsvc-nsi-down' = (ConvertFrom-RdpUtf8Base64 'TmV0d29yayBTdG9yZSBJbnRlcmZhY2Ug5pyN5YuZ77yIbnNp77yJIOacquWcqOWft+ihjC4=')
        'Finding.netsvc-bfe-start' = (ConvertFrom-RdpUtf8Base64 'QmFzZSBGaWx0ZXJpbmcgRW5naW5l77yIQkZF77yJIOS4jeacg+iHquWLleWVn+WLle+8iFN0YXJ0IOWAvOS4jeaYr+aWh+S7tuiomOi8ieeahOmgkOioreWAvCAy77yJLg==')
        'Finding.netsvc-bfe-down' = (ConvertFrom-RdpUtf8Base64 'QmFzZSBGaWx0ZXJpbmcgRW5naW5l77yIQkZF77yJIOacquWcqOWft+ihjC4=')
        'Finding.netsvc-mpssvc-start' = (ConvertFrom-RdpUtf8Base64 'V2luZG93cyBEZWZlbmRlciDpmLLngavniYbvvIhNcHNTdmPvvIkg5LiN5pyD6Ieq5YuV5ZWf5YuV77yIU3RhcnQg5YC85LiN5piv5paH5Lu26KiY6LyJ55qE6aCQ6Kit5YC8IDLvvIku')
        'Finding.netsvc-mpssvc-down' = (ConvertFrom-RdpUtf8Base64 'V2luZG93cyBEZWZlbmRlciDpmLLngavniYbvvIhNcHNTdmPvvIkg5pyq5Zyo5Z+36KGMLg==')
        'Finding.netsvc-dhcp-account' = (ConvertFrom-RdpUtf8Base64 'REhDUCDnlKjmiLbnq6/vvIhEaGNw77yJ55qE55m75YWl5biz5oi25LiN5piv6aCQ6Kit55qEIE5UIEF1dGhvcml0eVxMb2NhbFNlcnZpY2XvvJrlroPmnIPlm6DpjK/oqqQgMTA2OSDogIznhKHms5XllZ/li5XjgII=')
        'Scenario.nla-dc-unreachable.Title' = (ConvertFrom-RdpUtf8Base64 '57ay6Lev5bGk57Sa6amX6K2J54Sh5rOV6YCj57Wh57ay5Z+f5o6n5Yi256uZ')
        'Finding.ev-logon-no-dc' = (ConvertFrom-RdpUtf8Base64 '5a6J5YWo5oCnIDQ2MjXvvJrnmbvlhaXlpLHmlZfvvIzljp/lm6DmmK/mspLmnInntrLln5/mjqfliLbnq5nlm57mh4nvvIgweEMwMDAwMDVF77yJ44CB5L+h5Lu76Zec5L+C5aSx5pWX77yIMHhDMDAwMDE4Q++8jOaIliAweEMwMDAwMThE77ya5q2kIFZNIOiIh+WFtue2suWfn+S5i+mWk+eahOS/oeS7u++8ieaIliBOZXRsb2dvbiDmnKrllZ/li5XvvIgweEMwMDAwMTky77yJ44CC')
        'Finding.nla-required' = (ConvertFrom-RdpUtf8Base64 '6ZyA6KaB57ay6Lev5bGk57Sa6amX6K2J77yI5pyJ5pWI55qEIFVzZXJBdXRoZW50aWNhdGlvbj0x77yJ44CC6Iul55Sx576k57WE5Y6f5YmH6Kit5a6a77yISEtMTVxTT0ZUV0FSRVxQb2xpY2llc1xNaWNyb3NvZnRcV2luZG93cyBOVFxUZXJtaW5hbCBTZXJ2aWNlcyBVc2VyQXV0aGVudGljYXRpb27vvInvvIzliYfljp/liYflhKrlhYjvvJrlnKjmnKzmqZ/pl5zplokgTkxB77yIZGlzYWJsZS1ubGHvvInmspLmnInkvZznlKjvvIzkuJTmnIPlnKjkuIvmrKHph43mlrDmlbTnkIbmmYLooqvpgoTljp/vvJvoq4vku6XmnKzmqZ/luLPmiLbnmbvlhaXmiJborormm7Tljp/liYfjgII=')
        'Scenario.rdp-cert-invalid.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIOaGkeitieW3sumBjuacn+OAgemBuuWkse+8jOaIluS4jeaYr+W3suioreWumueahOaGkeitiQ==')
        'Finding.rdp-cert-store' = (ConvertFrom-RdpUtf8Base64 'UmVtb3RlIERlc2t0b3Ag5oaR6K2J5a2Y5pS+5Y2A5piv56m655qE77yM5oiW5Y+q5YyF5ZCr5bey6YGO5pyf55qE5oaR6K2J77yM5oiW5Y+q5pyJIFJEUCDnhKHms5Xkvb/nlKjnmoTmhpHorYnvvIjmspLmnInlj6/plovllZ/nmoTnp4Hlr4bph5HpkbDjgIFORVRXT1JLIFNFUlZJQ0Ug54Sh5rOV6K6A5Y+W6YeR6ZGw5qqU5qGI77yM5oiW5aKe5by36YeR6ZGw5L2/55So5pa55rOV5LiN5piv5Ly65pyN5Zmo6amX6K2J77yJ44CC')
        'Finding.rdp-cert-binding' = (ConvertFrom-RdpUtf8Base64 'U1NMQ2VydGlmaWNhdGVTSEExSGFzaCDmjIflrprnmoTmhpHorYnmnKrlronoo53jgIHlt7LpgY7mnJ/vvIzmiJYgUkRQIOeEoeazleS9v+eUqO+8iOaykuacieWPr+mWi+WVn+eahOengeWvhumHkemRsOOAgU5FVFdPUksgU0VSVklDRSDnhKHms5XoroDlj5bph5HpkbDmqpTmoYjvvIzmiJblop7lvLfph5HpkbDkvb/nlKjmlrnms5XkuI3mmK/kvLrmnI3lmajpqZforYnvvInjgII=')
        'Scenario.rdp-disabled.Title' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i6YCj57ea5bey6Zec6ZaJ')
        'Finding.rdp-connections-denied' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i6YCj57ea6YGt5ouS77yaZkRlbnlUU0Nvbm5lY3Rpb25zPTHjgII=')
        'Finding.rdp-denied-by-policy' = (ConvertFrom-RdpUtf8Base64 '576k57WE5Y6f5YmH5ouS57WV6YGg56uv5qGM6Z2i77yIUG9saWNpZXNcLi4uXFRlcm1pbmFsIFNlcnZpY2VzIGZEZW55VFNDb25uZWN0aW9ucz0x77yJ77ya5Y6f5YmH5YSq5YWI77yM5pys5qmf5L+u5q2j5rKS5pyJ5L2c55So77yM5LiU5pyD5Zyo5LiL5qyh6YeN5paw5pW055CG5pmC6KKr6YKE5Y6f44CC6KuL6K6K5pu05Y6f5YmH44CC')
        'Scenario.rdp-listener-disabled.Title' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5o6l6IG956iL5byP5oiW57WC56uv5qmf5Ly65pyN5Zmo5bey6Zec6ZaJ')
        'Finding.terminal-server-off' = (ConvertFrom-RdpUtf8Base64 '57WC56uv5qmf5Ly65pyN5Zmo5bey5YGc55So77yaVFNFbmFibGVkPTDjgII=')
        'Finding.terminal-server-logons-off' = (ConvertFrom-RdpUtf8Base64 '6IiH57WC56uv5qmf5Ly65pyN5Zmo55qE6YCj57ea6YGt5bCB6Y6W77yaVFNVc2VyRW5hYmxlZD0x44CC')
        'Finding.terminal-server-draining' = (ConvertFrom-RdpUtf8Base64 '57WC56uv5qmf5Ly65pyN5Zmo6JmV5pa85riF56m65qih5byP77yM5LiN5o6l5Y+X5paw55qE55m75YWl77yaVFNTZXJ2ZXJEcmFpbk1vZGUg5LiN5pivIDDjgII=')
        'Finding.rdp-listener-off' = (ConvertFrom-RdpUtf8Base64 'UkRQLVRjcCDmjqXogb3nqIvlvI/lt7LlgZznlKjvvJpmRW5hYmxlV2luU3RhdGlvbj0w44CC')
        'Finding.rdp-listener-logons-off' = (ConvertFrom-RdpUtf8Base64 'UkRQLVRjcCDmjqXogb3nqIvlvI/mi5LntZXnmbvlhaXvvJpmTG9nb25EaXNhYmxlZD0x44CC')
        'Scenario.rdp-port-conflict.Title' = (ConvertFrom-RdpUtf8Base64 '5Y+m5LiA5YCL6JmV55CG56iL5bqP5L2U55SoIFJEUCDpgKPmjqXln6DvvIzmiJbmspLmnInnqIvlvI/lnKjlhbbkuIrmjqXogb0=')
        'Finding.rdp-listener' = (ConvertFrom-RdpUtf8Base64 '5bey6Kit5a6a55qEIFJEUCDpgKPmjqXln6DooqsgVGVybVNlcnZpY2Ug5Lul5aSW55qE6JmV55CG56iL5bqP5L2U55So44CC')
        'Finding.termservice-stopped' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInmnKrlnKjln7fooYzjgII=')
        'Scenario.rdp-port-firewall-mismatch.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIOW3suenu+WIsOWFtuS7lumAo+aOpeWfoO+8jOS9humYsueBq+eJhuS7jeWPqumWi+WVnyAzMzg5')
        'Finding.rdp-port-changed' = (ConvertFrom-RdpUtf8Base64 'UkRQIOWcqCAzMzg5IOS7peWklueahOmAo+aOpeWfoOS4iuaOpeiBve+8iFBvcnROdW1iZXLvvInjgII=')
        'Finding.rdp-port-not-allowed' = (ConvertFrom-RdpUtf8Base64 '5rKS5pyJ5L2c55So5Lit55qE6Ly45YWl6Ziy54Gr54mG6KaP5YmH5YWB6Kix5bey6Kit5a6aIFJEUCDpgKPmjqXln6DkuIrnmoQgVENQ77yM5oiW5pyJ5bCB6Y6W6KaP5YmH5YiX5Ye65a6D44CC')
        'Scenario.rds-licensing-expired.Title' = (ConvertFrom-RdpUtf8Base64 '5a+s6ZmQ5pyf57WQ5p2f5b6M5pyq6Kit5a6a5o6I5qyK55qE6YGg56uv5qGM6Z2i5bel5L2c6ZqO5q615Li75qmf')
        'Finding.rdsh-role-installed' = (ConvertFrom-RdpUtf8Base64 '5bey5a6J6KOd6YGg56uv5qGM6Z2i5bel5L2c6ZqO5q615Li75qmf6KeS6Imy5pyN5YuZ77yIVGVybWluYWxTZXJ2ZXJNb2RlPTHvvInvvJrkvb/nlKjogIXlt6XkvZzpmo7mrrXpnIDopoEgUkRTIENBTOOAgg==')
        'Finding.ev-licensing-grace-expired' = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu2IDEwNjnvvJrpgaDnq6/moYzpnaLmjojmrIrlr6zpmZDmnJ/lt7LpgY7vvIzkuJTmnKroqK3lrprmjojmrIrmqKHlvI/vvJvkvb/nlKjogIXpgKPnt5rmnIPpga3mi5LjgII=')
        'Finding.licensing-mode-not-set' = (ConvertFrom-RdpUtf8Base64 '5pyq6Kit5a6a5o6I5qyK5qih5byP77yaTGljZW5zaW5nTW9kZSDlnKjmnKzmqZ/miJbnvqTntYTljp/liYfvvIjljp/liYflhKrlhYjvvInkuK3kuI3mmK8gMu+8iOavj+mDqOijnee9ru+8ieOAgTTvvIjmr4/kvY3kvb/nlKjogIXvvInmiJYgNu+8iEFBRCDmr4/kvY3kvb/nlKjogIXvvInjgILlr6zpmZDmnJ/pgY7lvozpgKPnt5rmnIPpga3mi5LjgII=')
        'Finding.license-servers-not-set' = (ConvertFrom-RdpUtf8Base64 '5pyq6Kit5a6a5o6I5qyK5Ly65pyN5Zmo77yaU3BlY2lmaWVkTGljZW5zZVNlcnZlcnMg6IiH576k57WE5Y6f5YmHIExpY2Vuc2VTZXJ2ZXJzIOmDveacquaMh+WumuOAguWvrOmZkOacn+mBjuW+jOeEoeazleaguOeZvCBDQUzjgII=')
        'Scenario.safe-mode-boot.Title' = (ConvertFrom-RdpUtf8Base64 'Vk0g6ZaL5qmf6YCy5YWl5a6J5YWo5qih5byP')
        'Finding.default-entry-safeboot' = (ConvertFrom-RdpUtf8Base64 '6aCQ6Kit6ZaL5qmf6aCF55uu5bi25pyJIHNhZmVib29077yaV2luZG93cyDmnIPku6XlronlhajmqKHlvI/llZ/li5XvvIzogIzpgaDnq6/moYzpnaLlnKjlronlhajmqKHlvI/kuIvkuI3mnIPln7fooYzjgII=')
        'Scenario.security-layer-mismatch.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIOimgeaxgueUqOaItuerr+eEoeazlemBlOaIkOeahOWDhemZkCBGSVBTIOWKoOWvhg==')
        'Finding.rdp-encryption-fips-only' = (ConvertFrom-RdpUtf8Base64 '5Zyo5L2/55So5Y6f55SfIFJEUCDlronlhajmgKflsaTvvIhTZWN1cml0eUxheWVyPTDvvInmmYLvvIxSRFAg5Y+q5o6l5Y+X56ym5ZCIIEZJUFMg55qE5Yqg5a+G77yaTWluRW5jcnlwdGlvbkxldmVsPTTjgILliqDlr4blsaTntJrlj6rpgannlKjmlrzljp/nlJ8gUkRQIOWuieWFqOaAp++8jOe1leS4jemBqeeUqOaWvCBUTFPjgII=')
        'Finding.fips-algorithms-enforced' = (ConvertFrom-RdpUtf8Base64 '6Zu76IWm5Y+q5YWB6Kix56ym5ZCIIEZJUFMg55qE5ryU566X5rOV77yITHNhXEZJUFNBbGdvcml0aG1Qb2xpY3kgRW5hYmxlZD0x77yJ77yM6YCa5bi45L6G6Ieq5a6J5YWo5oCn6YG46aCF44CM57O757Wx5Yqg5a+G57eo6K2v77ya5L2/55So56ym5ZCIIEZJUFMg55qE5ryU566X5rOV44CN77yM576k57WE5Y6f5YmH5Y+v6IO95pyD5YaN5qyh6Kit5a6a5a6D44CC5Zau542o5q2k6Kit5a6a5LiN5pyD6Zi75q2iIFJEUO+8iFRMUyDoiIfpgaDnq6/moYzpnaLpgKPnt5rlj6/mkK3phY3nrKblkIggRklQUyDnmoTmvJTnrpfms5XpgYvkvZzvvInvvJrlg4XngrrkvZDorYnvvIzmnKzouqvntZXpnZ7ljp/lm6DjgII=')
        'Finding.rdp-encryption-fips-by-policy' = (ConvertFrom-RdpUtf8Base64 '576k57WE5Y6f5YmH6KaB5rGC56ym5ZCIIEZJUFMg55qEIFJEUCDliqDlr4bvvIhQb2xpY2llc1wuLi5cVGVybWluYWwgU2VydmljZXMgTWluRW5jcnlwdGlvbkxldmVsPTTvvInvvJrljp/liYflhKrlhYjvvIzmnKzmqZ/orormm7TmnIPlnKjkuIvmrKHph43mlrDmlbTnkIbmmYLooqvpgoTljp/jgILoq4vorormm7Tljp/liYfjgII=')
        'Finding.rdp-security-layer-rdp' = (ConvertFrom-RdpUtf8Base64 'UkRQIOS9v+eUqOiHquW3seeahOWuieWFqOaAp+WxpO+8iFNlY3VyaXR5TGF5ZXI9MO+8ie+8muS8uuacjeWZqOS4jeacg+WQkeeUqOaItuerr+mAsuihjOmpl+itieOAgkF6dXJlIOeahCBSZXNldFJEUENlcnQg5pyD55WZ5LiL5q2k6Kit5a6a77yb5oaR6K2J5pyJ5pWI5b6M77yMVExT77yIMu+8ieaJjeaYr+WuieWFqOeahOioreWumuOAgg==')
        'Scenario.termservice-not-running.Title' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInlt7LlgZznlKjmiJbmnKrlnKjln7fooYw=')
        'Finding.termservice-disabled' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInlt7LlgZznlKjvvJpTdGFydD0044CC')
        'Finding.termservice-down' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInmnKrlnKjln7fooYzjgII=')
        'Finding.termservice-account' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInnmoTnmbvlhaXluLPmiLbkuI3mmK/poJDoqK3nmoQgTlQgQXV0aG9yaXR5XE5ldHdvcmtTZXJ2aWNl44CC')
        'Finding.termservice-start-type' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInnmoTllZ/li5XpoZ7lnovkuI3mmK/poJDoqK3nmoTmiYvli5XvvIhTdGFydD0z77yJ44CC')
        'Finding.ev-scm-start-failure' = (ConvertFrom-RdpUtf8Base64 '5pyN5YuZ5o6n5Yi2566h55CG5ZOh5Zyo6YGO5Y67IDI0IOWwj+aZguWFp+iomOmMhOS6huWVn+WLleaZguWkseaVl+OAgeWBnOatouWbnuaHieaIluWBnOatoueahOacjeWLme+8iDcwMDDjgIE3MDAx44CBNzAyMiDmiJYgNzAyM++8ie+8muiri+mWseiugOipsuS6i+S7tu+8jOeiuuiqjeWug+aYr+WQpuaMh+WHuumBoOerr+ahjOmdouacjeWLmeaIluWFtuebuOS+neeahOacjeWLmeOAgg==')
        'Scenario.tls-disabled.Title' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwg5Ly65pyN5Zmo56uv55qEIFRMUyDlt7LlgZznlKg=')
        'Finding.ev-schannel-credential' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzHvvJrlu7rnq4sgVExTIOS8uuacjeWZqOiqjeitieaZgueZvOeUn+WatOmHjemMr+iqpOOAgg==')
        'Finding.tls12-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMu+8iOS8uuacjeWZqO+8ieW3suWBnOeUqO+8mkVuYWJsZWQ9MOOAgg==')
        'Finding.tls12-server-off-by-default' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMu+8iOS8uuacjeWZqO+8iemZpOmdnuaYjueiuuimgeaxguWQpuWJh+S4jeWVn+eUqO+8mkRpc2FibGVkQnlEZWZhdWx0PTHjgII=')
        'Finding.tls10-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMO+8iOS8uuacjeWZqO+8ieW3suWBnOeUqO+8m+WPquacg+W9semfv+eEoeazleS9v+eUqCBUTFMgMS4yIOeahOeUqOaItuerr+OAgg==')
        'Finding.tls11-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMe+8iOS8uuacjeWZqO+8ieW3suWBnOeUqO+8m+WPquacg+W9semfv+eEoeazleS9v+eUqCBUTFMgMS4yIOeahOeUqOaItuerr+OAgg==')
        'Finding.rdp-requires-tls' = (ConvertFrom-RdpUtf8Base64 'UkRQIOaOpeiBveeoi+W8j+imgeaxgiBUTFPvvIhTZWN1cml0eUxheWVyPTLvvIzlj6/og73nlLHnvqTntYTljp/liYfoqK3lrprvvInvvIzlm6DmraTlnKggVExTIOWBnOeUqOaZgueEoeazlemAgOWbnuWFtuS7luaWueW8j+OAgg==')
        'Finding.fips-policy-on' = (ConvertFrom-RdpUtf8Base64 'RklQUyDmqKHlvI/lt7LplovllZ/vvJrlj6rlhYHoqLHnrKblkIggRklQUyDnmoTpgJroqIrljZTlrproiIfliqDlr4blpZfku7bjgII=')
        'Scenario.user-not-authorized.Title' = (ConvertFrom-RdpUtf8Base64 '5L2/55So6ICF5rKS5pyJ6YCP6YGO6YGg56uv5qGM6Z2i55m75YWl55qE5qyK6ZmQ')
        'Finding.ev-logon-no-right' = (ConvertFrom-RdpUtf8Base64 '5a6J5YWo5oCnIDQ2MjUg5LiU54uA5oWL54K6IDB4QzAwMDAxNULvvJrkvb/nlKjogIXlnKjpgJnpg6jpm7vohabkuIrmnKrnjbLmjojoiIfmiYDopoHmsYLnmoTnmbvlhaXpoZ7lnovjgILorYnmk5rkuK3mnIPliJflh7roqbLluLPmiLbjgII=')
        'Finding.rdp-right-no-admins' = (ConvertFrom-RdpUtf8Base64 'QWRtaW5pc3RyYXRvcnPvvIhTLTEtNS0zMi01NDTvvInmspLmnInjgIzlhYHoqLHpgI/pgY7pgaDnq6/moYzpnaLmnI3li5nnmbvlhaXjgI3vvIhTZVJlbW90ZUludGVyYWN0aXZlTG9nb25SaWdodO+8ie+8muaykuacieezu+e1seeuoeeQhuWToeiDvemAj+mBjiBSRFAg55m75YWl44CC6Iul5qyK6ZmQ55Sx576k57WE5Y6f5YmH6Kit5a6a77yM5pys5qmf6K6K5pu05pyD5Zyo5LiL5qyh6YeN5paw5pW055CG5pmC6KKr6YKE5Y6f44CC')
        'Finding.rdp-right-no-rdusers' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5L2/55So6ICF77yIUy0xLTUtMzItNTU177yJ5rKS5pyJ44CM5YWB6Kix6YCP6YGO6YGg56uv5qGM6Z2i5pyN5YuZ55m75YWl44CN77ya5Y+q5pyJ5LuN5pOB5pyJ5q2k5qyK6ZmQ55qE576k57WE6IO96YCP6YGOIFJEUCDnmbvlhaXjgII=')
        'Finding.rdp-right-denied' = (ConvertFrom-RdpUtf8Base64 '44CM5ouS57WV6YCP6YGO6YGg56uv5qGM6Z2i5pyN5YuZ55m75YWl44CN77yIU2VEZW55UmVtb3RlSW50ZXJhY3RpdmVMb2dvblJpZ2h077yJ5YyF5ZCrIEFkbWluaXN0cmF0b3Jz77yIUy0xLTUtMzItNTQ077yJ44CB6YGg56uv5qGM6Z2i5L2/55So6ICF77yIUy0xLTUtMzItNTU177yJ44CBVXNlcnPvvIhTLTEtNS0zMi01NDXvvInmiJYgRXZlcnlvbmXvvIhTLTEtMS0w77yJ77ya5ouS57WV5YSq5YWI5pa85Lu75L2V5YWB6Kix77yM5Zug5q2k5oeJ6YCP6YGOIFJEUCDnmbvlhaXnmoTkurrnhKHms5XnmbvlhaXjgII=')
        'Finding.rdp-deny-local' = (ConvertFrom-RdpUtf8Base64 '44CM5ouS57WV6YCP6YGO6YGg56uv5qGM6Z2i5pyN5YuZ55m75YWl44CN5YyF5ZCr5pys5qmf5biz5oi277yIUy0xLTUtMTEz44CBUy0xLTUtMTE077yJ44CC5a6J5YWo5oCn5Z+65rqW6KaB5rGC57ay5Z+f5oiQ5ZOh5Ly65pyN5Zmo6Kit5a6a5q2k6aCF77ya57ay5Z+f5biz5oi25LuN5Y+v55m75YWl77yM5Y+q5pyJ5pys5qmf5biz5oi277yILlzlkI3nqLHvvInmnIPooqvmi5LntZXjgILlj6rmnInnlbbmnKzmqZ/luLPmiLbooqvmi5LntZXmmYLvvIg0NjI1IOS4lOeLgOaFi+eCuiAweEMwMDAwMTVCIOS4puWIl+WHuuipsuW4s+aItu+8ie+8jOmAmeaJjeaYr+WOn+WboOOAgg==')
        'Fix.allow-firewall-inbound-exceptions.Title' = (ConvertFrom-RdpUtf8Base64 '6K6T6Ziy54Gr54mG6Kit5a6a5qqU5LiN5YaN5bCB6Y6W5omA5pyJ6Ly45YWl6YCj57ea')
        'Fix.allow-firewall-inbound-exceptions.Warning' = (ConvertFrom-RdpUtf8Base64 '6YCZ5Lqb6Kit5a6a5qqU5Lit5omA5pyJ5bey5ZWf55So55qE6Ly45YWl5YWB6Kix6KaP5YmH6YO95pyD6YeN5paw55Sf5pWI77yM5LiN5Y+q5piv6YGg56uv5qGM6Z2i77ya5Y+v6IO95pyJ5Lq65Yi75oSP5bCB6Y6W5LqG5omA5pyJ6Ly45YWl6YCj57ea44CC')
        'Fix.allow-firewall-inbound-exceptions.Restore' = (ConvertFrom-RdpUtf8Base64 '5b6p5Y6f5q2k5L+u5q2j77yI5pyD6YKE5Y6f5q+P5YCLIERvTm90QWxsb3dFeGNlcHRpb25z77yJ77yM5oiW5Z+36KGM5LiL5YiX5ZG95Luk5b6M6YeN5paw6ZaL5qmf77yacmVnIGFkZCBIS0xNXFNZU1RFTVxDdXJyZW50Q29udHJvbFNldFxTZXJ2aWNlc1xTaGFyZWRBY2Nlc3NcUGFyYW1ldGVyc1xGaXJld2FsbFBvbGljeVw8cHJvZmlsZT4gL3YgRG9Ob3RBbGxvd0V4Y2VwdGlvbnMgL3QgUkVHX0RXT1JEIC9kIDEgL2Y=')
        'Fix.allow-rdp-connections.Title' = (ConvertFrom-RdpUtf8Base64 '5YWB6Kix6YGg56uv5qGM6Z2i6YCj57ea')
        'Fix.disable-fips-algorithm-policy.Title' = (ConvertFrom-RdpUtf8Base64 '5YGc5q2i5Zyo6Zu76IWm5LiK5by35Yi25L2/55So56ym5ZCIIEZJUFMg55qE5ryU566X5rOV')
        'Fix.disable-fips-algorithm-policy.Warning' = (ConvertFrom-RdpUtf8Base64 '5pW06YOo6Zu76IWm55qE5omA5pyJ5YWD5Lu277yI5LiN5Y+q5pivIFJEUO+8ieS5i+W+jOmDveWPr+iDveS9v+eUqOacque2kyBGSVBTIOmpl+itieeahOa8lOeul+azleOAguiLpSBGSVBTIOaooeW8j+aYr+WQiOimj+imgeaxgu+8jOiri+WLv+Wft+ihjOatpOS/ruato++8muaUueeUqOaUr+aPtCBGSVBTIOeahOeUqOaItuerr+mAo+e3muOAgg==')
        'Fix.disable-fips-algorithm-policy.Restore' = (ConvertFrom-RdpUtf8Base64 '5L2/55So5q2k5L+u5q2j5omA6aGv56S655qE5YKZ5Lu96Lev5b6R5Z+36KGMIFVuZG8tUmRwUmVwYWly77yM5oiW5ZyoIENvbnRyb2xcTHNhXEZJUFNBbGdvcml0aG1Qb2xpY3kg5LiL5bCHIEVuYWJsZWQg6Kit54K6IDHvvIznhLblvozph43mlrDplovmqZ/jgII=')
        'Fix.disable-nla.Title' = (ConvertFrom-RdpUtf8Base64 '5pqr5pmC6Zec6ZaJIFJEUCDnmoTntrLot6/lsaTntJrpqZforYk=')
        'Fix.disable-nla.Warning' = (ConvertFrom-RdpUtf8Base64 '5rKS5pyJ57ay6Lev5bGk57Sa6amX6K2J5pmC77yM5Lu75L2V6IO96YCj5YiwIFJEUCDpgKPmjqXln6DnmoTkurrpg73mnIPlnKjorYnmmI7ouqvliIbkuYvliY3nnIvliLDnmbvlhaXnlavpnaLvvJrmm7TlrrnmmJPpga3liLDlr4bnorznjJzmuKzoiIfpqZforYnliY3lvLHpu57mlLvmk4rjgIJOTEEg6Zec6ZaJ5pyf6ZaT77yM6KuL6K6T6YCj5o6l5Z+g5LiN5bCN57ay6Zqb57ay6Lev6ZaL5pS+77yITlNH44CBSklU77yJ44CC')
        'Fix.disable-nla.Restore' = (ConvertFrom-RdpUtf8Base64 '5a6J5YWo6YCa6YGT5L+u5b6p5b6M77yM5L2/55So5q2k5L+u5q2j5omA6aGv56S655qE5YKZ5Lu96Lev5b6R5Z+36KGMIFVuZG8tUmRwUmVwYWly77yI5oiWIENNRCDlvqnljp/ljYDloYrvvInvvIzmiJblnKggUkRQLVRjcCDkuIrlsIcgVXNlckF1dGhlbnRpY2F0aW9uIOioreeCuiAx77yM54S25b6M6YeN5paw5ZWf5YuVIFZN44CC')
        'Fix.enable-legacy-tls-server.Title' = (ConvertFrom-RdpUtf8Base64 '54K66IiK54mIIFJEUCDnlKjmiLbnq6/llZ/nlKggVExTIDEuMCDoiIcgMS4x')
        'Fix.enable-legacy-tls-server.Warning' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMCDoiIcgMS4xIOW3sua3mOaxsO+8jOacg+WJiuW8semAmemDqOmbu+iFpuS4iuaJgOaciSBUTFMg5pyN5YuZ55qE5a6J5YWo5oCn77yM6ICM5LiN5Y+q5pivIFJEUOOAgg==')
        'Fix.enable-legacy-tls-server.Restore' = (ConvertFrom-RdpUtf8Base64 '5L2/55So5q2k5L+u5q2j5omA6aGv56S655qE5YKZ5Lu96Lev5b6R5Z+36KGMIFVuZG8tUmRwUmVwYWly77yM5oiW5bCH5YWp5YCL6YCa6KiK5Y2U5a6a55qEIEVuYWJsZWQg6Kit54K6IDDvvIznhLblvozph43mlrDplovmqZ/jgII=')
        'Fix.enable-rdp-firewall-rules.Title' = (ConvertFrom-RdpUtf8Base64 '5ZWf55So5YWn5bu655qE6YGg56uv5qGM6Z2i6Ziy54Gr54mG6KaP5YmH')
        'Fix.enable-rdp-listener.Title' = (ConvertFrom-RdpUtf8Base64 '6YeN5paw6ZaL5ZWfIFJEUC1UY3Ag5o6l6IG956iL5byP')
        'Fix.enable-terminal-server.Title' = (ConvertFrom-RdpUtf8Base64 '6YeN5paw6ZaL5ZWf57WC56uv5qmf5Ly65pyN5Zmo5Lim57WQ5p2f5riF56m65qih5byP')
        'Fix.enable-tls12-server.Title' = (ConvertFrom-RdpUtf8Base64 '54K6IFNjaGFubmVsIOS8uuacjeWZqOerr+WVn+eUqCBUTFMgMS4y')
        'Fix.open-rdp-port-in-firewall.Title' = (ConvertFrom-RdpUtf8Base64 '5Zyo6Ziy54Gr54mG5Lit6ZaL5ZWf5bey6Kit5a6a55qEIFJEUCDpgKPmjqXln6A=')
        'Fix.remove-rdp-cert-binding.Title' = (ConvertFrom-RdpUtf8Base64 '56e76Zmk5bey6Kit5a6a55qEIFJEUCDmhpHorYnmjIfntIs=')
        'Fix.remove-safe-boot.Title' = (ConvertFrom-RdpUtf8Base64 '5b6e6aCQ6Kit6ZaL5qmf6aCF55uu56e76ZmkIHNhZmVib290')
        'Fix.renew-rdp-self-signed-cert.Title' = (ConvertFrom-RdpUtf8Base64 '5pu05pawIFJEUCDoh6rmiJHnsL3nvbLmhpHorYk=')
        'Fix.reset-dhcp-logon-account.Title' = (ConvertFrom-RdpUtf8Base64 '5bCHIERIQ1Ag55So5oi256uv6Kit5Zue6aCQ6Kit5biz5oi25Lim5ZWf5YuV5a6D')
        'Fix.reset-machinekeys-acl.Title' = (ConvertFrom-RdpUtf8Base64 '6YeN6KitIE1hY2hpbmVLZXlzIOizh+aWmeWkvueahOasiumZkA==')
        'Fix.reset-termservice-logon-account.Title' = (ConvertFrom-RdpUtf8Base64 '5bCH6YGg56uv5qGM6Z2i5pyN5YuZ6Kit5Zue6aCQ6Kit5biz5oi25Lim5ZWf5YuV5a6D')
        'Fix.restore-rdp-connection-limit.Title' = (ConvertFrom-RdpUtf8Base64 '56e76Zmk5o6l6IG956iL5byP55qE6YCj57ea5LiK6ZmQ')
        'Fix.resume-group-policy.Title' = (ConvertFrom-RdpUtf8Base64 '56K66KqN5L+u5b6p5b6M5oGi5b6p576k57WE5Y6f5YmH')
        'Fix.set-credssp-mitigated.Title' = (ConvertFrom-RdpUtf8Base64 '5o6l5Y+X5rKS5pyJIENyZWRTU1Ag5pu05paw55qE55So5oi256uv77yI5bey57ep5ZKM77yJ')
        'Fix.set-credssp-mitigated.Warning' = (ConvertFrom-RdpUtf8Base64 'Vk0g5LmL5b6M5pyD5o6l5Y+X57y65bCRIENWRS0yMDE4LTA4ODYgQ3JlZFNTUCDmm7TmlrDnmoTnlKjmiLbnq6/vvIzkvb/pgqPkupvnlKjmiLbnq6/mmrTpnLLmlrzpoqjpmqrjgILlg4XpmZDmmqvmmYLkvb/nlKjvvJrmm7TmlrDnlKjmiLbnq6/lvozvvIzoq4vpgoTljp/jgIzlvLfliLbmm7TmlrDnmoTnlKjmiLbnq6/jgI3jgII=')
        'Fix.set-credssp-mitigated.Restore' = (ConvertFrom-RdpUtf8Base64 '5L2/55So5q2k5L+u5q2j5omA6aGv56S655qE5YKZ5Lu96Lev5b6R5Z+36KGMIFVuZG8tUmRwUmVwYWly77yM5oiW5ZyoIFBvbGljaWVzXFN5c3RlbVxDcmVkU1NQXFBhcmFtZXRlcnMg5LiL5bCHIEFsbG93RW5jcnlwdGlvbk9yYWNsZSDoqK3ngrogMO+8jOeEtuW+jOmHjeaWsOmWi+apn+OAgg==')
        'Fix.set-rdp-cert-binding.Title' = (ConvertFrom-RdpUtf8Base64 '5bCHIFJEUCDmjIflkJHmnInmlYjnmoTmhpHorYk=')
        'Fix.set-rdp-encryption-high.Title' = (ConvertFrom-RdpUtf8Base64 '5bCHIFJEUCDliqDlr4blvp7nrKblkIggRklQUyDpmY3ngrrpq5g=')
        'Fix.set-rdp-encryption-high.Warning' = (ConvertFrom-RdpUtf8Base64 'UkRQIOS4jeWGjeWgheaMgeespuWQiCBGSVBTIOeahOWKoOWvhuOAguiLpeWQiOimj+Wfuua6luimgeaxgiBGSVBT77yM5q2k6K6K5pu05pyD6YGV5Y+N6Kmy5Z+65rqW77yb6auY77yIMTI4IOS9jeWFg++8ieaYryBSZHBSZXNjdWUg6Kit5a6a55qE5pyA5L2O5bGk57Sa44CC')
        'Fix.set-rdp-encryption-high.Restore' = (ConvertFrom-RdpUtf8Base64 '5L2/55So5q2k5L+u5q2j5omA6aGv56S655qE5YKZ5Lu96Lev5b6R5Z+36KGMIFVuZG8tUmRwUmVwYWly77yM5oiW5ZyoIFdpblN0YXRpb25zXFJEUC1UY3Ag5LiL5bCHIE1pbkVuY3J5cHRpb25MZXZlbCDoqK3ngrogNO+8jOeEtuW+jOmHjeaWsOmWi+apn+OAgg==')
        'Fix.set-rdp-port.Title' = (ConvertFrom-RdpUtf8Base64 '5bCHIFJEUCDnp7vliLDlhbbku5bpgKPmjqXln6A=')
        'Fix.set-rdp-security-layer-tls.Title' = (ConvertFrom-RdpUtf8Base64 '6YeN5paw5LulIFRMUyDpqZforYnkvLrmnI3lmajvvIhTZWN1cml0eUxheWVyPTLvvIk=')
        'Fix.start-network-services.Title' = (ConvertFrom-RdpUtf8Base64 '5bCH57ay6Lev5pyN5YuZ6Kit5Zue6Ieq5YuV5ZWf5YuV5Lim5ZWf5YuV5a6D5YCR')
        'Fix.start-termservice.Title' = (ConvertFrom-RdpUtf8Base64 '5bCH6YGg56uv5qGM6Z2i5pyN5YuZ6Kit5Zue5omL5YuV5ZWf5YuV5Lim5ZWf5YuV5a6D')
        'Fix.stop-port-owner.Title' = (ConvertFrom-RdpUtf8Base64 '5YGc5q2i5L2U55SoIFJEUCDpgKPmjqXln6DnmoTmnI3li5k=')
        'Fix.suspend-group-policy.Title' = (ConvertFrom-RdpUtf8Base64 '5pqr5YGc576k57WE5Y6f5YmH77yM6YG/5YWN5YW25b6p5Y6f5L+u5b6p57WQ5p6c')
        'Fix.suspend-group-policy.Warning' = (ConvertFrom-RdpUtf8Base64 '5YGc55SoIGdwc3ZjIOacn+mWk++8jOmAmemDqOmbu+iFpuS4jeacg+Wll+eUqOS7u+S9lee+pOe1hOWOn+WJh++8jOWMheaLrOWuieWFqOaAp+WOn+WJh+OAgg==')
        'Fix.suspend-group-policy.Restore' = (ConvertFrom-RdpUtf8Base64 '5Z+36KGMIFJlc3VtZS1SZHBHcm91cFBvbGljee+8jOmHjeaWsOmWi+apn+W+jOWft+ihjCBncHVwZGF0ZSAvZm9yY2XjgILoi6UgVExTIOWGjeasoeiiq+WBnOeUqO+8jOiri+S/ruato+e2suWfn+WOn+WJh+acrOi6q+OAgg==')
    }
}
$script:RdpStrings = $script:RdpStringTable['en-US'].Clone()
if ($script:RdpStringTable.ContainsKey([string]$PSUICulture)) {
    foreach ($key in @($script:RdpStringTable[[string]$PSUICulture].Keys)) {
        $script:RdpStrings[$key] = $script:RdpStringTable[[string]$PSUICulture][$key]
    }
}

#region src/powershell/platform.ps1
# Platform layer
# Every access to the operating system goes through the private functions below, so Pester
# can mock them (Mock -ModuleName RdpRescue <name> { ... }). Nothing else in the module calls
# a registry, event log, service, network, certificate, ACL or native command directly.
#
#   Get-RdpRegistryValue      -Path HKLM:\... -Name     value, or $null when absent (byte[] stays one object)
#   Get-RdpRegistryValueKind  -Path -Name               'DWord' | 'String' | 'ExpandString' | 'Binary' ... or $null
#   Set-RdpRegistryValue      -Path -Name -Type REG_* -Value   creates the key when needed (six kinds, QWORD and MULTI_SZ too)
#   Remove-RdpRegistryValue   -Path -Name               no error when already absent
#   Get-RdpEventRecord        -Channel -XPath -MaxEvents   newest first: ProviderName, Id, TimeCreated, Data (hashtable by field name)
#   Get-RdpServiceInfo        -Name | -ProcessId        Name, State, StartMode, ProcessId (Win32_Service); nothing when absent
#   Get-RdpDependentService   -Name                     names of the services that depend on it, in the order to stop them
#   Send-RdpServiceControl    -Name -Control Start|Stop  asks the service control manager; does not wait (services.ps1 waits)
#   Set-RdpServiceStartMode   -Name -StartType          Automatic|Manual|Disabled through the service control manager
#   Set-RdpServiceLogonAccount -Name -Account            a built-in account through the service control manager (Win32_Service.Change, empty password)
#   Get-RdpTcpListener        -Port                     LocalAddress, LocalPort, OwningProcess of listening sockets
#   Get-RdpCertificate        -Store                    LocalMachine store: Thumbprint, Subject, Issuer, NotBefore, NotAfter,
#                                                       HasPrivateKey, EnhancedKeyUsages (OIDs; $null when the certificate has no EKU)
#   Get-RdpPrivateKey         -Store -Thumbprint        Opens (the private key opens), File (its key file; $null when not found)
#   Remove-RdpCertificate     -Store -Thumbprint        removes one certificate (never its private key)
#   Get-RdpAccessRule         -Path                     Sid, Rights, AccessType, InheritOnly (SIDs, never names)
#   Get-RdpSecurityDescriptor -Path                     SDDL (owner and DACL), read with the backup privilege
#   Set-RdpSecurityDescriptor -Path -Sddl               restores owner and DACL
#   Get-RdpItemSecurity       -Path                     Owner (SID) and Rules (as Get-RdpAccessRule) of a file or folder
#   Get-RdpChildFolder        -Path                     full paths of the folders in a folder; nothing when it is absent
#   Set-RdpOwner              -Path -Sid                sets the owner only, with the take-ownership and restore privileges
#   Enable-RdpPrivilege       -Name                     enables privileges the process token holds; returns those it turned on
#   Disable-RdpPrivilege      -Name                     turns them off again
#   Get-RdpTokenPrivilegeType                           the AdjustTokenPrivileges helper, compiled once per session
#   Get-RdpChildFile          -Path -Prefix [-Recurse]  full paths of files (with the backup privilege if listing is denied)
#   Get-RdpFirewallRulePort   -Name                     LocalPort of a rule by its Name, or $null when the rule is absent
#   Set-RdpFirewallRulePort   -Name -Port
#   Get-RdpWindowsFeatureState -Name                    $true / $false, or $null without Server Manager cmdlets
#   Get-RdpTerminalServerMode                            Win32_TerminalServiceSetting.TerminalServerMode (1 = Session Host); throws on a WMI error
#   Get-RdpFileVersion        -Path                     FileMajorPart, FileMinorPart, FileBuildPart, FilePrivatePart; throws when missing or unreadable
#   Get-RdpUserRightExport                               lines of secedit's USER_RIGHTS export (Right = *SID,...); throws when secedit fails
#   Get-RdpAuditSetting       -Subcategory {GUID}       AuditingInformation of an audit subcategory (1 success, 2 failure audited); throws when unreadable
#   Get-RdpAuditPolicyType                               the AuditQuerySystemPolicy helper, compiled once per session
#   New-RdpProtectedDirectory -Path                     creates a folder only SYSTEM and Administrators can change (backups)
#   Resolve-RdpFileSystemPath -Path                     full file system path; a relative one is taken from the PowerShell location
#   Write-RdpBackupManifest   -Path -Manifest           writes backup.json (UTF-8 without BOM)
#   Read-RdpBackupManifest    -Path                     the parsed backup.json, or $null when absent
#   Invoke-RdpNative          -FilePath -ArgumentList   output lines; throws on a non-zero exit code
#   Test-RdpElevation                                    $true when running as Administrator
#   Get-RdpDate                                          the current time (mockable clock)
#   Get-RdpRegistryValueTable -Path                     every value of a key: name -> data; empty when the key is absent
#   Set-RdpFirewallRuleEnabled -Name -Enabled           Enable-/Disable-NetFirewallRule by the rule's Name (persistent store)

function Get-RdpRegistryValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if (-not (Test-Path -LiteralPath $Path)) {
        return $null
    }
    $key = Get-Item -LiteralPath $Path
    $value = $key.GetValue($Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    return , $value
}

function Get-RdpRegistryValueKind {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if (-not (Test-Path -LiteralPath $Path)) {
        return $null
    }
    $key = Get-Item -LiteralPath $Path
    if ($key.GetValueNames() -notcontains $Name) {
        return $null
    }
    return [string]$key.GetValueKind($Name)
}

function Set-RdpRegistryValue {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('REG_DWORD', 'REG_QWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_BINARY')]
        [string]$Type,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [AllowEmptyCollection()]
        [object]$Value
    )
    $kinds = @{ REG_DWORD = 'DWord'; REG_QWORD = 'QWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_MULTI_SZ = 'MultiString'; REG_BINARY = 'Binary' }
    if ($PSCmdlet.ShouldProcess("$Path\$Name", "Set $Type")) {
        if (-not (Test-Path -LiteralPath $Path)) {
            $null = New-Item -Path $Path -Force
        }
        $null = New-ItemProperty -LiteralPath $Path -Name $Name -PropertyType $kinds[$Type] -Value $Value -Force
    }
}

function Remove-RdpRegistryValue {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if ($null -eq (Get-RdpRegistryValueKind -Path $Path -Name $Name)) {
        return
    }
    if ($PSCmdlet.ShouldProcess("$Path\$Name", 'Remove value')) {
        Remove-ItemProperty -LiteralPath $Path -Name $Name
    }
}

function Get-RdpEventRecord {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Channel,
        [Parameter(Mandatory = $true)]
        [string]$XPath,
        [int]$MaxEvents = 1000
    )
    $events = @()
    try {
        $events = @(Get-WinEvent -LogName $Channel -FilterXPath $XPath -MaxEvents $MaxEvents -ErrorAction Stop)
    }
    catch {
        # No match and a channel that does not exist on this machine both mean: no such event.
        # The error ids are not localized; the messages are.
        $id = [string]$_.FullyQualifiedErrorId
        if ($id -like 'NoMatchingEventsFound*' -or $id -like 'NoMatchingLogsFound*') {
            return
        }
        if ($_.Exception -is [System.Diagnostics.Eventing.Reader.EventLogNotFoundException]) {
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
            ProviderName = $event.ProviderName
            Id           = $event.Id
            TimeCreated  = $event.TimeCreated
            Data         = $data
        }
    }
}

function Get-RdpServiceInfo {
    [CmdletBinding(DefaultParameterSetName = 'Name')]
    [OutputType([pscustomobject])]
    param(
        # Any legal service name: up to 256 characters, anything but / and \ (CreateService),
        # so MSSQL$SQLEXPRESS, names with dots, dashes, spaces or quotes too.
        [Parameter(Mandatory = $true, ParameterSetName = 'Name')]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true, ParameterSetName = 'ProcessId')]
        [int]$ProcessId
    )
    if ($PSCmdlet.ParameterSetName -eq 'Name') {
        # WQL string literal: a backslash escapes the next character.
        $filter = "Name='{0}'" -f $Name.Replace('\', '\\').Replace("'", "\'")
    }
    else {
        $filter = "ProcessId=$ProcessId"
    }
    foreach ($service in @(Get-CimInstance -ClassName 'Win32_Service' -Filter $filter)) {
        [pscustomobject]@{
            Name      = [string]$service.Name
            State     = [string]$service.State
            StartMode = [string]$service.StartMode
            StartName = [string]$service.StartName
            ProcessId = [int]$service.ProcessId
        }
    }
}

function Get-RdpDependentService {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name
    )
    # DependentServices comes from EnumDependentServices: every service that depends on this one,
    # directly or not, in reverse start order, which is the order to stop them in. A
    # ServiceController takes the name literally; Get-Service -Name reads [ ] * ? as wildcards.
    Add-Type -AssemblyName 'System.ServiceProcess'
    $controller = New-Object -TypeName System.ServiceProcess.ServiceController -ArgumentList $Name
    try {
        foreach ($dependent in $controller.DependentServices) {
            [string]$dependent.ServiceName
        }
    }
    finally {
        $controller.Dispose()
    }
}

function Set-RdpServiceStartMode {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('Automatic', 'Manual', 'Disabled')]
        [string]$StartType
    )
    # The service control manager keeps start types in memory: a Start value written into the
    # registry counts only from the next boot, so a service to be started now is changed here.
    if (-not $PSCmdlet.ShouldProcess($Name, "Service: start type $StartType")) {
        return
    }
    Set-Service -Name $Name -StartupType $StartType -ErrorAction Stop
}

function Set-RdpServiceLogonAccount {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('LocalSystem', 'NT Authority\LocalService', 'NT Authority\NetworkService')]
        [string]$Account
    )
    # Win32_Service.Change with StartName and an empty StartPassword: the built-in accounts
    # have no password. The service control manager writes ObjectName itself.
    if (-not $PSCmdlet.ShouldProcess($Name, "Service: log on as $Account")) {
        return
    }
    $filter = "Name='{0}'" -f $Name.Replace('\', '\\').Replace("'", "\'")
    $service = Get-CimInstance -ClassName 'Win32_Service' -Filter $filter
    $result = Invoke-CimMethod -InputObject $service -MethodName 'Change' -Arguments @{ StartName = $Account; StartPassword = '' }
    if ($result.ReturnValue -ne 0) {
        throw ('Win32_Service.Change({0}, StartName={1}) returned {2}' -f $Name, $Account, $result.ReturnValue)
    }
}

function Send-RdpServiceControl {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 256)]
        [ValidatePattern('^[^/\\]+$')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('Start', 'Stop')]
        [string]$Control
    )
    # Returns as soon as the service control manager has the request: Start leaves the service
    # START_PENDING, Stop STOP_PENDING. Start-Service and Stop-Service would wait without limit.
    if (-not $PSCmdlet.ShouldProcess($Name, "Service: $Control")) {
        return
    }
    Add-Type -AssemblyName 'System.ServiceProcess'
    $controller = New-Object -TypeName System.ServiceProcess.ServiceController -ArgumentList $Name
    try {
        if ($Control -eq 'Start') {
            $controller.Start()
        }
        else {
            # .NET stops running dependents first (30 s each at most); services.ps1 has already
            # stopped them, so this stops the service alone.
            $controller.Stop()
        }
    }
    finally {
        $controller.Dispose()
    }
}

function Get-RdpTcpListener {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateRange(1, 65535)]
        [int]$Port
    )
    if (Get-Command -Name 'Get-NetTCPConnection' -ErrorAction SilentlyContinue) {
        foreach ($row in @(Get-NetTCPConnection -State Listen)) {
            if ([int]$row.LocalPort -eq $Port) {
                [pscustomobject]@{ LocalAddress = [string]$row.LocalAddress; LocalPort = [int]$row.LocalPort; OwningProcess = [int]$row.OwningProcess }
            }
        }
        return
    }
    # netstat fallback (2008 R2): the state column is localized, so a listener is recognised by
    # its numbers only: remote port 0.
    $pattern = '^\s*TCP\s+(\S+):(\d+)\s+\S+:0\s+\S+\s+(\d+)\s*$'
    foreach ($line in @(Invoke-RdpNative -FilePath "$env:SystemRoot\System32\netstat.exe" -ArgumentList @('-ano', '-p', 'TCP'))) {
        $match = [regex]::Match([string]$line, $pattern)
        if ($match.Success -and [int]$match.Groups[2].Value -eq $Port) {
            [pscustomobject]@{ LocalAddress = $match.Groups[1].Value; LocalPort = $Port; OwningProcess = [int]$match.Groups[3].Value }
        }
    }
}

function Get-RdpCertificate {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store
    )
    $path = 'Cert:\LocalMachine\' + $Store
    if (-not (Test-Path -LiteralPath $path)) {
        return
    }
    foreach ($certificate in @(Get-ChildItem -LiteralPath $path)) {
        # 2.5.29.37 is the Enhanced Key Usage extension; without it a certificate serves any purpose.
        $usages = $null
        foreach ($extension in @($certificate.Extensions | Where-Object { $_.Oid.Value -eq '2.5.29.37' })) {
            $eku = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension -ArgumentList @($extension, $extension.Critical)
            $usages = @($eku.EnhancedKeyUsages | ForEach-Object { [string]$_.Value })
        }
        [pscustomobject]@{
            Store             = $Store
            Thumbprint        = [string]$certificate.Thumbprint
            Subject           = [string]$certificate.Subject
            Issuer            = [string]$certificate.Issuer
            NotBefore         = $certificate.NotBefore
            NotAfter          = $certificate.NotAfter
            HasPrivateKey     = [bool]$certificate.HasPrivateKey
            EnhancedKeyUsages = $usages
        }
    }
}

function Get-RdpPrivateKey {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[0-9A-Fa-f]{40}$')]
        [string]$Thumbprint
    )
    # HasPrivateKey only says a key is associated; opening it shows whether it is there, intact
    # and readable. Its file is named by the key's unique container name, in the CryptoAPI
    # (RSA\MachineKeys) or CNG (Keys) machine key folder.
    $certificate = Get-Item -LiteralPath ('Cert:\LocalMachine\' + $Store + '\' + $Thumbprint)
    $name = $null
    try {
        $key = $null
        $rsa = 'System.Security.Cryptography.X509Certificates.RSACertificateExtensions' -as [type]
        $ecdsa = 'System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions' -as [type]
        if ($null -ne $rsa) {
            $key = $rsa::GetRSAPrivateKey($certificate)
        }
        else {
            # .NET Framework before 4.6: CryptoAPI keys only.
            $key = $certificate.PrivateKey
        }
        if ($null -eq $key -and $null -ne $ecdsa) {
            $key = $ecdsa::GetECDsaPrivateKey($certificate)
        }
        if ($key -is [System.Security.Cryptography.ICspAsymmetricAlgorithm]) {
            $name = $key.CspKeyContainerInfo.UniqueKeyContainerName
        }
        elseif ($null -ne $key -and $null -ne $key.PSObject.Properties['Key']) {
            $name = $key.Key.UniqueName
        }
    }
    catch [System.Security.Cryptography.CryptographicException] {
        return [pscustomobject]@{ Opens = $false; File = $null }
    }
    if (-not $name) {
        return [pscustomobject]@{ Opens = ($null -ne $key); File = $null }
    }
    $file = $null
    foreach ($folder in @('Microsoft\Crypto\RSA\MachineKeys', 'Microsoft\Crypto\Keys')) {
        $candidate = Join-Path -Path (Join-Path -Path $env:ProgramData -ChildPath $folder) -ChildPath $name
        if ($null -eq $file -and (Test-Path -LiteralPath $candidate -PathType Leaf)) {
            $file = $candidate
        }
    }
    [pscustomobject]@{ Opens = $true; File = $file }
}

function Remove-RdpCertificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[0-9A-Fa-f]{40}$')]
        [string]$Thumbprint
    )
    $path = 'Cert:\LocalMachine\' + $Store + '\' + $Thumbprint
    if ($PSCmdlet.ShouldProcess($path, 'Remove certificate')) {
        Remove-Item -LiteralPath $path
    }
}

function Get-RdpAccessRule {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $acl = Get-Acl -LiteralPath $Path
    $inheritOnly = [System.Security.AccessControl.PropagationFlags]::InheritOnly
    foreach ($rule in $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) {
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
}

function Get-RdpSecurityDescriptor {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # The backup privilege grants read access to the security descriptor whatever the DACL says.
    $enabled = @(Enable-RdpPrivilege -Name 'SeBackupPrivilege')
    try {
        (Get-Acl -LiteralPath $Path).Sddl
    }
    finally {
        Disable-RdpPrivilege -Name $enabled
    }
}

function Set-RdpSecurityDescriptor {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Sddl
    )
    if (-not $PSCmdlet.ShouldProcess($Path, 'Restore owner and permissions')) {
        return
    }
    $saved = New-Object -TypeName System.Security.AccessControl.CommonSecurityDescriptor -ArgumentList @($false, $false, $Sddl)
    # The owner first: as owner, the DACL can be read and written whatever it says.
    Set-RdpOwner -Path $Path -Sid $saved.Owner.Value -Confirm:$false
    $acl = Get-Acl -LiteralPath $Path
    $acl.SetSecurityDescriptorSddlForm($Sddl, [System.Security.AccessControl.AccessControlSections]::Access)
    Set-Acl -LiteralPath $Path -AclObject $acl
}

function Get-RdpItemSecurity {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $owner = (Get-Acl -LiteralPath $Path).GetOwner([System.Security.Principal.SecurityIdentifier])
    [pscustomobject]@{ Owner = $owner.Value; Rules = @(Get-RdpAccessRule -Path $Path) }
}

function Set-RdpOwner {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^S-1-\d+(-\d+)+$')]
        [string]$Sid
    )
    if (-not $PSCmdlet.ShouldProcess($Path, "Owner: $Sid")) {
        return
    }
    # SetNamedSecurityInfo: with SeTakeOwnershipPrivilege the owner can be set without
    # WRITE_OWNER in the DACL, with SeRestorePrivilege to any SID. icacls /setowner does not
    # force a change of ownership, so a broken DACL would stop it. Only the owner is written:
    # the DACL is neither read nor changed.
    $enabled = @(Enable-RdpPrivilege -Name 'SeTakeOwnershipPrivilege', 'SeRestorePrivilege')
    try {
        if ([System.IO.Directory]::Exists($Path)) {
            $item = New-Object -TypeName System.IO.DirectoryInfo -ArgumentList $Path
            $security = New-Object -TypeName System.Security.AccessControl.DirectorySecurity
        }
        else {
            $item = New-Object -TypeName System.IO.FileInfo -ArgumentList $Path
            $security = New-Object -TypeName System.Security.AccessControl.FileSecurity
        }
        $security.SetOwner((New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $Sid))
        if ($null -ne $item.PSObject.Methods['SetAccessControl']) {
            $item.SetAccessControl($security)
        }
        else {
            # PowerShell 7: an extension method of .NET.
            [System.IO.FileSystemAclExtensions]::SetAccessControl($item, $security)
        }
    }
    finally {
        Disable-RdpPrivilege -Name $enabled
    }
}

function Get-RdpTokenPrivilegeType {
    [CmdletBinding()]
    [OutputType([type])]
    param()
    $type = 'RdpRescue.TokenPrivilege' -as [type]
    if ($null -ne $type) {
        return $type
    }
    # AdjustTokenPrivileges: PreviousState has no entry when the privilege already had the
    # requested state; ERROR_NOT_ALL_ASSIGNED (1300) when the token does not hold it.
    Add-Type -Language CSharp -TypeDefinition @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace RdpRescue
{
    public static class TokenPrivilege
    {
        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        private struct TokenPrivileges
        {
            public int Count;
            public long Luid;
            public int Attributes;
        }

        private const int TokenAdjustPrivileges = 0x20;
        private const int TokenQuery = 0x8;
        private const int PrivilegeEnabled = 0x2;
        private const int ErrorNotAllAssigned = 1300;

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool OpenProcessToken(IntPtr process, int access, out IntPtr token);

        [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool LookupPrivilegeValue(string system, string name, out long luid);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool AdjustTokenPrivileges(IntPtr token, bool disableAll, ref TokenPrivileges newState, int length, ref TokenPrivileges previousState, out int returnLength);

        [DllImport("kernel32.dll")]
        private static extern IntPtr GetCurrentProcess();

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool CloseHandle(IntPtr handle);

        // Sets one privilege of this process's token; true when that changed its state.
        public static bool Set(string name, bool enable)
        {
            IntPtr token;
            if (!OpenProcessToken(GetCurrentProcess(), TokenAdjustPrivileges | TokenQuery, out token))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }
            try
            {
                TokenPrivileges state = new TokenPrivileges();
                state.Count = 1;
                state.Attributes = enable ? PrivilegeEnabled : 0;
                if (!LookupPrivilegeValue(null, name, out state.Luid))
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error());
                }
                TokenPrivileges previous = new TokenPrivileges();
                int length;
                if (!AdjustTokenPrivileges(token, false, ref state, Marshal.SizeOf(typeof(TokenPrivileges)), ref previous, out length))
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error());
                }
                if (Marshal.GetLastWin32Error() == ErrorNotAllAssigned)
                {
                    return false;
                }
                return previous.Count > 0;
            }
            finally
            {
                CloseHandle(token);
            }
        }
    }
}
'@
    [type]'RdpRescue.TokenPrivilege'
}

function Enable-RdpPrivilege {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string[]]$Name
    )
    # An elevated token holds these privileges but keeps them disabled until a program asks.
    $type = Get-RdpTokenPrivilegeType
    foreach ($privilege in $Name) {
        if ($type::Set($privilege, $true)) {
            $privilege
        }
    }
}

function Disable-RdpPrivilege {
    [CmdletBinding()]
    param(
        [AllowEmptyCollection()]
        [string[]]$Name = @()
    )
    if ($Name.Count -eq 0) {
        return
    }
    $type = Get-RdpTokenPrivilegeType
    foreach ($privilege in $Name) {
        $null = $type::Set($privilege, $false)
    }
}

function Get-RdpChildFile {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [string]$Prefix = '',
        [switch]$Recurse
    )
    try {
        $files = @(Get-ChildItem -LiteralPath $Path -File -Force -Recurse:$Recurse -ErrorAction Stop)
    }
    catch [System.UnauthorizedAccessException] {
        # A folder whose DACL denies listing (a broken MachineKeys): Windows opens folders for
        # listing with backup intent, so the backup privilege lets an administrator list it.
        $enabled = @(Enable-RdpPrivilege -Name 'SeBackupPrivilege')
        try {
            $files = @(Get-ChildItem -LiteralPath $Path -File -Force -Recurse:$Recurse -ErrorAction Stop)
        }
        finally {
            Disable-RdpPrivilege -Name $enabled
        }
    }
    foreach ($file in $files) {
        if ($file.Name.StartsWith($Prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
            $file.FullName
        }
    }
}

function Get-RdpChildFolder {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
        return
    }
    foreach ($folder in @(Get-ChildItem -LiteralPath $Path -Directory -Force)) {
        $folder.FullName
    }
}

function Get-RdpFirewallRulePort {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    try {
        $rule = Get-NetFirewallRule -Name $Name -ErrorAction Stop
    }
    catch {
        # An absent rule is an answer, not a failure; the error id is not localized.
        if ([string]$_.FullyQualifiedErrorId -like 'CmdletizationQuery_NotFound_Name*') {
            return $null
        }
        throw
    }
    $filter = $rule | Get-NetFirewallPortFilter
    return , @($filter.LocalPort | ForEach-Object { [string]$_ })
}

function Set-RdpFirewallRulePort {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [string[]]$Port
    )
    if ($PSCmdlet.ShouldProcess($Name, "Firewall rule LocalPort = $($Port -join ',')")) {
        Set-NetFirewallRule -Name $Name -LocalPort $Port
    }
}

function Get-RdpTerminalServerMode {
    [CmdletBinding()]
    [OutputType([object])]
    param()
    # 1 = AppServer (RD Session Host role service installed), 0 = RemoteAdmin. Errors stop.
    $setting = Get-CimInstance -Namespace 'root/cimv2/TerminalServices' -ClassName 'Win32_TerminalServiceSetting' -ErrorAction Stop
    if ($null -eq $setting) {
        return $null
    }
    return @($setting)[0].TerminalServerMode
}

function Get-RdpWindowsFeatureState {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    if (-not (Get-Command -Name 'Get-WindowsFeature' -ErrorAction SilentlyContinue)) {
        return $null
    }
    $feature = Get-WindowsFeature -Name $Name
    if ($null -eq $feature) {
        return $false
    }
    return [bool]$feature.Installed
}

function Get-RdpFileVersion {
    [CmdletBinding()]
    [OutputType([int[]])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Reads the version resource only (the file is never loaded as code). The four numbers,
    # not FileVersion: that text may carry a branch name after the version.
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        throw ('{0} does not exist.' -f $Path)
    }
    $info = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($Path)
    @([int]$info.FileMajorPart, [int]$info.FileMinorPart, [int]$info.FileBuildPart, [int]$info.FilePrivatePart)
}

function Get-RdpUserRightExport {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    # secedit writes a Unicode template; only its exit code and the file are read, never its
    # (localized) messages. A new temporary file of this process, removed afterwards.
    $file = [System.IO.Path]::GetTempFileName()
    try {
        $secedit = Join-Path -Path ([Environment]::SystemDirectory) -ChildPath 'secedit.exe'
        $null = Invoke-RdpNative -FilePath $secedit -ArgumentList @('/export', '/areas', 'USER_RIGHTS', '/cfg', $file, '/quiet')
        Get-Content -LiteralPath $file -Encoding Unicode
    }
    finally {
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }
}

function Get-RdpAuditPolicyType {
    [CmdletBinding()]
    [OutputType([type])]
    param()
    $type = 'RdpRescue.AuditPolicy' -as [type]
    if ($null -ne $type) {
        return $type
    }
    # AuditQuerySystemPolicy returns BOOLEAN (one byte) and a buffer of AUDIT_POLICY_INFORMATION
    # (GUID subcategory, ULONG AuditingInformation at offset 16, GUID category), freed by AuditFree.
    Add-Type -Language CSharp -TypeDefinition @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace RdpRescue
{
    public static class AuditPolicy
    {
        [DllImport("advapi32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.U1)]
        private static extern bool AuditQuerySystemPolicy([In] Guid[] subCategoryGuids, uint policyCount, out IntPtr auditPolicy);

        [DllImport("advapi32.dll")]
        private static extern void AuditFree(IntPtr buffer);

        public static int Query(Guid subCategory)
        {
            IntPtr buffer;
            if (!AuditQuerySystemPolicy(new Guid[] { subCategory }, 1, out buffer))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }
            try
            {
                return Marshal.ReadInt32(buffer, 16);
            }
            finally
            {
                AuditFree(buffer);
            }
        }
    }
}
'@
    [type]'RdpRescue.AuditPolicy'
}

function Get-RdpAuditSetting {
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory = $true)]
        [guid]$Subcategory
    )
    # The system audit policy as LSA applies it, by GUID (auditpol /get prints localized text).
    # Reading it needs SeSecurityPrivilege, which an elevated token holds but keeps disabled.
    $type = Get-RdpAuditPolicyType
    $enabled = @(Enable-RdpPrivilege -Name 'SeSecurityPrivilege')
    try {
        $type::Query($Subcategory)
    }
    finally {
        Disable-RdpPrivilege -Name $enabled
    }
}

function New-RdpProtectedDirectory {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not $PSCmdlet.ShouldProcess($Path, 'Create folder (SYSTEM and Administrators only)')) {
        return
    }
    # Full control for SYSTEM and Administrators, inherited by everything inside; nothing inherited
    # from the parent (ProgramData lets every user create folders); owned by Administrators.
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
    # Created with its permissions, never with the parent's first. An existing folder is left as it
    # is: the caller reads back owner and permissions.
    $folder = New-Object -TypeName System.IO.DirectoryInfo -ArgumentList $Path
    $extensions = 'System.IO.FileSystemAclExtensions' -as [type]
    if ($null -ne $extensions) {
        $extensions::Create($folder, $security)
    }
    else {
        $folder.Create($security)
    }
}

function Resolve-RdpFileSystemPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    # Cmdlets resolve a relative path against the PowerShell location, .NET against the process
    # directory: they differ after Set-Location, so every path is made absolute here first.
    $provider = $null
    $drive = $null
    $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path, [ref]$provider, [ref]$drive)
    if ($provider.Name -ne 'FileSystem') {
        throw ($script:RdpStrings.NotFileSystemPath -f $Path)
    }
    $root = [System.IO.Path]::GetPathRoot($full)
    if ($full.Length -gt $root.Length) {
        $full = $full.TrimEnd([System.IO.Path]::DirectorySeparatorChar, [System.IO.Path]::AltDirectorySeparatorChar)
    }
    $full
}

function Write-RdpBackupManifest {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]$Manifest
    )
    if ($PSCmdlet.ShouldProcess($Path, 'Write backup manifest')) {
        $json = ConvertTo-Json -InputObject $Manifest -Depth 8
        [System.IO.File]::WriteAllText($Path, $json, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
    }
}

function Read-RdpBackupManifest {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not (Test-Path -LiteralPath $Path)) {
        return $null
    }
    [System.IO.File]::ReadAllText($Path) | ConvertFrom-Json
}

function Invoke-RdpNative {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$FilePath,
        [string[]]$ArgumentList = @()
    )
    # In Windows PowerShell 5.1 a native command's stderr becomes error records, which stop
    # the script under ErrorActionPreference=Stop; the exit code is the real verdict.
    $ErrorActionPreference = 'Continue'
    $output = @(& $FilePath @ArgumentList 2>&1 | ForEach-Object { [string]$_ })
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0) {
        throw ('{0} {1} exited with code {2}: {3}' -f (Split-Path -Leaf $FilePath), ($ArgumentList -join ' '), $exitCode, ($output -join ' '))
    }
    $output
}

function Test-RdpElevation {
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList $identity
    $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-RdpDate {
    [CmdletBinding()]
    [OutputType([datetime])]
    param()
    Get-Date
}

# Windows Firewall (src/powershell/firewall.ps1 reads the rules and profiles through these)

function Get-RdpRegistryValueTable {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    $table = @{}
    if (-not (Test-Path -LiteralPath $Path)) {
        return $table
    }
    $key = Get-Item -LiteralPath $Path
    foreach ($name in $key.GetValueNames()) {
        $table[$name] = $key.GetValue($name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    }
    $table
}

function Set-RdpFirewallRuleEnabled {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [bool]$Enabled
    )
    if ($PSCmdlet.ShouldProcess($Name, "Firewall rule Enabled = $Enabled")) {
        if ($Enabled) {
            Enable-NetFirewallRule -Name $Name -ErrorAction Stop
        }
        else {
            Disable-NetFirewallRule -Name $Name -ErrorAction Stop
        }
    }
}
#endregion src/powershell/platform.ps1

#region src/powershell/checks.ps1
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
#endregion src/powershell/checks.ps1

#region src/powershell/user-rights.ps1
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
#endregion src/powershell/user-rights.ps1

#region src/powershell/service-config.ps1
# Service configuration
# A service's start type and logon account against the defaults Microsoft documents, read from
# the service control manager (Win32_Service: StartMode, StartName), which starts services by
# them; and the operation that sets a logon account back to a built-in one.

function Test-RdpServiceConfigCheck {
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
        # Not installed: service-state 'missing' says so; a configuration there is none.
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    if ($Check.Setting -eq 'start-type') {
        # Win32_Service.StartMode: Auto (delayed start too), Manual, Disabled, Boot, System.
        $expected = @{ automatic = 'Auto'; manual = 'Manual' }[$Check.Expected]
        $actual = [string]$service[0].StartMode
    }
    else {
        $expected = [string]$Check.Expected
        $actual = [string]$service[0].StartName
    }
    # -eq on strings ignores case: NT AUTHORITY\LocalService is NT Authority\LocalService.
    if ($actual -eq $expected) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail (ConvertTo-RdpToken -Value $actual)
}

function Test-RdpBuiltInServiceAccount {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowEmptyString()]
        [string]$Account
    )
    # The accounts a service runs as without a password; -contains ignores case.
    @('LocalSystem', 'NT AUTHORITY\LocalService', 'NT AUTHORITY\NetworkService') -contains $Account
}

function Set-RdpServiceLogonAccountOperation {
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
    $service = @(Get-RdpServiceInfo -Name $Operation.Service)
    if ($service.Count -eq 0) {
        throw ($script:RdpStrings.ServiceNotInstalled -f $Operation.Service)
    }
    if ([string]$service[0].StartName -eq $Operation.Account) {
        return
    }
    Set-RdpServiceLogonAccount -Name $Operation.Service -Account $Operation.Account
    '{0} logs on as {1}' -f $Operation.Service, $Operation.Account
}

function Restore-RdpServiceLogonAccount {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Service,
        [AllowEmptyString()]
        [string]$Account
    )
    # Undo of a logon-account change. A built-in account goes back through the service control
    # manager; another account needs its password, which RdpRescue never saw: its name is
    # written back (ObjectName, read at the next boot) and the user is told to give the password.
    if (-not $Account) {
        return
    }
    $now = @(Get-RdpServiceInfo -Name $Service)
    if ($now.Count -eq 0 -or [string]$now[0].StartName -eq $Account) {
        return
    }
    if (Test-RdpBuiltInServiceAccount -Account $Account) {
        Set-RdpServiceLogonAccount -Name $Service -Account $Account
        return
    }
    Set-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$Service" -Name 'ObjectName' -Type 'REG_SZ' -Value $Account
    Write-Warning ($script:RdpStrings.ServiceAccountNeedsPassword -f $Service, $Account)
}
#endregion src/powershell/service-config.ps1

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

#region src/powershell/backup.ps1
# Backup and restore
# One Backup-/Restore- pair per backup item kind (src/model/backup.ts decides what each
# operation needs saved). Backup functions return a hashtable that is written to backup.json;
# Restore functions take the same entry read back from JSON. What an undo trusts (the backup
# folder, each entry) is in src/powershell/undo.ps1.

# The registry value kinds a backup saves and restores exactly, and the type each is written as.
$script:RdpRegistryTypes = @{
    String       = 'REG_SZ'
    ExpandString = 'REG_EXPAND_SZ'
    DWord        = 'REG_DWORD'
    QWord        = 'REG_QWORD'
    Binary       = 'REG_BINARY'
    MultiString  = 'REG_MULTI_SZ'
}

function ConvertTo-RdpSavedRegistryValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Kind,
        [AllowNull()]
        [object]$Value
    )
    # JSON keeps text and 32-bit numbers exactly; bytes are saved as base64 and 64-bit numbers
    # as text (a JSON reader may turn a large number into a double).
    switch ($Kind) {
        'Binary' {
            return [Convert]::ToBase64String([byte[]]$Value)
        }
        'QWord' {
            return ([long]$Value).ToString([System.Globalization.CultureInfo]::InvariantCulture)
        }
        'DWord' {
            return [int]$Value
        }
        'MultiString' {
            return , [string[]]@($Value)
        }
    }
    [string]$Value
}

function ConvertFrom-RdpSavedRegistryValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Kind,
        [AllowNull()]
        [object]$Value
    )
    switch ($Kind) {
        'Binary' {
            return , [Convert]::FromBase64String([string]$Value)
        }
        'QWord' {
            return [long]::Parse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture)
        }
        'DWord' {
            return [int]$Value
        }
        'MultiString' {
            if ($null -eq $Value) {
                return , [string[]]@()
            }
            return , [string[]]@($Value)
        }
    }
    [string]$Value
}

function Backup-RdpRegistryValueItem {
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
    $kind = Get-RdpRegistryValueKind -Path $Item.Key -Name $Item.Name
    $value = $null
    if ($null -ne $kind) {
        # Before any change: a value that cannot be put back exactly stops the repair here.
        if (-not $script:RdpRegistryTypes.ContainsKey($kind)) {
            throw ($script:RdpStrings.RegistryKindUnsupported -f "$($Item.Key)\$($Item.Name)", $kind)
        }
        $value = ConvertTo-RdpSavedRegistryValue -Kind $kind -Value (Get-RdpRegistryValue -Path $Item.Key -Name $Item.Name)
    }
    @{ Kind = $Item.Kind; Key = $Item.Key; Name = $Item.Name; ValueKind = $kind; Value = $value }
}

function Restore-RdpRegistryValueItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    if ($null -eq $Entry.ValueKind) {
        # The value did not exist before the repair.
        Remove-RdpRegistryValue -Path $Entry.Key -Name $Entry.Name
        return
    }
    # Test-RdpRegistryValueItem admits only the kinds in $script:RdpRegistryTypes.
    $kind = [string]$Entry.ValueKind
    $value = ConvertFrom-RdpSavedRegistryValue -Kind $kind -Value $Entry.Value
    Set-RdpRegistryValue -Path $Entry.Key -Name $Entry.Name -Type $script:RdpRegistryTypes[$kind] -Value $value
}

function Backup-RdpAclItem {
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
    # The files directly in the folder are saved even when the operation does not recurse:
    # operations that target files by prefix change them too. An entry that cannot be read is
    # recorded with the reason instead of stopping the backup: a broken ACL is what these
    # fixes repair.
    $path = Resolve-RdpWindowsPath -Path $Item.Path
    if (-not (Test-Path -LiteralPath $path)) {
        # Nothing there to change, nothing to restore (a machine without CNG keys).
        return @{ Kind = $Item.Kind; Path = $path; Entries = @() }
    }
    $paths = @($path) + @(Get-RdpChildFile -Path $path -Recurse:([bool]$Item.Recurse))
    $entries = foreach ($target in $paths) {
        try {
            @{ Path = $target; Sddl = (Get-RdpSecurityDescriptor -Path $target) }
        }
        catch {
            Write-Warning ($script:RdpStrings.BackupEntryUnreadable -f $target, $_.Exception.Message)
            @{ Path = $target; Sddl = $null; Error = $_.Exception.Message }
        }
    }
    @{ Kind = $Item.Kind; Path = $path; Entries = @($entries) }
}

function Restore-RdpAclItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    foreach ($saved in @($Entry.Entries)) {
        # An entry that could not be read at backup time has nothing to restore.
        if ($saved.Sddl -and (Test-Path -LiteralPath $saved.Path)) {
            Set-RdpSecurityDescriptor -Path $saved.Path -Sddl $saved.Sddl
        }
    }
}

function Resolve-RdpServiceTarget {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    if ($Item.Service) {
        return $Item.Service
    }
    $owner = Resolve-RdpPortOwner -Context $Context
    $owner.Service
}

function Backup-RdpServiceConfigItem {
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
    $name = Resolve-RdpServiceTarget -Item $Item -Context $Context
    if (-not $name) {
        return @{ Kind = $Item.Kind; Service = $null; Start = $null; State = $null; Dependents = @() }
    }
    $service = @(Get-RdpServiceInfo -Name $name)
    $state = $null
    $account = $null
    $dependents = @()
    if ($service.Count -gt 0) {
        $state = $service[0].State
        $account = [string]$service[0].StartName
        # Stopping a service stops its dependents too; undo starts the running ones again.
        $dependents = @(Get-RdpDependentService -Name $name | Where-Object { (Get-RdpServiceState -Name $_) -eq 'Running' })
    }
    $start = Get-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$name" -Name 'Start'
    @{ Kind = $Item.Kind; Service = $name; Start = $start; State = $state; Account = $account; Dependents = $dependents }
}

function Restore-RdpServiceConfigItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    if (-not $Entry.Service) {
        return
    }
    if ($null -ne $Entry.Start) {
        Set-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$($Entry.Service)" -Name 'Start' -Type 'REG_DWORD' -Value ([int]$Entry.Start)
        # The service control manager reads that value only at boot: tell it now as well. A
        # protected service (gpsvc) refuses, and keeps the value for the next boot.
        $mode = ConvertTo-RdpServiceStartMode -Start ([int]$Entry.Start)
        if ($mode) {
            try {
                Set-RdpServiceStartMode -Name $Entry.Service -StartType $mode
            }
            catch {
                Write-Verbose -Message ('{0}: start type restored for the next boot ({1})' -f $Entry.Service, $_.Exception.Message)
            }
        }
    }
    # Older backups have no Account.
    if ($Entry.PSObject.Properties.Name -contains 'Account') {
        Restore-RdpServiceLogonAccount -Service $Entry.Service -Account ([string]$Entry.Account)
    }
    $now = @(Get-RdpServiceInfo -Name $Entry.Service)
    if ($Entry.State -eq 'Running' -and $now.Count -gt 0 -and $now[0].State -ne 'Running') {
        Set-RdpServiceState -Name $Entry.Service -State 'Running'
    }
    # Saved in stop order; start in the reverse. Older backups have no Dependents.
    $dependents = @()
    if ($Entry.PSObject.Properties.Name -contains 'Dependents') {
        $dependents = @($Entry.Dependents)
    }
    [array]::Reverse($dependents)
    foreach ($dependent in $dependents) {
        Set-RdpServiceState -Name ([string]$dependent) -State 'Running'
    }
}

function Get-RdpCertificateRegistryKey {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store,
        [Parameter(Mandatory = $true)]
        [string]$Thumbprint
    )
    # The LocalMachine system stores are registry stores: each certificate is a key with a Blob.
    "HKLM:\SOFTWARE\Microsoft\SystemCertificates\$Store\Certificates\$Thumbprint"
}

function Backup-RdpCertificateStoreItem {
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
    $certificates = foreach ($certificate in @(Get-RdpCertificate -Store $Item.Store)) {
        $blob = Get-RdpRegistryValue -Path (Get-RdpCertificateRegistryKey -Store $Item.Store -Thumbprint $certificate.Thumbprint) -Name 'Blob'
        if ($blob -is [byte[]]) {
            @{ Thumbprint = $certificate.Thumbprint; Blob = [Convert]::ToBase64String($blob) }
        }
    }
    @{ Kind = $Item.Kind; Store = $Item.Store; Certificates = @($certificates) }
}

function Restore-RdpCertificateStoreItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    $present = @(Get-RdpCertificate -Store $Entry.Store | ForEach-Object { $_.Thumbprint })
    foreach ($certificate in @($Entry.Certificates)) {
        if ($present -notcontains $certificate.Thumbprint) {
            $key = Get-RdpCertificateRegistryKey -Store $Entry.Store -Thumbprint $certificate.Thumbprint
            Set-RdpRegistryValue -Path $key -Name 'Blob' -Type 'REG_BINARY' -Value ([Convert]::FromBase64String([string]$certificate.Blob))
        }
    }
}

function Backup-RdpFirewallRuleItem {
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
    @{ Kind = $Item.Kind; Rule = $Item.Rule; LocalPort = (Get-RdpFirewallRulePort -Name $Item.Rule) }
}

function Restore-RdpFirewallRuleItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    if ($null -ne $Entry.LocalPort) {
        Set-RdpFirewallRulePort -Name $Entry.Rule -Port @($Entry.LocalPort)
    }
}

function Backup-RdpBcdStoreItem {
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
    $file = Join-Path -Path $Folder -ChildPath 'bcd.export'
    if (-not (Test-Path -LiteralPath $file)) {
        $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/export', $file)
    }
    @{ Kind = $Item.Kind; File = 'bcd.export' }
}

function Restore-RdpBcdStoreItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    $file = Join-Path -Path $Folder -ChildPath $Entry.File
    $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/import', $file)
}

function Backup-RdpFixState {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [object[]]$Fixes,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context,
        [Parameter(Mandatory = $true)]
        [string]$BackupRoot,
        [string]$Scenario = ''
    )
    # Everything every selected fix will change is saved before the first change.
    Initialize-RdpBackupRoot -Path $BackupRoot
    # Invariant culture: the Gregorian calendar under any culture (th-TH would write 2569), so the
    # names sort in time order (Mode=Undo restores the last one).
    $stamp = (Get-RdpDate).ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture)
    $folder = Join-Path -Path $BackupRoot -ChildPath $stamp
    $suffix = 1
    while (Test-Path -LiteralPath $folder) {
        $suffix += 1
        $folder = Join-Path -Path $BackupRoot -ChildPath "$stamp-$suffix"
    }
    New-RdpProtectedDirectory -Path $folder
    $items = foreach ($fix in $Fixes) {
        foreach ($item in $fix.Backup) {
            $entry = & $script:RdpBackupFunctions[$item.Kind] -Item $item -Context $Context -Folder $folder
            $entry.Fix = $fix.Id
            $entry
        }
    }
    $manifest = [ordered]@{
        schema           = 'urn:rdp-rescue:backup:1'
        version          = $script:RdpVersion
        created          = (Get-RdpDate).ToUniversalTime().ToString('o')
        scenario         = $Scenario
        fixes            = @($Fixes | ForEach-Object { $_.Id })
        restartsServices = @($Fixes | ForEach-Object { $_.RestartsServices } | Sort-Object -Unique)
        items            = @($items)
    }
    Write-RdpBackupManifest -Path (Join-Path -Path $folder -ChildPath 'backup.json') -Manifest $manifest
    $folder
}
#endregion src/powershell/backup.ps1

#region src/powershell/undo.ps1
# Undo: what a restore may trust, and the restore itself
# backup.json lives in a folder under ProgramData, where every user may create folders, and Undo
# runs as an administrator or SYSTEM. So the backup root is created with permissions for SYSTEM
# and Administrators only, a folder anyone else owns or may change is refused, and each manifest
# entry must describe something a fix of the catalog backs up (one Test-<noun> per backup item
# kind, dispatch table $script:RdpBackupEntryTests). Each item is restored on its own: one that
# fails is reported with its reason and the others are still restored.

# SYSTEM and Administrators, by SID: the only accounts that may own or change a backup.
$script:RdpTrustedSids = @('S-1-5-18', 'S-1-5-32-544')

# Access rights that let an account change a folder or what is in it: write or append data
# (create a file or a subfolder), write extended attributes or attributes, delete a child,
# delete, change permissions, take ownership, generic write and generic all.
$script:RdpChangeRights = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000

function Get-RdpUntrustedReason {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        # A file's owner is whoever wrote it; its folder decides who could have.
        [switch]$IgnoreOwner
    )
    $security = Get-RdpItemSecurity -Path $Path
    if (-not $IgnoreOwner -and $script:RdpTrustedSids -notcontains [string]$security.Owner) {
        return ($script:RdpStrings.BackupOwnerUntrusted -f $Path, $security.Owner)
    }
    $writers = @($security.Rules | Where-Object {
            $_.AccessType -eq 'Allow' -and $script:RdpTrustedSids -notcontains [string]$_.Sid -and ([int64]$_.Rights -band $script:RdpChangeRights) -ne 0
        } | ForEach-Object { [string]$_.Sid } | Sort-Object -Unique)
    if ($writers.Count -gt 0) {
        return ($script:RdpStrings.BackupWritableByOthers -f $Path, ($writers -join ', '))
    }
}

function Assert-RdpTrustedPath {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [switch]$IgnoreOwner
    )
    $reason = Get-RdpUntrustedReason -Path $Path -IgnoreOwner:$IgnoreOwner
    if ($reason) {
        throw $reason
    }
}

function Initialize-RdpBackupRoot {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
        New-RdpProtectedDirectory -Path $Path
    }
    # Read back also after creating it: a folder someone made in the meantime is left as it was.
    Assert-RdpTrustedPath -Path $Path
}

function Get-RdpEntryField {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [AllowNull()]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    # Nothing when the field is missing (strict mode forbids reading an absent property).
    if ($null -eq $Entry) {
        return
    }
    if ($Entry -is [System.Collections.IDictionary]) {
        return $Entry[$Name]
    }
    $property = $Entry.PSObject.Properties[$Name]
    if ($null -ne $property) {
        $property.Value
    }
}

function Get-RdpEntryTarget {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()]
        [object]$Entry
    )
    # What an entry restores, for messages: the registry value, path, service, store, rule or file.
    $key = Get-RdpEntryField -Entry $Entry -Name 'Key'
    if ($key) {
        return ('{0}\{1}' -f $key, (Get-RdpEntryField -Entry $Entry -Name 'Name'))
    }
    foreach ($field in @('Path', 'Service', 'Store', 'Rule', 'File')) {
        $value = Get-RdpEntryField -Entry $Entry -Name $field
        if ($value) {
            return [string]$value
        }
    }
    ''
}

function Test-RdpPathWithin {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [string]$Folder,
        [switch]$Recurse
    )
    # The folder itself or a file in it (at any depth with -Recurse), never through '..'.
    if ($Path -eq $Folder) {
        return $true
    }
    $separators = [char[]]@('\', '/')
    if ($Path.Length -le $Folder.Length + 1 -or -not $Path.StartsWith($Folder, [System.StringComparison]::OrdinalIgnoreCase)) {
        return $false
    }
    if ($separators -notcontains $Path[$Folder.Length]) {
        return $false
    }
    $parts = $Path.Substring($Folder.Length + 1).Split($separators)
    if (@($parts | Where-Object { $_ -eq '' -or $_ -eq '.' -or $_ -eq '..' }).Count -gt 0) {
        return $false
    }
    $Recurse -or $parts.Count -eq 1
}

function Test-RdpRegistryValueItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    $kind = Get-RdpEntryField -Entry $Entry -Name 'ValueKind'
    ([string](Get-RdpEntryField -Entry $Entry -Name 'Key') -eq $Item.Key) -and
    ([string](Get-RdpEntryField -Entry $Entry -Name 'Name') -eq $Item.Name) -and
    ($null -eq $kind -or $script:RdpRegistryTypes.ContainsKey([string]$kind))
}

function Test-RdpAclItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    $folder = Resolve-RdpWindowsPath -Path $Item.Path
    if ([string](Get-RdpEntryField -Entry $Entry -Name 'Path') -ne $folder) {
        return $false
    }
    foreach ($saved in @(Get-RdpEntryField -Entry $Entry -Name 'Entries')) {
        if (-not (Test-RdpPathWithin -Path ([string](Get-RdpEntryField -Entry $saved -Name 'Path')) -Folder $folder -Recurse:([bool]$Item.Recurse))) {
            return $false
        }
    }
    $true
}

function Test-RdpServiceConfigItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    $service = Get-RdpEntryField -Entry $Entry -Name 'Service'
    $start = Get-RdpEntryField -Entry $Entry -Name 'Start'
    if ($null -ne $start -and [string]$start -notmatch '^[0-4]$') {
        return $false
    }
    # An account name: no control characters or quotes, at most 256 characters.
    $account = Get-RdpEntryField -Entry $Entry -Name 'Account'
    if ($null -ne $account -and [string]$account -notmatch '^[^\x00-\x1f"]{0,256}$') {
        return $false
    }
    if ($Item.Service) {
        $named = ([string]$service -eq $Item.Service)
    }
    else {
        # A service found at run time (the RDP port's owner): none, or a name the service manager
        # allows (no slash or backslash, at most 256 characters) that is not '.' or '..'.
        $named = ($null -eq $service -or [string]$service -match '^(?!\.+$)[^\\/]{1,256}$')
    }
    $named -and (Test-RdpSavedDependent -Entry $Entry -Service $service)
}

function Test-RdpSavedDependent {
    # Undo starts the saved dependents again: only services that depend on this one now, so a
    # planted list cannot make Undo start any other service.
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [AllowNull()]
        [object]$Service
    )
    $saved = @(Get-RdpEntryField -Entry $Entry -Name 'Dependents' | Where-Object { $null -ne $_ })
    if ($saved.Count -eq 0) {
        return $true
    }
    if ($null -eq $Service) {
        return $false
    }
    $current = @(Get-RdpDependentService -Name ([string]$Service))
    foreach ($dependent in $saved) {
        if ($current -notcontains [string]$dependent) {
            return $false
        }
    }
    $true
}

function Test-RdpCertificateStoreItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    if ([string](Get-RdpEntryField -Entry $Entry -Name 'Store') -ne $Item.Store) {
        return $false
    }
    foreach ($certificate in @(Get-RdpEntryField -Entry $Entry -Name 'Certificates')) {
        if ([string](Get-RdpEntryField -Entry $certificate -Name 'Thumbprint') -notmatch '^[0-9A-Fa-f]{40}$') {
            return $false
        }
    }
    $true
}

function Test-RdpFirewallRuleItem {
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
    # A port, a range, or a keyword such as Any or RPC.
    $ports = @(Get-RdpEntryField -Entry $Entry -Name 'LocalPort')
    @($ports | Where-Object { [string]$_ -notmatch '^([0-9]{1,5}(-[0-9]{1,5})?|[A-Za-z]+)$' }).Count -eq 0
}

function Test-RdpBcdStoreItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    # The export Backup-RdpBcdStoreItem writes into the backup folder, and nothing else.
    [string](Get-RdpEntryField -Entry $Entry -Name 'File') -eq 'bcd.export'
}

function Test-RdpBootElementItem {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    # The catalog's entry and element, and a value bcdedit /set takes for that element (or none).
    if ([string](Get-RdpEntryField -Entry $Entry -Name 'Entry') -ne $Item.Entry -or [string](Get-RdpEntryField -Entry $Entry -Name 'Element') -ne $Item.Element) {
        return $false
    }
    $setting = Get-RdpEntryField -Entry $Entry -Name 'Setting'
    ($null -eq $setting) -or ($script:RdpBootElementSettings[$Item.Element] -ccontains [string]$setting)
}

function Test-RdpBackupEntryAllowed {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowNull()]
        [object]$Entry
    )
    # The entry's fix must be in the catalog and back up an item of the entry's kind that the
    # entry matches.
    $fix = $script:RdpCatalog.Fixes[[string](Get-RdpEntryField -Entry $Entry -Name 'Fix')]
    $kind = [string](Get-RdpEntryField -Entry $Entry -Name 'Kind')
    if ($null -eq $fix -or -not $script:RdpBackupEntryTests.ContainsKey($kind)) {
        return $false
    }
    foreach ($item in @($fix.Backup | Where-Object { $_.Kind -eq $kind })) {
        if (& $script:RdpBackupEntryTests[$kind] -Entry $Entry -Item $item) {
            return $true
        }
    }
    $false
}

function New-RdpUndoFailure {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [AllowNull()]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Kind,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Target,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Reason
    )
    $failure = [pscustomobject]@{
        Fix    = [string](Get-RdpEntryField -Entry $Entry -Name 'Fix')
        Kind   = $Kind
        Target = $Target
        Reason = $Reason
    }
    Write-Warning ($script:RdpStrings.UndoItemFailed -f $Kind, $Target, $Reason)
    $failure
}

function Restore-RdpFixState {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    $manifestPath = Join-Path -Path $Folder -ChildPath 'backup.json'
    if (-not (Test-Path -LiteralPath $manifestPath -PathType Leaf)) {
        throw ($script:RdpStrings.BackupNotFound -f $Folder)
    }
    # Nothing from the folder is read before it is known that no one but SYSTEM and Administrators
    # could have written it.
    Assert-RdpTrustedPath -Path (Split-Path -Path $Folder -Parent)
    Assert-RdpTrustedPath -Path $Folder
    Assert-RdpTrustedPath -Path $manifestPath -IgnoreOwner
    $manifest = Read-RdpBackupManifest -Path $manifestPath
    $schema = [string](Get-RdpEntryField -Entry $manifest -Name 'schema')
    if ($schema -ne 'urn:rdp-rescue:backup:1') {
        throw ($script:RdpStrings.BackupManifestInvalid -f $manifestPath, $schema)
    }
    $items = @(Get-RdpEntryField -Entry $manifest -Name 'items')
    [array]::Reverse($items)
    $failures = @()
    $restored = 0
    foreach ($entry in $items) {
        $kind = [string](Get-RdpEntryField -Entry $entry -Name 'Kind')
        $target = Get-RdpEntryTarget -Entry $entry
        if (-not (Test-RdpBackupEntryAllowed -Entry $entry)) {
            $failures += New-RdpUndoFailure -Entry $entry -Kind $kind -Target $target -Reason ($script:RdpStrings.BackupEntryRefused -f (Get-RdpEntryField -Entry $entry -Name 'Fix'))
            continue
        }
        try {
            & $script:RdpRestoreFunctions[$kind] -Entry $entry -Folder $Folder -Confirm:$false
            $restored += 1
        }
        catch {
            $failures += New-RdpUndoFailure -Entry $entry -Kind $kind -Target $target -Reason $_.Exception.Message
        }
    }
    # Only services that a fix named in this backup restarts are restarted again.
    $fixes = @(Get-RdpEntryField -Entry $manifest -Name 'fixes' | ForEach-Object { $script:RdpCatalog.Fixes[[string]$_] } | Where-Object { $null -ne $_ })
    $restartable = @($fixes | ForEach-Object { $_.RestartsServices })
    foreach ($service in @(Get-RdpEntryField -Entry $manifest -Name 'restartsServices')) {
        if ($restartable -notcontains [string]$service) {
            $failures += New-RdpUndoFailure -Entry $null -Kind 'service-restart' -Target ([string]$service) -Reason $script:RdpStrings.ServiceRestartRefused
            continue
        }
        try {
            $operation = @{ Kind = 'service-restart'; Service = [string]$service }
            $null = Restart-RdpServiceOperation -Operation $operation -Parameters @{} -Context (New-RdpContext) -Confirm:$false
        }
        catch {
            $failures += New-RdpUndoFailure -Entry $null -Kind 'service-restart' -Target ([string]$service) -Reason $_.Exception.Message
        }
    }
    $result = 'Restored'
    $summary = $script:RdpStrings.Restored -f $restored, $Folder
    if ($failures.Count -gt 0) {
        $result = 'Failed'
        $listed = @($failures | ForEach-Object { '{0} {1}: {2}' -f $_.Kind, $_.Target, $_.Reason }) -join '; '
        $summary = $script:RdpStrings.UndoIncomplete -f $Folder, $restored, $failures.Count, $listed
    }
    [pscustomobject]@{
        PSTypeName = 'RdpRescue.UndoResult'
        BackupPath = $Folder
        Result     = $result
        Restored   = $restored
        Failed     = @($failures)
        Summary    = $summary
    }
}
#endregion src/powershell/undo.ps1

#region src/powershell/services.ps1
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
#endregion src/powershell/services.ps1

#region src/powershell/boot-entry.ps1
# Boot entry elements
# Windows mounts its own boot store (BCD) as a registry hive: each entry is a key named by its
# GUID, each element a key named by its type number, in every language. bcdedit's listing is
# localized, so the check reads the store's keys; the change goes through bcdedit, the
# documented tool. {default} is the entry the next boot starts: the boot manager's
# BcdBootMgrObject_DefaultObject element names it.

function Get-RdpBootEntryElementPath {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item
    )
    $pointer = '{0}\Objects\{1}\Elements\{2}' -f $Item.Store, $Item.BootManager, $Item.DefaultObjectElement
    $entry = Get-RdpRegistryValue -Path $pointer -Name 'Element'
    if ($entry -isnot [string] -or $entry -notmatch '^\{[0-9A-Fa-f-]{36}\}$') {
        throw ($script:RdpStrings.BootStoreUnreadable -f $pointer)
    }
    '{0}\Objects\{1}\Elements\{2}' -f $Item.Store, $entry, $Item.ElementType
}

function ConvertFrom-RdpBootElementBytes {
    [CmdletBinding()]
    [OutputType([int64])]
    param(
        [AllowNull()]
        [object]$Value
    )
    # Integers and booleans are stored little-endian; -1 when the data is not such a number.
    $number = [int64]-1
    if ($Value -is [byte[]] -and $Value.Length -ge 1 -and $Value.Length -le 8) {
        $number = [int64]0
        for ($i = $Value.Length - 1; $i -ge 0; $i--) {
            $number = ($number * 256) + $Value[$i]
        }
    }
    $number
}

function ConvertTo-RdpBootElementText {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Item,
        [AllowNull()]
        [object]$Value
    )
    # BcdLibrary_SafeBoot: 0 Minimal, 1 Network, 2 DsRepair; other elements show their number.
    $number = ConvertFrom-RdpBootElementBytes -Value $Value
    $names = @{ 0 = 'Minimal'; 1 = 'Network'; 2 = 'DsRepair' }
    if ($Item.Element -eq 'safeboot' -and $names.ContainsKey([int]$number)) {
        return '{0}:{1}' -f $Item.Element, $names[[int]$number]
    }
    '{0}:{1}' -f $Item.Element, $number
}

function Test-RdpBootEntryCheck {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Check,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    $path = Get-RdpBootEntryElementPath -Item $Check
    $value = Get-RdpRegistryValue -Path $path -Name 'Element'
    if ($null -eq $value) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail (ConvertTo-RdpBootElementText -Item $Check -Value $value)
}

function Remove-RdpBcdValueOperation {
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
    # bcdedit /deletevalue fails on an element the entry does not carry: delete only a present one.
    $path = Get-RdpBootEntryElementPath -Item $Operation
    if ($null -eq (Get-RdpRegistryValue -Path $path -Name 'Element')) {
        return
    }
    $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/deletevalue', $Operation.Entry, $Operation.Element)
    'bcdedit /deletevalue {0} {1}' -f $Operation.Entry, $Operation.Element
}

# The values bcdedit /set writes for each element (bcdedit /set documentation: safeboot
# minimal | network | dsrepair, BcdLibrary_SafeBoot 0, 1, 2; safebootalternateshell yes | no).
$script:RdpBootElementSettings = @{
    safeboot               = @('minimal', 'network', 'dsrepair')
    safebootalternateshell = @('no', 'yes')
}

function Backup-RdpBootElementItem {
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
    # Undo sets the element back with bcdedit /set; the exported store is an emergency copy
    # only (importing it would also drop every boot change made after the fix).
    $file = Join-Path -Path $Folder -ChildPath 'bcd.export'
    if (-not (Test-Path -LiteralPath $file)) {
        $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/export', $file)
    }
    $path = Get-RdpBootEntryElementPath -Item $Item
    $data = Get-RdpRegistryValue -Path $path -Name 'Element'
    $setting = $null
    if ($null -ne $data) {
        $number = ConvertFrom-RdpBootElementBytes -Value $data
        $settings = $script:RdpBootElementSettings[$Item.Element]
        if ($number -lt 0 -or $number -ge $settings.Count) {
            throw ($script:RdpStrings.BootElementUnsaved -f $Item.Element, $number)
        }
        $setting = $settings[[int]$number]
    }
    @{ Kind = $Item.Kind; Entry = $Item.Entry; Element = $Item.Element; Setting = $setting; EmergencyCopy = 'bcd.export' }
}

function Restore-RdpBootElementItem {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Entry,
        [Parameter(Mandatory = $true)]
        [string]$Folder
    )
    # An element that was absent was not deleted by the fix: nothing to put back.
    if ($null -eq $Entry.Setting) {
        return
    }
    if ($PSCmdlet.ShouldProcess(('{0} {1}' -f $Entry.Entry, $Entry.Element), 'bcdedit /set')) {
        $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/set', [string]$Entry.Entry, [string]$Entry.Element, [string]$Entry.Setting)
    }
}
#endregion src/powershell/boot-entry.ps1

#region src/powershell/operations.ps1
# Operations
# One function per operation kind (dispatch table $script:RdpOperationAppliers). Each gets the
# operation data, the fix parameters and the context, changes the machine through the
# platform layer only, and returns a short description of what it changed.

function Resolve-RdpOperationValue {
    [CmdletBinding()]
    [OutputType([object])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters
    )
    if ($null -eq $Operation.Param) {
        return $Operation.Data
    }
    if (-not $Parameters.ContainsKey($Operation.Param)) {
        throw ($script:RdpStrings.MissingParameter -f $Operation.Kind, $Operation.Param)
    }
    $Parameters[$Operation.Param]
}

function ConvertFrom-RdpHex {
    [CmdletBinding()]
    [OutputType([byte[]])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^([0-9A-Fa-f]{2})+$')]
        [string]$Hex
    )
    $bytes = [byte[]]::new($Hex.Length / 2)
    for ($i = 0; $i -lt $bytes.Length; $i++) {
        $bytes[$i] = [Convert]::ToByte($Hex.Substring($i * 2, 2), 16)
    }
    , $bytes
}

function Set-RdpRegistryOperation {
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
    $write = Get-RdpRegistryWrite -Operation $Operation -Parameters $Parameters
    Set-RdpRegistryValue -Path $write.Key -Name $write.Name -Type $write.Type -Value $write.Value
    '{0}\{1} = {2}' -f $write.Key, $write.Name, (ConvertTo-RdpToken -Value $write.Value)
}

function Get-RdpRegistryWrite {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters
    )
    # The registry value an operation leaves behind (Value $null: deleted), or nothing when it
    # writes no registry value. Operations write it; verification reads it back.
    switch ($Operation.Kind) {
        'registry-set' {
            $value = Resolve-RdpOperationValue -Operation $Operation -Parameters $Parameters
            switch ($Operation.Type) {
                'REG_DWORD' {
                    # The registry holds 32 bits and .NET reads a DWORD as Int32: 4294967295
                    # (no connection limit) is written and read back as -1, the same bits.
                    $value = [BitConverter]::ToInt32([BitConverter]::GetBytes([uint32]$value), 0)
                }
                'REG_BINARY' {
                    $value = ConvertFrom-RdpHex -Hex ([string]$value)
                }
                default {
                    $value = [string]$value
                }
            }
            return @{ Key = $Operation.Key; Name = $Operation.Name; Type = $Operation.Type; Value = $value }
        }
        'registry-delete' {
            return @{ Key = $Operation.Key; Name = $Operation.Name; Type = $null; Value = $null }
        }
        'service-start-type' {
            # Start lives in the service's registry key; writing it directly also works for
            # protected services such as gpsvc, whose configuration Set-Service and sc config
            # are denied.
            $start = @{ automatic = 2; manual = 3; disabled = 4 }[$Operation.StartType]
            return @{ Key = "HKLM:\SYSTEM\CurrentControlSet\Services\$($Operation.Service)"; Name = 'Start'; Type = 'REG_DWORD'; Value = $start }
        }
    }
}

function ConvertTo-RdpServiceStartMode {
    # A service key's Start value as the service control manager names the start type; nothing
    # for Boot (0) and System (1), which Set-Service does not take.
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [int]$Start
    )
    @{ 2 = 'Automatic'; 3 = 'Manual'; 4 = 'Disabled' }[$Start]
}

function Get-RdpUnconfirmedWrite {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Operation,
        [Parameter(Mandatory = $true)]
        [hashtable]$Parameters
    )
    # Key\Name of the registry value the operation wrote when it does not read back as written
    # (a policy or another agent put it back, or the write went nowhere); nothing otherwise.
    $write = Get-RdpRegistryWrite -Operation $Operation -Parameters $Parameters
    if ($null -eq $write) {
        return
    }
    $actual = Get-RdpRegistryValue -Path $write.Key -Name $write.Name
    $expected = $write.Value
    if ($null -eq $expected) {
        $same = $null -eq $actual
    }
    elseif ($expected -is [byte[]]) {
        $same = $actual -is [byte[]] -and [System.BitConverter]::ToString($actual) -eq [System.BitConverter]::ToString($expected)
    }
    else {
        $same = $null -ne $actual -and [string]$actual -ceq [string]$expected
    }
    if (-not $same) {
        '{0}\{1}' -f $write.Key, $write.Name
    }
}

function Remove-RdpRegistryOperation {
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
    if ($null -eq (Get-RdpRegistryValueKind -Path $Operation.Key -Name $Operation.Name)) {
        return
    }
    Remove-RdpRegistryValue -Path $Operation.Key -Name $Operation.Name
    '{0}\{1} removed' -f $Operation.Key, $Operation.Name
}

function Add-RdpItemFailure {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Context,
        [Parameter(Mandatory = $true)]
        [string]$Item,
        [Parameter(Mandatory = $true)]
        [string]$Reason
    )
    # The operation goes on with the other items; the fix is then reported as applied in part.
    $null = $Context.ItemFailures.Add(('{0}: {1}' -f $Item, $Reason))
}

function Confirm-RdpGrant {
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [string[]]$Item,
        [Parameter(Mandatory = $true)]
        [object[]]$Grants,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # A grant counts only once it reads back; an item that does not is recorded as failed.
    $confirmed = 0
    foreach ($path in $Item) {
        try {
            $missing = @($Grants | Where-Object { -not (Test-RdpAllowedMask -Path $path -Sid $_.Sid -Mask $_.Mask) } | ForEach-Object { '*{0}:({1})' -f $_.Sid, $_.Rights })
            if ($missing.Count -eq 0) {
                $confirmed += 1
            }
            else {
                Add-RdpItemFailure -Context $Context -Item $path -Reason ($script:RdpStrings.GrantNotReadBack -f ($missing -join ' '))
            }
        }
        catch {
            Add-RdpItemFailure -Context $Context -Item $path -Reason $_.Exception.Message
        }
    }
    $confirmed
}

function Invoke-RdpIcaclsGrant {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path,
        [Parameter(Mandatory = $true)]
        [object[]]$Grants,
        [switch]$Recurse
    )
    # icacls with *SID works on every display language; account names do not. With /c it goes
    # on past an item it cannot change and exits non-zero: the read-back names those items.
    $arguments = @($Path)
    foreach ($grant in $Grants) {
        $arguments += '/grant'
        $arguments += '*{0}:({1})' -f $grant.Sid, $grant.Rights
    }
    $arguments += @('/c', '/q')
    if ($Recurse) {
        $arguments += '/t'
    }
    try {
        $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\icacls.exe" -ArgumentList $arguments
    }
    catch {
        Write-Verbose $_.Exception.Message
    }
}

function Grant-RdpAclOperation {
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
    $folder = Resolve-RdpWindowsPath -Path $Operation.Path
    if ($null -eq $Operation.FilesStartingWith) {
        $targets = @($folder)
        $items = @($folder)
        if ($Operation.Recurse) {
            $items += @(Get-RdpChildFile -Path $folder -Recurse)
        }
    }
    else {
        $targets = @(Get-RdpChildFile -Path $folder -Prefix $Operation.FilesStartingWith)
        $items = $targets
    }
    if ($targets.Count -eq 0) {
        return
    }
    foreach ($target in $targets) {
        Invoke-RdpIcaclsGrant -Path $target -Grants $Operation.Grants -Recurse:([bool]$Operation.Recurse)
    }
    $confirmed = Confirm-RdpGrant -Item $items -Grants $Operation.Grants -Context $Context
    $granted = @($Operation.Grants | ForEach-Object { '*{0}:({1})' -f $_.Sid, $_.Rights }) -join ' '
    '{0}: {1} ({2} of {3} item(s))' -f $folder, $granted, $confirmed, $items.Count
}

function Grant-RdpPrivateKeyOperation {
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
    # The certificate's key file is known only once its key is opened.
    $thumbprint = [string](Resolve-RdpOperationValue -Operation $Operation -Parameters $Parameters)
    $key = Get-RdpPrivateKey -Store $Operation.Store -Thumbprint $thumbprint
    if ($null -eq $key.File) {
        Add-RdpItemFailure -Context $Context -Item ('Cert:\LocalMachine\{0}\{1}' -f $Operation.Store, $thumbprint) -Reason $script:RdpStrings.KeyFileNotFound
        return
    }
    Invoke-RdpIcaclsGrant -Path $key.File -Grants $Operation.Grants
    if ((Confirm-RdpGrant -Item @($key.File) -Grants $Operation.Grants -Context $Context) -gt 0) {
        '{0}: {1}' -f $key.File, (@($Operation.Grants | ForEach-Object { '*{0}:({1})' -f $_.Sid, $_.Rights }) -join ' ')
    }
}

function Set-RdpOwnerOperation {
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
    # Item by item, so that one file that cannot be changed neither stops the others nor goes
    # unreported. Set-RdpOwner takes ownership even where the DACL denies it (the case this
    # operation exists for); icacls /setowner does not, and takeown's answer is localized.
    $folder = Resolve-RdpWindowsPath -Path $Operation.Path
    $targets = @($folder)
    if ($Operation.Recurse) {
        $targets += @(Get-RdpChildFile -Path $folder -Recurse)
    }
    $changed = 0
    foreach ($target in $targets) {
        try {
            Set-RdpOwner -Path $target -Sid $Operation.Owner -Confirm:$false
            $changed += 1
        }
        catch {
            Add-RdpItemFailure -Context $Context -Item $target -Reason $_.Exception.Message
        }
    }
    '{0}: owner {1} ({2} of {3} item(s))' -f $folder, $Operation.Owner, $changed, $targets.Count
}

function Restart-RdpServiceOperation {
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
    # With no port owner stopped by this run, a restart would only drop every session.
    if ($Operation.ContainsKey('OnlyAfterStopping') -and $Operation.OnlyAfterStopping -and -not $Context.ContainsKey('PortOwnerStopped')) {
        return
    }
    $service = @(Get-RdpServiceInfo -Name $Operation.Service)
    $dependents = @()
    if ($service.Count -gt 0 -and $service[0].State -eq 'Running') {
        $dependents = @(Set-RdpServiceState -Name $Operation.Service -State 'Restarted')
    }
    else {
        Set-RdpServiceState -Name $Operation.Service -State 'Running'
    }
    if ($dependents.Count -eq 0) {
        return '{0} restarted' -f $Operation.Service
    }
    '{0} restarted; its dependents stopped and started again: {1}' -f $Operation.Service, ($dependents -join ', ')
}

function Start-RdpServiceOperation {
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
    $service = @(Get-RdpServiceInfo -Name $Operation.Service)
    if ($service.Count -gt 0 -and $service[0].State -eq 'Running') {
        return
    }
    Set-RdpServiceState -Name $Operation.Service -State 'Running'
    '{0} started' -f $Operation.Service
}

function Resolve-RdpPortOwner {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # Who listens on the configured RDP port, decided once per repair so that the backup and
    # the operation name the same service.
    if ($null -ne $Context.PortOwner) {
        return $Context.PortOwner
    }
    $check = $script:RdpCatalog.ListenerCheck
    $port = Get-RdpConfiguredPort -Check $check
    $rdp = @(Get-RdpServiceInfo -Name $check.Service)
    $rdpPid = 0
    if ($rdp.Count -gt 0) {
        $rdpPid = $rdp[0].ProcessId
    }
    $owner = [pscustomobject]@{ Port = $port; ProcessId = 0; Service = $null; Services = @() }
    $listener = @(Get-RdpTcpListener -Port $port | Where-Object { $_.OwningProcess -ne $rdpPid } | Select-Object -First 1)
    if ($listener.Count -gt 0) {
        $owner.ProcessId = $listener[0].OwningProcess
        $owner.Services = @(Get-RdpServiceInfo -ProcessId $owner.ProcessId | ForEach-Object { $_.Name })
        if ($owner.Services.Count -eq 1) {
            $owner.Service = $owner.Services[0]
        }
    }
    $Context.PortOwner = $owner
    $owner
}

function Stop-RdpServiceOperation {
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
    if ($Operation.Service) {
        $name = $Operation.Service
    }
    else {
        $owner = Resolve-RdpPortOwner -Context $Context
        if ($owner.ProcessId -eq 0) {
            return
        }
        if ($owner.Services.Count -eq 0) {
            throw ($script:RdpStrings.PortOwnerNotService -f $owner.ProcessId, $owner.Port)
        }
        if ($owner.Services.Count -gt 1) {
            throw ($script:RdpStrings.PortOwnerShared -f $owner.ProcessId, $owner.Port, ($owner.Services -join ', '))
        }
        $name = $owner.Service
        Write-Warning ($script:RdpStrings.PortOwnerStopped -f $name, $owner.Port)
    }
    if ($Operation.Protect -contains $name) {
        return
    }
    $dependents = @(Set-RdpServiceState -Name $name -State 'Stopped')
    if (-not $Operation.Service) {
        $Context.PortOwnerStopped = $true
    }
    if ($dependents.Count -eq 0) {
        return '{0} stopped' -f $name
    }
    '{0} stopped, and the services that depend on it: {1}' -f $name, ($dependents -join ', ')
}

function Set-RdpServiceStartTypeOperation {
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
    $write = Get-RdpRegistryWrite -Operation $Operation -Parameters $Parameters
    if ($Operation.ViaRegistry) {
        # Protected services (gpsvc) deny Set-Service and sc config; their Start value counts
        # from the next boot, which the fix says.
        Set-RdpRegistryValue -Path $write.Key -Name $write.Name -Type $write.Type -Value $write.Value
    }
    else {
        Set-RdpServiceStartMode -Name $Operation.Service -StartType (ConvertTo-RdpServiceStartMode -Start $write.Value)
    }
    '{0} Start = {1} ({2})' -f $Operation.Service, $write.Value, $Operation.StartType
}

function Remove-RdpSelfSignedCertificateOperation {
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
    # Only self-signed certificates (subject equals issuer), each by its own thumbprint.
    foreach ($certificate in @(Get-RdpCertificate -Store $Operation.Store | Where-Object { $_.Subject -eq $_.Issuer })) {
        Remove-RdpCertificate -Store $Operation.Store -Thumbprint $certificate.Thumbprint
        'Cert:\LocalMachine\{0}\{1} removed' -f $Operation.Store, $certificate.Thumbprint
    }
}

function Set-RdpFirewallRuleOperation {
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
    if ($null -eq (Get-RdpFirewallRulePort -Name $Operation.Rule)) {
        Write-Warning ($script:RdpStrings.FirewallRuleMissing -f $Operation.Rule)
        return
    }
    $port = [string](Resolve-RdpOperationValue -Operation $Operation -Parameters $Parameters)
    Set-RdpFirewallRulePort -Name $Operation.Rule -Port @($port)
    '{0} LocalPort = {1}' -f $Operation.Rule, $port
}

function Set-RdpBcdOperation {
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
    $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/set', $Operation.Entry, $Operation.Setting, $Operation.Value)
    'bcdedit {0} {1} = {2}' -f $Operation.Entry, $Operation.Setting, $Operation.Value
}

function Set-RdpBcdEmsOperation {
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
    $null = Invoke-RdpNative -FilePath "$env:SystemRoot\System32\bcdedit.exe" -ArgumentList @('/emssettings', ('EMSPORT:{0}' -f $Operation.Port), ('EMSBAUDRATE:{0}' -f $Operation.BaudRate))
    'bcdedit emssettings EMSPORT:{0} EMSBAUDRATE:{1}' -f $Operation.Port, $Operation.BaudRate
}
#endregion src/powershell/operations.ps1

#region src/powershell/firewall.ps1
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
#endregion src/powershell/firewall.ps1

#region src/powershell/engine.ps1
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
#endregion src/powershell/engine.ps1

#region catalog data (generated from the model)
$script:RdpVersion = '0.1.0'

$script:RdpStatusNames = @{ DETECTED = 'Detected'; CLEAR = 'Clear'; UNKNOWN = 'Unknown' }

# Check kind -> evaluator, operation kind -> applier, backup item kind -> backup/restore.
$script:RdpCheckEvaluators = @{
    'event-query' = 'Test-RdpEventQueryCheck'
    'registry-value' = 'Test-RdpRegistryValueCheck'
    'service-state' = 'Test-RdpServiceStateCheck'
    'rdp-listener' = 'Test-RdpListenerCheck'
    'certificate-store' = 'Test-RdpCertificateStoreCheck'
    'certificate-binding' = 'Test-RdpCertificateBindingCheck'
    'folder-acl' = 'Test-RdpFolderAclCheck'
    'service-config' = 'Test-RdpServiceConfigCheck'
    'file-version' = 'Test-RdpFileVersionCheck'
    'windows-feature' = 'Test-RdpWindowsFeatureCheck'
    'user-right' = 'Test-RdpUserRightCheck'
    'boot-entry' = 'Test-RdpBootEntryCheck'
    'rdsh-server-mode' = 'Test-RdpRdshServerModeCheck'
    'firewall-rule' = 'Test-RdpFirewallRuleCheck'
    'firewall-inbound-blocked' = 'Test-RdpFirewallInboundBlockedCheck'
    'firewall-port-allowed' = 'Test-RdpFirewallPortAllowedCheck'
}

$script:RdpOperationAppliers = @{
    'registry-set' = 'Set-RdpRegistryOperation'
    'registry-delete' = 'Remove-RdpRegistryOperation'
    'acl-grant' = 'Grant-RdpAclOperation'
    'take-ownership' = 'Set-RdpOwnerOperation'
    'private-key-grant' = 'Grant-RdpPrivateKeyOperation'
    'service-restart' = 'Restart-RdpServiceOperation'
    'service-start' = 'Start-RdpServiceOperation'
    'service-stop' = 'Stop-RdpServiceOperation'
    'service-start-type' = 'Set-RdpServiceStartTypeOperation'
    'service-logon-account' = 'Set-RdpServiceLogonAccountOperation'
    'remove-self-signed-certificates' = 'Remove-RdpSelfSignedCertificateOperation'
    'firewall-rule-port' = 'Set-RdpFirewallRuleOperation'
    'bcd-set' = 'Set-RdpBcdOperation'
    'bcd-ems-settings' = 'Set-RdpBcdEmsOperation'
    'bcd-delete-value' = 'Remove-RdpBcdValueOperation'
    'firewall-rule-enable' = 'Enable-RdpFirewallRuleOperation'
}

$script:RdpBackupFunctions = @{
    'registry-value' = 'Backup-RdpRegistryValueItem'
    acl = 'Backup-RdpAclItem'
    'service-config' = 'Backup-RdpServiceConfigItem'
    'certificate-store' = 'Backup-RdpCertificateStoreItem'
    'firewall-rule' = 'Backup-RdpFirewallRuleItem'
    'firewall-rule-state' = 'Backup-RdpFirewallRuleStateItem'
    'bcd-store' = 'Backup-RdpBcdStoreItem'
    'boot-element' = 'Backup-RdpBootElementItem'
}

$script:RdpRestoreFunctions = @{
    'registry-value' = 'Restore-RdpRegistryValueItem'
    acl = 'Restore-RdpAclItem'
    'service-config' = 'Restore-RdpServiceConfigItem'
    'certificate-store' = 'Restore-RdpCertificateStoreItem'
    'firewall-rule' = 'Restore-RdpFirewallRuleItem'
    'firewall-rule-state' = 'Restore-RdpFirewallRuleStateItem'
    'bcd-store' = 'Restore-RdpBcdStoreItem'
    'boot-element' = 'Restore-RdpBootElementItem'
}

$script:RdpBackupEntryTests = @{
    'registry-value' = 'Test-RdpRegistryValueItem'
    acl = 'Test-RdpAclItem'
    'service-config' = 'Test-RdpServiceConfigItem'
    'certificate-store' = 'Test-RdpCertificateStoreItem'
    'firewall-rule' = 'Test-RdpFirewallRuleItem'
    'firewall-rule-state' = 'Test-RdpFirewallRuleStateItem'
    'bcd-store' = 'Test-RdpBcdStoreItem'
    'boot-element' = 'Test-RdpBootElementItem'
}

$script:RdpCatalog = @{
    Scenarios = @(
        @{
            Id = 'account-locked-or-expired'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-logon-account'
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
            Fixes = @()
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
            Fixes = @()
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
                        Key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP\Parameters'
                        Name = 'AllowEncryptionOracle'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
            )
            Fixes = @('set-credssp-mitigated')
        }
        @{
            Id = 'guest-firewall-blocks-rdp'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'firewall-rule'
                        Id = 'rdp-firewall-rule-off'
                        Rule = 'RemoteDesktop-UserMode-In-TCP'
                        PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        PortName = 'PortNumber'
                        DefaultPort = 3389
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'firewall-inbound-blocked'
                        Id = 'firewall-blocks-all-inbound'
                        Source = 'effective'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'firewall-port-allowed'
                        Id = 'rdp-port-block-rule'
                        PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        PortName = 'PortNumber'
                        DefaultPort = 3389
                        FiresWhen = 'blocked'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'firewall-inbound-blocked'
                        Id = 'firewall-block-all-by-policy'
                        Source = 'policy'
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
            Fixes = @('enable-rdp-firewall-rules', 'allow-firewall-inbound-exceptions')
        }
        @{
            Id = 'machinekeys-access'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-rcm-cert'
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
                        DefaultSddl = 'O:SYG:SYD:PAI(A;;0x12019f;;;WD)(A;;FA;;;BA)'
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
            Fixes = @('reset-machinekeys-acl', 'renew-rdp-self-signed-cert', 'remove-rdp-cert-binding', 'set-rdp-cert-binding')
        }
        @{
            Id = 'max-connections-reached'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-connection-limit-zero'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'MaxInstanceCount'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'MaxInstanceCount'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-connection-limit-one'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'MaxInstanceCount'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'MaxInstanceCount'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-connection-limit-by-policy'
                        Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        Name = 'MaxInstanceCount'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
            )
            Fixes = @('restore-rdp-connection-limit')
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
                        Expected = 'automatic'
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
                        Expected = 'automatic'
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
                        Expected = 'automatic'
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
                        Expected = 'automatic'
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
            Fixes = @('start-network-services', 'reset-dhcp-logon-account')
        }
        @{
            Id = 'nla-dc-unreachable'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-logon-no-dc'
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
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'UserAuthentication'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'UserAuthentication'
                    }
                }
            )
            Fixes = @('disable-nla')
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
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'SSLCertificateSHA1Hash'
                        Stores = @('My', 'Remote Desktop')
                    }
                }
            )
            Fixes = @('renew-rdp-self-signed-cert', 'remove-rdp-cert-binding', 'set-rdp-cert-binding')
        }
        @{
            Id = 'rdp-disabled'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-connections-denied'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                        Name = 'fDenyTSConnections'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'fDenyTSConnections'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-denied-by-policy'
                        Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        Name = 'fDenyTSConnections'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
            )
            Fixes = @('allow-rdp-connections')
        }
        @{
            Id = 'rdp-listener-disabled'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'terminal-server-off'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                        Name = 'TSEnabled'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'terminal-server-logons-off'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                        Name = 'TSUserEnabled'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'terminal-server-draining'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                        Name = 'TSServerDrainMode'
                        Op = 'not-equals'
                        Value = 0
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-listener-off'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'fEnableWinStation'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-listener-logons-off'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'fLogonDisabled'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
            )
            Fixes = @('enable-terminal-server', 'enable-rdp-listener')
        }
        @{
            Id = 'rdp-port-conflict'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'rdp-listener'
                        Id = 'rdp-listener'
                        PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        PortName = 'PortNumber'
                        DefaultPort = 3389
                        Service = 'TermService'
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
            Fixes = @('stop-port-owner', 'set-rdp-port')
        }
        @{
            Id = 'rdp-port-firewall-mismatch'
            Evidence = @(
                @{
                    Role = 'precondition'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-port-changed'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'PortNumber'
                        Op = 'not-equals'
                        Value = 3389
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'firewall-port-allowed'
                        Id = 'rdp-port-not-allowed'
                        PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        PortName = 'PortNumber'
                        DefaultPort = 3389
                        FiresWhen = 'not-allowed'
                    }
                }
            )
            Fixes = @('open-rdp-port-in-firewall', 'set-rdp-port')
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
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\Licensing Core'
                        Name = 'LicensingMode'
                        Op = 'none-of'
                        Value = $null
                        Values = @(2, 4, 6)
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'LicensingMode'
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'license-servers-not-set'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\TermService\Parameters\LicenseServers'
                        Name = 'SpecifiedLicenseServers'
                        Op = 'absent'
                        Value = $null
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'LicenseServers'
                    }
                }
            )
            Fixes = @()
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
                        Store = 'HKLM:\BCD00000000'
                        BootManager = '{9dea862c-5cdd-4e70-acc1-f32b344d4795}'
                        DefaultObjectElement = '23000003'
                    }
                }
            )
            Fixes = @('remove-safe-boot')
        }
        @{
            Id = 'security-layer-mismatch'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-encryption-fips-only'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'MinEncryptionLevel'
                        Op = 'equals'
                        Value = 4
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'MinEncryptionLevel'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'fips-algorithms-enforced'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy'
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-encryption-fips-by-policy'
                        Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        Name = 'MinEncryptionLevel'
                        Op = 'equals'
                        Value = 4
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'precondition'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-security-layer-rdp'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'SecurityLayer'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'SecurityLayer'
                    }
                }
            )
            Fixes = @('set-rdp-encryption-high', 'disable-fips-algorithm-policy', 'set-rdp-security-layer-tls')
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
                        Expected = 'manual'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-scm-start-failure'
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
            Fixes = @('start-termservice', 'reset-termservice-logon-account')
        }
        @{
            Id = 'tls-disabled'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-schannel-credential'
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
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'tls12-server-off-by-default'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                        Name = 'DisabledByDefault'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'tls10-server-off'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'tls11-server-off'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 0
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'rdp-requires-tls'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                        Name = 'SecurityLayer'
                        Op = 'equals'
                        Value = 2
                        PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                        PolicyName = 'SecurityLayer'
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'registry-value'
                        Id = 'fips-policy-on'
                        Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy'
                        Name = 'Enabled'
                        Op = 'equals'
                        Value = 1
                        PolicyKey = $null
                        PolicyName = $null
                    }
                }
            )
            Fixes = @('enable-tls12-server', 'suspend-group-policy', 'resume-group-policy', 'enable-legacy-tls-server')
        }
        @{
            Id = 'user-not-authorized'
            Evidence = @(
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'event-query'
                        Id = 'ev-logon-no-right'
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
                        Right = 'SeRemoteInteractiveLogonRight'
                        FiresWhen = 'missing-any'
                        Sids = @('S-1-5-32-544')
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'user-right'
                        Id = 'rdp-right-no-rdusers'
                        Right = 'SeRemoteInteractiveLogonRight'
                        FiresWhen = 'missing-any'
                        Sids = @('S-1-5-32-555')
                    }
                }
                @{
                    Role = 'primary'
                    Check = @{
                        Kind = 'user-right'
                        Id = 'rdp-right-denied'
                        Right = 'SeDenyRemoteInteractiveLogonRight'
                        FiresWhen = 'granted-any'
                        Sids = @('S-1-5-32-544', 'S-1-5-32-555', 'S-1-5-32-545', 'S-1-1-0')
                    }
                }
                @{
                    Role = 'supporting'
                    Check = @{
                        Kind = 'user-right'
                        Id = 'rdp-deny-local'
                        Right = 'SeDenyRemoteInteractiveLogonRight'
                        FiresWhen = 'granted-any'
                        Sids = @('S-1-5-113', 'S-1-5-114')
                    }
                }
            )
            Fixes = @()
        }
    )
    Checks = @{
        'ev-logon-account' = @{
            Kind = 'event-query'
            Id = 'ev-logon-account'
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
        'ev-logon-disabled' = @{
            Kind = 'event-query'
            Id = 'ev-logon-disabled'
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
        'ev-logon-bad-password' = @{
            Kind = 'event-query'
            Id = 'ev-logon-bad-password'
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
        'broker-role-installed' = @{
            Kind = 'windows-feature'
            Id = 'broker-role-installed'
            Feature = 'RDS-Connection-Broker'
            IndicatorService = 'Tssdis'
        }
        'ev-broker-db-logon' = @{
            Kind = 'event-query'
            Id = 'ev-broker-db-logon'
            Channel = 'Microsoft-Windows-TerminalServices-SessionBroker/Operational'
            Provider = 'Microsoft-Windows-TerminalServices-SessionBroker'
            EventIds = @(2056)
            WindowHours = 24
            DataConditions = @()
            ReportFields = @()
            AuditedBy = $null
        }
        'ev-broker-rpc' = @{
            Kind = 'event-query'
            Id = 'ev-broker-rpc'
            Channel = 'Microsoft-Windows-TerminalServices-SessionBroker-Client/Operational'
            Provider = 'Microsoft-Windows-TerminalServices-SessionBroker-Client'
            EventIds = @(1296)
            WindowHours = 24
            DataConditions = @()
            ReportFields = @()
            AuditedBy = $null
        }
        'credssp-update-missing' = @{
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
        'credssp-force-updated-clients' = @{
            Kind = 'registry-value'
            Id = 'credssp-force-updated-clients'
            Key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP\Parameters'
            Name = 'AllowEncryptionOracle'
            Op = 'equals'
            Value = 0
            PolicyKey = $null
            PolicyName = $null
        }
        'rdp-firewall-rule-off' = @{
            Kind = 'firewall-rule'
            Id = 'rdp-firewall-rule-off'
            Rule = 'RemoteDesktop-UserMode-In-TCP'
            PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            PortName = 'PortNumber'
            DefaultPort = 3389
        }
        'firewall-blocks-all-inbound' = @{
            Kind = 'firewall-inbound-blocked'
            Id = 'firewall-blocks-all-inbound'
            Source = 'effective'
        }
        'rdp-port-block-rule' = @{
            Kind = 'firewall-port-allowed'
            Id = 'rdp-port-block-rule'
            PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            PortName = 'PortNumber'
            DefaultPort = 3389
            FiresWhen = 'blocked'
        }
        'firewall-block-all-by-policy' = @{
            Kind = 'firewall-inbound-blocked'
            Id = 'firewall-block-all-by-policy'
            Source = 'policy'
        }
        'firewall-service-stopped' = @{
            Kind = 'service-state'
            Id = 'firewall-service-stopped'
            Service = 'MpsSvc'
            FiresWhen = 'not-running'
        }
        'bfe-service-stopped' = @{
            Kind = 'service-state'
            Id = 'bfe-service-stopped'
            Service = 'BFE'
            FiresWhen = 'not-running'
        }
        'ev-rcm-cert' = @{
            Kind = 'event-query'
            Id = 'ev-rcm-cert'
            Channel = 'System'
            Provider = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager'
            EventIds = @(1057, 1058)
            WindowHours = 24
            DataConditions = @()
            ReportFields = @()
            AuditedBy = $null
        }
        'ev-schannel-key' = @{
            Kind = 'event-query'
            Id = 'ev-schannel-key'
            Channel = 'System'
            Provider = 'Schannel'
            EventIds = @(36870)
            WindowHours = 24
            DataConditions = @()
            ReportFields = @('ErrorCode', 'ErrorStatus')
            AuditedBy = $null
        }
        'ev-schannel-36872' = @{
            Kind = 'event-query'
            Id = 'ev-schannel-36872'
            Channel = 'System'
            Provider = 'Schannel'
            EventIds = @(36872)
            WindowHours = 24
            DataConditions = @()
            ReportFields = @()
            AuditedBy = $null
        }
        'machinekeys-acl' = @{
            Kind = 'folder-acl'
            Id = 'machinekeys-acl'
            Path = @{
                Root = 'ProgramData'
                Sub = 'Microsoft\Crypto\RSA\MachineKeys'
            }
            DefaultSddl = 'O:SYG:SYD:PAI(A;;0x12019f;;;WD)(A;;FA;;;BA)'
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
        'rdp-connection-limit-zero' = @{
            Kind = 'registry-value'
            Id = 'rdp-connection-limit-zero'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'MaxInstanceCount'
            Op = 'equals'
            Value = 0
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'MaxInstanceCount'
        }
        'rdp-connection-limit-one' = @{
            Kind = 'registry-value'
            Id = 'rdp-connection-limit-one'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'MaxInstanceCount'
            Op = 'equals'
            Value = 1
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'MaxInstanceCount'
        }
        'rdp-connection-limit-by-policy' = @{
            Kind = 'registry-value'
            Id = 'rdp-connection-limit-by-policy'
            Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            Name = 'MaxInstanceCount'
            Op = 'equals'
            Value = 0
            PolicyKey = $null
            PolicyName = $null
        }
        'netsvc-dhcp-start' = @{
            Kind = 'service-config'
            Id = 'netsvc-dhcp-start'
            Service = 'Dhcp'
            Setting = 'start-type'
            Expected = 'automatic'
        }
        'netsvc-dhcp-down' = @{
            Kind = 'service-state'
            Id = 'netsvc-dhcp-down'
            Service = 'Dhcp'
            FiresWhen = 'not-running'
        }
        'netsvc-nsi-start' = @{
            Kind = 'service-config'
            Id = 'netsvc-nsi-start'
            Service = 'nsi'
            Setting = 'start-type'
            Expected = 'automatic'
        }
        'netsvc-nsi-down' = @{
            Kind = 'service-state'
            Id = 'netsvc-nsi-down'
            Service = 'nsi'
            FiresWhen = 'not-running'
        }
        'netsvc-bfe-start' = @{
            Kind = 'service-config'
            Id = 'netsvc-bfe-start'
            Service = 'BFE'
            Setting = 'start-type'
            Expected = 'automatic'
        }
        'netsvc-bfe-down' = @{
            Kind = 'service-state'
            Id = 'netsvc-bfe-down'
            Service = 'BFE'
            FiresWhen = 'not-running'
        }
        'netsvc-mpssvc-start' = @{
            Kind = 'service-config'
            Id = 'netsvc-mpssvc-start'
            Service = 'MpsSvc'
            Setting = 'start-type'
            Expected = 'automatic'
        }
        'netsvc-mpssvc-down' = @{
            Kind = 'service-state'
            Id = 'netsvc-mpssvc-down'
            Service = 'MpsSvc'
            FiresWhen = 'not-running'
        }
        'netsvc-dhcp-account' = @{
            Kind = 'service-config'
            Id = 'netsvc-dhcp-account'
            Service = 'Dhcp'
            Setting = 'logon-account'
            Expected = 'NT Authority\LocalService'
        }
        'ev-logon-no-dc' = @{
            Kind = 'event-query'
            Id = 'ev-logon-no-dc'
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
        'nla-required' = @{
            Kind = 'registry-value'
            Id = 'nla-required'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'UserAuthentication'
            Op = 'equals'
            Value = 1
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'UserAuthentication'
        }
        'rdp-cert-store' = @{
            Kind = 'certificate-store'
            Id = 'rdp-cert-store'
            Store = 'Remote Desktop'
            FiresWhen = 'empty-or-expired'
        }
        'rdp-cert-binding' = @{
            Kind = 'certificate-binding'
            Id = 'rdp-cert-binding'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'SSLCertificateSHA1Hash'
            Stores = @('My', 'Remote Desktop')
        }
        'rdp-connections-denied' = @{
            Kind = 'registry-value'
            Id = 'rdp-connections-denied'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
            Name = 'fDenyTSConnections'
            Op = 'equals'
            Value = 1
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'fDenyTSConnections'
        }
        'rdp-denied-by-policy' = @{
            Kind = 'registry-value'
            Id = 'rdp-denied-by-policy'
            Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            Name = 'fDenyTSConnections'
            Op = 'equals'
            Value = 1
            PolicyKey = $null
            PolicyName = $null
        }
        'terminal-server-off' = @{
            Kind = 'registry-value'
            Id = 'terminal-server-off'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
            Name = 'TSEnabled'
            Op = 'equals'
            Value = 0
            PolicyKey = $null
            PolicyName = $null
        }
        'terminal-server-logons-off' = @{
            Kind = 'registry-value'
            Id = 'terminal-server-logons-off'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
            Name = 'TSUserEnabled'
            Op = 'equals'
            Value = 1
            PolicyKey = $null
            PolicyName = $null
        }
        'terminal-server-draining' = @{
            Kind = 'registry-value'
            Id = 'terminal-server-draining'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
            Name = 'TSServerDrainMode'
            Op = 'not-equals'
            Value = 0
            PolicyKey = $null
            PolicyName = $null
        }
        'rdp-listener-off' = @{
            Kind = 'registry-value'
            Id = 'rdp-listener-off'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'fEnableWinStation'
            Op = 'equals'
            Value = 0
            PolicyKey = $null
            PolicyName = $null
        }
        'rdp-listener-logons-off' = @{
            Kind = 'registry-value'
            Id = 'rdp-listener-logons-off'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'fLogonDisabled'
            Op = 'equals'
            Value = 1
            PolicyKey = $null
            PolicyName = $null
        }
        'rdp-listener' = @{
            Kind = 'rdp-listener'
            Id = 'rdp-listener'
            PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            PortName = 'PortNumber'
            DefaultPort = 3389
            Service = 'TermService'
        }
        'termservice-stopped' = @{
            Kind = 'service-state'
            Id = 'termservice-stopped'
            Service = 'TermService'
            FiresWhen = 'not-running'
        }
        'rdp-port-changed' = @{
            Kind = 'registry-value'
            Id = 'rdp-port-changed'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'PortNumber'
            Op = 'not-equals'
            Value = 3389
            PolicyKey = $null
            PolicyName = $null
        }
        'rdp-port-not-allowed' = @{
            Kind = 'firewall-port-allowed'
            Id = 'rdp-port-not-allowed'
            PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            PortName = 'PortNumber'
            DefaultPort = 3389
            FiresWhen = 'not-allowed'
        }
        'rdsh-role-installed' = @{
            Kind = 'rdsh-server-mode'
            Id = 'rdsh-role-installed'
        }
        'ev-licensing-grace-expired' = @{
            Kind = 'event-query'
            Id = 'ev-licensing-grace-expired'
            Channel = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Admin'
            Provider = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager'
            EventIds = @(1069)
            WindowHours = 24
            DataConditions = @()
            ReportFields = @()
            AuditedBy = $null
        }
        'licensing-mode-not-set' = @{
            Kind = 'registry-value'
            Id = 'licensing-mode-not-set'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\Licensing Core'
            Name = 'LicensingMode'
            Op = 'none-of'
            Value = $null
            Values = @(2, 4, 6)
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'LicensingMode'
        }
        'license-servers-not-set' = @{
            Kind = 'registry-value'
            Id = 'license-servers-not-set'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\TermService\Parameters\LicenseServers'
            Name = 'SpecifiedLicenseServers'
            Op = 'absent'
            Value = $null
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'LicenseServers'
        }
        'default-entry-safeboot' = @{
            Kind = 'boot-entry'
            Id = 'default-entry-safeboot'
            Entry = '{default}'
            Element = 'safeboot'
            ElementType = '25000080'
            Store = 'HKLM:\BCD00000000'
            BootManager = '{9dea862c-5cdd-4e70-acc1-f32b344d4795}'
            DefaultObjectElement = '23000003'
        }
        'rdp-encryption-fips-only' = @{
            Kind = 'registry-value'
            Id = 'rdp-encryption-fips-only'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'MinEncryptionLevel'
            Op = 'equals'
            Value = 4
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'MinEncryptionLevel'
        }
        'fips-algorithms-enforced' = @{
            Kind = 'registry-value'
            Id = 'fips-algorithms-enforced'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy'
            Name = 'Enabled'
            Op = 'equals'
            Value = 1
            PolicyKey = $null
            PolicyName = $null
        }
        'rdp-encryption-fips-by-policy' = @{
            Kind = 'registry-value'
            Id = 'rdp-encryption-fips-by-policy'
            Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            Name = 'MinEncryptionLevel'
            Op = 'equals'
            Value = 4
            PolicyKey = $null
            PolicyName = $null
        }
        'rdp-security-layer-rdp' = @{
            Kind = 'registry-value'
            Id = 'rdp-security-layer-rdp'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'SecurityLayer'
            Op = 'equals'
            Value = 0
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'SecurityLayer'
        }
        'termservice-disabled' = @{
            Kind = 'service-state'
            Id = 'termservice-disabled'
            Service = 'TermService'
            FiresWhen = 'disabled'
        }
        'termservice-down' = @{
            Kind = 'service-state'
            Id = 'termservice-down'
            Service = 'TermService'
            FiresWhen = 'not-running'
        }
        'termservice-account' = @{
            Kind = 'service-config'
            Id = 'termservice-account'
            Service = 'TermService'
            Setting = 'logon-account'
            Expected = 'NT Authority\NetworkService'
        }
        'termservice-start-type' = @{
            Kind = 'service-config'
            Id = 'termservice-start-type'
            Service = 'TermService'
            Setting = 'start-type'
            Expected = 'manual'
        }
        'ev-scm-start-failure' = @{
            Kind = 'event-query'
            Id = 'ev-scm-start-failure'
            Channel = 'System'
            Provider = 'Service Control Manager'
            EventIds = @(7000, 7001, 7022, 7023)
            WindowHours = 24
            DataConditions = @()
            ReportFields = @()
            AuditedBy = $null
        }
        'ev-schannel-credential' = @{
            Kind = 'event-query'
            Id = 'ev-schannel-credential'
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
        'tls12-server-off' = @{
            Kind = 'registry-value'
            Id = 'tls12-server-off'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
            Name = 'Enabled'
            Op = 'equals'
            Value = 0
            PolicyKey = $null
            PolicyName = $null
        }
        'tls12-server-off-by-default' = @{
            Kind = 'registry-value'
            Id = 'tls12-server-off-by-default'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
            Name = 'DisabledByDefault'
            Op = 'equals'
            Value = 1
            PolicyKey = $null
            PolicyName = $null
        }
        'tls10-server-off' = @{
            Kind = 'registry-value'
            Id = 'tls10-server-off'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
            Name = 'Enabled'
            Op = 'equals'
            Value = 0
            PolicyKey = $null
            PolicyName = $null
        }
        'tls11-server-off' = @{
            Kind = 'registry-value'
            Id = 'tls11-server-off'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
            Name = 'Enabled'
            Op = 'equals'
            Value = 0
            PolicyKey = $null
            PolicyName = $null
        }
        'rdp-requires-tls' = @{
            Kind = 'registry-value'
            Id = 'rdp-requires-tls'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
            Name = 'SecurityLayer'
            Op = 'equals'
            Value = 2
            PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
            PolicyName = 'SecurityLayer'
        }
        'fips-policy-on' = @{
            Kind = 'registry-value'
            Id = 'fips-policy-on'
            Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy'
            Name = 'Enabled'
            Op = 'equals'
            Value = 1
            PolicyKey = $null
            PolicyName = $null
        }
        'ev-logon-no-right' = @{
            Kind = 'event-query'
            Id = 'ev-logon-no-right'
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
        'rdp-right-no-admins' = @{
            Kind = 'user-right'
            Id = 'rdp-right-no-admins'
            Right = 'SeRemoteInteractiveLogonRight'
            FiresWhen = 'missing-any'
            Sids = @('S-1-5-32-544')
        }
        'rdp-right-no-rdusers' = @{
            Kind = 'user-right'
            Id = 'rdp-right-no-rdusers'
            Right = 'SeRemoteInteractiveLogonRight'
            FiresWhen = 'missing-any'
            Sids = @('S-1-5-32-555')
        }
        'rdp-right-denied' = @{
            Kind = 'user-right'
            Id = 'rdp-right-denied'
            Right = 'SeDenyRemoteInteractiveLogonRight'
            FiresWhen = 'granted-any'
            Sids = @('S-1-5-32-544', 'S-1-5-32-555', 'S-1-5-32-545', 'S-1-1-0')
        }
        'rdp-deny-local' = @{
            Kind = 'user-right'
            Id = 'rdp-deny-local'
            Right = 'SeDenyRemoteInteractiveLogonRight'
            FiresWhen = 'granted-any'
            Sids = @('S-1-5-113', 'S-1-5-114')
        }
    }
    Fixes = @{
        'allow-firewall-inbound-exceptions' = @{
            Id = 'allow-firewall-inbound-exceptions'
            Command = 'Disable-RdpFirewallInboundBlock'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\DomainProfile'
                    Name = 'DoNotAllowExceptions'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\StandardProfile'
                    Name = 'DoNotAllowExceptions'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\PublicProfile'
                    Name = 'DoNotAllowExceptions'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\DomainProfile'
                    Name = 'DoNotAllowExceptions'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\StandardProfile'
                    Name = 'DoNotAllowExceptions'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\PublicProfile'
                    Name = 'DoNotAllowExceptions'
                }
            )
            VerifyChecks = @('firewall-blocks-all-inbound')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $true
            PolicyGuards = @(
                @{
                    Kind = 'firewall-inbound-blocked'
                    Id = 'firewall-blocks-all-inbound'
                    Source = 'policy'
                }
            )
        }
        'allow-rdp-connections' = @{
            Id = 'allow-rdp-connections'
            Command = 'Enable-RdpConnection'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                    Name = 'fDenyTSConnections'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                    Name = 'fDenyTSConnections'
                }
            )
            VerifyChecks = @('rdp-connections-denied')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $false
            PolicyGuards = @(
                @{
                    Kind = 'registry-value'
                    Id = 'rdp-connections-denied'
                    Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                    Name = 'fDenyTSConnections'
                    Op = 'equals'
                    Value = 1
                    PolicyKey = $null
                    PolicyName = $null
                }
            )
        }
        'disable-fips-algorithm-policy' = @{
            Id = 'disable-fips-algorithm-policy'
            Command = 'Disable-RdpFipsAlgorithmPolicy'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy'
                    Name = 'Enabled'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy'
                    Name = 'Enabled'
                }
            )
            VerifyChecks = @('fips-algorithms-enforced')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $true
            PolicyGuards = @()
        }
        'disable-nla' = @{
            Id = 'disable-nla'
            Command = 'Disable-RdpNetworkLevelAuthentication'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'UserAuthentication'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'UserAuthentication'
                }
            )
            VerifyChecks = @('nla-required')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $true
            PolicyGuards = @(
                @{
                    Kind = 'registry-value'
                    Id = 'nla-required'
                    Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                    Name = 'UserAuthentication'
                    Op = 'equals'
                    Value = 1
                    PolicyKey = $null
                    PolicyName = $null
                }
            )
        }
        'enable-legacy-tls-server' = @{
            Id = 'enable-legacy-tls-server'
            Command = 'Enable-RdpLegacyTlsProtocol'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                    Name = 'Enabled'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                    Name = 'DisabledByDefault'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                    Name = 'Enabled'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                    Name = 'DisabledByDefault'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                    Name = 'Enabled'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'
                    Name = 'DisabledByDefault'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                    Name = 'Enabled'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'
                    Name = 'DisabledByDefault'
                }
            )
            VerifyChecks = @('tls10-server-off', 'tls11-server-off')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $true
            PolicyGuards = @()
        }
        'enable-rdp-firewall-rules' = @{
            Id = 'enable-rdp-firewall-rules'
            Command = 'Enable-RdpFirewallRule'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'firewall-rule-enable'
                    Rule = 'RemoteDesktop-UserMode-In-TCP'
                }
                @{
                    Kind = 'firewall-rule-enable'
                    Rule = 'RemoteDesktop-UserMode-In-UDP'
                }
            )
            Backup = @(
                @{
                    Kind = 'firewall-rule-state'
                    Rule = 'RemoteDesktop-UserMode-In-TCP'
                }
                @{
                    Kind = 'firewall-rule-state'
                    Rule = 'RemoteDesktop-UserMode-In-UDP'
                }
            )
            VerifyChecks = @('rdp-firewall-rule-off')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'enable-rdp-listener' = @{
            Id = 'enable-rdp-listener'
            Command = 'Enable-RdpListener'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'fEnableWinStation'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'fLogonDisabled'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
                @{
                    Kind = 'service-restart'
                    Service = 'TermService'
                    OnlyAfterStopping = $null
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'fEnableWinStation'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'fLogonDisabled'
                }
            )
            VerifyChecks = @('rdp-listener-off', 'rdp-listener-logons-off')
            NeededWhenEvents = @()
            RestartsServices = @('TermService')
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'enable-terminal-server' = @{
            Id = 'enable-terminal-server'
            Command = 'Enable-RdpTerminalServer'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                    Name = 'TSEnabled'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                    Name = 'TSUserEnabled'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                    Name = 'TSServerDrainMode'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
                @{
                    Kind = 'service-restart'
                    Service = 'TermService'
                    OnlyAfterStopping = $null
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                    Name = 'TSEnabled'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                    Name = 'TSUserEnabled'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
                    Name = 'TSServerDrainMode'
                }
            )
            VerifyChecks = @('terminal-server-off', 'terminal-server-logons-off', 'terminal-server-draining')
            NeededWhenEvents = @()
            RestartsServices = @('TermService')
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'enable-tls12-server' = @{
            Id = 'enable-tls12-server'
            Command = 'Enable-RdpTlsProtocol'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                    Name = 'Enabled'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 1
                }
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                    Name = 'DisabledByDefault'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 0
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                    Name = 'Enabled'
                }
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'
                    Name = 'DisabledByDefault'
                }
            )
            VerifyChecks = @('tls12-server-off', 'tls12-server-off-by-default')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'open-rdp-port-in-firewall' = @{
            Id = 'open-rdp-port-in-firewall'
            Command = 'Set-RdpFirewallPort'
            OptIn = $true
            Parameters = @(
                @{
                    Name = 'Port'
                    Type = 'port'
                }
            )
            Operations = @(
                @{
                    Kind = 'firewall-rule-port'
                    Rule = 'RemoteDesktop-UserMode-In-TCP'
                    Protocol = 'TCP'
                    Param = 'Port'
                    Data = $null
                }
                @{
                    Kind = 'firewall-rule-port'
                    Rule = 'RemoteDesktop-UserMode-In-UDP'
                    Protocol = 'UDP'
                    Param = 'Port'
                    Data = $null
                }
            )
            Backup = @(
                @{
                    Kind = 'firewall-rule'
                    Rule = 'RemoteDesktop-UserMode-In-TCP'
                }
                @{
                    Kind = 'firewall-rule'
                    Rule = 'RemoteDesktop-UserMode-In-UDP'
                }
            )
            VerifyChecks = @('rdp-port-not-allowed')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'remove-rdp-cert-binding' = @{
            Id = 'remove-rdp-cert-binding'
            Command = 'Remove-RdpCertificateBinding'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-delete'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'SSLCertificateSHA1Hash'
                }
                @{
                    Kind = 'service-restart'
                    Service = 'TermService'
                    OnlyAfterStopping = $null
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'SSLCertificateSHA1Hash'
                }
            )
            VerifyChecks = @('rdp-cert-binding')
            NeededWhenEvents = @()
            RestartsServices = @('TermService')
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'remove-safe-boot' = @{
            Id = 'remove-safe-boot'
            Command = 'Remove-RdpSafeBoot'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'bcd-delete-value'
                    Entry = '{default}'
                    Element = 'safeboot'
                    ElementType = '25000080'
                    Store = 'HKLM:\BCD00000000'
                    BootManager = '{9dea862c-5cdd-4e70-acc1-f32b344d4795}'
                    DefaultObjectElement = '23000003'
                }
            )
            Backup = @(
                @{
                    Kind = 'boot-element'
                    Entry = '{default}'
                    Element = 'safeboot'
                    ElementType = '25000080'
                    Store = 'HKLM:\BCD00000000'
                    BootManager = '{9dea862c-5cdd-4e70-acc1-f32b344d4795}'
                    DefaultObjectElement = '23000003'
                }
            )
            VerifyChecks = @('default-entry-safeboot')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'renew-rdp-self-signed-cert' = @{
            Id = 'renew-rdp-self-signed-cert'
            Command = 'Reset-RdpSelfSignedCertificate'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'remove-self-signed-certificates'
                    Store = 'Remote Desktop'
                }
                @{
                    Kind = 'service-restart'
                    Service = 'SessionEnv'
                    OnlyAfterStopping = $null
                }
            )
            Backup = @(
                @{
                    Kind = 'certificate-store'
                    Store = 'Remote Desktop'
                }
            )
            VerifyChecks = @('rdp-cert-store')
            NeededWhenEvents = @('ev-rcm-cert', 'ev-schannel-key')
            RestartsServices = @('SessionEnv')
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'reset-dhcp-logon-account' = @{
            Id = 'reset-dhcp-logon-account'
            Command = 'Reset-RdpDhcpLogonAccount'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'service-logon-account'
                    Service = 'Dhcp'
                    Account = 'NT Authority\LocalService'
                }
                @{
                    Kind = 'service-start'
                    Service = 'Dhcp'
                }
            )
            Backup = @(
                @{
                    Kind = 'service-config'
                    Service = 'Dhcp'
                    Runtime = $null
                }
            )
            VerifyChecks = @('netsvc-dhcp-account', 'netsvc-dhcp-down')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'reset-machinekeys-acl' = @{
            Id = 'reset-machinekeys-acl'
            Command = 'Repair-RdpMachineKeyPermission'
            OptIn = $false
            Parameters = @()
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
                            Mask = 2032127
                        }
                        @{
                            Sid = 'S-1-5-32-544'
                            Rights = 'F'
                            Mask = 2032127
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
                            Mask = 1179785
                        }
                    )
                    Recurse = $false
                    FilesStartingWith = 'f686aace6942fb7f7ceb231212eef4a4_'
                }
                @{
                    Kind = 'service-restart'
                    Service = 'TermService'
                    OnlyAfterStopping = $null
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
            VerifyChecks = @('machinekeys-acl')
            NeededWhenEvents = @('ev-rcm-cert', 'ev-schannel-key')
            RestartsServices = @('TermService')
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'reset-termservice-logon-account' = @{
            Id = 'reset-termservice-logon-account'
            Command = 'Reset-RdpTermServiceLogonAccount'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'service-logon-account'
                    Service = 'TermService'
                    Account = 'NT Authority\NetworkService'
                }
                @{
                    Kind = 'service-start'
                    Service = 'TermService'
                }
            )
            Backup = @(
                @{
                    Kind = 'service-config'
                    Service = 'TermService'
                    Runtime = $null
                }
            )
            VerifyChecks = @('termservice-account', 'termservice-down')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'restore-rdp-connection-limit' = @{
            Id = 'restore-rdp-connection-limit'
            Command = 'Reset-RdpConnectionLimit'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'MaxInstanceCount'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 4294967295
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'MaxInstanceCount'
                }
            )
            VerifyChecks = @('rdp-connection-limit-zero', 'rdp-connection-limit-one')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $false
            PolicyGuards = @(
                @{
                    Kind = 'registry-value'
                    Id = 'rdp-connection-limit-zero'
                    Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                    Name = 'MaxInstanceCount'
                    Op = 'equals'
                    Value = 0
                    PolicyKey = $null
                    PolicyName = $null
                }
                @{
                    Kind = 'registry-value'
                    Id = 'rdp-connection-limit-one'
                    Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                    Name = 'MaxInstanceCount'
                    Op = 'equals'
                    Value = 1
                    PolicyKey = $null
                    PolicyName = $null
                }
            )
        }
        'resume-group-policy' = @{
            Id = 'resume-group-policy'
            Command = 'Resume-RdpGroupPolicy'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'service-start-type'
                    Service = 'gpsvc'
                    StartType = 'automatic'
                    ViaRegistry = $true
                }
            )
            Backup = @(
                @{
                    Kind = 'service-config'
                    Service = 'gpsvc'
                    Runtime = $null
                }
            )
            VerifyChecks = @()
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'set-credssp-mitigated' = @{
            Id = 'set-credssp-mitigated'
            Command = 'Set-RdpCredSspMitigated'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP\Parameters'
                    Name = 'AllowEncryptionOracle'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 1
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP\Parameters'
                    Name = 'AllowEncryptionOracle'
                }
            )
            VerifyChecks = @('credssp-force-updated-clients')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $true
            PolicyGuards = @()
        }
        'set-rdp-cert-binding' = @{
            Id = 'set-rdp-cert-binding'
            Command = 'Set-RdpCertificateBinding'
            OptIn = $true
            Parameters = @(
                @{
                    Name = 'Thumbprint'
                    Type = 'thumbprint'
                }
            )
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'SSLCertificateSHA1Hash'
                    Type = 'REG_BINARY'
                    Param = 'Thumbprint'
                    Data = $null
                }
                @{
                    Kind = 'private-key-grant'
                    Store = 'My'
                    Param = 'Thumbprint'
                    Grants = @(
                        @{
                            Sid = 'S-1-5-20'
                            Rights = 'R'
                            Mask = 1179785
                        }
                    )
                }
                @{
                    Kind = 'service-restart'
                    Service = 'TermService'
                    OnlyAfterStopping = $null
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'SSLCertificateSHA1Hash'
                }
                @{
                    Kind = 'acl'
                    Path = @{
                        Root = 'ProgramData'
                        Sub = 'Microsoft\Crypto\RSA\MachineKeys'
                    }
                    Recurse = $false
                }
                @{
                    Kind = 'acl'
                    Path = @{
                        Root = 'ProgramData'
                        Sub = 'Microsoft\Crypto\Keys'
                    }
                    Recurse = $false
                }
            )
            VerifyChecks = @('rdp-cert-binding')
            NeededWhenEvents = @()
            RestartsServices = @('TermService')
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'set-rdp-encryption-high' = @{
            Id = 'set-rdp-encryption-high'
            Command = 'Set-RdpEncryptionLevel'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'MinEncryptionLevel'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 3
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'MinEncryptionLevel'
                }
            )
            VerifyChecks = @('rdp-encryption-fips-only')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $true
            PolicyGuards = @(
                @{
                    Kind = 'registry-value'
                    Id = 'rdp-encryption-fips-only'
                    Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                    Name = 'MinEncryptionLevel'
                    Op = 'equals'
                    Value = 4
                    PolicyKey = $null
                    PolicyName = $null
                }
            )
        }
        'set-rdp-port' = @{
            Id = 'set-rdp-port'
            Command = 'Set-RdpPort'
            OptIn = $true
            Parameters = @(
                @{
                    Name = 'Port'
                    Type = 'port'
                }
            )
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'PortNumber'
                    Type = 'REG_DWORD'
                    Param = 'Port'
                    Data = $null
                }
                @{
                    Kind = 'firewall-rule-port'
                    Rule = 'RemoteDesktop-UserMode-In-TCP'
                    Protocol = 'TCP'
                    Param = 'Port'
                    Data = $null
                }
                @{
                    Kind = 'firewall-rule-port'
                    Rule = 'RemoteDesktop-UserMode-In-UDP'
                    Protocol = 'UDP'
                    Param = 'Port'
                    Data = $null
                }
                @{
                    Kind = 'service-restart'
                    Service = 'TermService'
                    OnlyAfterStopping = $null
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'PortNumber'
                }
                @{
                    Kind = 'firewall-rule'
                    Rule = 'RemoteDesktop-UserMode-In-TCP'
                }
                @{
                    Kind = 'firewall-rule'
                    Rule = 'RemoteDesktop-UserMode-In-UDP'
                }
            )
            VerifyChecks = @('rdp-listener')
            NeededWhenEvents = @()
            RestartsServices = @('TermService')
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'set-rdp-security-layer-tls' = @{
            Id = 'set-rdp-security-layer-tls'
            Command = 'Set-RdpSecurityLayer'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'registry-set'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'SecurityLayer'
                    Type = 'REG_DWORD'
                    Param = $null
                    Data = 2
                }
            )
            Backup = @(
                @{
                    Kind = 'registry-value'
                    Key = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
                    Name = 'SecurityLayer'
                }
            )
            VerifyChecks = @('rdp-security-layer-rdp')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $false
            PolicyGuards = @(
                @{
                    Kind = 'registry-value'
                    Id = 'rdp-security-layer-rdp'
                    Key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
                    Name = 'SecurityLayer'
                    Op = 'equals'
                    Value = 0
                    PolicyKey = $null
                    PolicyName = $null
                }
            )
        }
        'start-network-services' = @{
            Id = 'start-network-services'
            Command = 'Start-RdpNetworkService'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'service-start-type'
                    Service = 'nsi'
                    StartType = 'automatic'
                    ViaRegistry = $false
                }
                @{
                    Kind = 'service-start'
                    Service = 'nsi'
                }
                @{
                    Kind = 'service-start-type'
                    Service = 'Dhcp'
                    StartType = 'automatic'
                    ViaRegistry = $false
                }
                @{
                    Kind = 'service-start'
                    Service = 'Dhcp'
                }
                @{
                    Kind = 'service-start-type'
                    Service = 'BFE'
                    StartType = 'automatic'
                    ViaRegistry = $false
                }
                @{
                    Kind = 'service-start'
                    Service = 'BFE'
                }
                @{
                    Kind = 'service-start-type'
                    Service = 'MpsSvc'
                    StartType = 'automatic'
                    ViaRegistry = $false
                }
                @{
                    Kind = 'service-start'
                    Service = 'MpsSvc'
                }
            )
            Backup = @(
                @{
                    Kind = 'service-config'
                    Service = 'nsi'
                    Runtime = $null
                }
                @{
                    Kind = 'service-config'
                    Service = 'Dhcp'
                    Runtime = $null
                }
                @{
                    Kind = 'service-config'
                    Service = 'BFE'
                    Runtime = $null
                }
                @{
                    Kind = 'service-config'
                    Service = 'MpsSvc'
                    Runtime = $null
                }
            )
            VerifyChecks = @('netsvc-nsi-start', 'netsvc-nsi-down', 'netsvc-dhcp-start', 'netsvc-dhcp-down', 'netsvc-bfe-start', 'netsvc-bfe-down', 'netsvc-mpssvc-start', 'netsvc-mpssvc-down')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'start-termservice' = @{
            Id = 'start-termservice'
            Command = 'Start-RdpTermService'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'service-start-type'
                    Service = 'TermService'
                    StartType = 'manual'
                    ViaRegistry = $false
                }
                @{
                    Kind = 'service-start'
                    Service = 'TermService'
                }
            )
            Backup = @(
                @{
                    Kind = 'service-config'
                    Service = 'TermService'
                    Runtime = $null
                }
            )
            VerifyChecks = @('termservice-disabled', 'termservice-start-type', 'termservice-down')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'stop-port-owner' = @{
            Id = 'stop-port-owner'
            Command = 'Stop-RdpPortConflict'
            OptIn = $false
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'service-stop'
                    Service = $null
                    Runtime = 'rdp-port-owner'
                    Protect = @('TermService')
                }
                @{
                    Kind = 'service-restart'
                    Service = 'TermService'
                    OnlyAfterStopping = 'rdp-port-owner'
                }
            )
            Backup = @(
                @{
                    Kind = 'service-config'
                    Service = $null
                    Runtime = 'rdp-port-owner'
                }
            )
            VerifyChecks = @('rdp-listener')
            NeededWhenEvents = @()
            RestartsServices = @('TermService')
            Reboot = $false
            WeakensSecurity = $false
            PolicyGuards = @()
        }
        'suspend-group-policy' = @{
            Id = 'suspend-group-policy'
            Command = 'Suspend-RdpGroupPolicy'
            OptIn = $true
            Parameters = @()
            Operations = @(
                @{
                    Kind = 'service-start-type'
                    Service = 'gpsvc'
                    StartType = 'disabled'
                    ViaRegistry = $true
                }
            )
            Backup = @(
                @{
                    Kind = 'service-config'
                    Service = 'gpsvc'
                    Runtime = $null
                }
            )
            VerifyChecks = @()
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $true
            WeakensSecurity = $true
            PolicyGuards = @()
        }
    }
    ListenerCheck = @{
        Kind = 'rdp-listener'
        Id = 'rdp-listener'
        PortKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
        PortName = 'PortNumber'
        DefaultPort = 3389
        Service = 'TermService'
    }
    ServerAuthUsages = @('1.3.6.1.5.5.7.3.1', '1.3.6.1.4.1.311.54.1.2')
}
#endregion catalog data (generated from the model)

#region public commands (templates/powershell/public.ps1.ejs)

function Invoke-RdpDiagnosis {
    [CmdletBinding(DefaultParameterSetName = 'Object')]
    [OutputType([pscustomobject], [string])]
    param(
        [Parameter(Position = 0)]
        [ValidateSet('account-locked-or-expired', 'broker-hostname', 'credssp-oracle', 'guest-firewall-blocks-rdp', 'machinekeys-access', 'max-connections-reached', 'network-service-down', 'nla-dc-unreachable', 'rdp-cert-invalid', 'rdp-disabled', 'rdp-listener-disabled', 'rdp-port-conflict', 'rdp-port-firewall-mismatch', 'rds-licensing-expired', 'safe-mode-boot', 'security-layer-mismatch', 'termservice-not-running', 'tls-disabled', 'user-not-authorized')]
        [string[]]$Scenario = @('account-locked-or-expired', 'broker-hostname', 'credssp-oracle', 'guest-firewall-blocks-rdp', 'machinekeys-access', 'max-connections-reached', 'network-service-down', 'nla-dc-unreachable', 'rdp-cert-invalid', 'rdp-disabled', 'rdp-listener-disabled', 'rdp-port-conflict', 'rdp-port-firewall-mismatch', 'rds-licensing-expired', 'safe-mode-boot', 'security-layer-mismatch', 'termservice-not-running', 'tls-disabled', 'user-not-authorized'),
        [object]$Since = $null,
        [Nullable[datetime]]$After = $null,
        [Parameter(Mandatory = $true, ParameterSetName = 'Text')]
        [switch]$AsText,
        [Parameter(Mandatory = $true, ParameterSetName = 'Json')]
        [switch]$AsJson
    )
    $hours = ConvertTo-RdpSinceHours -Since $Since
    $scenarios = @($script:RdpCatalog.Scenarios | Where-Object { $Scenario -contains $_.Id })
    $checks = @($scenarios | ForEach-Object { $_.Evidence } | ForEach-Object { $_.Check })
    $context = New-RdpContext -Checks $checks -SinceHours $hours -After $After
    $results = @(foreach ($item in $scenarios) {
            Get-RdpScenarioResult -Scenario $item -Context $context
        })
    $detected = @($results | Where-Object { $_.Status -eq 'Detected' }).Count
    if ($AsText) {
        foreach ($result in $results) {
            Format-RdpReportLine -ScenarioId $result.Id -Status $result.Status.ToUpperInvariant() -Evidence $result.Evidence
        }
        Format-RdpVerdictLine -Detected $detected
        return
    }
    if ($AsJson) {
        $document = [ordered]@{
            schema     = 'urn:rdp-rescue:diagnosis:1'
            tool       = 'RdpRescue'
            version    = $script:RdpVersion
            generated  = $context.Now.ToUniversalTime().ToString('o')
            sinceHours = $hours
            detected   = $detected
            scenarios  = @(foreach ($result in $results) {
                    [ordered]@{
                        id               = $result.Id
                        title            = $result.Title
                        status           = $result.Status.ToUpperInvariant()
                        evidence         = $result.Evidence
                        reason           = $result.Reason
                        checks           = @(foreach ($check in $result.Checks) {
                                [ordered]@{ id = $check.CheckId; role = $check.Role; outcome = $check.Outcome; detail = $check.Detail; reason = $check.Reason }
                            })
                        recommendedFixes = @(foreach ($fix in $result.RecommendedFixes) {
                                [ordered]@{ id = $fix.Id; command = $fix.Command; optIn = $fix.OptIn }
                            })
                    }
                })
        }
        ConvertTo-Json -InputObject $document -Depth 6
        return
    }
    $results
}

function Invoke-RdpRepair {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [ValidateSet('account-locked-or-expired', 'broker-hostname', 'credssp-oracle', 'guest-firewall-blocks-rdp', 'machinekeys-access', 'max-connections-reached', 'network-service-down', 'nla-dc-unreachable', 'rdp-cert-invalid', 'rdp-disabled', 'rdp-listener-disabled', 'rdp-port-conflict', 'rdp-port-firewall-mismatch', 'rds-licensing-expired', 'safe-mode-boot', 'security-layer-mismatch', 'termservice-not-running', 'tls-disabled', 'user-not-authorized')]
        [string]$Scenario,
        [ValidateSet('allow-firewall-inbound-exceptions', 'allow-rdp-connections', 'disable-fips-algorithm-policy', 'disable-nla', 'enable-legacy-tls-server', 'enable-rdp-firewall-rules', 'enable-rdp-listener', 'enable-terminal-server', 'enable-tls12-server', 'open-rdp-port-in-firewall', 'remove-rdp-cert-binding', 'remove-safe-boot', 'renew-rdp-self-signed-cert', 'reset-dhcp-logon-account', 'reset-machinekeys-acl', 'reset-termservice-logon-account', 'restore-rdp-connection-limit', 'resume-group-policy', 'set-credssp-mitigated', 'set-rdp-cert-binding', 'set-rdp-encryption-high', 'set-rdp-port', 'set-rdp-security-layer-tls', 'start-network-services', 'start-termservice', 'stop-port-owner', 'suspend-group-policy')]
        [string[]]$Fix = @(),
        [ValidateRange(1, 65535)]
        [int]$Port,
        [ValidatePattern('^[0-9A-Fa-f]{40}$')]
        [string]$Thumbprint,
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $data = @($script:RdpCatalog.Scenarios | Where-Object { $_.Id -eq $Scenario })[0]
    foreach ($id in $Fix) {
        if ($data.Fixes -notcontains $id) {
            throw ($script:RdpStrings.FixNotInScenario -f $id, $Scenario, ($data.Fixes -join ', '))
        }
    }
    if ($data.Fixes.Count -eq 0) {
        Write-Warning ($script:RdpStrings.NoFixes -f $Scenario)
        return
    }
    $selected = @(foreach ($id in $data.Fixes) {
            $candidate = $script:RdpCatalog.Fixes[$id]
            if (($Fix.Count -eq 0 -and -not $candidate.OptIn) -or $Fix -contains $id) {
                $candidate
            }
        })
    $parameters = @{}
    if ($PSBoundParameters.ContainsKey('Port')) {
        $parameters['Port'] = $Port
    }
    if ($PSBoundParameters.ContainsKey('Thumbprint')) {
        $parameters['Thumbprint'] = $Thumbprint
    }
    foreach ($candidate in $selected) {
        foreach ($parameter in $candidate.Parameters) {
            if (-not $parameters.ContainsKey($parameter.Name)) {
                throw ($script:RdpStrings.MissingParameter -f $candidate.Id, $parameter.Name)
            }
        }
    }
    Invoke-RdpFixSet -Fixes $selected -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot -Scenario $Scenario -SkipClear:($Fix.Count -eq 0)
}

function Undo-RdpRepair {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('FullName')]
        [string]$BackupPath
    )
    process {
        $folder = Resolve-RdpFileSystemPath -Path $BackupPath
        if (-not $PSCmdlet.ShouldProcess($folder, $script:RdpStrings.ShouldProcessUndo)) {
            return
        }
        Assert-RdpElevation
        $result = Restore-RdpFixState -Folder $folder -Confirm:$false
        $result
        if ($result.Result -eq 'Failed') {
            $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList $result.Summary
            $PSCmdlet.WriteError((New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @($exception, 'RdpRescue.UndoIncomplete', [System.Management.Automation.ErrorCategory]::NotSpecified, $result)))
        }
    }
}
#endregion public commands (templates/powershell/public.ps1.ejs)

#region fix allow-firewall-inbound-exceptions (command Disable-RdpFirewallInboundBlock)
function Disable-RdpFirewallInboundBlock {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'allow-firewall-inbound-exceptions' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix allow-firewall-inbound-exceptions (command Disable-RdpFirewallInboundBlock)

#region fix allow-rdp-connections (command Enable-RdpConnection)
function Enable-RdpConnection {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'allow-rdp-connections' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix allow-rdp-connections (command Enable-RdpConnection)

#region fix disable-fips-algorithm-policy (command Disable-RdpFipsAlgorithmPolicy)
function Disable-RdpFipsAlgorithmPolicy {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'disable-fips-algorithm-policy' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix disable-fips-algorithm-policy (command Disable-RdpFipsAlgorithmPolicy)

#region fix disable-nla (command Disable-RdpNetworkLevelAuthentication)
function Disable-RdpNetworkLevelAuthentication {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'disable-nla' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix disable-nla (command Disable-RdpNetworkLevelAuthentication)

#region fix enable-legacy-tls-server (command Enable-RdpLegacyTlsProtocol)
function Enable-RdpLegacyTlsProtocol {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'enable-legacy-tls-server' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix enable-legacy-tls-server (command Enable-RdpLegacyTlsProtocol)

#region fix enable-rdp-firewall-rules (command Enable-RdpFirewallRule)
function Enable-RdpFirewallRule {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'enable-rdp-firewall-rules' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix enable-rdp-firewall-rules (command Enable-RdpFirewallRule)

#region fix enable-rdp-listener (command Enable-RdpListener)
function Enable-RdpListener {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'enable-rdp-listener' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix enable-rdp-listener (command Enable-RdpListener)

#region fix enable-terminal-server (command Enable-RdpTerminalServer)
function Enable-RdpTerminalServer {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'enable-terminal-server' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix enable-terminal-server (command Enable-RdpTerminalServer)

#region fix enable-tls12-server (command Enable-RdpTlsProtocol)
function Enable-RdpTlsProtocol {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'enable-tls12-server' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix enable-tls12-server (command Enable-RdpTlsProtocol)

#region fix open-rdp-port-in-firewall (command Set-RdpFirewallPort)
function Set-RdpFirewallPort {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateRange(1, 65535)]
        [int]$Port,
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{ Port = $Port }
    Invoke-RdpFixCommand -FixId 'open-rdp-port-in-firewall' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix open-rdp-port-in-firewall (command Set-RdpFirewallPort)

#region fix remove-rdp-cert-binding (command Remove-RdpCertificateBinding)
function Remove-RdpCertificateBinding {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'remove-rdp-cert-binding' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix remove-rdp-cert-binding (command Remove-RdpCertificateBinding)

#region fix remove-safe-boot (command Remove-RdpSafeBoot)
function Remove-RdpSafeBoot {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'remove-safe-boot' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix remove-safe-boot (command Remove-RdpSafeBoot)

#region fix renew-rdp-self-signed-cert (command Reset-RdpSelfSignedCertificate)
function Reset-RdpSelfSignedCertificate {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'renew-rdp-self-signed-cert' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix renew-rdp-self-signed-cert (command Reset-RdpSelfSignedCertificate)

#region fix reset-dhcp-logon-account (command Reset-RdpDhcpLogonAccount)
function Reset-RdpDhcpLogonAccount {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'reset-dhcp-logon-account' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix reset-dhcp-logon-account (command Reset-RdpDhcpLogonAccount)

#region fix reset-machinekeys-acl (command Repair-RdpMachineKeyPermission)
function Repair-RdpMachineKeyPermission {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'reset-machinekeys-acl' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix reset-machinekeys-acl (command Repair-RdpMachineKeyPermission)

#region fix reset-termservice-logon-account (command Reset-RdpTermServiceLogonAccount)
function Reset-RdpTermServiceLogonAccount {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'reset-termservice-logon-account' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix reset-termservice-logon-account (command Reset-RdpTermServiceLogonAccount)

#region fix restore-rdp-connection-limit (command Reset-RdpConnectionLimit)
function Reset-RdpConnectionLimit {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'restore-rdp-connection-limit' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix restore-rdp-connection-limit (command Reset-RdpConnectionLimit)

#region fix resume-group-policy (command Resume-RdpGroupPolicy)
function Resume-RdpGroupPolicy {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'resume-group-policy' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix resume-group-policy (command Resume-RdpGroupPolicy)

#region fix set-credssp-mitigated (command Set-RdpCredSspMitigated)
function Set-RdpCredSspMitigated {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'set-credssp-mitigated' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix set-credssp-mitigated (command Set-RdpCredSspMitigated)

#region fix set-rdp-cert-binding (command Set-RdpCertificateBinding)
function Set-RdpCertificateBinding {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[0-9A-Fa-f]{40}$')]
        [string]$Thumbprint,
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{ Thumbprint = $Thumbprint }
    Invoke-RdpFixCommand -FixId 'set-rdp-cert-binding' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix set-rdp-cert-binding (command Set-RdpCertificateBinding)

#region fix set-rdp-encryption-high (command Set-RdpEncryptionLevel)
function Set-RdpEncryptionLevel {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'set-rdp-encryption-high' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix set-rdp-encryption-high (command Set-RdpEncryptionLevel)

#region fix set-rdp-port (command Set-RdpPort)
function Set-RdpPort {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateRange(1, 65535)]
        [int]$Port,
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{ Port = $Port }
    Invoke-RdpFixCommand -FixId 'set-rdp-port' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix set-rdp-port (command Set-RdpPort)

#region fix set-rdp-security-layer-tls (command Set-RdpSecurityLayer)
function Set-RdpSecurityLayer {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'set-rdp-security-layer-tls' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix set-rdp-security-layer-tls (command Set-RdpSecurityLayer)

#region fix start-network-services (command Start-RdpNetworkService)
function Start-RdpNetworkService {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'start-network-services' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix start-network-services (command Start-RdpNetworkService)

#region fix start-termservice (command Start-RdpTermService)
function Start-RdpTermService {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'start-termservice' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix start-termservice (command Start-RdpTermService)

#region fix stop-port-owner (command Stop-RdpPortConflict)
function Stop-RdpPortConflict {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'stop-port-owner' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix stop-port-owner (command Stop-RdpPortConflict)

#region fix suspend-group-policy (command Suspend-RdpGroupPolicy)
function Suspend-RdpGroupPolicy {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([pscustomobject])]
    param(
        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup')
    )
    $parameters = @{}
    Invoke-RdpFixCommand -FixId 'suspend-group-policy' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot
}
#endregion fix suspend-group-policy (command Suspend-RdpGroupPolicy)

#region src/powershell/runcommand.ps1
# Run Command only: what runcommand/Invoke-RdpRescue.ps1 adds around the inlined module.
# Run Command passes every parameter as a string and keeps only the last 4,096 bytes of
# output, so the lines that matter most (the error, the undo command, [STATUS]) come last and
# are kept short.

# The longest error text printed, in characters (at most 3 bytes each in UTF-8): together with
# the undo line and [STATUS], the end of the output stays far inside 4,096 bytes.
$script:RdpRunCommandErrorChars = 600

function Split-RdpList {
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [AllowEmptyString()]
        [string]$Text
    )
    @($Text -split '[,; ]+' | Where-Object { $_ })
}

function Format-RdpRunCommandError {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string]$Message
    )
    # A native command's whole output can be in the message: one line, its start and its end.
    $text = ($Message -replace '\s+', ' ').Trim()
    $limit = $script:RdpRunCommandErrorChars
    if ($text.Length -gt $limit) {
        $tail = [int]($limit / 4)
        $text = $text.Substring(0, $limit - $tail - 5) + ' ... ' + $text.Substring($text.Length - $tail)
    }
    'RDPRESCUE error ' + $text
}

function Format-RdpRunCommandUndo {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$BackupPath
    )
    'RDPRESCUE undo ' + ($script:RdpRunCommandUndo -f $BackupPath)
}

function Get-RdpBackupList {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$BackupRoot
    )
    # The folders Backup-RdpFixState names yyyyMMdd-HHmmss[-n] that hold a backup.json, oldest
    # first. Undo-RdpRepair checks a manifest before it restores anything; this only lists.
    $backups = foreach ($folder in @(Get-RdpChildFolder -Path $BackupRoot)) {
        $name = Split-Path -Path $folder -Leaf
        $match = [regex]::Match($name, '^(?<stamp>\d{8}-\d{6})(-(?<n>\d{1,6}))?$')
        if (-not $match.Success) {
            continue
        }
        $manifest = $null
        try {
            $manifest = Read-RdpBackupManifest -Path (Join-Path -Path $folder -ChildPath 'backup.json')
        }
        catch {
            $manifest = $null
        }
        if ($null -eq $manifest) {
            continue
        }
        $fields = @{ scenario = ''; fixes = @() }
        foreach ($field in @($fields.Keys)) {
            $property = $manifest.PSObject.Properties[$field]
            if ($null -ne $property -and $null -ne $property.Value) {
                $fields[$field] = $property.Value
            }
        }
        $number = 1
        if ($match.Groups['n'].Success) {
            $number = [int]$match.Groups['n'].Value
        }
        [pscustomobject]@{
            Path     = $folder
            Order    = '{0}-{1:D6}' -f $match.Groups['stamp'].Value, $number
            Scenario = ConvertTo-RdpToken -Value ([string]$fields.scenario)
            Fixes    = (@($fields.fixes | ForEach-Object { ConvertTo-RdpToken -Value ([string]$_) }) -join '+')
        }
    }
    @($backups) | Sort-Object -Property 'Order'
}

function Format-RdpBackupLine {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Backup
    )
    'RDPRESCUE backup {0} scenario={1} fixes={2}' -f $Backup.Path, $Backup.Scenario, $Backup.Fixes
}

function Format-RdpRunCommandEvidence {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Status,
        [Parameter(Mandatory = $true)]
        [string]$Evidence
    )
    # The Run Command form of src/model/report.ts (runCommandEvidence): a DETECTED or UNKNOWN
    # line names its first token without detail, and how many more there are.
    if ($Status -eq 'CLEAR') {
        return $Evidence
    }
    $tokens = @($Evidence -split ',')
    $first = ($tokens[0] -split '=', 2)[0]
    if ($tokens.Count -gt 1) {
        return '{0},+{1}' -f $first, ($tokens.Count - 1)
    }
    $first
}

function Format-RdpRunCommandReport {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Results
    )
    # One short line per scenario, then the verdict: every scenario's status fits the 4,096
    # bytes Run Command keeps, whatever fires (the whole evidence: Report=Full).
    foreach ($result in $Results) {
        $status = $result.Status.ToUpperInvariant()
        $evidence = Format-RdpRunCommandEvidence -Status $status -Evidence $result.Evidence
        Format-RdpReportLine -ScenarioId $result.Id -Status $status -Evidence $evidence
    }
    Format-RdpVerdictLine -Detected @($Results | Where-Object { $_.Status -eq 'Detected' }).Count
}
#endregion src/powershell/runcommand.ps1

# The text report in the form Report= asks for (see .PARAMETER Report).
function Write-RdpRunCommandDiagnosis {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [hashtable]$Arguments = @{}
    )
    if ($Report -eq 'Full') {
        return Invoke-RdpDiagnosis -AsText @Arguments
    }
    Format-RdpRunCommandReport -Results @(Invoke-RdpDiagnosis @Arguments)
}

# Every undo hint prints this Run Command form too ({0}: the backup folder).
$script:RdpRunCommandUndo = 'az vm run-command invoke -g <resource-group> -n <vm-name> --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1 --parameters "Mode=Undo" "BackupPath={0}"'
$backupRoot = Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup'
$knownBackups = @()

try {
    switch ($Mode) {
        'Diagnose' {
            $arguments = @{}
            $ids = @(Split-RdpList -Text $Scenario)
            if ($ids.Count -gt 0) {
                $arguments.Scenario = $ids
            }
            if ($SinceHours) {
                $arguments.Since = $SinceHours
            }
            Write-RdpRunCommandDiagnosis -Arguments $arguments
        }
        'Repair' {
            $arguments = @{ Scenario = $Scenario; Confirm = $false; BackupRoot = $backupRoot }
            $fixes = @(Split-RdpList -Text $Fix)
            if ($fixes.Count -gt 0) {
                $arguments.Fix = $fixes
            }
            if ($Port) {
                $arguments.Port = [int]$Port
            }
            if ($Thumbprint) {
                $arguments.Thumbprint = $Thumbprint
            }
            $knownBackups = @(Get-RdpBackupList -BackupRoot $backupRoot | ForEach-Object { $_.Path })
            $started = Get-RdpDate
            $results = @(Invoke-RdpRepair @arguments)
            foreach ($result in $results) {
                'RDPRESCUE fix {0} {1} reboot={2} backup={3}' -f $result.Fix, $result.Result.ToUpperInvariant(), $result.RebootRequired, $result.BackupPath
                foreach ($change in $result.Changes) {
                    '  ' + $change
                }
            }
            # Events the repair has dealt with do not count again: only those written since.
            Write-RdpRunCommandDiagnosis -Arguments @{ After = $started }
            foreach ($path in @($results | ForEach-Object { $_.BackupPath } | Where-Object { $_ } | Sort-Object -Unique)) {
                Format-RdpRunCommandUndo -BackupPath $path
            }
        }
        'Undo' {
            $path = $BackupPath
            if (-not $path) {
                $newest = @(Get-RdpBackupList -BackupRoot $backupRoot)
                if ($newest.Count -eq 0) {
                    throw ($script:RdpStrings.NoBackup -f $backupRoot)
                }
                $path = $newest[-1].Path
            }
            $started = Get-RdpDate
            # An incomplete undo ends in the error that lists every item not restored (catch below).
            $undo = Undo-RdpRepair -BackupPath $path -Confirm:$false
            'RDPRESCUE undo {0} restored={1} backup={2}' -f $undo.Result.ToUpperInvariant(), $undo.Restored, $path
            Write-RdpRunCommandDiagnosis -Arguments @{ After = $started }
        }
        'ListBackups' {
            $backups = @(Get-RdpBackupList -BackupRoot $backupRoot)
            # The newest ones, newest last: the one a plain Mode=Undo restores.
            $first = [Math]::Max(0, $backups.Count - 20)
            'RDPRESCUE backups {0} in {1}, newest last' -f $backups.Count, $backupRoot
            for ($i = $first; $i -lt $backups.Count; $i++) {
                Format-RdpBackupLine -Backup $backups[$i]
            }
            if ($backups.Count -gt 0) {
                Format-RdpRunCommandUndo -BackupPath $backups[-1].Path
            }
        }
    }
    '[STATUS]::SUCCESS'
}
catch {
    Format-RdpRunCommandError -Message $_.Exception.Message
    if ($Mode -eq 'Repair') {
        # A fix failed after this run wrote its backup: say how to put everything back.
        try {
            foreach ($backup in @(Get-RdpBackupList -BackupRoot $backupRoot | Where-Object { $knownBackups -notcontains $_.Path })) {
                Format-RdpRunCommandUndo -BackupPath $backup.Path
            }
        }
        catch {
            # No backup to point to (the folder cannot be read): the error line says enough.
            $null = $_
        }
    }
    '[STATUS]::ERROR'
}
