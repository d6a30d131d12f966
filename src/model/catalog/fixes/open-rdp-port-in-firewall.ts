import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * The same firewall operation Set-RdpPort uses, without moving the listener: the module points
 * the built-in rules at the port, the CMD blocks add RdpRescue's own rule for it (netsh finds
 * built-in rules only by their localized names).
 */
export default defineFix({
  id: 'open-rdp-port-in-firewall',
  command: 'Set-RdpFirewallPort',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Open the configured RDP port in the firewall',
    'sv-SE': 'Öppna den konfigurerade RDP-porten i brandväggen',
    'nl-NL': 'De ingestelde RDP-poort openen in de firewall',
    'zh-TW': '在防火牆中開啟已設定的 RDP 連接埠',
  },
  description: {
    'en-US':
      'Allows inbound TCP and UDP on the given port, which must be the PortNumber the diagnosis reported: the module sets the local port of the built-in Remote Desktop rules, the CMD blocks add rules named RdpRescue-RemoteDesktop-UserMode-In-TCP/-UDP. The network security group in Azure must allow the port too.',
    'sv-SE':
      'Tillåter inkommande TCP och UDP på den angivna porten, som måste vara det PortNumber som diagnosen rapporterade: modulen sätter den lokala porten för de inbyggda reglerna för Fjärrskrivbord, CMD-blocken lägger till regler med namnen RdpRescue-RemoteDesktop-UserMode-In-TCP/-UDP. Nätverkssäkerhetsgruppen i Azure måste också tillåta porten.',
    'nl-NL':
      'Staat binnenkomend TCP en UDP toe op de opgegeven poort, die het PortNumber moet zijn dat de diagnose meldde: de module zet de lokale poort van de ingebouwde regels voor Extern bureaublad, de CMD-blokken voegen regels toe met de namen RdpRescue-RemoteDesktop-UserMode-In-TCP/-UDP. De netwerkbeveiligingsgroep in Azure moet de poort ook toestaan.',
    'zh-TW':
      '允許指定連接埠上的輸入 TCP 與 UDP，該連接埠必須是診斷回報的 PortNumber：模組會設定內建遠端桌面規則的本機連接埠，CMD 區塊則新增名為 RdpRescue-RemoteDesktop-UserMode-In-TCP/-UDP 的規則。Azure 中的網路安全性群組也必須允許該連接埠。',
  },
  parameters: [
    {
      name: 'Port',
      type: 'port',
      help: {
        'en-US': 'The RDP port the diagnosis reported (PortNumber of RDP-Tcp).',
        'sv-SE': 'RDP-porten som diagnosen rapporterade (PortNumber för RDP-Tcp).',
        'nl-NL': 'De RDP-poort die de diagnose meldde (PortNumber van RDP-Tcp).',
        'zh-TW': '診斷回報的 RDP 連接埠（RDP-Tcp 的 PortNumber）。',
      },
    },
  ],
  operations: [
    {
      kind: 'firewall-rule-port',
      rule: 'RemoteDesktop-UserMode-In-TCP',
      protocol: 'TCP',
      port: { param: 'Port' },
    },
    {
      kind: 'firewall-rule-port',
      rule: 'RemoteDesktop-UserMode-In-UDP',
      protocol: 'UDP',
      port: { param: 'Port' },
    },
  ],
  backup: {
    description: {
      'en-US': 'The local ports of both firewall rules are saved (CMD: the whole firewall policy).',
      'sv-SE':
        'De lokala portarna för båda brandväggsreglerna sparas (CMD: hela brandväggsprincipen).',
      'nl-NL':
        'De lokale poorten van beide firewallregels worden opgeslagen (CMD: het hele firewallbeleid).',
      'zh-TW': '會儲存兩條防火牆規則的本機連接埠（CMD：整個防火牆原則）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the rules as they were (CMD: imports the saved policy).',
      'sv-SE': 'Återställer reglerna som de var (CMD: importerar den sparade principen).',
      'nl-NL': 'Zet de regels terug zoals ze waren (CMD: importeert het opgeslagen beleid).',
      'zh-TW': '將規則還原為原狀（CMD：匯入已儲存的原則）。',
    },
  },
  verify: {
    description: {
      'en-US':
        'An active inbound TCP allow rule lists the configured RDP port, and no block rule does.',
      'sv-SE':
        'En aktiv inkommande tillåtande TCP-regel anger den konfigurerade RDP-porten, och ingen blockeringsregel gör det.',
      'nl-NL':
        'Een actieve binnenkomende TCP-toestaanregel noemt de ingestelde RDP-poort, en geen blokkeerregel doet dat.',
      'zh-TW': '有作用中的輸入 TCP 允許規則列出已設定的 RDP 連接埠，且沒有封鎖規則列出它。',
    },
    checks: ['rdp-port-not-allowed'],
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      article: 'internal-error',
      section: 'Step 1: Check the RDP port',
      correction: 'Opens the port the listener is configured on, TCP and UDP, by rule Name.',
    },
  ],
} satisfies FixInput);
