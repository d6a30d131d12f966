import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';
const POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

const DISCONNECTS = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-intermittent-connectivity',
  title: 'Remote Desktop disconnects frequently in Azure VM',
};

/**
 * Microsoft's article resets "Limit the maximum concurrent connections" (RDP-Tcp
 * MaxInstanceCount) to 4294967295, no limit. An effective limit below 2 fires (a policy
 * MaxInstanceCount winning): 0 leaves room for no connection, 1 (the lowest the ADMX "Limit
 * number of connections" accepts; 999999 is unlimited there) for one session only. Larger limits
 * that are still reached, and fSingleSessionPerUser, are a matter of how many sessions are open,
 * which only `query session` shows in localized text: a manual step, never parsed.
 */
export default defineScenario({
  id: 'max-connections-reached',
  title: {
    'en-US': 'The RDP listener accepts no more connections',
    'sv-SE': 'RDP-lyssnaren tar inte emot fler anslutningar',
    'nl-NL': 'De RDP-listener accepteert geen verbindingen meer',
    'zh-TW': 'RDP 接聽程式不再接受連線',
  },
  summary: {
    'en-US':
      'The maximum number of concurrent connections of the RDP-Tcp listener (MaxInstanceCount) is 0 or 1, set locally or by the Group Policy "Limit number of connections" (whose lowest value is 1), so no connection, or none beside one open session, fits. A policy value wins and returns at every refresh. Sessions left open can also fill a small limit: log them off by hand.',
    'sv-SE':
      'Det högsta antalet samtidiga anslutningar för lyssnaren RDP-Tcp (MaxInstanceCount) är 0 eller 1, satt lokalt eller av grupprincipen "Begränsa antalet anslutningar" (vars lägsta värde är 1), så ingen anslutning, eller ingen utöver en öppen session, får plats. Ett principvärde vinner och kommer tillbaka vid varje uppdatering. Sessioner som lämnats öppna kan också fylla en låg gräns: logga ut dem manuellt.',
    'nl-NL':
      'Het maximale aantal gelijktijdige verbindingen van de listener RDP-Tcp (MaxInstanceCount) is 0 of 1, lokaal ingesteld of door het groepsbeleid "Aantal verbindingen beperken" (waarvan de laagste waarde 1 is), dus er past geen enkele verbinding, of geen naast één open sessie. Een beleidswaarde wint en komt bij elke vernieuwing terug. Open gebleven sessies kunnen ook een lage limiet vullen: meld ze handmatig af.',
    'zh-TW':
      'RDP-Tcp 接聽程式的並行連線數上限（MaxInstanceCount）為 0 或 1，由本機或群組原則「限制連線數目」（其最小值為 1）設定，因此沒有任何連線能建立，或除了一個開啟的工作階段外無法再建立連線。原則值優先，且每次重新整理時都會恢復。留著未關閉的工作階段也可能佔滿較低的上限：請手動登出它們。',
  },
  symptoms: ['cannot-connect'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'rdp-connection-limit-zero',
        key: RDP_TCP,
        name: 'MaxInstanceCount',
        firesWhen: { op: 'equals', value: 0 },
        policy: { key: POLICY, name: 'MaxInstanceCount' },
      },
      finding: {
        'en-US': 'The RDP listener allows no concurrent connection: MaxInstanceCount=0.',
        'sv-SE': 'RDP-lyssnaren tillåter ingen samtidig anslutning: MaxInstanceCount=0.',
        'nl-NL':
          'De RDP-listener staat geen enkele gelijktijdige verbinding toe: MaxInstanceCount=0.',
        'zh-TW': 'RDP 接聽程式不允許任何並行連線：MaxInstanceCount=0。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'rdp-connection-limit-one',
        key: RDP_TCP,
        name: 'MaxInstanceCount',
        firesWhen: { op: 'equals', value: 1 },
        policy: { key: POLICY, name: 'MaxInstanceCount' },
      },
      finding: {
        'en-US':
          'The RDP listener allows one connection only (MaxInstanceCount=1, the lowest the policy "Limit number of connections" accepts): one session in use or left disconnected fills it.',
        'sv-SE':
          'RDP-lyssnaren tillåter bara en anslutning (MaxInstanceCount=1, det lägsta principen "Begränsa antalet anslutningar" accepterar): en session som används eller lämnats frånkopplad fyller den.',
        'nl-NL':
          'De RDP-listener staat maar één verbinding toe (MaxInstanceCount=1, het laagste dat het beleid "Aantal verbindingen beperken" accepteert): één sessie die in gebruik is of verbroken is achtergelaten, vult die.',
        'zh-TW':
          'RDP 接聽程式只允許一個連線（MaxInstanceCount=1，即原則「限制連線數目」接受的最小值）：一個使用中或保持中斷連線的工作階段就會佔滿。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'rdp-connection-limit-by-policy',
        key: POLICY,
        name: 'MaxInstanceCount',
        firesWhen: { op: 'equals', value: 0 },
      },
      finding: {
        'en-US':
          "Group Policy allows no connection (Policies\\...\\Terminal Services MaxInstanceCount=0): the policy wins over the listener's value, and a local change is reverted at the next refresh. Change the policy.",
        'sv-SE':
          'En grupprincip tillåter ingen anslutning (Policies\\...\\Terminal Services MaxInstanceCount=0): principen vinner över lyssnarens värde, och en lokal ändring återställs vid nästa uppdatering. Ändra principen.',
        'nl-NL':
          'Groepsbeleid staat geen enkele verbinding toe (Policies\\...\\Terminal Services MaxInstanceCount=0): het beleid wint van de waarde van de listener, en een lokale wijziging wordt bij de volgende vernieuwing teruggedraaid. Wijzig het beleid.',
        'zh-TW':
          '群組原則不允許任何連線（Policies\\...\\Terminal Services MaxInstanceCount=0）：原則優先於接聽程式的值，本機變更會在下次重新整理時被還原。請變更原則。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The listener\'s connection limit was set to 0 by a script, an image customization or the Group Policy "Limit number of connections".',
      'sv-SE':
        'Lyssnarens anslutningsgräns sattes till 0 av ett skript, en avbildningsanpassning eller grupprincipen "Begränsa antalet anslutningar".',
      'nl-NL':
        'De verbindingslimiet van de listener is op 0 gezet door een script, een aanpassing van de installatiekopie of het groepsbeleid "Aantal verbindingen beperken".',
      'zh-TW': '接聽程式的連線上限被指令碼、映像自訂或群組原則「限制連線數目」設為 0。',
    },
  ],
  fixes: ['restore-rdp-connection-limit'],
  manualSteps: [
    {
      id: 'fix-connection-limit-policy',
      text: {
        'en-US':
          'If Group Policy sets the limit, change "Computer Configuration\\Administrative Templates\\Windows Components\\Remote Desktop Services\\Remote Desktop Session Host\\Connections\\Limit number of connections" in the policy that sets it (gpresult names it), then run gpupdate /force.',
        'sv-SE':
          'Om en grupprincip sätter gränsen ändrar du "Datorkonfiguration\\Administrativa mallar\\Windows-komponenter\\Fjärrskrivbordstjänster\\Värd för fjärrskrivbordssession\\Anslutningar\\Begränsa antalet anslutningar" i den princip som sätter den (gpresult visar vilken) och kör sedan gpupdate /force.',
        'nl-NL':
          'Als groepsbeleid de limiet instelt, wijzig dan "Computerconfiguratie\\Beheersjablonen\\Windows-onderdelen\\Extern bureaublad-services\\Host voor Extern bureaublad-sessies\\Verbindingen\\Aantal verbindingen beperken" in het beleid dat het instelt (gpresult noemt het) en voer daarna gpupdate /force uit.',
        'zh-TW':
          '若由群組原則設定上限，請在設定它的原則中（gpresult 會列出）變更「電腦設定\\系統管理範本\\Windows 元件\\遠端桌面服務\\遠端桌面工作階段主機\\連線\\限制連線數目」，然後執行 gpupdate /force。',
      },
      commands: [
        { shell: 'cmd', code: 'gpresult /scope computer /v' },
        { shell: 'cmd', code: 'gpupdate /force' },
      ],
    },
    {
      id: 'log-off-stale-sessions',
      text: {
        'en-US':
          "If sessions left open fill the limit, list them and log off the ones nobody uses, by their ID (logging off ends the session's programs; unsaved work is lost). RdpRescue never does this itself: the list is in the OS language.",
        'sv-SE':
          'Om sessioner som lämnats öppna fyller gränsen listar du dem och loggar ut dem som ingen använder, med deras ID (utloggning avslutar sessionens program; osparat arbete går förlorat). RdpRescue gör aldrig detta självt: listan är på operativsystemets språk.',
        'nl-NL':
          "Als open gebleven sessies de limiet vullen, geef ze dan weer en meld de sessies die niemand gebruikt af op hun id (afmelden beëindigt de programma's van de sessie; niet-opgeslagen werk gaat verloren). RdpRescue doet dit nooit zelf: de lijst is in de taal van het besturingssysteem.",
        'zh-TW':
          '若留著未關閉的工作階段佔滿上限，請列出它們，並依識別碼登出沒有人在使用的工作階段（登出會結束該工作階段的程式，未儲存的工作會遺失）。RdpRescue 絕不會自行執行此操作：清單是以作業系統的語言顯示。',
      },
      commands: [
        { shell: 'cmd', code: 'query session' },
        { shell: 'cmd', code: 'logoff <sessionID>' },
      ],
    },
    {
      id: 'connect-for-administration',
      text: {
        'en-US':
          'From the client, connect with a session for administering the server, then log off the sessions nobody uses from there (a Windows Server without the Remote Desktop Session Host role allows two such sessions).',
        'sv-SE':
          'Anslut från klienten med en session för administration av servern och logga sedan ut de sessioner som ingen använder därifrån (en Windows Server utan rolltjänsten Värd för fjärrskrivbordssession tillåter två sådana sessioner).',
        'nl-NL':
          'Maak vanaf de client verbinding met een sessie voor het beheer van de server en meld van daaruit de sessies af die niemand gebruikt (een Windows Server zonder de rolservice Host voor Extern bureaublad-sessies staat twee zulke sessies toe).',
        'zh-TW':
          '從用戶端以管理伺服器用的工作階段連線，再從該處登出沒有人在使用的工作階段（未安裝遠端桌面工作階段主機角色服務的 Windows Server 允許兩個這類工作階段）。',
      },
      commands: [{ shell: 'cmd', code: 'mstsc /v:<VM address> /admin' }],
    },
  ],
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/mstsc',
      title: 'mstsc',
      section: 'Syntax',
    },
    {
      ...DISCONNECTS,
      section: 'Serial control',
      correction:
        'Only MaxInstanceCount is reset, with reg add /d 4294967295 (the article quotes value names in single quotes, which cmd keeps as part of the name, and writes /d ffffffff offline, which reg rejects); its lowering of SecurityLayer and MinEncryptionLevel is not copied.',
    },
    {
      url: 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/logoff',
      title: 'logoff',
      section: 'Syntax',
    },
  ],
} satisfies ScenarioInput);
