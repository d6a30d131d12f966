import { defineFix, type FixInput } from 'rdp-rescue';

const TERMINAL_SERVER = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server';

/**
 * The terminal server's values Microsoft's article writes (Serial Console step 1 and its
 * offline twin), then a restart of Remote Desktop Services so it reads them again.
 */
export default defineFix({
  id: 'enable-terminal-server',
  command: 'Enable-RdpTerminalServer',
  scope: 'online',
  title: {
    'en-US': 'Switch the terminal server back on and out of drain mode',
    'sv-SE': 'Slå på terminalservern igen och ta den ur tömningsläget',
    'nl-NL': 'De terminalserver weer inschakelen en uit de leegloopmodus halen',
    'zh-TW': '重新開啟終端機伺服器並結束清空模式',
  },
  description: {
    'en-US':
      'Sets TSEnabled=1, TSUserEnabled=0 and TSServerDrainMode=0 under Control\\Terminal Server, then restarts Remote Desktop Services.',
    'sv-SE':
      'Sätter TSEnabled=1, TSUserEnabled=0 och TSServerDrainMode=0 under Control\\Terminal Server och startar sedan om Fjärrskrivbordstjänster.',
    'nl-NL':
      'Zet TSEnabled=1, TSUserEnabled=0 en TSServerDrainMode=0 onder Control\\Terminal Server en start daarna Extern bureaublad-services opnieuw.',
    'zh-TW':
      '在 Control\\Terminal Server 下設定 TSEnabled=1、TSUserEnabled=0 與 TSServerDrainMode=0，然後重新啟動遠端桌面服務。',
  },
  operations: [
    { kind: 'registry-set', key: TERMINAL_SERVER, name: 'TSEnabled', type: 'REG_DWORD', data: 1 },
    {
      kind: 'registry-set',
      key: TERMINAL_SERVER,
      name: 'TSUserEnabled',
      type: 'REG_DWORD',
      data: 0,
    },
    {
      kind: 'registry-set',
      key: TERMINAL_SERVER,
      name: 'TSServerDrainMode',
      type: 'REG_DWORD',
      data: 0,
    },
    { kind: 'service-restart', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US': 'The previous three values (or their absence) are saved.',
      'sv-SE': 'De tre tidigare värdena (eller att de saknas) sparas.',
      'nl-NL': 'De drie vorige waarden (of het ontbreken ervan) worden opgeslagen.',
      'zh-TW': '會儲存先前的三個值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores the three values exactly as they were and restarts Remote Desktop Services.',
      'sv-SE':
        'Återställer de tre värdena precis som de var och startar om Fjärrskrivbordstjänster.',
      'nl-NL':
        'Zet de drie waarden precies terug zoals ze waren en start Extern bureaublad-services opnieuw.',
      'zh-TW': '將三個值完全還原為原狀，並重新啟動遠端桌面服務。',
    },
  },
  verify: {
    description: {
      'en-US': 'None of the three switches reads back at its broken value.',
      'sv-SE': 'Ingen av de tre växlarna läses tillbaka med sitt felaktiga värde.',
      'nl-NL': 'Geen van de drie schakelaars wordt teruggelezen met de foute waarde.',
      'zh-TW': '三個開關讀回時都不是錯誤的值。',
    },
    checks: ['terminal-server-off', 'terminal-server-logons-off', 'terminal-server-draining'],
  },
  effects: { restartsServices: ['TermService'], reboot: false },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-general-error',
      title: 'Troubleshoot an RDP general error in Azure VM',
      section: 'Solution / Serial Console / Step 2: Check the values of RDP registry keys',
    },
  ],
} satisfies FixInput);
