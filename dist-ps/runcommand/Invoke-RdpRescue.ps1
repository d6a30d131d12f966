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
    [string]$BackupPath = ''
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
        EventChecksNotVerified = 'Event checks ({0}) describe the past and are not used to verify a fix.'
        InvalidSince = '-Since must be a positive TimeSpan or a number of hours, not "{0}".'
        'Scenario.broker-hostname.Title' = 'The Connection Broker''s host name was changed'
        'Finding.broker-role-installed' = 'The Remote Desktop Connection Broker role is installed.'
        'Finding.ev-broker-db-logon' = 'Event 2056: the broker failed to log on to its database.'
        'Finding.ev-broker-rpc' = 'Event 1296: the Connection Broker is not ready for RPC communication.'
        'Scenario.machinekeys-access.Title' = 'RDP cannot use its private key in MachineKeys'
        'Finding.ev-rcm-cert' = 'Event 1057/1058: the RD Session Host failed to create or replace its self-signed certificate.'
        'Finding.ev-schannel-key' = 'Schannel 36870: a fatal error occurred accessing the TLS server credential private key.'
        'Finding.ev-schannel-36872' = 'Schannel 36872 was logged; its meaning differs between Windows versions, so it only supports the finding.'
        'Finding.machinekeys-acl' = 'MachineKeys or the RDP key file lacks an entry Windows needs (Administrators on the folder; SYSTEM and NETWORK SERVICE on the RDP key).'
        'Scenario.rdp-cert-invalid.Title' = 'The RDP certificate is expired, missing, or not the configured one'
        'Finding.rdp-cert-store' = 'The Remote Desktop certificate store is empty or holds only expired certificates, or certificates RDP cannot use (no private key that opens, a key file NETWORK SERVICE cannot read, or an Enhanced Key Usage not for server authentication).'
        'Finding.rdp-cert-binding' = 'SSLCertificateSHA1Hash names a certificate that is not installed, has expired, or that RDP cannot use (no private key that opens, a key file NETWORK SERVICE cannot read, or an Enhanced Key Usage not for server authentication).'
        'Scenario.rdp-disabled.Title' = 'Remote Desktop connections are turned off'
        'Finding.rdp-connections-denied' = 'Remote Desktop connections are denied: fDenyTSConnections=1.'
        'Finding.rdp-denied-by-policy' = 'Group Policy denies Remote Desktop (Policies\...\Terminal Services fDenyTSConnections=1): the policy wins, a local fix does not help and would be reverted at the next refresh. Change the policy.'
        'Scenario.rdp-listener-disabled.Title' = 'The Remote Desktop listener or the terminal server is switched off'
        'Finding.terminal-server-off' = 'The terminal server is disabled: TSEnabled=0.'
        'Finding.terminal-server-logons-off' = 'Connections to the terminal server are blocked: TSUserEnabled=1.'
        'Finding.terminal-server-draining' = 'The terminal server is in drain mode and takes no new logons: TSServerDrainMode=1.'
        'Finding.rdp-listener-off' = 'The RDP-Tcp listener is disabled: fEnableWinStation=0.'
        'Finding.rdp-listener-logons-off' = 'The RDP-Tcp listener refuses logons: fLogonDisabled=1.'
        'Scenario.rdp-port-conflict.Title' = 'Another process holds the RDP port, or nothing listens on it'
        'Finding.rdp-listener' = 'The configured RDP port is held by a process other than TermService, or nothing listens on it.'
        'Finding.termservice-stopped' = 'The Remote Desktop Services service (TermService) is not running.'
        'Scenario.termservice-not-running.Title' = 'Remote Desktop Services (TermService) is disabled or not running'
        'Finding.termservice-disabled' = 'The Remote Desktop Services service (TermService) is disabled: Start=4.'
        'Finding.termservice-down' = 'The Remote Desktop Services service (TermService) is not running.'
        'Scenario.tls-disabled.Title' = 'TLS is disabled for the server side of Schannel'
        'Finding.ev-schannel-credential' = 'Schannel 36871: a fatal error occurred while creating a TLS server credential.'
        'Finding.tls12-server-off' = 'TLS 1.2 (server) is disabled: Enabled=0.'
        'Finding.tls12-server-off-by-default' = 'TLS 1.2 (server) is off unless asked for: DisabledByDefault=1.'
        'Finding.tls10-server-off' = 'TLS 1.0 (server) is disabled; only clients that cannot use TLS 1.2 are affected.'
        'Finding.tls11-server-off' = 'TLS 1.1 (server) is disabled; only clients that cannot use TLS 1.2 are affected.'
        'Finding.rdp-requires-tls' = 'The RDP listener requires TLS (SecurityLayer=2, possibly set by Group Policy), so it cannot fall back while TLS is off.'
        'Finding.fips-policy-on' = 'FIPS mode is on: only FIPS-compliant protocols and cipher suites are allowed.'
        'Fix.allow-rdp-connections.Title' = 'Allow Remote Desktop connections'
        'Fix.enable-legacy-tls-server.Title' = 'Enable TLS 1.0 and 1.1 for legacy RDP clients'
        'Fix.enable-legacy-tls-server.Warning' = 'TLS 1.0 and 1.1 are deprecated and weaken every TLS service on this machine, not only RDP.'
        'Fix.enable-legacy-tls-server.Restore' = 'Run Undo-RdpRepair with the backup path this fix printed, or set Enabled=0 for both protocols, then reboot.'
        'Fix.enable-rdp-listener.Title' = 'Switch the RDP-Tcp listener back on'
        'Fix.enable-terminal-server.Title' = 'Switch the terminal server back on and out of drain mode'
        'Fix.enable-tls12-server.Title' = 'Enable TLS 1.2 for the server side of Schannel'
        'Fix.remove-rdp-cert-binding.Title' = 'Remove the configured RDP certificate thumbprint'
        'Fix.renew-rdp-self-signed-cert.Title' = 'Renew the RDP self-signed certificate'
        'Fix.reset-machinekeys-acl.Title' = 'Reset permissions on the MachineKeys folder'
        'Fix.resume-group-policy.Title' = 'Resume Group Policy after the repair is confirmed'
        'Fix.set-rdp-cert-binding.Title' = 'Point RDP at a valid certificate'
        'Fix.set-rdp-port.Title' = 'Move RDP to another port'
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
        EventChecksNotVerified = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNla29udHJvbGxlciAoezB9KSBiZXNrcml2ZXIgZGV0IGbDtnJmbHV0bmEgb2NoIGFudsOkbmRzIGludGUgZsO2ciBhdHQgdmVyaWZpZXJhIGVuIGtvcnJpZ2VyaW5nLg==')
        InvalidSince = (ConvertFrom-RdpUtf8Base64 'LVNpbmNlIG3DpXN0ZSB2YXJhIGV0dCBwb3NpdGl2dCBUaW1lU3Bhbi12w6RyZGUgZWxsZXIgZXR0IGFudGFsIHRpbW1hciwgaW50ZSAiezB9Ii4=')
        'Scenario.broker-hostname.Title' = (ConvertFrom-RdpUtf8Base64 'QW5zbHV0bmluZ3Nrb29yZGluYXRvcm5zIHbDpHJkbmFtbiBoYXIgw6RuZHJhdHM=')
        'Finding.broker-role-installed' = (ConvertFrom-RdpUtf8Base64 'Um9sbGVuIEFuc2x1dG5pbmdza29vcmRpbmF0b3IgZsO2ciBmasOkcnJza3JpdmJvcmQgw6RyIGluc3RhbGxlcmFkLg==')
        'Finding.ev-broker-db-logon' = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNlIDIwNTY6IGtvb3JkaW5hdG9ybiBrdW5kZSBpbnRlIGxvZ2dhIGluIGkgc2luIGRhdGFiYXMu')
        'Finding.ev-broker-rpc' = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNlIDEyOTY6IGFuc2x1dG5pbmdza29vcmRpbmF0b3JuIMOkciBpbnRlIHJlZG8gZsO2ciBSUEMta29tbXVuaWthdGlvbi4=')
        'Scenario.machinekeys-access.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIGthbiBpbnRlIGFudsOkbmRhIHNpbiBwcml2YXRhIG55Y2tlbCBpIE1hY2hpbmVLZXlz')
        'Finding.ev-rcm-cert' = (ConvertFrom-RdpUtf8Base64 'SMOkbmRlbHNlIDEwNTcvMTA1ODogUkQtc2Vzc2lvbnN2w6RyZGVuIGt1bmRlIGludGUgc2thcGEgZWxsZXIgZXJzw6R0dGEgc2l0dCBzasOkbHZzaWduZXJhZGUgY2VydGlmaWthdC4=')
        'Finding.ev-schannel-key' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzA6IGV0dCBhbGx2YXJsaWd0IGZlbCB1cHBzdG9kIHZpZCDDpXRrb21zdCB0aWxsIGRlbiBwcml2YXRhIG55Y2tlbG4gZsO2ciBUTFMtc2VydmVyYXV0ZW50aXNlcmluZ3N1cHBnaWZ0ZW4u')
        'Finding.ev-schannel-36872' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzIgbG9nZ2FkZXM7IGJldHlkZWxzZW4gc2tpbGplciBzaWcgbWVsbGFuIFdpbmRvd3MtdmVyc2lvbmVyLCBzw6UgZGVuIHN0w7ZkZXIgYmFyYSBzbHV0c2F0c2VuLg==')
        'Finding.machinekeys-acl' = (ConvertFrom-RdpUtf8Base64 'TWFjaGluZUtleXMgZWxsZXIgUkRQLW55Y2tlbGZpbGVuIHNha25hciBlbiBwb3N0IHNvbSBXaW5kb3dzIGJlaMO2dmVyIChBZG1pbmlzdHJhdMO2cmVyIHDDpSBtYXBwZW47IFNZU1RFTSBvY2ggTkVUV09SSyBTRVJWSUNFIHDDpSBSRFAtbnlja2Vsbiku')
        'Scenario.rdp-cert-invalid.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQLWNlcnRpZmlrYXRldCBoYXIgZ8OldHQgdXQsIHNha25hcyBlbGxlciDDpHIgaW50ZSBkZXQga29uZmlndXJlcmFkZQ==')
        'Finding.rdp-cert-store' = (ConvertFrom-RdpUtf8Base64 'Q2VydGlmaWthdGFya2l2ZXQgUmVtb3RlIERlc2t0b3Agw6RyIHRvbXQgZWxsZXIgaW5uZWjDpWxsZXIgYmFyYSB1dGfDpW5nbmEgY2VydGlmaWthdCwgZWxsZXIgY2VydGlmaWthdCBzb20gUkRQIGludGUga2FuIGFudsOkbmRhIChpbmdlbiBwcml2YXQgbnlja2VsIHNvbSBnw6VyIGF0dCDDtnBwbmEsIGVuIG55Y2tlbGZpbCBzb20gTkVUV09SSyBTRVJWSUNFIGludGUga2FuIGzDpHNhIGVsbGVyIGVuIGbDtnJiw6R0dHJhZCBueWNrZWxhbnbDpG5kbmluZyBzb20gaW50ZSBnw6RsbGVyIHNlcnZlcmF1dGVudGlzZXJpbmcpLg==')
        'Finding.rdp-cert-binding' = (ConvertFrom-RdpUtf8Base64 'U1NMQ2VydGlmaWNhdGVTSEExSGFzaCBhbmdlciBldHQgY2VydGlmaWthdCBzb20gaW50ZSDDpHIgaW5zdGFsbGVyYXQsIGhhciBnw6V0dCB1dCBlbGxlciBzb20gUkRQIGludGUga2FuIGFudsOkbmRhIChpbmdlbiBwcml2YXQgbnlja2VsIHNvbSBnw6VyIGF0dCDDtnBwbmEsIGVuIG55Y2tlbGZpbCBzb20gTkVUV09SSyBTRVJWSUNFIGludGUga2FuIGzDpHNhIGVsbGVyIGVuIGbDtnJiw6R0dHJhZCBueWNrZWxhbnbDpG5kbmluZyBzb20gaW50ZSBnw6RsbGVyIHNlcnZlcmF1dGVudGlzZXJpbmcpLg==')
        'Scenario.rdp-disabled.Title' = (ConvertFrom-RdpUtf8Base64 'RmrDpHJyc2tyaXZib3Jkc2Fuc2x1dG5pbmdhciDDpHIgYXZzdMOkbmdkYQ==')
        'Finding.rdp-connections-denied' = (ConvertFrom-RdpUtf8Base64 'RmrDpHJyc2tyaXZib3Jkc2Fuc2x1dG5pbmdhciBuZWthczogZkRlbnlUU0Nvbm5lY3Rpb25zPTEu')
        'Finding.rdp-denied-by-policy' = (ConvertFrom-RdpUtf8Base64 'RW4gZ3J1cHByaW5jaXAgbmVrYXIgRmrDpHJyc2tyaXZib3JkIChQb2xpY2llc1wuLi5cVGVybWluYWwgU2VydmljZXMgZkRlbnlUU0Nvbm5lY3Rpb25zPTEpOiBwcmluY2lwZW4gdmlubmVyLCBlbiBsb2thbCDDpXRnw6RyZCBoasOkbHBlciBpbnRlIG9jaCBza3VsbGUgw6V0ZXJzdMOkbGxhcyB2aWQgbsOkc3RhIHVwcGRhdGVyaW5nLiDDhG5kcmEgcHJpbmNpcGVuLg==')
        'Scenario.rdp-listener-disabled.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQLWx5c3NuYXJlbiBlbGxlciB0ZXJtaW5hbHNlcnZlcm4gw6RyIGF2c3TDpG5nZA==')
        'Finding.terminal-server-off' = (ConvertFrom-RdpUtf8Base64 'VGVybWluYWxzZXJ2ZXJuIMOkciBpbmFrdGl2ZXJhZDogVFNFbmFibGVkPTAu')
        'Finding.terminal-server-logons-off' = 'Anslutningar till terminalservern blockeras: TSUserEnabled=1.'
        'Finding.terminal-server-draining' = (ConvertFrom-RdpUtf8Base64 'VGVybWluYWxzZXJ2ZXJuIMOkciBpIHTDtm1uaW5nc2zDpGdlIG9jaCB0YXIgaW50ZSBlbW90IG55YSBpbmxvZ2duaW5nYXI6IFRTU2VydmVyRHJhaW5Nb2RlPTEu')
        'Finding.rdp-listener-off' = (ConvertFrom-RdpUtf8Base64 'THlzc25hcmVuIFJEUC1UY3Agw6RyIGluYWt0aXZlcmFkOiBmRW5hYmxlV2luU3RhdGlvbj0wLg==')
        'Finding.rdp-listener-logons-off' = 'Lyssnaren RDP-Tcp nekar inloggningar: fLogonDisabled=1.'
        'Scenario.rdp-port-conflict.Title' = (ConvertFrom-RdpUtf8Base64 'RW4gYW5uYW4gcHJvY2VzcyBhbnbDpG5kZXIgUkRQLXBvcnRlbiwgZWxsZXIgc8OlIGx5c3NuYXIgaW5nZW4gcMOlIGRlbg==')
        'Finding.rdp-listener' = (ConvertFrom-RdpUtf8Base64 'RGVuIGtvbmZpZ3VyZXJhZGUgUkRQLXBvcnRlbiBhbnbDpG5kcyBhdiBlbiBhbm5hbiBwcm9jZXNzIMOkbiBUZXJtU2VydmljZSwgZWxsZXIgc8OlIGx5c3NuYXIgaW5nZW4gcMOlIGRlbi4=')
        'Finding.termservice-stopped' = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuIEZqw6RycnNrcml2Ym9yZHN0asOkbnN0ZXIgKFRlcm1TZXJ2aWNlKSBrw7ZycyBpbnRlLg==')
        'Scenario.termservice-not-running.Title' = (ConvertFrom-RdpUtf8Base64 'RmrDpHJyc2tyaXZib3Jkc3Rqw6Ruc3RlciAoVGVybVNlcnZpY2UpIMOkciBpbmFrdGl2ZXJhZCBlbGxlciBrw7ZycyBpbnRl')
        'Finding.termservice-disabled' = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuIEZqw6RycnNrcml2Ym9yZHN0asOkbnN0ZXIgKFRlcm1TZXJ2aWNlKSDDpHIgaW5ha3RpdmVyYWQ6IFN0YXJ0PTQu')
        'Finding.termservice-down' = (ConvertFrom-RdpUtf8Base64 'VGrDpG5zdGVuIEZqw6RycnNrcml2Ym9yZHN0asOkbnN0ZXIgKFRlcm1TZXJ2aWNlKSBrw7ZycyBpbnRlLg==')
        'Scenario.tls-disabled.Title' = (ConvertFrom-RdpUtf8Base64 'VExTIMOkciBpbmFrdGl2ZXJhdCBmw7ZyIHNlcnZlcnNpZGFuIGF2IFNjaGFubmVs')
        'Finding.ev-schannel-credential' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzE6IGV0dCBhbGx2YXJsaWd0IGZlbCB1cHBzdG9kIG7DpHIgZW4gVExTLXNlcnZlcmF1dGVudGlzZXJpbmdzdXBwZ2lmdCBza2FwYWRlcy4=')
        'Finding.tls12-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMiAoc2VydmVyKSDDpHIgaW5ha3RpdmVyYXQ6IEVuYWJsZWQ9MC4=')
        'Finding.tls12-server-off-by-default' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMiAoc2VydmVyKSDDpHIgYXYgb20gZGV0IGludGUgYmVnw6RyczogRGlzYWJsZWRCeURlZmF1bHQ9MS4=')
        'Finding.tls10-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMCAoc2VydmVyKSDDpHIgaW5ha3RpdmVyYXQ7IGVuZGFzdCBrbGllbnRlciBzb20gaW50ZSBrYW4gYW52w6RuZGEgVExTIDEuMiBww6V2ZXJrYXMu')
        'Finding.tls11-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMSAoc2VydmVyKSDDpHIgaW5ha3RpdmVyYXQ7IGVuZGFzdCBrbGllbnRlciBzb20gaW50ZSBrYW4gYW52w6RuZGEgVExTIDEuMiBww6V2ZXJrYXMu')
        'Finding.rdp-requires-tls' = (ConvertFrom-RdpUtf8Base64 'UkRQLWx5c3NuYXJlbiBrcsOkdmVyIFRMUyAoU2VjdXJpdHlMYXllcj0yLCBldmVudHVlbGx0IHNhdHQgYXYgZW4gZ3J1cHByaW5jaXApLCBzw6UgZGVuIGthbiBpbnRlIGZhbGxhIHRpbGxiYWthIG1lZGFuIFRMUyDDpHIgYXYu')
        'Finding.fips-policy-on' = (ConvertFrom-RdpUtf8Base64 'RklQUy1sw6RnZXQgw6RyIHDDpTogZW5kYXN0IEZJUFMta29tcGF0aWJsYSBwcm90b2tvbGwgb2NoIGNoaWZmZXJzdml0ZXIgdGlsbMOldHMu')
        'Fix.allow-rdp-connections.Title' = (ConvertFrom-RdpUtf8Base64 'VGlsbMOldCBmasOkcnJza3JpdmJvcmRzYW5zbHV0bmluZ2Fy')
        'Fix.enable-legacy-tls-server.Title' = (ConvertFrom-RdpUtf8Base64 'QWt0aXZlcmEgVExTIDEuMCBvY2ggMS4xIGbDtnIgw6RsZHJlIFJEUC1rbGllbnRlcg==')
        'Fix.enable-legacy-tls-server.Warning' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMCBvY2ggMS4xIMOkciBpbmFrdHVlbGxhIG9jaCBmw7Zyc3ZhZ2FyIGFsbGEgVExTLXRqw6Ruc3RlciBww6UgZGF0b3JuLCBpbnRlIGJhcmEgUkRQLg==')
        'Fix.enable-legacy-tls-server.Restore' = (ConvertFrom-RdpUtf8Base64 'S8O2ciBVbmRvLVJkcFJlcGFpciBtZWQgc8Oka2VyaGV0c2tvcGlhbnMgc8O2a3bDpGcgc29tIGtvcnJpZ2VyaW5nZW4gc2tyZXYgdXQsIGVsbGVyIHPDpHR0IEVuYWJsZWQ9MCBmw7ZyIGLDpWRhIHByb3Rva29sbGVuIG9jaCBzdGFydGEgc2VkYW4gb20u')
        'Fix.enable-rdp-listener.Title' = (ConvertFrom-RdpUtf8Base64 'U2zDpSBww6UgbHlzc25hcmVuIFJEUC1UY3AgaWdlbg==')
        'Fix.enable-terminal-server.Title' = (ConvertFrom-RdpUtf8Base64 'U2zDpSBww6UgdGVybWluYWxzZXJ2ZXJuIGlnZW4gb2NoIHRhIGRlbiB1ciB0w7ZtbmluZ3Nsw6RnZXQ=')
        'Fix.enable-tls12-server.Title' = (ConvertFrom-RdpUtf8Base64 'QWt0aXZlcmEgVExTIDEuMiBmw7ZyIHNlcnZlcnNpZGFuIGF2IFNjaGFubmVs')
        'Fix.remove-rdp-cert-binding.Title' = (ConvertFrom-RdpUtf8Base64 'VGEgYm9ydCBkZXQga29uZmlndXJlcmFkZSB0dW1hdnRyeWNrZXQgZsO2ciBSRFAtY2VydGlmaWthdGV0')
        'Fix.renew-rdp-self-signed-cert.Title' = (ConvertFrom-RdpUtf8Base64 'RsO2cm55YSBkZXQgc2rDpGx2c2lnbmVyYWRlIFJEUC1jZXJ0aWZpa2F0ZXQ=')
        'Fix.reset-machinekeys-acl.Title' = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJzdMOkbGwgYmVow7ZyaWdoZXRlcm5hIGbDtnIgbWFwcGVuIE1hY2hpbmVLZXlz')
        'Fix.resume-group-policy.Title' = (ConvertFrom-RdpUtf8Base64 'w4V0ZXJ1cHB0YSBncnVwcHJpbmNpcGVyIG7DpHIgcmVwYXJhdGlvbmVuIGhhciBiZWtyw6RmdGF0cw==')
        'Fix.set-rdp-cert-binding.Title' = (ConvertFrom-RdpUtf8Base64 'TMOldCBSRFAgYW52w6RuZGEgZXR0IGdpbHRpZ3QgY2VydGlmaWthdA==')
        'Fix.set-rdp-port.Title' = 'Flytta RDP till en annan port'
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
        EventChecksNotVerified = 'Gebeurteniscontroles ({0}) beschrijven het verleden en worden niet gebruikt om een oplossing te controleren.'
        InvalidSince = '-Since moet een positieve TimeSpan of een aantal uren zijn, niet "{0}".'
        'Scenario.broker-hostname.Title' = 'De hostnaam van de Verbindingsbroker is gewijzigd'
        'Finding.broker-role-installed' = (ConvertFrom-RdpUtf8Base64 'RGUgcm9sIFZlcmJpbmRpbmdzYnJva2VyIHZvb3IgRXh0ZXJuIGJ1cmVhdWJsYWQgaXMgZ2XDr25zdGFsbGVlcmQu')
        'Finding.ev-broker-db-logon' = 'Gebeurtenis 2056: de broker kon zich niet aanmelden bij de database.'
        'Finding.ev-broker-rpc' = 'Gebeurtenis 1296: de Verbindingsbroker is niet gereed voor RPC-communicatie.'
        'Scenario.machinekeys-access.Title' = 'RDP kan de persoonlijke sleutel in MachineKeys niet gebruiken'
        'Finding.ev-rcm-cert' = 'Gebeurtenis 1057/1058: de RD-sessiehost kon het zelfondertekende certificaat niet maken of vervangen.'
        'Finding.ev-schannel-key' = 'Schannel 36870: er is een fatale fout opgetreden bij het openen van de persoonlijke sleutel van de TLS-serverreferentie.'
        'Finding.ev-schannel-36872' = 'Schannel 36872 is vastgelegd; de betekenis verschilt per Windows-versie, dus het ondersteunt de bevinding alleen.'
        'Finding.machinekeys-acl' = 'MachineKeys of het RDP-sleutelbestand mist een vermelding die Windows nodig heeft (Administrators op de map; SYSTEM en NETWORK SERVICE op de RDP-sleutel).'
        'Scenario.rdp-cert-invalid.Title' = 'Het RDP-certificaat is verlopen, ontbreekt of is niet het ingestelde certificaat'
        'Finding.rdp-cert-store' = 'Het certificaatarchief Remote Desktop is leeg of bevat alleen verlopen certificaten, of certificaten die RDP niet kan gebruiken (geen persoonlijke sleutel die te openen is, een sleutelbestand dat NETWORK SERVICE niet kan lezen, of uitgebreid sleutelgebruik dat niet voor serververificatie is).'
        'Finding.rdp-cert-binding' = (ConvertFrom-RdpUtf8Base64 'U1NMQ2VydGlmaWNhdGVTSEExSGFzaCBub2VtdCBlZW4gY2VydGlmaWNhYXQgZGF0IG5pZXQgaXMgZ2XDr25zdGFsbGVlcmQsIHZlcmxvcGVuIGlzIG9mIGRhdCBSRFAgbmlldCBrYW4gZ2VicnVpa2VuIChnZWVuIHBlcnNvb25saWprZSBzbGV1dGVsIGRpZSB0ZSBvcGVuZW4gaXMsIGVlbiBzbGV1dGVsYmVzdGFuZCBkYXQgTkVUV09SSyBTRVJWSUNFIG5pZXQga2FuIGxlemVuLCBvZiB1aXRnZWJyZWlkIHNsZXV0ZWxnZWJydWlrIGRhdCBuaWV0IHZvb3Igc2VydmVydmVyaWZpY2F0aWUgaXMpLg==')
        'Scenario.rdp-disabled.Title' = 'Extern bureaublad-verbindingen zijn uitgeschakeld'
        'Finding.rdp-connections-denied' = 'Extern bureaublad-verbindingen worden geweigerd: fDenyTSConnections=1.'
        'Finding.rdp-denied-by-policy' = 'Groepsbeleid weigert Extern bureaublad (Policies\...\Terminal Services fDenyTSConnections=1): het beleid wint, een lokale reparatie helpt niet en zou bij de volgende vernieuwing worden teruggedraaid. Wijzig het beleid.'
        'Scenario.rdp-listener-disabled.Title' = 'De RDP-listener of de terminalserver is uitgeschakeld'
        'Finding.terminal-server-off' = 'De terminalserver is uitgeschakeld: TSEnabled=0.'
        'Finding.terminal-server-logons-off' = 'Verbindingen met de terminalserver worden geblokkeerd: TSUserEnabled=1.'
        'Finding.terminal-server-draining' = 'De terminalserver staat in de leegloopmodus en accepteert geen nieuwe aanmeldingen: TSServerDrainMode=1.'
        'Finding.rdp-listener-off' = 'De listener RDP-Tcp is uitgeschakeld: fEnableWinStation=0.'
        'Finding.rdp-listener-logons-off' = 'De listener RDP-Tcp weigert aanmeldingen: fLogonDisabled=1.'
        'Scenario.rdp-port-conflict.Title' = 'Een ander proces bezet de RDP-poort, of er luistert niets op'
        'Finding.rdp-listener' = 'De ingestelde RDP-poort wordt bezet door een ander proces dan TermService, of er luistert niets op.'
        'Finding.termservice-stopped' = 'De service Extern bureaublad-services (TermService) is niet actief.'
        'Scenario.termservice-not-running.Title' = 'Extern bureaublad-services (TermService) is uitgeschakeld of niet actief'
        'Finding.termservice-disabled' = 'De service Extern bureaublad-services (TermService) is uitgeschakeld: Start=4.'
        'Finding.termservice-down' = 'De service Extern bureaublad-services (TermService) is niet actief.'
        'Scenario.tls-disabled.Title' = 'TLS is uitgeschakeld voor de serverkant van Schannel'
        'Finding.ev-schannel-credential' = 'Schannel 36871: er is een fatale fout opgetreden bij het maken van een TLS-serverreferentie.'
        'Finding.tls12-server-off' = 'TLS 1.2 (server) is uitgeschakeld: Enabled=0.'
        'Finding.tls12-server-off-by-default' = 'TLS 1.2 (server) staat uit tenzij erom wordt gevraagd: DisabledByDefault=1.'
        'Finding.tls10-server-off' = 'TLS 1.0 (server) is uitgeschakeld; alleen clients die geen TLS 1.2 kunnen gebruiken, worden getroffen.'
        'Finding.tls11-server-off' = 'TLS 1.1 (server) is uitgeschakeld; alleen clients die geen TLS 1.2 kunnen gebruiken, worden getroffen.'
        'Finding.rdp-requires-tls' = 'De RDP-listener vereist TLS (SecurityLayer=2, mogelijk ingesteld door groepsbeleid) en kan dus niet terugvallen zolang TLS uit staat.'
        'Finding.fips-policy-on' = 'De FIPS-modus staat aan: alleen FIPS-conforme protocollen en coderingssuites zijn toegestaan.'
        'Fix.allow-rdp-connections.Title' = 'Extern bureaublad-verbindingen toestaan'
        'Fix.enable-legacy-tls-server.Title' = 'TLS 1.0 en 1.1 inschakelen voor oudere RDP-clients'
        'Fix.enable-legacy-tls-server.Warning' = 'TLS 1.0 en 1.1 zijn verouderd en verzwakken elke TLS-service op deze machine, niet alleen RDP.'
        'Fix.enable-legacy-tls-server.Restore' = 'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet Enabled=0 voor beide protocollen en start daarna opnieuw op.'
        'Fix.enable-rdp-listener.Title' = 'De listener RDP-Tcp weer inschakelen'
        'Fix.enable-terminal-server.Title' = 'De terminalserver weer inschakelen en uit de leegloopmodus halen'
        'Fix.enable-tls12-server.Title' = 'TLS 1.2 inschakelen voor de serverkant van Schannel'
        'Fix.remove-rdp-cert-binding.Title' = 'De geconfigureerde vingerafdruk van het RDP-certificaat verwijderen'
        'Fix.renew-rdp-self-signed-cert.Title' = 'Het zelfondertekende RDP-certificaat vernieuwen'
        'Fix.reset-machinekeys-acl.Title' = 'Machtigingen voor de map MachineKeys herstellen'
        'Fix.resume-group-policy.Title' = 'Groepsbeleid hervatten nadat de reparatie is bevestigd'
        'Fix.set-rdp-cert-binding.Title' = 'RDP naar een geldig certificaat laten verwijzen'
        'Fix.set-rdp-port.Title' = 'RDP naar een andere poort verplaatsen'
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
        EventChecksNotVerified = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu25qqi5p+l77yIezB977yJ5o+P6L+w55qE5piv6YGO5Y6755qE54uA5rOB77yM5LiN5pyD55So5L6G6amX6K2J5L+u5q2j44CC')
        InvalidSince = (ConvertFrom-RdpUtf8Base64 'LVNpbmNlIOW/hemgiOaYr+ato+eahCBUaW1lU3BhbiDmiJbmmYLmlbjvvIzogIzkuI3mmK8gInswfSLjgII=')
        'Scenario.broker-hostname.Title' = (ConvertFrom-RdpUtf8Base64 '6YCj57ea5Luj55CG5Lq655qE5Li75qmf5ZCN56ix5bey6K6K5pu0')
        'Finding.broker-role-installed' = (ConvertFrom-RdpUtf8Base64 '5bey5a6J6KOd6YGg56uv5qGM6Z2i6YCj57ea5Luj55CG5Lq66KeS6Imy44CC')
        'Finding.ev-broker-db-logon' = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu2IDIwNTbvvJrku6PnkIbkurrnhKHms5XnmbvlhaXlhbbos4fmlpnluqvjgII=')
        'Finding.ev-broker-rpc' = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu2IDEyOTbvvJrpgKPnt5rku6PnkIbkurrlsJrmnKrlsLHnt5LvvIznhKHms5XpgLLooYwgUlBDIOmAmuioiuOAgg==')
        'Scenario.machinekeys-access.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIOeEoeazleS9v+eUqCBNYWNoaW5lS2V5cyDkuK3nmoTnp4Hlr4bph5HpkbA=')
        'Finding.ev-rcm-cert' = (ConvertFrom-RdpUtf8Base64 '5LqL5Lu2IDEwNTcvMTA1OO+8mumBoOerr+ahjOmdouW3peS9nOmajuauteS4u+apn+eEoeazleW7uueri+aIluWPluS7o+WFtuiHquaIkeewvee9suaGkeitieOAgg==')
        'Finding.ev-schannel-key' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzDvvJrlrZjlj5YgVExTIOS8uuacjeWZqOiqjeitieeahOengeWvhumHkemRsOaZgueZvOeUn+WatOmHjemMr+iqpOOAgg==')
        'Finding.ev-schannel-36872' = (ConvertFrom-RdpUtf8Base64 '5bey6KiY6YyEIFNjaGFubmVsIDM2ODcy77yb5YW25oSP576p5ZugIFdpbmRvd3Mg54mI5pys6ICM55Ww77yM5Zug5q2k5YOF5L2c54K65L2Q6K2J44CC')
        'Finding.machinekeys-acl' = (ConvertFrom-RdpUtf8Base64 'TWFjaGluZUtleXMg5oiWIFJEUCDph5HpkbDmqpTmoYjnvLrlsJEgV2luZG93cyDmiYDpnIDnmoTpoIXnm67vvIjos4fmlpnlpL7kuIrnmoQgQWRtaW5pc3RyYXRvcnPvvJtSRFAg6YeR6ZGw5LiK55qEIFNZU1RFTSDoiIcgTkVUV09SSyBTRVJWSUNF77yJ44CC')
        'Scenario.rdp-cert-invalid.Title' = (ConvertFrom-RdpUtf8Base64 'UkRQIOaGkeitieW3sumBjuacn+OAgemBuuWkse+8jOaIluS4jeaYr+W3suioreWumueahOaGkeitiQ==')
        'Finding.rdp-cert-store' = (ConvertFrom-RdpUtf8Base64 'UmVtb3RlIERlc2t0b3Ag5oaR6K2J5a2Y5pS+5Y2A5piv56m655qE77yM5oiW5Y+q5YyF5ZCr5bey6YGO5pyf55qE5oaR6K2J77yM5oiW5Y+q5pyJIFJEUCDnhKHms5Xkvb/nlKjnmoTmhpHorYnvvIjmspLmnInlj6/plovllZ/nmoTnp4Hlr4bph5HpkbDjgIFORVRXT1JLIFNFUlZJQ0Ug54Sh5rOV6K6A5Y+W6YeR6ZGw5qqU5qGI77yM5oiW5aKe5by36YeR6ZGw5L2/55So5pa55rOV5LiN5piv5Ly65pyN5Zmo6amX6K2J77yJ44CC')
        'Finding.rdp-cert-binding' = (ConvertFrom-RdpUtf8Base64 'U1NMQ2VydGlmaWNhdGVTSEExSGFzaCDmjIflrprnmoTmhpHorYnmnKrlronoo53jgIHlt7LpgY7mnJ/vvIzmiJYgUkRQIOeEoeazleS9v+eUqO+8iOaykuacieWPr+mWi+WVn+eahOengeWvhumHkemRsOOAgU5FVFdPUksgU0VSVklDRSDnhKHms5XoroDlj5bph5HpkbDmqpTmoYjvvIzmiJblop7lvLfph5HpkbDkvb/nlKjmlrnms5XkuI3mmK/kvLrmnI3lmajpqZforYnvvInjgII=')
        'Scenario.rdp-disabled.Title' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i6YCj57ea5bey6Zec6ZaJ')
        'Finding.rdp-connections-denied' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i6YCj57ea6YGt5ouS77yaZkRlbnlUU0Nvbm5lY3Rpb25zPTHjgII=')
        'Finding.rdp-denied-by-policy' = (ConvertFrom-RdpUtf8Base64 '576k57WE5Y6f5YmH5ouS57WV6YGg56uv5qGM6Z2i77yIUG9saWNpZXNcLi4uXFRlcm1pbmFsIFNlcnZpY2VzIGZEZW55VFNDb25uZWN0aW9ucz0x77yJ77ya5Y6f5YmH5YSq5YWI77yM5pys5qmf5L+u5q2j5rKS5pyJ5L2c55So77yM5LiU5pyD5Zyo5LiL5qyh6YeN5paw5pW055CG5pmC6KKr6YKE5Y6f44CC6KuL6K6K5pu05Y6f5YmH44CC')
        'Scenario.rdp-listener-disabled.Title' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5o6l6IG956iL5byP5oiW57WC56uv5qmf5Ly65pyN5Zmo5bey6Zec6ZaJ')
        'Finding.terminal-server-off' = (ConvertFrom-RdpUtf8Base64 '57WC56uv5qmf5Ly65pyN5Zmo5bey5YGc55So77yaVFNFbmFibGVkPTDjgII=')
        'Finding.terminal-server-logons-off' = (ConvertFrom-RdpUtf8Base64 '6IiH57WC56uv5qmf5Ly65pyN5Zmo55qE6YCj57ea6YGt5bCB6Y6W77yaVFNVc2VyRW5hYmxlZD0x44CC')
        'Finding.terminal-server-draining' = (ConvertFrom-RdpUtf8Base64 '57WC56uv5qmf5Ly65pyN5Zmo6JmV5pa85riF56m65qih5byP77yM5LiN5o6l5Y+X5paw55qE55m75YWl77yaVFNTZXJ2ZXJEcmFpbk1vZGU9MeOAgg==')
        'Finding.rdp-listener-off' = (ConvertFrom-RdpUtf8Base64 'UkRQLVRjcCDmjqXogb3nqIvlvI/lt7LlgZznlKjvvJpmRW5hYmxlV2luU3RhdGlvbj0w44CC')
        'Finding.rdp-listener-logons-off' = (ConvertFrom-RdpUtf8Base64 'UkRQLVRjcCDmjqXogb3nqIvlvI/mi5LntZXnmbvlhaXvvJpmTG9nb25EaXNhYmxlZD0x44CC')
        'Scenario.rdp-port-conflict.Title' = (ConvertFrom-RdpUtf8Base64 '5Y+m5LiA5YCL6JmV55CG56iL5bqP5L2U55SoIFJEUCDpgKPmjqXln6DvvIzmiJbmspLmnInnqIvlvI/lnKjlhbbkuIrmjqXogb0=')
        'Finding.rdp-listener' = (ConvertFrom-RdpUtf8Base64 '5bey6Kit5a6a55qEIFJEUCDpgKPmjqXln6DooqsgVGVybVNlcnZpY2Ug5Lul5aSW55qE6JmV55CG56iL5bqP5L2U55So77yM5oiW5rKS5pyJ56iL5byP5Zyo5YW25LiK5o6l6IG944CC')
        'Finding.termservice-stopped' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInmnKrlnKjln7fooYzjgII=')
        'Scenario.termservice-not-running.Title' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInlt7LlgZznlKjmiJbmnKrlnKjln7fooYw=')
        'Finding.termservice-disabled' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInlt7LlgZznlKjvvJpTdGFydD0044CC')
        'Finding.termservice-down' = (ConvertFrom-RdpUtf8Base64 '6YGg56uv5qGM6Z2i5pyN5YuZ77yIVGVybVNlcnZpY2XvvInmnKrlnKjln7fooYzjgII=')
        'Scenario.tls-disabled.Title' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwg5Ly65pyN5Zmo56uv55qEIFRMUyDlt7LlgZznlKg=')
        'Finding.ev-schannel-credential' = (ConvertFrom-RdpUtf8Base64 'U2NoYW5uZWwgMzY4NzHvvJrlu7rnq4sgVExTIOS8uuacjeWZqOiqjeitieaZgueZvOeUn+WatOmHjemMr+iqpOOAgg==')
        'Finding.tls12-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMu+8iOS8uuacjeWZqO+8ieW3suWBnOeUqO+8mkVuYWJsZWQ9MOOAgg==')
        'Finding.tls12-server-off-by-default' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMu+8iOS8uuacjeWZqO+8iemZpOmdnuaYjueiuuimgeaxguWQpuWJh+S4jeWVn+eUqO+8mkRpc2FibGVkQnlEZWZhdWx0PTHjgII=')
        'Finding.tls10-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMO+8iOS8uuacjeWZqO+8ieW3suWBnOeUqO+8m+WPquacg+W9semfv+eEoeazleS9v+eUqCBUTFMgMS4yIOeahOeUqOaItuerr+OAgg==')
        'Finding.tls11-server-off' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMe+8iOS8uuacjeWZqO+8ieW3suWBnOeUqO+8m+WPquacg+W9semfv+eEoeazleS9v+eUqCBUTFMgMS4yIOeahOeUqOaItuerr+OAgg==')
        'Finding.rdp-requires-tls' = (ConvertFrom-RdpUtf8Base64 'UkRQIOaOpeiBveeoi+W8j+imgeaxgiBUTFPvvIhTZWN1cml0eUxheWVyPTLvvIzlj6/og73nlLHnvqTntYTljp/liYfoqK3lrprvvInvvIzlm6DmraTlnKggVExTIOWBnOeUqOaZgueEoeazlemAgOWbnuWFtuS7luaWueW8j+OAgg==')
        'Finding.fips-policy-on' = (ConvertFrom-RdpUtf8Base64 'RklQUyDmqKHlvI/lt7LplovllZ/vvJrlj6rlhYHoqLHnrKblkIggRklQUyDnmoTpgJroqIrljZTlrproiIfliqDlr4blpZfku7bjgII=')
        'Fix.allow-rdp-connections.Title' = (ConvertFrom-RdpUtf8Base64 '5YWB6Kix6YGg56uv5qGM6Z2i6YCj57ea')
        'Fix.enable-legacy-tls-server.Title' = (ConvertFrom-RdpUtf8Base64 '54K66IiK54mIIFJEUCDnlKjmiLbnq6/llZ/nlKggVExTIDEuMCDoiIcgMS4x')
        'Fix.enable-legacy-tls-server.Warning' = (ConvertFrom-RdpUtf8Base64 'VExTIDEuMCDoiIcgMS4xIOW3sua3mOaxsO+8jOacg+WJiuW8semAmemDqOmbu+iFpuS4iuaJgOaciSBUTFMg5pyN5YuZ55qE5a6J5YWo5oCn77yM6ICM5LiN5Y+q5pivIFJEUOOAgg==')
        'Fix.enable-legacy-tls-server.Restore' = (ConvertFrom-RdpUtf8Base64 '5L2/55So5q2k5L+u5q2j5omA6aGv56S655qE5YKZ5Lu96Lev5b6R5Z+36KGMIFVuZG8tUmRwUmVwYWly77yM5oiW5bCH5YWp5YCL6YCa6KiK5Y2U5a6a55qEIEVuYWJsZWQg6Kit54K6IDDvvIznhLblvozph43mlrDplovmqZ/jgII=')
        'Fix.enable-rdp-listener.Title' = (ConvertFrom-RdpUtf8Base64 '6YeN5paw6ZaL5ZWfIFJEUC1UY3Ag5o6l6IG956iL5byP')
        'Fix.enable-terminal-server.Title' = (ConvertFrom-RdpUtf8Base64 '6YeN5paw6ZaL5ZWf57WC56uv5qmf5Ly65pyN5Zmo5Lim57WQ5p2f5riF56m65qih5byP')
        'Fix.enable-tls12-server.Title' = (ConvertFrom-RdpUtf8Base64 '54K6IFNjaGFubmVsIOS8uuacjeWZqOerr+WVn+eUqCBUTFMgMS4y')
        'Fix.remove-rdp-cert-binding.Title' = (ConvertFrom-RdpUtf8Base64 '56e76Zmk5bey6Kit5a6a55qEIFJEUCDmhpHorYnmjIfntIs=')
        'Fix.renew-rdp-self-signed-cert.Title' = (ConvertFrom-RdpUtf8Base64 '5pu05pawIFJEUCDoh6rmiJHnsL3nvbLmhpHorYk=')
        'Fix.reset-machinekeys-acl.Title' = (ConvertFrom-RdpUtf8Base64 '6YeN6KitIE1hY2hpbmVLZXlzIOizh+aWmeWkvueahOasiumZkA==')
        'Fix.resume-group-policy.Title' = (ConvertFrom-RdpUtf8Base64 '56K66KqN5L+u5b6p5b6M5oGi5b6p576k57WE5Y6f5YmH')
        'Fix.set-rdp-cert-binding.Title' = (ConvertFrom-RdpUtf8Base64 '5bCHIFJEUCDmjIflkJHmnInmlYjnmoTmhpHorYk=')
        'Fix.set-rdp-port.Title' = (ConvertFrom-RdpUtf8Base64 '5bCHIFJEUCDnp7vliLDlhbbku5bpgKPmjqXln6A=')
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
#   New-RdpProtectedDirectory -Path                     creates a folder only SYSTEM and Administrators can change (backups)
#   Resolve-RdpFileSystemPath -Path                     full file system path; a relative one is taken from the PowerShell location
#   Write-RdpBackupManifest   -Path -Manifest           writes backup.json (UTF-8 without BOM)
#   Read-RdpBackupManifest    -Path                     the parsed backup.json, or $null when absent
#   Invoke-RdpNative          -FilePath -ArgumentList   output lines; throws on a non-zero exit code
#   Test-RdpElevation                                    $true when running as Administrator
#   Get-RdpDate                                          the current time (mockable clock)

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
    "*[System[Provider[{0}] and ({1}) and TimeCreated[timediff(@SystemTime) <= {2}]]]" -f ($providers -join ' or '), ($ids -join ' or '), $milliseconds
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
            $ok = $ok -and $record.Data.ContainsKey($condition.Field) -and $condition.Accepted -contains [string]$record.Data[$condition.Field]
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
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'quiet'
    }
    $newest = $matched | Sort-Object -Property 'TimeCreated' -Descending | Select-Object -First 1
    $detail = [string]$matched.Count
    foreach ($field in $Check.ReportFields) {
        if ($newest.Data.ContainsKey($field)) {
            $detail += '/' + $field + ':' + (ConvertTo-RdpToken -Value $newest.Data[$field])
        }
    }
    New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail $detail
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
    if ($listeners.Count -eq 0) {
        return New-RdpCheckResult -CheckId $Check.Id -Outcome 'fired' -Detail "$port/none"
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
    # Run Command keeps only the last 4096 bytes: one line stays short whatever was found.
    if ($Evidence.Length -gt 300) {
        $Evidence = $Evidence.Substring(0, 297) + '...'
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
    $dependents = @()
    if ($service.Count -gt 0) {
        $state = $service[0].State
        # Stopping a service stops its dependents too; undo starts the running ones again.
        $dependents = @(Get-RdpDependentService -Name $name | Where-Object { (Get-RdpServiceState -Name $_) -eq 'Running' })
    }
    $start = Get-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$name" -Name 'Start'
    @{ Kind = $Item.Kind; Service = $name; Start = $start; State = $state; Dependents = $dependents }
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
                    $value = [int]$value
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
    'windows-feature' = 'Test-RdpWindowsFeatureCheck'
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
    'remove-self-signed-certificates' = 'Remove-RdpSelfSignedCertificateOperation'
    'firewall-rule-port' = 'Set-RdpFirewallRuleOperation'
    'bcd-set' = 'Set-RdpBcdOperation'
    'bcd-ems-settings' = 'Set-RdpBcdEmsOperation'
}

$script:RdpBackupFunctions = @{
    'registry-value' = 'Backup-RdpRegistryValueItem'
    acl = 'Backup-RdpAclItem'
    'service-config' = 'Backup-RdpServiceConfigItem'
    'certificate-store' = 'Backup-RdpCertificateStoreItem'
    'firewall-rule' = 'Backup-RdpFirewallRuleItem'
    'bcd-store' = 'Backup-RdpBcdStoreItem'
}

$script:RdpRestoreFunctions = @{
    'registry-value' = 'Restore-RdpRegistryValueItem'
    acl = 'Restore-RdpAclItem'
    'service-config' = 'Restore-RdpServiceConfigItem'
    'certificate-store' = 'Restore-RdpCertificateStoreItem'
    'firewall-rule' = 'Restore-RdpFirewallRuleItem'
    'bcd-store' = 'Restore-RdpBcdStoreItem'
}

$script:RdpBackupEntryTests = @{
    'registry-value' = 'Test-RdpRegistryValueItem'
    acl = 'Test-RdpAclItem'
    'service-config' = 'Test-RdpServiceConfigItem'
    'certificate-store' = 'Test-RdpCertificateStoreItem'
    'firewall-rule' = 'Test-RdpFirewallRuleItem'
    'bcd-store' = 'Test-RdpBcdStoreItem'
}

$script:RdpCatalog = @{
    Scenarios = @(
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
                    }
                }
            )
            Fixes = @()
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
            )
            Fixes = @('start-termservice')
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
                        DataConditions = @()
                        ReportFields = @('ErrorState')
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
    )
    Checks = @{
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
            Op = 'equals'
            Value = 1
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
        'ev-schannel-credential' = @{
            Kind = 'event-query'
            Id = 'ev-schannel-credential'
            Channel = 'System'
            Provider = 'Schannel'
            EventIds = @(36871)
            WindowHours = 24
            DataConditions = @()
            ReportFields = @('ErrorState')
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
    }
    Fixes = @{
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
            VerifyChecks = @('termservice-disabled', 'termservice-down')
            NeededWhenEvents = @()
            RestartsServices = @()
            Reboot = $false
            WeakensSecurity = $false
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
        [ValidateSet('broker-hostname', 'machinekeys-access', 'rdp-cert-invalid', 'rdp-disabled', 'rdp-listener-disabled', 'rdp-port-conflict', 'termservice-not-running', 'tls-disabled')]
        [string[]]$Scenario = @('broker-hostname', 'machinekeys-access', 'rdp-cert-invalid', 'rdp-disabled', 'rdp-listener-disabled', 'rdp-port-conflict', 'termservice-not-running', 'tls-disabled'),
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
        [ValidateSet('broker-hostname', 'machinekeys-access', 'rdp-cert-invalid', 'rdp-disabled', 'rdp-listener-disabled', 'rdp-port-conflict', 'termservice-not-running', 'tls-disabled')]
        [string]$Scenario,
        [ValidateSet('allow-rdp-connections', 'enable-legacy-tls-server', 'enable-rdp-listener', 'enable-terminal-server', 'enable-tls12-server', 'remove-rdp-cert-binding', 'renew-rdp-self-signed-cert', 'reset-machinekeys-acl', 'resume-group-policy', 'set-rdp-cert-binding', 'set-rdp-port', 'start-termservice', 'stop-port-owner', 'suspend-group-policy')]
        [string[]]$Fix = @(),
        [ValidatePattern('^[0-9A-Fa-f]{40}$')]
        [string]$Thumbprint,
        [ValidateRange(1, 65535)]
        [int]$Port,
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
    if ($PSBoundParameters.ContainsKey('Thumbprint')) {
        $parameters['Thumbprint'] = $Thumbprint
    }
    if ($PSBoundParameters.ContainsKey('Port')) {
        $parameters['Port'] = $Port
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
#endregion src/powershell/runcommand.ps1

# Every undo hint prints this Run Command form too ({0}: the backup folder).
$script:RdpRunCommandUndo = 'az vm run-command invoke -g <resource-group> -n <vm-name> --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1 --parameters "Mode=Undo" "BackupPath={0}"'
$backupRoot = Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\backup'
$knownBackups = @()

try {
    switch ($Mode) {
        'Diagnose' {
            $arguments = @{ AsText = $true }
            $ids = @(Split-RdpList -Text $Scenario)
            if ($ids.Count -gt 0) {
                $arguments.Scenario = $ids
            }
            if ($SinceHours) {
                $arguments.Since = $SinceHours
            }
            Invoke-RdpDiagnosis @arguments
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
            Invoke-RdpDiagnosis -AsText -After $started
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
            Invoke-RdpDiagnosis -AsText -After $started
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
