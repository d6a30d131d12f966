import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const TERMINAL_SERVER = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server';
const POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

const GENERAL_ERROR = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-general-error',
  title: 'Troubleshoot an RDP general error in Azure VM',
};

export default defineScenario({
  id: 'rdp-disabled',
  title: {
    'en-US': 'Remote Desktop connections are turned off',
    'sv-SE': 'Fjärrskrivbordsanslutningar är avstängda',
    'nl-NL': 'Extern bureaublad-verbindingen zijn uitgeschakeld',
    'zh-TW': '遠端桌面連線已關閉',
  },
  summary: {
    'en-US':
      'Windows refuses every Remote Desktop connection because fDenyTSConnections is 1, set locally or by Group Policy. A policy value wins over the local one and comes back at every policy refresh, so it must be changed in the policy itself.',
    'sv-SE':
      'Windows nekar alla fjärrskrivbordsanslutningar eftersom fDenyTSConnections är 1, satt lokalt eller av en grupprincip. Ett principvärde vinner över det lokala och kommer tillbaka vid varje principuppdatering, så det måste ändras i själva principen.',
    'nl-NL':
      'Windows weigert elke Extern bureaublad-verbinding omdat fDenyTSConnections 1 is, lokaal of door groepsbeleid ingesteld. Een beleidswaarde wint van de lokale waarde en komt bij elke beleidsvernieuwing terug, dus die moet in het beleid zelf worden gewijzigd.',
    'zh-TW':
      'Windows 拒絕所有遠端桌面連線，因為 fDenyTSConnections 為 1（在本機或由群組原則設定）。原則值優先於本機值，且每次重新整理原則時都會恢復，因此必須在原則本身中變更。',
  },
  symptoms: ['remote-access-not-enabled', 'no-response'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'rdp-connections-denied',
        key: TERMINAL_SERVER,
        name: 'fDenyTSConnections',
        firesWhen: { op: 'equals', value: 1 },
        policy: { key: POLICY, name: 'fDenyTSConnections' },
      },
      finding: {
        'en-US': 'Remote Desktop connections are denied: fDenyTSConnections=1.',
        'sv-SE': 'Fjärrskrivbordsanslutningar nekas: fDenyTSConnections=1.',
        'nl-NL': 'Extern bureaublad-verbindingen worden geweigerd: fDenyTSConnections=1.',
        'zh-TW': '遠端桌面連線遭拒：fDenyTSConnections=1。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'rdp-denied-by-policy',
        key: POLICY,
        name: 'fDenyTSConnections',
        firesWhen: { op: 'equals', value: 1 },
      },
      finding: {
        'en-US':
          'Group Policy denies Remote Desktop (Policies\\...\\Terminal Services fDenyTSConnections=1): the policy wins, a local fix does not help and would be reverted at the next refresh. Change the policy.',
        'sv-SE':
          'En grupprincip nekar Fjärrskrivbord (Policies\\...\\Terminal Services fDenyTSConnections=1): principen vinner, en lokal åtgärd hjälper inte och skulle återställas vid nästa uppdatering. Ändra principen.',
        'nl-NL':
          'Groepsbeleid weigert Extern bureaublad (Policies\\...\\Terminal Services fDenyTSConnections=1): het beleid wint, een lokale reparatie helpt niet en zou bij de volgende vernieuwing worden teruggedraaid. Wijzig het beleid.',
        'zh-TW':
          '群組原則拒絕遠端桌面（Policies\\...\\Terminal Services fDenyTSConnections=1）：原則優先，本機修正沒有作用，且會在下次重新整理時被還原。請變更原則。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'Remote Desktop was turned off in System Properties, by a script or image customization, or by the Group Policy "Allow users to connect remotely by using Remote Desktop Services" set to Disabled.',
      'sv-SE':
        'Fjärrskrivbord stängdes av i Systemegenskaper, av ett skript eller en avbildningsanpassning, eller av grupprincipen "Tillåt användare att ansluta via fjärrskrivbordstjänster" satt till Inaktiverad.',
      'nl-NL':
        'Extern bureaublad is uitgeschakeld in Systeemeigenschappen, door een script of een aanpassing van de installatiekopie, of door het groepsbeleid "Gebruikers toestaan om op afstand verbinding te maken via Extern bureaublad-services" op Uitgeschakeld.',
      'zh-TW':
        '遠端桌面在系統內容中被關閉、被指令碼或映像自訂關閉，或群組原則「允許使用者使用遠端桌面服務從遠端連線」被設為已停用。',
    },
  ],
  fixes: ['allow-rdp-connections'],
  manualSteps: [
    {
      id: 'rdp-firewall-rules',
      text: {
        'en-US':
          'Allowing connections does not enable the Remote Desktop firewall rules: if they are off, RDP still fails (guest-firewall-blocks-rdp finds and fixes them). Look at them by rule Name, which is the same in every language, and enable them if they are off.',
        'sv-SE':
          'Att tillåta anslutningar aktiverar inte brandväggsreglerna för Fjärrskrivbord: är de avstängda misslyckas RDP ändå (guest-firewall-blocks-rdp hittar och åtgärdar dem). Granska dem via regelns Name, som är detsamma på alla språk, och aktivera dem om de är avstängda.',
        'nl-NL':
          'Verbindingen toestaan schakelt de firewallregels voor Extern bureaublad niet in: staan ze uit, dan mislukt RDP nog steeds (guest-firewall-blocks-rdp vindt en herstelt ze). Bekijk ze via de regelnaam (Name), die in elke taal gelijk is, en schakel ze in als ze uit staan.',
        'zh-TW':
          '允許連線並不會啟用遠端桌面的防火牆規則：若規則已關閉，RDP 仍會失敗（guest-firewall-blocks-rdp 會找出並修正）。請依規則的 Name（各語言皆相同）檢查，若已關閉則啟用。',
      },
      commands: [
        {
          shell: 'powershell',
          code: 'Get-NetFirewallRule -Name RemoteDesktop-UserMode-In-TCP,RemoteDesktop-UserMode-In-UDP | Select-Object Name,Enabled',
        },
        {
          shell: 'powershell',
          code: 'Enable-NetFirewallRule -Name RemoteDesktop-UserMode-In-TCP,RemoteDesktop-UserMode-In-UDP',
        },
      ],
    },
    {
      id: 'fix-rdp-policy',
      text: {
        'en-US':
          'If Group Policy denies Remote Desktop, set "Computer Configuration\\Administrative Templates\\Windows Components\\Remote Desktop Services\\Remote Desktop Session Host\\Connections\\Allow users to connect remotely by using Remote Desktop Services" to Enabled or Not Configured in the policy that sets it (gpresult names it), then run gpupdate /force on the VM.',
        'sv-SE':
          'Om en grupprincip nekar Fjärrskrivbord anger du "Datorkonfiguration\\Administrativa mallar\\Windows-komponenter\\Fjärrskrivbordstjänster\\Värd för fjärrskrivbordssession\\Anslutningar\\Tillåt användare att ansluta via fjärrskrivbordstjänster" till Aktiverad eller Inte konfigurerad i den princip som sätter den (gpresult visar vilken) och kör sedan gpupdate /force på den virtuella datorn.',
        'nl-NL':
          'Als groepsbeleid Extern bureaublad weigert, zet u "Computerconfiguratie\\Beheersjablonen\\Windows-onderdelen\\Extern bureaublad-services\\Host voor Extern bureaublad-sessies\\Verbindingen\\Gebruikers toestaan om op afstand verbinding te maken via Extern bureaublad-services" op Ingeschakeld of Niet geconfigureerd in het beleid dat de instelling zet (gpresult noemt het) en voert u daarna gpupdate /force uit op de VM.',
        'zh-TW':
          '若群組原則拒絕遠端桌面，請在設定它的原則中（gpresult 會列出）將「電腦設定\\系統管理範本\\Windows 元件\\遠端桌面服務\\遠端桌面工作階段主機\\連線\\允許使用者使用遠端桌面服務從遠端連線」設為已啟用或尚未設定，然後在 VM 上執行 gpupdate /force。',
      },
      commands: [
        { shell: 'cmd', code: 'gpresult /scope computer /v' },
        { shell: 'cmd', code: 'gpupdate /force' },
      ],
    },
  ],
  sources: [
    {
      ...GENERAL_ERROR,
      section: 'Solution / Serial Console / Step 2: Check the values of RDP registry keys',
    },
    { ...GENERAL_ERROR, section: 'Solution / Offline repair / Step 1: Turn on Remote Desktop' },
  ],
} satisfies ScenarioInput);
