<#
.SYNOPSIS
RdpRescue 0.1.0 for Azure Run Command: diagnose (default) or repair RDP on this VM.

.DESCRIPTION
Self-contained: the RdpRescue module is inlined. Run Command passes every parameter as a
string and keeps only the last 4096 bytes of output, so the output is the short text report,
and the last line is [STATUS]::SUCCESS or [STATUS]::ERROR (the convention az vm repair run reads).

.PARAMETER Mode
Diagnose (default, read-only) or Repair.

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

.EXAMPLE
az vm run-command invoke -g MyRg -n MyVm --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1

.EXAMPLE
az vm run-command invoke -g MyRg -n MyVm --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1 --parameters "Mode=Repair" "Scenario=tls-disabled"
#>
[CmdletBinding()]
param(
    [ValidateSet('Diagnose', 'Repair')]
    [string]$Mode = 'Diagnose',
    [string]$Scenario = '',
    [string]$Fix = '',
    [string]$Port = '',
    [string]$Thumbprint = '',
    [string]$SinceHours = ''
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

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
        NotVerified = 'Fix ''{0}'' ran, but these checks still fire: {1}.'
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
        'Scenario.rdp-port-conflict.Title' = 'Another process holds the RDP port, or nothing listens on it'
        'Finding.rdp-listener' = 'The configured RDP port is held by a process other than TermService, or nothing listens on it.'
        'Finding.termservice-stopped' = 'The Remote Desktop Services service (TermService) is not running.'
        'Scenario.tls-disabled.Title' = 'TLS is disabled for the server side of Schannel'
        'Finding.ev-schannel-credential' = 'Schannel 36871: a fatal error occurred while creating a TLS server credential.'
        'Finding.tls12-server-off' = 'TLS 1.2 (server) is disabled: Enabled=0.'
        'Finding.tls12-server-off-by-default' = 'TLS 1.2 (server) is off unless asked for: DisabledByDefault=1.'
        'Finding.tls10-server-off' = 'TLS 1.0 (server) is disabled; only clients that cannot use TLS 1.2 are affected.'
        'Finding.tls11-server-off' = 'TLS 1.1 (server) is disabled; only clients that cannot use TLS 1.2 are affected.'
        'Finding.rdp-requires-tls' = 'The RDP listener requires TLS (SecurityLayer=2, possibly set by Group Policy), so it cannot fall back while TLS is off.'
        'Finding.fips-policy-on' = 'FIPS mode is on: only FIPS-compliant protocols and cipher suites are allowed.'
        'Fix.enable-legacy-tls-server.Title' = 'Enable TLS 1.0 and 1.1 for legacy RDP clients'
        'Fix.enable-legacy-tls-server.Warning' = 'TLS 1.0 and 1.1 are deprecated and weaken every TLS service on this machine, not only RDP.'
        'Fix.enable-legacy-tls-server.Restore' = 'Run Undo-RdpRepair with the backup path this fix printed, or set Enabled=0 for both protocols, then reboot.'
        'Fix.enable-tls12-server.Title' = 'Enable TLS 1.2 for the server side of Schannel'
        'Fix.remove-rdp-cert-binding.Title' = 'Remove the configured RDP certificate thumbprint'
        'Fix.renew-rdp-self-signed-cert.Title' = 'Renew the RDP self-signed certificate'
        'Fix.reset-machinekeys-acl.Title' = 'Reset permissions on the MachineKeys folder'
        'Fix.resume-group-policy.Title' = 'Resume Group Policy after the repair is confirmed'
        'Fix.set-rdp-cert-binding.Title' = 'Point RDP at a valid certificate'
        'Fix.set-rdp-port.Title' = 'Move RDP to another port'
        'Fix.stop-port-owner.Title' = 'Stop the service that holds the RDP port'
        'Fix.suspend-group-policy.Title' = 'Suspend Group Policy so it cannot undo the repair'
        'Fix.suspend-group-policy.Warning' = 'While gpsvc is disabled the machine receives no Group Policy, including security policy.'
        'Fix.suspend-group-policy.Restore' = 'Run Resume-RdpGroupPolicy, reboot, then gpupdate /force. If TLS is disabled again, fix the domain policy itself.'
    }
    'sv-SE' = @{
        NotElevated = 'Kommandot ändrar datorn: kör det i en upphöjd session (som administratör).'
        FixNotInScenario = 'Korrigeringen ''{0}'' hör inte till scenariot ''{1}''. Dess korrigeringar är: {2}'
        MissingParameter = 'Korrigeringen ''{0}'' behöver -{1}.'
        FixAlreadyClear = 'Hoppade över ''{0}'': kontrollerna som den åtgärdar är redan utan anmärkning ({1}).'
        NoFixes = 'Scenariot ''{0}'' har ingen automatisk korrigering; se de manuella stegen i about_RdpRescue.'
        BackupWritten = 'Säkerhetskopian skrevs till {0}. Ångra med: Undo-RdpRepair -BackupPath "{0}"'
        FixFailed = 'Korrigeringen ''{0}'' misslyckades: {1}. Inget efter den tillämpades. Säkerhetskopia: {2}'
        NotVerified = 'Korrigeringen ''{0}'' kördes, men dessa kontroller slår fortfarande till: {1}.'
        PartiallyApplied = 'Korrigeringen ''{0}'' tillämpades bara delvis: {1} objekt ändrades inte: {2}'
        GrantNotReadBack = 'efter icacls saknar behörigheterna {0}'
        KeyFileNotFound = 'dess privata nyckelfil finns inte i någon av datorns nyckelmappar'
        BackupEntryUnreadable = 'Behörigheterna för {0} kunde inte läsas till säkerhetskopian ({1}); Undo-RdpRepair kan inte återställa dem.'
        RebootRequired = 'Starta om datorn för att slutföra reparationen.'
        WeakensSecurity = 'SÄKERHET: {0} Så återställer du: {1}'
        PortOwnerNotService = 'Processen {0} använder port {1} och är inte en tjänst. RdpRescue avslutar aldrig en process: stoppa programmet själv eller flytta RDP med Set-RdpPort.'
        PortOwnerShared = 'Processen {0} som använder port {1} är värd för flera tjänster ({2}); att stoppa en av dem frigör inte porten på ett säkert sätt.'
        PortOwnerStopped = 'Stoppade tjänsten ''{0}'' som använde port {1}. Den kan ta porten igen vid nästa start: ändra dess konfiguration eller starttyp.'
        ThumbprintNotUsable = 'Det finns inget befintligt certifikat som inte har gått ut med tumavtrycket {0} i Cert:\LocalMachine\My.'
        CertificateNotForServer = 'Certifikatet {0} är inte avsett för serverautentisering (förbättrad nyckelanvändning: {1}). RDP behöver något av {2}, eller inget tillägg för förbättrad nyckelanvändning.'
        CertificateKeyUnusable = 'Certifikatet {0} har ingen privat nyckel, eller så går den privata nyckeln inte att öppna (saknas, är skadad eller oläslig); RDP kan inte använda det.'
        PortInUse = 'Port {0} används redan av processen {1}; välj en annan port.'
        FirewallRuleMissing = 'Brandväggsregeln ''{0}'' finns inte; den ändrades inte.'
        BackupNotFound = 'Inget säkerhetskopieringsmanifest från RdpRescue (backup.json) i {0}.'
        Restored = 'Återställde {0} objekt från {1}.'
        ShouldProcessFix = 'Tillämpa korrigering: {0}'
        ShouldProcessUndo = 'Återställ tillståndet som sparades i säkerhetskopian'
        EventChecksNotVerified = 'Händelsekontroller ({0}) beskriver det förflutna och används inte för att verifiera en korrigering.'
        InvalidSince = '-Since måste vara ett positivt TimeSpan-värde eller ett antal timmar, inte "{0}".'
        'Scenario.broker-hostname.Title' = 'Anslutningskoordinatorns värdnamn har ändrats'
        'Finding.broker-role-installed' = 'Rollen Anslutningskoordinator för fjärrskrivbord är installerad.'
        'Finding.ev-broker-db-logon' = 'Händelse 2056: koordinatorn kunde inte logga in i sin databas.'
        'Finding.ev-broker-rpc' = 'Händelse 1296: anslutningskoordinatorn är inte redo för RPC-kommunikation.'
        'Scenario.machinekeys-access.Title' = 'RDP kan inte använda sin privata nyckel i MachineKeys'
        'Finding.ev-rcm-cert' = 'Händelse 1057/1058: RD-sessionsvärden kunde inte skapa eller ersätta sitt självsignerade certifikat.'
        'Finding.ev-schannel-key' = 'Schannel 36870: ett allvarligt fel uppstod vid åtkomst till den privata nyckeln för TLS-serverautentiseringsuppgiften.'
        'Finding.ev-schannel-36872' = 'Schannel 36872 loggades; betydelsen skiljer sig mellan Windows-versioner, så den stöder bara slutsatsen.'
        'Finding.machinekeys-acl' = 'MachineKeys eller RDP-nyckelfilen saknar en post som Windows behöver (Administratörer på mappen; SYSTEM och NETWORK SERVICE på RDP-nyckeln).'
        'Scenario.rdp-cert-invalid.Title' = 'RDP-certifikatet har gått ut, saknas eller är inte det konfigurerade'
        'Finding.rdp-cert-store' = 'Certifikatarkivet Remote Desktop är tomt eller innehåller bara utgångna certifikat, eller certifikat som RDP inte kan använda (ingen privat nyckel som går att öppna, en nyckelfil som NETWORK SERVICE inte kan läsa eller en förbättrad nyckelanvändning som inte gäller serverautentisering).'
        'Finding.rdp-cert-binding' = 'SSLCertificateSHA1Hash anger ett certifikat som inte är installerat, har gått ut eller som RDP inte kan använda (ingen privat nyckel som går att öppna, en nyckelfil som NETWORK SERVICE inte kan läsa eller en förbättrad nyckelanvändning som inte gäller serverautentisering).'
        'Scenario.rdp-port-conflict.Title' = 'En annan process använder RDP-porten, eller så lyssnar ingen på den'
        'Finding.rdp-listener' = 'Den konfigurerade RDP-porten används av en annan process än TermService, eller så lyssnar ingen på den.'
        'Finding.termservice-stopped' = 'Tjänsten Fjärrskrivbordstjänster (TermService) körs inte.'
        'Scenario.tls-disabled.Title' = 'TLS är inaktiverat för serversidan av Schannel'
        'Finding.ev-schannel-credential' = 'Schannel 36871: ett allvarligt fel uppstod när en TLS-serverautentiseringsuppgift skapades.'
        'Finding.tls12-server-off' = 'TLS 1.2 (server) är inaktiverat: Enabled=0.'
        'Finding.tls12-server-off-by-default' = 'TLS 1.2 (server) är av om det inte begärs: DisabledByDefault=1.'
        'Finding.tls10-server-off' = 'TLS 1.0 (server) är inaktiverat; endast klienter som inte kan använda TLS 1.2 påverkas.'
        'Finding.tls11-server-off' = 'TLS 1.1 (server) är inaktiverat; endast klienter som inte kan använda TLS 1.2 påverkas.'
        'Finding.rdp-requires-tls' = 'RDP-lyssnaren kräver TLS (SecurityLayer=2, eventuellt satt av en grupprincip), så den kan inte falla tillbaka medan TLS är av.'
        'Finding.fips-policy-on' = 'FIPS-läget är på: endast FIPS-kompatibla protokoll och chiffersviter tillåts.'
        'Fix.enable-legacy-tls-server.Title' = 'Aktivera TLS 1.0 och 1.1 för äldre RDP-klienter'
        'Fix.enable-legacy-tls-server.Warning' = 'TLS 1.0 och 1.1 är inaktuella och försvagar alla TLS-tjänster på datorn, inte bara RDP.'
        'Fix.enable-legacy-tls-server.Restore' = 'Kör Undo-RdpRepair med säkerhetskopians sökväg som korrigeringen skrev ut, eller sätt Enabled=0 för båda protokollen och starta sedan om.'
        'Fix.enable-tls12-server.Title' = 'Aktivera TLS 1.2 för serversidan av Schannel'
        'Fix.remove-rdp-cert-binding.Title' = 'Ta bort det konfigurerade tumavtrycket för RDP-certifikatet'
        'Fix.renew-rdp-self-signed-cert.Title' = 'Förnya det självsignerade RDP-certifikatet'
        'Fix.reset-machinekeys-acl.Title' = 'Återställ behörigheterna för mappen MachineKeys'
        'Fix.resume-group-policy.Title' = 'Återuppta grupprinciper när reparationen har bekräftats'
        'Fix.set-rdp-cert-binding.Title' = 'Låt RDP använda ett giltigt certifikat'
        'Fix.set-rdp-port.Title' = 'Flytta RDP till en annan port'
        'Fix.stop-port-owner.Title' = 'Stoppa tjänsten som använder RDP-porten'
        'Fix.suspend-group-policy.Title' = 'Pausa grupprinciper så att de inte kan ångra reparationen'
        'Fix.suspend-group-policy.Warning' = 'Medan gpsvc är inaktiverad tar datorn inte emot några grupprinciper, inte heller säkerhetsprinciper.'
        'Fix.suspend-group-policy.Restore' = 'Kör Resume-RdpGroupPolicy, starta om och kör sedan gpupdate /force. Om TLS inaktiveras igen måste domänprincipen korrigeras.'
    }
    'nl-NL' = @{
        NotElevated = 'Deze opdracht wijzigt de machine: voer hem uit in een sessie met verhoogde bevoegdheden (als administrator).'
        FixNotInScenario = 'Oplossing ''{0}'' hoort niet bij scenario ''{1}''. De oplossingen zijn: {2}'
        MissingParameter = 'Oplossing ''{0}'' heeft -{1} nodig.'
        FixAlreadyClear = '''{0}'' overgeslagen: de controles die hij herstelt, zijn al in orde ({1}).'
        NoFixes = 'Scenario ''{0}'' heeft geen automatische oplossing; zie de handmatige stappen in about_RdpRescue.'
        BackupWritten = 'Back-up geschreven naar {0}. Ongedaan maken met: Undo-RdpRepair -BackupPath "{0}"'
        FixFailed = 'Oplossing ''{0}'' is mislukt: {1}. Niets daarna is toegepast. Back-up: {2}'
        NotVerified = 'Oplossing ''{0}'' is uitgevoerd, maar deze controles slaan nog steeds aan: {1}.'
        PartiallyApplied = 'Oplossing ''{0}'' is maar gedeeltelijk toegepast: {1} item(s) zijn niet gewijzigd: {2}'
        GrantNotReadBack = 'na icacls ontbreekt {0} in de machtigingen'
        KeyFileNotFound = 'het bestand met de persoonlijke sleutel staat in geen van beide sleutelmappen van de machine'
        BackupEntryUnreadable = 'De machtigingen van {0} konden niet worden gelezen voor de back-up ({1}); Undo-RdpRepair kan ze niet terugzetten.'
        RebootRequired = 'Start de computer opnieuw op om het herstel te voltooien.'
        WeakensSecurity = 'BEVEILIGING: {0} Herstellen: {1}'
        PortOwnerNotService = 'Proces {0} bezet poort {1} en is geen service. RdpRescue beëindigt nooit een proces: stop dat programma zelf of verplaats RDP met Set-RdpPort.'
        PortOwnerShared = 'Proces {0} dat poort {1} bezet, host meerdere services ({2}); één ervan stoppen maakt de poort niet veilig vrij.'
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
        EventChecksNotVerified = 'Gebeurteniscontroles ({0}) beschrijven het verleden en worden niet gebruikt om een oplossing te controleren.'
        InvalidSince = '-Since moet een positieve TimeSpan of een aantal uren zijn, niet "{0}".'
        'Scenario.broker-hostname.Title' = 'De hostnaam van de Verbindingsbroker is gewijzigd'
        'Finding.broker-role-installed' = 'De rol Verbindingsbroker voor Extern bureaublad is geïnstalleerd.'
        'Finding.ev-broker-db-logon' = 'Gebeurtenis 2056: de broker kon zich niet aanmelden bij de database.'
        'Finding.ev-broker-rpc' = 'Gebeurtenis 1296: de Verbindingsbroker is niet gereed voor RPC-communicatie.'
        'Scenario.machinekeys-access.Title' = 'RDP kan de persoonlijke sleutel in MachineKeys niet gebruiken'
        'Finding.ev-rcm-cert' = 'Gebeurtenis 1057/1058: de RD-sessiehost kon het zelfondertekende certificaat niet maken of vervangen.'
        'Finding.ev-schannel-key' = 'Schannel 36870: er is een fatale fout opgetreden bij het openen van de persoonlijke sleutel van de TLS-serverreferentie.'
        'Finding.ev-schannel-36872' = 'Schannel 36872 is vastgelegd; de betekenis verschilt per Windows-versie, dus het ondersteunt de bevinding alleen.'
        'Finding.machinekeys-acl' = 'MachineKeys of het RDP-sleutelbestand mist een vermelding die Windows nodig heeft (Administrators op de map; SYSTEM en NETWORK SERVICE op de RDP-sleutel).'
        'Scenario.rdp-cert-invalid.Title' = 'Het RDP-certificaat is verlopen, ontbreekt of is niet het ingestelde certificaat'
        'Finding.rdp-cert-store' = 'Het certificaatarchief Remote Desktop is leeg of bevat alleen verlopen certificaten, of certificaten die RDP niet kan gebruiken (geen persoonlijke sleutel die te openen is, een sleutelbestand dat NETWORK SERVICE niet kan lezen, of uitgebreid sleutelgebruik dat niet voor serververificatie is).'
        'Finding.rdp-cert-binding' = 'SSLCertificateSHA1Hash noemt een certificaat dat niet is geïnstalleerd, verlopen is of dat RDP niet kan gebruiken (geen persoonlijke sleutel die te openen is, een sleutelbestand dat NETWORK SERVICE niet kan lezen, of uitgebreid sleutelgebruik dat niet voor serververificatie is).'
        'Scenario.rdp-port-conflict.Title' = 'Een ander proces bezet de RDP-poort, of er luistert niets op'
        'Finding.rdp-listener' = 'De ingestelde RDP-poort wordt bezet door een ander proces dan TermService, of er luistert niets op.'
        'Finding.termservice-stopped' = 'De service Extern bureaublad-services (TermService) is niet actief.'
        'Scenario.tls-disabled.Title' = 'TLS is uitgeschakeld voor de serverkant van Schannel'
        'Finding.ev-schannel-credential' = 'Schannel 36871: er is een fatale fout opgetreden bij het maken van een TLS-serverreferentie.'
        'Finding.tls12-server-off' = 'TLS 1.2 (server) is uitgeschakeld: Enabled=0.'
        'Finding.tls12-server-off-by-default' = 'TLS 1.2 (server) staat uit tenzij erom wordt gevraagd: DisabledByDefault=1.'
        'Finding.tls10-server-off' = 'TLS 1.0 (server) is uitgeschakeld; alleen clients die geen TLS 1.2 kunnen gebruiken, worden getroffen.'
        'Finding.tls11-server-off' = 'TLS 1.1 (server) is uitgeschakeld; alleen clients die geen TLS 1.2 kunnen gebruiken, worden getroffen.'
        'Finding.rdp-requires-tls' = 'De RDP-listener vereist TLS (SecurityLayer=2, mogelijk ingesteld door groepsbeleid) en kan dus niet terugvallen zolang TLS uit staat.'
        'Finding.fips-policy-on' = 'De FIPS-modus staat aan: alleen FIPS-conforme protocollen en coderingssuites zijn toegestaan.'
        'Fix.enable-legacy-tls-server.Title' = 'TLS 1.0 en 1.1 inschakelen voor oudere RDP-clients'
        'Fix.enable-legacy-tls-server.Warning' = 'TLS 1.0 en 1.1 zijn verouderd en verzwakken elke TLS-service op deze machine, niet alleen RDP.'
        'Fix.enable-legacy-tls-server.Restore' = 'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet Enabled=0 voor beide protocollen en start daarna opnieuw op.'
        'Fix.enable-tls12-server.Title' = 'TLS 1.2 inschakelen voor de serverkant van Schannel'
        'Fix.remove-rdp-cert-binding.Title' = 'De geconfigureerde vingerafdruk van het RDP-certificaat verwijderen'
        'Fix.renew-rdp-self-signed-cert.Title' = 'Het zelfondertekende RDP-certificaat vernieuwen'
        'Fix.reset-machinekeys-acl.Title' = 'Machtigingen voor de map MachineKeys herstellen'
        'Fix.resume-group-policy.Title' = 'Groepsbeleid hervatten nadat de reparatie is bevestigd'
        'Fix.set-rdp-cert-binding.Title' = 'RDP naar een geldig certificaat laten verwijzen'
        'Fix.set-rdp-port.Title' = 'RDP naar een andere poort verplaatsen'
        'Fix.stop-port-owner.Title' = 'De service stoppen die de RDP-poort bezet'
        'Fix.suspend-group-policy.Title' = 'Groepsbeleid onderbreken zodat het de reparatie niet ongedaan maakt'
        'Fix.suspend-group-policy.Warning' = 'Zolang gpsvc is uitgeschakeld, ontvangt de machine geen groepsbeleid, ook geen beveiligingsbeleid.'
        'Fix.suspend-group-policy.Restore' = 'Voer Resume-RdpGroupPolicy uit, start opnieuw op en voer daarna gpupdate /force uit. Als TLS weer wordt uitgeschakeld, pas dan het domeinbeleid zelf aan.'
    }
    'zh-TW' = @{
        NotElevated = '此命令會變更電腦：請在提高權限的工作階段（以系統管理員身分）中執行。'
        FixNotInScenario = '修正 ''{0}'' 不屬於情境 ''{1}''。其修正為：{2}'
        MissingParameter = '修正 ''{0}'' 需要 -{1}。'
        FixAlreadyClear = '已略過 ''{0}''：其修復的檢查已無問題（{1}）。'
        NoFixes = '情境 ''{0}'' 沒有自動修正；請參閱 about_RdpRescue 中的手動步驟。'
        BackupWritten = '已將備份寫入 {0}。復原方式：Undo-RdpRepair -BackupPath "{0}"'
        FixFailed = '修正 ''{0}'' 失敗：{1}。之後的項目都未套用。備份：{2}'
        NotVerified = '已執行修正 ''{0}''，但下列檢查仍然觸發：{1}。'
        PartiallyApplied = '修正 ''{0}'' 僅部分套用：有 {1} 個項目未變更：{2}'
        GrantNotReadBack = '執行 icacls 後，權限中仍沒有 {0}'
        KeyFileNotFound = '其私密金鑰檔案不在任何一個電腦金鑰資料夾中'
        BackupEntryUnreadable = '無法讀取 {0} 的權限以進行備份（{1}）；Undo-RdpRepair 無法還原這些權限。'
        RebootRequired = '請重新啟動電腦以完成修復。'
        WeakensSecurity = '安全性：{0} 還原方式：{1}'
        PortOwnerNotService = '處理程序 {0} 佔用連接埠 {1}，而且不是服務。RdpRescue 絕不終止處理程序：請自行停止該程式，或使用 Set-RdpPort 移動 RDP。'
        PortOwnerShared = '佔用連接埠 {1} 的處理程序 {0} 裝載多個服務（{2}）；停止其中一個無法安全地釋放連接埠。'
        PortOwnerStopped = '已停止佔用連接埠 {1} 的服務 ''{0}''。下次開機時它可能再次佔用該連接埠：請變更其設定或啟動類型。'
        ThumbprintNotUsable = 'Cert:\LocalMachine\My 中沒有指紋為 {0} 且未過期的憑證。'
        CertificateNotForServer = '憑證 {0} 不是用於伺服器驗證（增強金鑰使用方法：{1}）。RDP 需要 {2} 其中之一，或不含增強金鑰使用方法延伸。'
        CertificateKeyUnusable = '憑證 {0} 沒有私密金鑰，或其私密金鑰無法開啟（遺失、損毀或無法讀取）；RDP 無法使用它。'
        PortInUse = '連接埠 {0} 已被處理程序 {1} 使用；請選擇其他連接埠。'
        FirewallRuleMissing = '防火牆規則 ''{0}'' 不存在；未變更。'
        BackupNotFound = '{0} 中沒有 RdpRescue 備份資訊清單（backup.json）。'
        Restored = '已從 {1} 還原 {0} 個項目。'
        ShouldProcessFix = '套用修正：{0}'
        ShouldProcessUndo = '還原此備份中儲存的狀態'
        EventChecksNotVerified = '事件檢查（{0}）描述的是過去的狀況，不會用來驗證修正。'
        InvalidSince = '-Since 必須是正的 TimeSpan 或時數，而不是 "{0}"。'
        'Scenario.broker-hostname.Title' = '連線代理人的主機名稱已變更'
        'Finding.broker-role-installed' = '已安裝遠端桌面連線代理人角色。'
        'Finding.ev-broker-db-logon' = '事件 2056：代理人無法登入其資料庫。'
        'Finding.ev-broker-rpc' = '事件 1296：連線代理人尚未就緒，無法進行 RPC 通訊。'
        'Scenario.machinekeys-access.Title' = 'RDP 無法使用 MachineKeys 中的私密金鑰'
        'Finding.ev-rcm-cert' = '事件 1057/1058：遠端桌面工作階段主機無法建立或取代其自我簽署憑證。'
        'Finding.ev-schannel-key' = 'Schannel 36870：存取 TLS 伺服器認證的私密金鑰時發生嚴重錯誤。'
        'Finding.ev-schannel-36872' = '已記錄 Schannel 36872；其意義因 Windows 版本而異，因此僅作為佐證。'
        'Finding.machinekeys-acl' = 'MachineKeys 或 RDP 金鑰檔案缺少 Windows 所需的項目（資料夾上的 Administrators；RDP 金鑰上的 SYSTEM 與 NETWORK SERVICE）。'
        'Scenario.rdp-cert-invalid.Title' = 'RDP 憑證已過期、遺失，或不是已設定的憑證'
        'Finding.rdp-cert-store' = 'Remote Desktop 憑證存放區是空的，或只包含已過期的憑證，或只有 RDP 無法使用的憑證（沒有可開啟的私密金鑰、NETWORK SERVICE 無法讀取金鑰檔案，或增強金鑰使用方法不是伺服器驗證）。'
        'Finding.rdp-cert-binding' = 'SSLCertificateSHA1Hash 指定的憑證未安裝、已過期，或 RDP 無法使用（沒有可開啟的私密金鑰、NETWORK SERVICE 無法讀取金鑰檔案，或增強金鑰使用方法不是伺服器驗證）。'
        'Scenario.rdp-port-conflict.Title' = '另一個處理程序佔用 RDP 連接埠，或沒有程式在其上接聽'
        'Finding.rdp-listener' = '已設定的 RDP 連接埠被 TermService 以外的處理程序佔用，或沒有程式在其上接聽。'
        'Finding.termservice-stopped' = '遠端桌面服務（TermService）未在執行。'
        'Scenario.tls-disabled.Title' = 'Schannel 伺服器端的 TLS 已停用'
        'Finding.ev-schannel-credential' = 'Schannel 36871：建立 TLS 伺服器認證時發生嚴重錯誤。'
        'Finding.tls12-server-off' = 'TLS 1.2（伺服器）已停用：Enabled=0。'
        'Finding.tls12-server-off-by-default' = 'TLS 1.2（伺服器）除非明確要求否則不啟用：DisabledByDefault=1。'
        'Finding.tls10-server-off' = 'TLS 1.0（伺服器）已停用；只會影響無法使用 TLS 1.2 的用戶端。'
        'Finding.tls11-server-off' = 'TLS 1.1（伺服器）已停用；只會影響無法使用 TLS 1.2 的用戶端。'
        'Finding.rdp-requires-tls' = 'RDP 接聽程式要求 TLS（SecurityLayer=2，可能由群組原則設定），因此在 TLS 停用時無法退回其他方式。'
        'Finding.fips-policy-on' = 'FIPS 模式已開啟：只允許符合 FIPS 的通訊協定與加密套件。'
        'Fix.enable-legacy-tls-server.Title' = '為舊版 RDP 用戶端啟用 TLS 1.0 與 1.1'
        'Fix.enable-legacy-tls-server.Warning' = 'TLS 1.0 與 1.1 已淘汰，會削弱這部電腦上所有 TLS 服務的安全性，而不只是 RDP。'
        'Fix.enable-legacy-tls-server.Restore' = '使用此修正所顯示的備份路徑執行 Undo-RdpRepair，或將兩個通訊協定的 Enabled 設為 0，然後重新開機。'
        'Fix.enable-tls12-server.Title' = '為 Schannel 伺服器端啟用 TLS 1.2'
        'Fix.remove-rdp-cert-binding.Title' = '移除已設定的 RDP 憑證指紋'
        'Fix.renew-rdp-self-signed-cert.Title' = '更新 RDP 自我簽署憑證'
        'Fix.reset-machinekeys-acl.Title' = '重設 MachineKeys 資料夾的權限'
        'Fix.resume-group-policy.Title' = '確認修復後恢復群組原則'
        'Fix.set-rdp-cert-binding.Title' = '將 RDP 指向有效的憑證'
        'Fix.set-rdp-port.Title' = '將 RDP 移到其他連接埠'
        'Fix.stop-port-owner.Title' = '停止佔用 RDP 連接埠的服務'
        'Fix.suspend-group-policy.Title' = '暫停群組原則，避免其復原修復結果'
        'Fix.suspend-group-policy.Warning' = '停用 gpsvc 期間，這部電腦不會套用任何群組原則，包括安全性原則。'
        'Fix.suspend-group-policy.Restore' = '執行 Resume-RdpGroupPolicy，重新開機後執行 gpupdate /force。若 TLS 再次被停用，請修正網域原則本身。'
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
#   Set-RdpRegistryValue      -Path -Name -Type REG_* -Value   creates the key when needed
#   Remove-RdpRegistryValue   -Path -Name               no error when already absent
#   Get-RdpEventRecord        -Channel -XPath -MaxEvents   newest first: ProviderName, Id, TimeCreated, Data (hashtable by field name)
#   Get-RdpServiceInfo        -Name | -ProcessId        Name, State, StartMode, ProcessId (Win32_Service); nothing when absent
#   Set-RdpServiceState       -Name -State Running|Stopped|Restarted
#   Get-RdpTcpListener        -Port                     LocalAddress, LocalPort, OwningProcess of listening sockets
#   Get-RdpCertificate        -Store                    LocalMachine store: Thumbprint, Subject, Issuer, NotBefore, NotAfter,
#                                                       HasPrivateKey, EnhancedKeyUsages (OIDs; $null when the certificate has no EKU)
#   Get-RdpPrivateKey         -Store -Thumbprint        Opens (the private key opens), File (its key file; $null when not found)
#   Remove-RdpCertificate     -Store -Thumbprint        removes one certificate (never its private key)
#   Get-RdpAccessRule         -Path                     Sid, Rights, AccessType, InheritOnly (SIDs, never names)
#   Get-RdpSecurityDescriptor -Path                     SDDL (owner and DACL), read with the backup privilege
#   Set-RdpSecurityDescriptor -Path -Sddl               restores owner and DACL
#   Set-RdpOwner              -Path -Sid                sets the owner only, with the take-ownership and restore privileges
#   Enable-RdpPrivilege       -Name                     enables privileges the process token holds; returns those it turned on
#   Disable-RdpPrivilege      -Name                     turns them off again
#   Get-RdpTokenPrivilegeType                           the AdjustTokenPrivileges helper, compiled once per session
#   Get-RdpChildFile          -Path -Prefix [-Recurse]  full paths of files (with the backup privilege if listing is denied)
#   Get-RdpFirewallRulePort   -Name                     LocalPort of a rule by its Name, or $null when the rule is absent
#   Set-RdpFirewallRulePort   -Name -Port
#   Get-RdpWindowsFeatureState -Name                    $true / $false, or $null without Server Manager cmdlets
#   New-RdpDirectory          -Path                     creates a folder (backups)
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
        [ValidateSet('REG_DWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_BINARY')]
        [string]$Type,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [object]$Value
    )
    $kinds = @{ REG_DWORD = 'DWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_BINARY = 'Binary' }
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
        [Parameter(Mandatory = $true, ParameterSetName = 'Name')]
        [ValidatePattern('^[A-Za-z][A-Za-z0-9_]*$')]
        [string]$Name,
        [Parameter(Mandatory = $true, ParameterSetName = 'ProcessId')]
        [int]$ProcessId
    )
    if ($PSCmdlet.ParameterSetName -eq 'Name') {
        $filter = "Name='$Name'"
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

function Set-RdpServiceState {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [ValidateSet('Running', 'Stopped', 'Restarted')]
        [string]$State
    )
    if (-not $PSCmdlet.ShouldProcess($Name, "Service: $State")) {
        return
    }
    switch ($State) {
        'Running' {
            Start-Service -Name $Name
        }
        'Stopped' {
            Stop-Service -Name $Name
        }
        'Restarted' {
            Restart-Service -Name $Name -Force
        }
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

function New-RdpDirectory {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Path
    )
    if ($PSCmdlet.ShouldProcess($Path, 'Create folder')) {
        $null = New-Item -ItemType Directory -Path $Path -Force
    }
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

function New-RdpContext {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [object[]]$Checks = @(),
        [object]$SinceHours = $null
    )
    @{
        Now        = Get-RdpDate
        SinceHours = $SinceHours
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
    if ($null -ne $Context.SinceHours) {
        return [double]$Context.SinceHours
    }
    [double]$Check.WindowHours
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
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Channel,
        [Parameter(Mandatory = $true)]
        [hashtable]$Context
    )
    # One query per channel covers every event check of the diagnosis: all providers, all ids,
    # the widest window. Each check then filters the records it needs.
    if (-not $Context.Events.ContainsKey($Channel)) {
        $checks = @($Context.Checks | Where-Object { $_.Kind -eq 'event-query' -and $_.Channel -eq $Channel })
        $hours = ($checks | ForEach-Object { Get-RdpEventWindowHours -Check $_ -Context $Context } | Measure-Object -Maximum).Maximum
        $xpath = Get-RdpEventXPath -Checks $checks -Hours $hours
        try {
            $Context.Events[$Channel] = @{ Records = @(Get-RdpEventRecord -Channel $Channel -XPath $xpath); Error = $null }
        }
        catch {
            $Context.Events[$Channel] = @{ Records = @(); Error = $_.Exception.Message }
        }
    }
    $entry = $Context.Events[$Channel]
    if ($null -ne $entry.Error) {
        throw $entry.Error
    }
    $entry.Records
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
    $since = $Context.Now.AddHours(-(Get-RdpEventWindowHours -Check $Check -Context $Context))
    $matched = @(Get-RdpChannelEvent -Channel $Check.Channel -Context $Context | Where-Object {
            $record = $_
            $ok = $record.ProviderName -eq $Check.Provider -and $Check.EventIds -contains [int]$record.Id -and $record.TimeCreated -ge $since
            foreach ($condition in $Check.DataConditions) {
                $ok = $ok -and $record.Data.ContainsKey($condition.Field) -and $condition.Accepted -contains [string]$record.Data[$condition.Field]
            }
            $ok
        })
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
# Restore functions take the same entry read back from JSON.

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
        $value = Get-RdpRegistryValue -Path $Item.Key -Name $Item.Name
        if ($value -is [byte[]]) {
            $value = [Convert]::ToBase64String($value)
        }
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
        Remove-RdpRegistryValue -Path $Entry.Key -Name $Entry.Name
        return
    }
    $types = @{ DWord = 'REG_DWORD'; String = 'REG_SZ'; ExpandString = 'REG_EXPAND_SZ'; Binary = 'REG_BINARY' }
    $value = $Entry.Value
    if ($Entry.ValueKind -eq 'Binary') {
        $value = [Convert]::FromBase64String([string]$Entry.Value)
    }
    elseif ($Entry.ValueKind -eq 'DWord') {
        $value = [int]$Entry.Value
    }
    Set-RdpRegistryValue -Path $Entry.Key -Name $Entry.Name -Type $types[[string]$Entry.ValueKind] -Value $value
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
        return @{ Kind = $Item.Kind; Service = $null; Start = $null; State = $null }
    }
    $service = @(Get-RdpServiceInfo -Name $name)
    $state = $null
    if ($service.Count -gt 0) {
        $state = $service[0].State
    }
    $start = Get-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$name" -Name 'Start'
    @{ Kind = $Item.Kind; Service = $name; Start = $start; State = $state }
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
    }
    $now = @(Get-RdpServiceInfo -Name $Entry.Service)
    if ($Entry.State -eq 'Running' -and $now.Count -gt 0 -and $now[0].State -ne 'Running') {
        Set-RdpServiceState -Name $Entry.Service -State 'Running'
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
    $stamp = (Get-RdpDate).ToString('yyyyMMdd-HHmmss')
    $folder = Join-Path -Path $BackupRoot -ChildPath $stamp
    $suffix = 1
    while (Test-Path -LiteralPath $folder) {
        $suffix += 1
        $folder = Join-Path -Path $BackupRoot -ChildPath "$stamp-$suffix"
    }
    New-RdpDirectory -Path $folder
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
    Set-RdpRegistryValue -Path $Operation.Key -Name $Operation.Name -Type $Operation.Type -Value $value
    '{0}\{1} = {2}' -f $Operation.Key, $Operation.Name, (ConvertTo-RdpToken -Value $value)
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
    if ($service.Count -gt 0 -and $service[0].State -eq 'Running') {
        Set-RdpServiceState -Name $Operation.Service -State 'Restarted'
    }
    else {
        Set-RdpServiceState -Name $Operation.Service -State 'Running'
    }
    '{0} restarted' -f $Operation.Service
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
    Set-RdpServiceState -Name $name -State 'Stopped'
    '{0} stopped' -f $name
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
    # Start lives in the service's registry key; writing it directly also works for protected
    # services such as gpsvc, whose configuration Set-Service and sc config are denied.
    $start = @{ automatic = 2; manual = 3; disabled = 4 }[$Operation.StartType]
    Set-RdpRegistryValue -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$($Operation.Service)" -Name 'Start' -Type 'REG_DWORD' -Value $start
    '{0} Start = {1} ({2})' -f $Operation.Service, $start, $Operation.StartType
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
    $backup = Backup-RdpFixState -Fixes $approved -Context $context -BackupRoot $BackupRoot -Scenario $Scenario
    Write-Information -MessageData ($script:RdpStrings.BackupWritten -f $backup) -InformationAction Continue
    $reboot = $false
    foreach ($fix in $approved) {
        $context.ItemFailures.Clear()
        try {
            $changes = @(foreach ($operation in $fix.Operations) {
                    & $script:RdpOperationAppliers[$operation.Kind] -Operation $operation -Parameters $Parameters -Context $context -Confirm:$false
                })
        }
        catch {
            throw ($script:RdpStrings.FixFailed -f $fix.Id, $_.Exception.Message, $backup)
        }
        if ($fix.WeakensSecurity) {
            Write-Warning ($script:RdpStrings.WeakensSecurity -f $script:RdpStrings['Fix.' + $fix.Id + '.Warning'], $script:RdpStrings['Fix.' + $fix.Id + '.Restore'])
        }
        $still = @(Confirm-RdpFixResult -Fix $fix)
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
            $message = $script:RdpStrings.PartiallyApplied -f $fix.Id, $failed.Count, $shown
            Write-Warning $message
        }
        elseif ($still.Count -gt 0) {
            $result = 'NotVerified'
            $message = $script:RdpStrings.NotVerified -f $fix.Id, ($still -join ', ')
            Write-Warning $message
        }
        $reboot = $reboot -or $fix.Reboot
        New-RdpFixResult -Fix $fix -Result $result -Message $message -Changes $changes -BackupPath $backup -FailedItems $failed
    }
    if ($reboot) {
        Write-Warning $script:RdpStrings.RebootRequired
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
        [ValidateSet('broker-hostname', 'machinekeys-access', 'rdp-cert-invalid', 'rdp-port-conflict', 'tls-disabled')]
        [string[]]$Scenario = @('broker-hostname', 'machinekeys-access', 'rdp-cert-invalid', 'rdp-port-conflict', 'tls-disabled'),
        [object]$Since = $null,
        [Parameter(Mandatory = $true, ParameterSetName = 'Text')]
        [switch]$AsText,
        [Parameter(Mandatory = $true, ParameterSetName = 'Json')]
        [switch]$AsJson
    )
    $hours = ConvertTo-RdpSinceHours -Since $Since
    $scenarios = @($script:RdpCatalog.Scenarios | Where-Object { $Scenario -contains $_.Id })
    $checks = @($scenarios | ForEach-Object { $_.Evidence } | ForEach-Object { $_.Check })
    $context = New-RdpContext -Checks $checks -SinceHours $hours
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
        [ValidateSet('broker-hostname', 'machinekeys-access', 'rdp-cert-invalid', 'rdp-port-conflict', 'tls-disabled')]
        [string]$Scenario,
        [ValidateSet('enable-legacy-tls-server', 'enable-tls12-server', 'remove-rdp-cert-binding', 'renew-rdp-self-signed-cert', 'reset-machinekeys-acl', 'resume-group-policy', 'set-rdp-cert-binding', 'set-rdp-port', 'stop-port-owner', 'suspend-group-policy')]
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
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('FullName')]
        [string]$BackupPath
    )
    process {
        $manifest = Read-RdpBackupManifest -Path (Join-Path -Path $BackupPath -ChildPath 'backup.json')
        if ($null -eq $manifest) {
            throw ($script:RdpStrings.BackupNotFound -f $BackupPath)
        }
        if (-not $PSCmdlet.ShouldProcess($BackupPath, $script:RdpStrings.ShouldProcessUndo)) {
            return
        }
        Assert-RdpElevation
        $items = @($manifest.items)
        [array]::Reverse($items)
        foreach ($entry in $items) {
            & $script:RdpRestoreFunctions[[string]$entry.Kind] -Entry $entry -Folder $BackupPath -Confirm:$false
        }
        foreach ($service in @($manifest.restartsServices)) {
            $operation = @{ Kind = 'service-restart'; Service = [string]$service }
            $null = Restart-RdpServiceOperation -Operation $operation -Parameters @{} -Context (New-RdpContext) -Confirm:$false
        }
        $script:RdpStrings.Restored -f $items.Count, $BackupPath
    }
}
#endregion public commands (templates/powershell/public.ps1.ejs)

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

function Split-RdpList {
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [AllowEmptyString()]
        [string]$Text
    )
    @($Text -split '[,; ]+' | Where-Object { $_ })
}

try {
    if ($Mode -eq 'Diagnose') {
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
    else {
        $arguments = @{ Scenario = $Scenario; Confirm = $false }
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
        foreach ($result in @(Invoke-RdpRepair @arguments)) {
            'RDPRESCUE fix {0} {1} reboot={2} backup={3}' -f $result.Fix, $result.Result.ToUpperInvariant(), $result.RebootRequired, $result.BackupPath
            foreach ($change in $result.Changes) {
                '  ' + $change
            }
        }
        Invoke-RdpDiagnosis -AsText
    }
    '[STATUS]::SUCCESS'
}
catch {
    'RDPRESCUE error ' + $_.Exception.Message
    '[STATUS]::ERROR'
}
