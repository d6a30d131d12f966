import { defineFix, type FixInput } from 'rdp-rescue';

const TERMINAL_SERVER = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server';
const RDP_TCP = `${TERMINAL_SERVER}\\WinStations\\RDP-Tcp`;

/**
 * The listener's values Microsoft's article writes (Serial Console step 1 and its offline
 * twin), then a restart of Remote Desktop Services so the listener is created again with
 * them. The terminal server's switches are enable-terminal-server (one fix's verification of
 * all five does not fit a paste block).
 */
export default defineFix({
  id: 'enable-rdp-listener',
  command: 'Enable-RdpListener',
  scope: 'online',
  title: {
    'en-US': 'Switch the RDP-Tcp listener back on',
    'sv-SE': 'Slå på lyssnaren RDP-Tcp igen',
    'nl-NL': 'De listener RDP-Tcp weer inschakelen',
    'zh-TW': '重新開啟 RDP-Tcp 接聽程式',
  },
  description: {
    'en-US':
      'Sets fEnableWinStation=1 and fLogonDisabled=0 on RDP-Tcp, then restarts Remote Desktop Services.',
    'sv-SE':
      'Sätter fEnableWinStation=1 och fLogonDisabled=0 på RDP-Tcp och startar sedan om Fjärrskrivbordstjänster.',
    'nl-NL':
      'Zet fEnableWinStation=1 en fLogonDisabled=0 op RDP-Tcp en start daarna Extern bureaublad-services opnieuw.',
    'zh-TW':
      '在 RDP-Tcp 上設定 fEnableWinStation=1 與 fLogonDisabled=0，然後重新啟動遠端桌面服務。',
  },
  operations: [
    { kind: 'registry-set', key: RDP_TCP, name: 'fEnableWinStation', type: 'REG_DWORD', data: 1 },
    { kind: 'registry-set', key: RDP_TCP, name: 'fLogonDisabled', type: 'REG_DWORD', data: 0 },
    { kind: 'service-restart', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US': 'The previous two values (or their absence) are saved.',
      'sv-SE': 'De två tidigare värdena (eller att de saknas) sparas.',
      'nl-NL': 'De twee vorige waarden (of het ontbreken ervan) worden opgeslagen.',
      'zh-TW': '會儲存先前的兩個值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores both values exactly as they were and restarts Remote Desktop Services.',
      'sv-SE': 'Återställer båda värdena precis som de var och startar om Fjärrskrivbordstjänster.',
      'nl-NL':
        'Zet beide waarden precies terug zoals ze waren en start Extern bureaublad-services opnieuw.',
      'zh-TW': '將兩個值完全還原為原狀，並重新啟動遠端桌面服務。',
    },
  },
  verify: {
    description: {
      'en-US': 'Neither switch reads back at its broken value.',
      'sv-SE': 'Ingen av de två växlarna läses tillbaka med sitt felaktiga värde.',
      'nl-NL': 'Geen van beide schakelaars wordt teruggelezen met de foute waarde.',
      'zh-TW': '兩個開關讀回時都不是錯誤的值。',
    },
    checks: ['rdp-listener-off', 'rdp-listener-logons-off'],
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
