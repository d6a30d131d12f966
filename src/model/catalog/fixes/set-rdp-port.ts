import { defineFix, type FixInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

/**
 * Seed: Set-ItemProperty -Path 'HKLM\SYSTEM\...' (no PSDrive colon) -value <Hexportnumber>.
 * The value is a plain DWORD: the port number itself, decimal on the command line.
 */
export default defineFix({
  id: 'set-rdp-port',
  command: 'Set-RdpPort',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Move RDP to another port',
    'sv-SE': 'Flytta RDP till en annan port',
    'nl-NL': 'RDP naar een andere poort verplaatsen',
    'zh-TW': '將 RDP 移到其他連接埠',
  },
  description: {
    'en-US':
      'Writes the new PortNumber for the RDP-Tcp listener, opens it in the built-in Remote Desktop firewall rules (TCP and UDP) and restarts Remote Desktop Services. The network security group in Azure must allow the new port too.',
    'sv-SE':
      'Skriver det nya PortNumber för lyssnaren RDP-Tcp, öppnar porten i de inbyggda brandväggsreglerna för Fjärrskrivbord (TCP och UDP) och startar om Fjärrskrivbordstjänster. Nätverkssäkerhetsgruppen i Azure måste också tillåta den nya porten.',
    'nl-NL':
      'Schrijft het nieuwe PortNumber voor de listener RDP-Tcp, opent de poort in de ingebouwde firewallregels voor Extern bureaublad (TCP en UDP) en start Extern bureaublad-services opnieuw. De netwerkbeveiligingsgroep in Azure moet de nieuwe poort ook toestaan.',
    'zh-TW':
      '寫入 RDP-Tcp 接聽程式的新 PortNumber，在內建的遠端桌面防火牆規則（TCP 與 UDP）中開啟該連接埠，並重新啟動遠端桌面服務。Azure 中的網路安全性群組也必須允許新的連接埠。',
  },
  parameters: [
    {
      name: 'Port',
      type: 'port',
      help: {
        'en-US': 'The new RDP port, 1-65535, not used by another listener.',
        'sv-SE': 'Den nya RDP-porten, 1–65535, som ingen annan lyssnare använder.',
        'nl-NL': 'De nieuwe RDP-poort, 1-65535, die niet door een andere listener wordt gebruikt.',
        'zh-TW': '新的 RDP 連接埠，範圍 1-65535，且未被其他接聽程式使用。',
      },
    },
  ],
  operations: [
    {
      kind: 'registry-set',
      key: RDP_TCP,
      name: 'PortNumber',
      type: 'REG_DWORD',
      data: { param: 'Port' },
    },
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
    { kind: 'service-restart', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US': 'The previous PortNumber and the local ports of both firewall rules are saved.',
      'sv-SE': 'Det tidigare PortNumber och de lokala portarna för båda brandväggsreglerna sparas.',
      'nl-NL':
        'Het vorige PortNumber en de lokale poorten van beide firewallregels worden opgeslagen.',
      'zh-TW': '會儲存先前的 PortNumber 以及兩條防火牆規則的本機連接埠。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores the previous port and firewall rules and restarts Remote Desktop Services.',
      'sv-SE':
        'Återställer den tidigare porten och brandväggsreglerna och startar om Fjärrskrivbordstjänster.',
      'nl-NL':
        'Zet de vorige poort en firewallregels terug en start Extern bureaublad-services opnieuw.',
      'zh-TW': '還原先前的連接埠與防火牆規則，並重新啟動遠端桌面服務。',
    },
  },
  verify: {
    description: {
      'en-US': 'TermService listens on the new port.',
      'sv-SE': 'TermService lyssnar på den nya porten.',
      'nl-NL': 'TermService luistert op de nieuwe poort.',
      'zh-TW': 'TermService 正在新的連接埠上接聽。',
    },
    checks: ['rdp-listener'],
  },
  effects: { restartsServices: ['TermService'], reboot: false },
  sources: [
    {
      article: 'internal-error',
      section: 'Step 1: Check the RDP port',
      correction:
        'PSDrive path HKLM:\\, decimal DWORD port, and the UDP rule as well as the TCP rule.',
    },
  ],
} satisfies FixInput);
