import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * By Name (Enable-NetFirewallRule -Name), never by display name or group text: netsh's
 * name= and group= take the localized strings. Editing Active= in the registry would need a
 * restart to take effect (Microsoft's article), the cmdlet applies at once.
 */
export default defineFix({
  id: 'enable-rdp-firewall-rules',
  command: 'Enable-RdpFirewallRule',
  scope: 'online',
  title: {
    'en-US': 'Enable the built-in Remote Desktop firewall rules',
    'sv-SE': 'Aktivera de inbyggda brandväggsreglerna för Fjärrskrivbord',
    'nl-NL': 'De ingebouwde firewallregels voor Extern bureaublad inschakelen',
    'zh-TW': '啟用內建的遠端桌面防火牆規則',
  },
  description: {
    'en-US':
      'Enables the rules RemoteDesktop-UserMode-In-TCP and RemoteDesktop-UserMode-In-UDP by their Name (Enable-NetFirewallRule -Name). A deleted rule is reported, not recreated. Rules set by Group Policy must be changed in the policy.',
    'sv-SE':
      'Aktiverar reglerna RemoteDesktop-UserMode-In-TCP och RemoteDesktop-UserMode-In-UDP via deras Name (Enable-NetFirewallRule -Name). En borttagen regel rapporteras, den återskapas inte. Regler som sätts av en grupprincip måste ändras i principen.',
    'nl-NL':
      'Schakelt de regels RemoteDesktop-UserMode-In-TCP en RemoteDesktop-UserMode-In-UDP in via hun Name (Enable-NetFirewallRule -Name). Een verwijderde regel wordt gemeld, niet opnieuw gemaakt. Regels uit groepsbeleid moeten in het beleid worden gewijzigd.',
    'zh-TW':
      '依 Name 啟用規則 RemoteDesktop-UserMode-In-TCP 與 RemoteDesktop-UserMode-In-UDP（Enable-NetFirewallRule -Name）。已刪除的規則只會回報，不會重新建立。由群組原則設定的規則必須在原則中變更。',
  },
  operations: [
    { kind: 'firewall-rule-enable', rule: 'RemoteDesktop-UserMode-In-TCP' },
    { kind: 'firewall-rule-enable', rule: 'RemoteDesktop-UserMode-In-UDP' },
  ],
  backup: {
    description: {
      'en-US':
        'Whether each rule was enabled is saved (the CMD blocks export the whole firewall policy with netsh advfirewall export).',
      'sv-SE':
        'Om varje regel var aktiverad sparas (CMD-blocken exporterar hela brandväggsprincipen med netsh advfirewall export).',
      'nl-NL':
        'Of elke regel was ingeschakeld wordt opgeslagen (de CMD-blokken exporteren het hele firewallbeleid met netsh advfirewall export).',
      'zh-TW':
        '會儲存每條規則先前是否啟用（CMD 區塊會以 netsh advfirewall export 匯出整個防火牆原則）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Disables again the rules that were disabled (CMD: imports the saved policy).',
      'sv-SE':
        'Inaktiverar igen de regler som var inaktiverade (CMD: importerar den sparade principen).',
      'nl-NL':
        'Schakelt de regels die uitgeschakeld waren weer uit (CMD: importeert het opgeslagen beleid).',
      'zh-TW': '重新停用原本已停用的規則（CMD：匯入已儲存的原則）。',
    },
  },
  verify: {
    description: {
      'en-US': 'RemoteDesktop-UserMode-In-TCP reads back Active=TRUE.',
      'sv-SE': 'RemoteDesktop-UserMode-In-TCP läses tillbaka som Active=TRUE.',
      'nl-NL': 'RemoteDesktop-UserMode-In-TCP leest terug als Active=TRUE.',
      'zh-TW': 'RemoteDesktop-UserMode-In-TCP 讀回為 Active=TRUE。',
    },
    checks: ['rdp-firewall-rule-off'],
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/enable-or-disable-firewall-rule-guest-os',
      title: 'Enable or disable a firewall rule on an Azure VM Guest OS',
      section: 'Mitigation 2: Remote PowerShell',
      correction: 'Enable-NetFirewallRule -Name (the article passes the Name to -DisplayName).',
    },
  ],
} satisfies FixInput);
