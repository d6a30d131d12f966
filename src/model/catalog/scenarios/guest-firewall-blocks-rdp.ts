import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const FIREWALL_RULE = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/enable-or-disable-firewall-rule-guest-os',
  title: 'Enable or disable a firewall rule on an Azure VM Guest OS',
};

export default defineScenario({
  id: 'guest-firewall-blocks-rdp',
  title: {
    'en-US': 'The Windows Firewall in the VM blocks Remote Desktop',
    'sv-SE': 'Windows-brandväggen i den virtuella datorn blockerar Fjärrskrivbord',
    'nl-NL': 'De Windows Firewall in de VM blokkeert Extern bureaublad',
    'zh-TW': 'VM 內的 Windows 防火牆封鎖了遠端桌面',
  },
  summary: {
    'en-US':
      'The network security group lets RDP through, but the guest firewall drops it: the built-in Remote Desktop rule (Name RemoteDesktop-UserMode-In-TCP) is disabled or deleted, a profile blocks every inbound connection (DoNotAllowExceptions=1), or a block rule lists the RDP port. Group Policy firewall settings win over local ones and come back at every refresh.',
    'sv-SE':
      'Nätverkssäkerhetsgruppen släpper igenom RDP, men gästens brandvägg stoppar det: den inbyggda regeln för Fjärrskrivbord (Name RemoteDesktop-UserMode-In-TCP) är inaktiverad eller borttagen, en profil blockerar alla inkommande anslutningar (DoNotAllowExceptions=1), eller så anger en blockeringsregel RDP-porten. Brandväggsinställningar från grupprinciper vinner över lokala och kommer tillbaka vid varje uppdatering.',
    'nl-NL':
      'De netwerkbeveiligingsgroep laat RDP door, maar de firewall in de gast houdt het tegen: de ingebouwde regel voor Extern bureaublad (Name RemoteDesktop-UserMode-In-TCP) is uitgeschakeld of verwijderd, een profiel blokkeert elke binnenkomende verbinding (DoNotAllowExceptions=1), of een blokkeerregel noemt de RDP-poort. Firewallinstellingen uit groepsbeleid winnen van lokale en komen bij elke vernieuwing terug.',
    'zh-TW':
      '網路安全性群組允許 RDP 通過，但客體防火牆將其丟棄：內建的遠端桌面規則（Name 為 RemoteDesktop-UserMode-In-TCP）被停用或刪除、某個設定檔封鎖所有輸入連線（DoNotAllowExceptions=1），或有封鎖規則列出 RDP 連接埠。群組原則的防火牆設定優先於本機設定，且每次重新整理時都會恢復。',
  },
  symptoms: ['no-response'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'firewall-rule',
        id: 'rdp-firewall-rule-off',
        rule: 'RemoteDesktop-UserMode-In-TCP',
        unlessPortAllowed: {
          portKey:
            'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
          portName: 'PortNumber',
          defaultPort: 3389,
        },
      },
      finding: {
        'en-US':
          'The built-in Remote Desktop firewall rule RemoteDesktop-UserMode-In-TCP is disabled or missing, and no other active allow rule lists the RDP port.',
        'sv-SE':
          'Den inbyggda brandväggsregeln för Fjärrskrivbord, RemoteDesktop-UserMode-In-TCP, är inaktiverad eller saknas, och ingen annan aktiv tillåtande regel anger RDP-porten.',
        'nl-NL':
          'De ingebouwde firewallregel voor Extern bureaublad, RemoteDesktop-UserMode-In-TCP, is uitgeschakeld of ontbreekt, en geen andere actieve toestaanregel noemt de RDP-poort.',
        'zh-TW':
          '內建的遠端桌面防火牆規則 RemoteDesktop-UserMode-In-TCP 已停用或不存在，且沒有其他作用中的允許規則列出 RDP 連接埠。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'firewall-inbound-blocked',
        id: 'firewall-blocks-all-inbound',
        source: 'effective',
      },
      finding: {
        'en-US':
          'A firewall profile blocks every inbound connection, allow rules included (DoNotAllowExceptions=1).',
        'sv-SE':
          'En brandväggsprofil blockerar alla inkommande anslutningar, även tillåtande regler (DoNotAllowExceptions=1).',
        'nl-NL':
          'Een firewallprofiel blokkeert elke binnenkomende verbinding, toestaanregels inbegrepen (DoNotAllowExceptions=1).',
        'zh-TW': '某個防火牆設定檔封鎖所有輸入連線，包括允許規則（DoNotAllowExceptions=1）。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'firewall-port-allowed',
        id: 'rdp-port-block-rule',
        portKey: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
        portName: 'PortNumber',
        defaultPort: 3389,
        firesWhen: 'blocked',
      },
      finding: {
        'en-US':
          'An active inbound firewall rule blocks the RDP port; a block rule wins over every allow rule.',
        'sv-SE':
          'En aktiv inkommande brandväggsregel blockerar RDP-porten; en blockeringsregel vinner över alla tillåtande regler.',
        'nl-NL':
          'Een actieve binnenkomende firewallregel blokkeert de RDP-poort; een blokkeerregel wint van elke toestaanregel.',
        'zh-TW': '有作用中的輸入防火牆規則封鎖 RDP 連接埠；封鎖規則優先於所有允許規則。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'firewall-inbound-blocked',
        id: 'firewall-block-all-by-policy',
        source: 'policy',
      },
      finding: {
        'en-US':
          'Group Policy blocks all inbound connections (Policies\\Microsoft\\WindowsFirewall\\<profile> DoNotAllowExceptions=1): the policy wins, a local fix is reverted at the next refresh. Change the policy.',
        'sv-SE':
          'En grupprincip blockerar alla inkommande anslutningar (Policies\\Microsoft\\WindowsFirewall\\<profil> DoNotAllowExceptions=1): principen vinner, en lokal åtgärd återställs vid nästa uppdatering. Ändra principen.',
        'nl-NL':
          'Groepsbeleid blokkeert alle binnenkomende verbindingen (Policies\\Microsoft\\WindowsFirewall\\<profiel> DoNotAllowExceptions=1): het beleid wint, een lokale reparatie wordt bij de volgende vernieuwing teruggedraaid. Wijzig het beleid.',
        'zh-TW':
          '群組原則封鎖所有輸入連線（Policies\\Microsoft\\WindowsFirewall\\<設定檔> DoNotAllowExceptions=1）：原則優先，本機修正會在下次重新整理時被還原。請變更原則。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'service-state',
        id: 'firewall-service-stopped',
        service: 'MpsSvc',
        firesWhen: 'not-running',
      },
      finding: {
        'en-US':
          'The Windows Defender Firewall service (MpsSvc) is not running: its rules are not applied as configured.',
        'sv-SE':
          'Tjänsten Windows Defender-brandväggen (MpsSvc) körs inte: dess regler tillämpas inte som de är konfigurerade.',
        'nl-NL':
          'De service Windows Defender Firewall (MpsSvc) is niet actief: de regels worden niet toegepast zoals ingesteld.',
        'zh-TW': 'Windows Defender 防火牆服務（MpsSvc）未在執行：其規則未依設定套用。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'service-state',
        id: 'bfe-service-stopped',
        service: 'BFE',
        firesWhen: 'not-running',
      },
      finding: {
        'en-US': 'The Base Filtering Engine (BFE), which the firewall needs, is not running.',
        'sv-SE': 'Basfiltreringsmotorn (BFE), som brandväggen behöver, körs inte.',
        'nl-NL': 'De Base Filtering Engine (BFE), die de firewall nodig heeft, is niet actief.',
        'zh-TW': '防火牆所需的基礎篩選引擎（BFE）未在執行。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The Remote Desktop rule was disabled or deleted by a script, a hardening baseline or by hand, "Block all incoming connections" was turned on for a profile, a block rule was added for the RDP port, or a Group Policy sets any of these.',
      'sv-SE':
        'Regeln för Fjärrskrivbord inaktiverades eller togs bort av ett skript, en härdningsbaslinje eller för hand, "Blockera alla inkommande anslutningar" aktiverades för en profil, en blockeringsregel lades till för RDP-porten, eller så sätter en grupprincip något av detta.',
      'nl-NL':
        'De regel voor Extern bureaublad is uitgeschakeld of verwijderd door een script, een beveiligingsbaseline of met de hand, "Alle binnenkomende verbindingen blokkeren" is voor een profiel ingeschakeld, er is een blokkeerregel voor de RDP-poort toegevoegd, of een groepsbeleid stelt een van deze in.',
      'zh-TW':
        '遠端桌面規則被指令碼、強化基準或手動停用或刪除、某個設定檔開啟了「封鎖所有連入連線」、新增了針對 RDP 連接埠的封鎖規則，或群組原則設定了上述任一項。',
    },
  ],
  fixes: ['enable-rdp-firewall-rules', 'allow-firewall-inbound-exceptions'],
  manualSteps: [
    {
      id: 'remove-rdp-block-rule',
      text: {
        'en-US':
          'A block rule on the RDP port is not removed automatically (it may be there on purpose). List the inbound block rules with their ports, then disable the one that lists the RDP port by its Name.',
        'sv-SE':
          'En blockeringsregel på RDP-porten tas inte bort automatiskt (den kan finnas där med avsikt). Lista de inkommande blockeringsreglerna med deras portar och inaktivera sedan den som anger RDP-porten med dess Name.',
        'nl-NL':
          'Een blokkeerregel op de RDP-poort wordt niet automatisch verwijderd (die kan er bewust staan). Geef de binnenkomende blokkeerregels met hun poorten weer en schakel daarna de regel die de RDP-poort noemt uit via de Name.',
        'zh-TW':
          '不會自動移除 RDP 連接埠上的封鎖規則（它可能是刻意設定的）。請列出輸入封鎖規則及其連接埠，然後依 Name 停用列出 RDP 連接埠的規則。',
      },
      commands: [
        {
          shell: 'powershell',
          code: 'Get-NetFirewallRule -Direction Inbound -Action Block -Enabled True -PolicyStore ActiveStore | ForEach-Object { [pscustomobject]@{ Name = $_.Name; LocalPort = ($_ | Get-NetFirewallPortFilter).LocalPort } }',
        },
        { shell: 'powershell', code: 'Disable-NetFirewallRule -Name <rule-name>' },
      ],
    },
    {
      id: 'fix-firewall-policy',
      text: {
        'en-US':
          'If Group Policy blocks all inbound connections, set "Windows Defender Firewall: Do not allow exceptions" (Computer Configuration\\Administrative Templates\\Network\\Network Connections\\Windows Defender Firewall\\<profile>) to Disabled or Not Configured in the policy that sets it (gpresult names it), then run gpupdate /force on the VM.',
        'sv-SE':
          'Om en grupprincip blockerar alla inkommande anslutningar anger du "Windows Defender-brandväggen: Tillåt inte undantag" (Datorkonfiguration\\Administrativa mallar\\Nätverk\\Nätverksanslutningar\\Windows Defender-brandväggen\\<profil>) till Inaktiverad eller Inte konfigurerad i den princip som sätter den (gpresult visar vilken) och kör sedan gpupdate /force på den virtuella datorn.',
        'nl-NL':
          'Als groepsbeleid alle binnenkomende verbindingen blokkeert, zet u "Windows Defender Firewall: Geen uitzonderingen toestaan" (Computerconfiguratie\\Beheersjablonen\\Netwerk\\Netwerkverbindingen\\Windows Defender Firewall\\<profiel>) op Uitgeschakeld of Niet geconfigureerd in het beleid dat de instelling zet (gpresult noemt het) en voert u daarna gpupdate /force uit op de VM.',
        'zh-TW':
          '若群組原則封鎖所有輸入連線，請在設定它的原則中（gpresult 會列出）將「Windows Defender 防火牆: 不允許例外」（電腦設定\\系統管理範本\\網路\\網路連線\\Windows Defender 防火牆\\<設定檔>）設為已停用或尚未設定，然後在 VM 上執行 gpupdate /force。',
      },
      commands: [
        { shell: 'cmd', code: 'gpresult /scope computer /v' },
        { shell: 'cmd', code: 'gpupdate /force' },
      ],
    },
  ],
  sources: [
    { ...FIREWALL_RULE, section: 'Mitigation 4: Remote Registry' },
    { ...FIREWALL_RULE, section: 'Offline troubleshooting' },
    {
      url: 'https://learn.microsoft.com/en-us/powershell/module/netsecurity/enable-netfirewallrule',
      title: 'Enable-NetFirewallRule',
      section: 'Syntax / ByName',
    },
  ],
} satisfies ScenarioInput);
