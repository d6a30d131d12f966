import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';
const RCM = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager';

/**
 * LicensingMode: 2 per device, 4 per user (ChangeMode's LicensingType, Microsoft Learn), 6 AAD
 * per user (the TerminalServer ADMX's "Set the Remote Desktop licensing mode" lists it).
 */
const CONFIGURED_MODES = [2, 4, 6];

const EVENT_1069 = {
  url: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/ee891144',
  title: 'Event ID 1069 — Remote Desktop Services Client Access License (RDS CAL) Availability',
};

export default defineScenario({
  id: 'rds-licensing-expired',
  title: {
    'en-US': 'Remote Desktop Session Host without licensing after the grace period',
    'sv-SE': 'Värd för fjärrskrivbordssession utan licensiering efter respitperioden',
    'nl-NL': 'Host voor Extern bureaublad-sessies zonder licenties na de respijtperiode',
    'zh-TW': '寬限期結束後未設定授權的遠端桌面工作階段主機',
  },
  summary: {
    'en-US':
      'The RD Session Host role service is installed, so every user session needs an RDS client access licence (CAL). Without a licensing mode and a license server, connections work only during the 120-day grace period; afterwards the Session Host refuses them (event 1069). The console session (mstsc /admin) needs no CAL and is the way in meanwhile.',
    'sv-SE':
      'Rolltjänsten Värd för fjärrskrivbordssession är installerad, så varje användarsession kräver en klientåtkomstlicens för fjärrskrivbordstjänster (CAL). Utan licensieringsläge och licensserver fungerar anslutningar bara under respitperioden på 120 dagar; därefter nekar sessionsvärden dem (händelse 1069). Konsolsessionen (mstsc /admin) kräver ingen CAL och är vägen in under tiden.',
    'nl-NL':
      'De rolservice Host voor Extern bureaublad-sessies is geïnstalleerd, dus elke gebruikerssessie heeft een RDS-clienttoegangslicentie (CAL) nodig. Zonder licentiemodus en licentieserver werken verbindingen alleen tijdens de respijtperiode van 120 dagen; daarna weigert de sessiehost ze (gebeurtenis 1069). De consolesessie (mstsc /admin) heeft geen CAL nodig en is intussen de weg naar binnen.',
    'zh-TW':
      '已安裝遠端桌面工作階段主機角色服務，因此每個使用者工作階段都需要 RDS 用戶端存取授權（CAL）。若未設定授權模式與授權伺服器，連線只在 120 天寬限期內有效；之後工作階段主機會拒絕連線（事件 1069）。主控台工作階段（mstsc /admin）不需要 CAL，可在此期間用來登入。',
  },
  symptoms: ['cannot-connect'],
  evidence: [
    {
      role: 'precondition',
      check: { kind: 'rdsh-server-mode', id: 'rdsh-role-installed', firesWhen: 'session-host' },
      finding: {
        'en-US':
          'The RD Session Host role service is installed (TerminalServerMode=1): user sessions need RDS CALs.',
        'sv-SE':
          'Rolltjänsten Värd för fjärrskrivbordssession är installerad (TerminalServerMode=1): användarsessioner kräver RDS-CAL.',
        'nl-NL':
          'De rolservice Host voor Extern bureaublad-sessies is geïnstalleerd (TerminalServerMode=1): gebruikerssessies hebben RDS-CAL’s nodig.',
        'zh-TW':
          '已安裝遠端桌面工作階段主機角色服務（TerminalServerMode=1）：使用者工作階段需要 RDS CAL。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-licensing-grace-expired',
        channel: `${RCM}/Admin`,
        provider: RCM,
        eventIds: [1069],
        windowHours: 24,
      },
      finding: {
        'en-US':
          'Event 1069: the RD Licensing grace period has expired and no licensing mode is configured; user connections are refused.',
        'sv-SE':
          'Händelse 1069: respitperioden för fjärrskrivbordslicensiering har gått ut och inget licensieringsläge är konfigurerat; användaranslutningar nekas.',
        'nl-NL':
          'Gebeurtenis 1069: de respijtperiode voor Extern bureaublad-licenties is verlopen en er is geen licentiemodus geconfigureerd; gebruikersverbindingen worden geweigerd.',
        'zh-TW': '事件 1069：遠端桌面授權寬限期已過，且未設定授權模式；使用者連線會遭拒。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'licensing-mode-not-set',
        key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\RCM\\Licensing Core',
        name: 'LicensingMode',
        firesWhen: { op: 'none-of', values: CONFIGURED_MODES },
        policy: { key: POLICY, name: 'LicensingMode' },
      },
      finding: {
        'en-US':
          'No licensing mode: LicensingMode is none of 2 (per device), 4 (per user) or 6 (AAD per user), locally or by Group Policy (the policy wins). Past the grace period connections are refused.',
        'sv-SE':
          'Inget licensieringsläge: LicensingMode är inget av 2 (per enhet), 4 (per användare) eller 6 (AAD per användare), lokalt eller via grupprincip (principen vinner). Efter respitperioden nekas anslutningar.',
        'nl-NL':
          'Geen licentiemodus: LicensingMode is geen van 2 (per apparaat), 4 (per gebruiker) of 6 (AAD per gebruiker), lokaal of via groepsbeleid (het beleid wint). Na de respijtperiode worden verbindingen geweigerd.',
        'zh-TW':
          '未設定授權模式：LicensingMode 在本機或群組原則（原則優先）中不是 2（每部裝置）、4（每位使用者）或 6（AAD 每位使用者）。寬限期過後連線會遭拒。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'license-servers-not-set',
        key: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\TermService\\Parameters\\LicenseServers',
        name: 'SpecifiedLicenseServers',
        firesWhen: { op: 'absent' },
        policy: { key: POLICY, name: 'LicenseServers' },
      },
      finding: {
        'en-US':
          'No license server: neither SpecifiedLicenseServers nor the Group Policy LicenseServers names one. Past the grace period no CAL can be issued.',
        'sv-SE':
          'Ingen licensserver: varken SpecifiedLicenseServers eller grupprincipens LicenseServers anger någon. Efter respitperioden kan ingen CAL utfärdas.',
        'nl-NL':
          'Geen licentieserver: noch SpecifiedLicenseServers noch het groepsbeleid LicenseServers noemt er een. Na de respijtperiode kan geen CAL worden uitgegeven.',
        'zh-TW':
          '未設定授權伺服器：SpecifiedLicenseServers 與群組原則 LicenseServers 都未指定。寬限期過後無法核發 CAL。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The RD Session Host role service was installed (often by mistake, for more than two administrators at once) and the licensing mode and license server were never configured, or a Group Policy removed them; the 120-day grace period then ran out.',
      'sv-SE':
        'Rolltjänsten Värd för fjärrskrivbordssession installerades (ofta av misstag, för fler än två administratörer samtidigt) och licensieringsläget och licensservern konfigurerades aldrig, eller så tog en grupprincip bort dem; därefter tog respitperioden på 120 dagar slut.',
      'nl-NL':
        'De rolservice Host voor Extern bureaublad-sessies werd geïnstalleerd (vaak per vergissing, voor meer dan twee beheerders tegelijk) en de licentiemodus en licentieserver werden nooit geconfigureerd, of een groepsbeleid heeft ze verwijderd; daarna liep de respijtperiode van 120 dagen af.',
      'zh-TW':
        '已安裝遠端桌面工作階段主機角色服務（常是誤裝，只為了讓兩位以上系統管理員同時登入），卻從未設定授權模式與授權伺服器，或群組原則將其移除；之後 120 天寬限期便已結束。',
    },
  ],
  manualSteps: [
    {
      id: 'connect-with-admin',
      text: {
        'en-US':
          'From your computer, connect to the console session, which needs no RDS CAL: mstsc /admin (administrators only, as the two administrative connections are). Configure licensing from there.',
        'sv-SE':
          'Anslut från din dator till konsolsessionen, som inte kräver någon RDS-CAL: mstsc /admin (endast administratörer, liksom de två administrativa anslutningarna). Konfigurera licensieringen därifrån.',
        'nl-NL':
          'Maak vanaf uw computer verbinding met de consolesessie, die geen RDS-CAL nodig heeft: mstsc /admin (alleen beheerders, net als de twee beheerverbindingen). Configureer van daaruit de licenties.',
        'zh-TW':
          '從您的電腦連線到不需要 RDS CAL 的主控台工作階段：mstsc /admin（與兩個系統管理連線相同，僅限系統管理員）。再從該處設定授權。',
      },
      commands: [{ shell: 'cmd', code: 'mstsc /v:<vm-address> /admin' }],
    },
    {
      id: 'configure-licensing-by-policy',
      text: {
        'en-US':
          'By Group Policy (it wins over the local settings): Computer Configuration > Administrative Templates > Windows Components > Remote Desktop Services > Remote Desktop Session Host > Licensing: enable "Use the specified Remote Desktop license servers" with your license server, and "Set the Remote Desktop licensing mode" to Per User or Per Device, matching the CALs installed on that license server. Then run gpupdate /force.',
        'sv-SE':
          'Via grupprincip (den vinner över de lokala inställningarna): Datorkonfiguration > Administrativa mallar > Windows-komponenter > Fjärrskrivbordstjänster > Värd för fjärrskrivbordssession > Licensiering: aktivera "Använd de angivna licensservrarna för fjärrskrivbord" med din licensserver och ange "Ange licensieringsläge för fjärrskrivbord" till Per användare eller Per enhet, enligt de CAL som finns på licensservern. Kör sedan gpupdate /force.',
        'nl-NL':
          'Via groepsbeleid (dat wint van de lokale instellingen): Computerconfiguratie > Beheersjablonen > Windows-onderdelen > Extern bureaublad-services > Host voor Extern bureaublad-sessies > Licentieverlening: schakel "De opgegeven licentieservers voor Extern bureaublad gebruiken" in met uw licentieserver, en zet "De licentiemodus voor Extern bureaublad instellen" op Per gebruiker of Per apparaat, passend bij de CAL’s op die licentieserver. Voer daarna gpupdate /force uit.',
        'zh-TW':
          '透過群組原則（優先於本機設定）：電腦設定 > 系統管理範本 > Windows 元件 > 遠端桌面服務 > 遠端桌面工作階段主機 > 授權：啟用「使用指定的遠端桌面授權伺服器」並填入授權伺服器，將「設定遠端桌面授權模式」設為「每位使用者」或「每部裝置」，須與該授權伺服器上安裝的 CAL 相符。然後執行 gpupdate /force。',
      },
      commands: [{ shell: 'cmd', code: 'gpupdate /force' }],
    },
    {
      id: 'configure-licensing-with-wmi',
      text: {
        'en-US':
          'Without a policy, on the VM in PowerShell as administrator, with WMI: set the licensing mode (LicensingType 2 = per device, 4 = per user; it must match the CALs on the license server) and the license server list.',
        'sv-SE':
          'Utan princip, på den virtuella datorn i PowerShell som administratör, med WMI: ange licensieringsläget (LicensingType 2 = per enhet, 4 = per användare; det måste stämma med CAL på licensservern) och listan med licensservrar.',
        'nl-NL':
          'Zonder beleid, op de VM in PowerShell als administrator, met WMI: stel de licentiemodus in (LicensingType 2 = per apparaat, 4 = per gebruiker; die moet overeenkomen met de CAL’s op de licentieserver) en de lijst met licentieservers.',
        'zh-TW':
          '若無原則，在 VM 上以系統管理員身分開啟 PowerShell，以 WMI 設定授權模式（LicensingType 2 = 每部裝置，4 = 每位使用者；須與授權伺服器上的 CAL 相符）與授權伺服器清單。',
      },
      commands: [
        {
          shell: 'powershell',
          code: '$ts = Get-CimInstance -Namespace root/cimv2/TerminalServices -ClassName Win32_TerminalServiceSetting',
        },
        {
          shell: 'powershell',
          code: 'Invoke-CimMethod -InputObject $ts -MethodName ChangeMode -Arguments @{LicensingType=4}',
        },
        {
          shell: 'powershell',
          code: "Invoke-CimMethod -InputObject $ts -MethodName SetSpecifiedLicenseServerList -Arguments @{SpecifiedLSList=[string[]]@('<license-server>')}",
        },
      ],
    },
    {
      id: 'never-reset-grace-period',
      text: {
        'en-US':
          'Never reset the grace period (do not delete the GracePeriod registry key): it is not a fix, it breaks the licensing terms, and the connections stop again. If the Session Host role is not needed, remove the RD Session Host role service instead (Server Manager, Remove Roles and Features): the VM returns to the two free administrative connections.',
        'sv-SE':
          'Återställ aldrig respitperioden (ta inte bort registernyckeln GracePeriod): det är ingen åtgärd, det bryter mot licensvillkoren, och anslutningarna upphör igen. Behövs inte rollen som sessionsvärd tar du i stället bort rolltjänsten Värd för fjärrskrivbordssession (Serverhanteraren, Ta bort roller och funktioner): den virtuella datorn återgår till de två kostnadsfria administrativa anslutningarna.',
        'nl-NL':
          'Stel de respijtperiode nooit opnieuw in (verwijder de registersleutel GracePeriod niet): dat is geen oplossing, het schendt de licentievoorwaarden en de verbindingen stoppen opnieuw. Is de rol Sessiehost niet nodig, verwijder dan de rolservice Host voor Extern bureaublad-sessies (Serverbeheer, Functies en onderdelen verwijderen): de VM keert terug naar de twee gratis beheerverbindingen.',
        'zh-TW':
          '絕不要重設寬限期（不要刪除 GracePeriod 登錄機碼）：那不是修正方法，會違反授權條款，連線也會再次停止。若不需要工作階段主機角色，請改為移除遠端桌面工作階段主機角色服務（伺服器管理員，移除角色及功能）：VM 會回到兩個免費的系統管理連線。',
      },
    },
  ],
  sources: [
    { ...EVENT_1069, section: 'Resolve' },
    {
      url: 'https://learn.microsoft.com/en-us/windows/win32/termserv/win32-terminalservicesetting',
      title: 'Win32_TerminalServiceSetting class',
      section: 'TerminalServerMode',
    },
    {
      url: 'https://learn.microsoft.com/en-us/windows/win32/termserv/win32-terminalservicesetting-changemode',
      title: 'ChangeMode method of the Win32_TerminalServiceSetting class',
      section: 'Parameters',
    },
    {
      url: 'https://learn.microsoft.com/en-us/windows/win32/termserv/setspecifiedlicenseserverlist-win32-terminalservicesetting',
      title: 'SetSpecifiedLicenseServerList method of the Win32_TerminalServiceSetting class',
      section: 'Parameters',
    },
  ],
} satisfies ScenarioInput);
