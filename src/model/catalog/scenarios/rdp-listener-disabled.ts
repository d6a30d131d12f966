import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const TERMINAL_SERVER = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server';
const RDP_TCP = `${TERMINAL_SERVER}\\WinStations\\RDP-Tcp`;

const GENERAL_ERROR = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-general-error',
  title: 'Troubleshoot an RDP general error in Azure VM',
};

/**
 * The switches Microsoft's "RDP general error" article checks, with the values it calls
 * broken. WinStationsDisabled (Winlogon) and LanAdapter (RDP-Tcp) were left out: no
 * Microsoft page found says which of their values breaks the listener.
 */
export default defineScenario({
  id: 'rdp-listener-disabled',
  title: {
    'en-US': 'The Remote Desktop listener or the terminal server is switched off',
    'sv-SE': 'RDP-lyssnaren eller terminalservern är avstängd',
    'nl-NL': 'De RDP-listener of de terminalserver is uitgeschakeld',
    'zh-TW': '遠端桌面接聽程式或終端機伺服器已關閉',
  },
  summary: {
    'en-US':
      'Registry switches of the terminal server (TSEnabled, TSUserEnabled, TSServerDrainMode) or of the RDP-Tcp listener (fEnableWinStation, fLogonDisabled) are not at their working values, so the listener does not accept connections or logons although Remote Desktop is allowed.',
    'sv-SE':
      'Registerväxlar för terminalservern (TSEnabled, TSUserEnabled, TSServerDrainMode) eller för lyssnaren RDP-Tcp (fEnableWinStation, fLogonDisabled) har inte sina fungerande värden, så lyssnaren tar inte emot anslutningar eller inloggningar trots att Fjärrskrivbord är tillåtet.',
    'nl-NL':
      'Registerschakelaars van de terminalserver (TSEnabled, TSUserEnabled, TSServerDrainMode) of van de listener RDP-Tcp (fEnableWinStation, fLogonDisabled) staan niet op hun werkende waarden, zodat de listener geen verbindingen of aanmeldingen accepteert, ook al is Extern bureaublad toegestaan.',
    'zh-TW':
      '終端機伺服器（TSEnabled、TSUserEnabled、TSServerDrainMode）或 RDP-Tcp 接聽程式（fEnableWinStation、fLogonDisabled）的登錄開關不是正常運作的值，因此即使已允許遠端桌面，接聽程式也不接受連線或登入。',
  },
  symptoms: ['remote-access-not-enabled', 'no-response'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'terminal-server-off',
        key: TERMINAL_SERVER,
        name: 'TSEnabled',
        firesWhen: { op: 'equals', value: 0 },
      },
      finding: {
        'en-US': 'The terminal server is disabled: TSEnabled=0.',
        'sv-SE': 'Terminalservern är inaktiverad: TSEnabled=0.',
        'nl-NL': 'De terminalserver is uitgeschakeld: TSEnabled=0.',
        'zh-TW': '終端機伺服器已停用：TSEnabled=0。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'terminal-server-logons-off',
        key: TERMINAL_SERVER,
        name: 'TSUserEnabled',
        firesWhen: { op: 'equals', value: 1 },
      },
      finding: {
        'en-US': 'Connections to the terminal server are blocked: TSUserEnabled=1.',
        'sv-SE': 'Anslutningar till terminalservern blockeras: TSUserEnabled=1.',
        'nl-NL': 'Verbindingen met de terminalserver worden geblokkeerd: TSUserEnabled=1.',
        'zh-TW': '與終端機伺服器的連線遭封鎖：TSUserEnabled=1。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'terminal-server-draining',
        key: TERMINAL_SERVER,
        name: 'TSServerDrainMode',
        // The article calls 1 drain mode and sets 0, "working mode": a value that is present
        // and not 0 is not working mode either (2 went undetected). Absent is the default.
        firesWhen: { op: 'not-equals', value: 0 },
      },
      finding: {
        'en-US':
          'The terminal server is in drain mode and takes no new logons: TSServerDrainMode is not 0.',
        'sv-SE':
          'Terminalservern är i tömningsläge och tar inte emot nya inloggningar: TSServerDrainMode är inte 0.',
        'nl-NL':
          'De terminalserver staat in de leegloopmodus en accepteert geen nieuwe aanmeldingen: TSServerDrainMode is niet 0.',
        'zh-TW': '終端機伺服器處於清空模式，不接受新的登入：TSServerDrainMode 不是 0。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'rdp-listener-off',
        key: RDP_TCP,
        name: 'fEnableWinStation',
        firesWhen: { op: 'equals', value: 0 },
      },
      finding: {
        'en-US': 'The RDP-Tcp listener is disabled: fEnableWinStation=0.',
        'sv-SE': 'Lyssnaren RDP-Tcp är inaktiverad: fEnableWinStation=0.',
        'nl-NL': 'De listener RDP-Tcp is uitgeschakeld: fEnableWinStation=0.',
        'zh-TW': 'RDP-Tcp 接聽程式已停用：fEnableWinStation=0。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'rdp-listener-logons-off',
        key: RDP_TCP,
        name: 'fLogonDisabled',
        firesWhen: { op: 'equals', value: 1 },
      },
      finding: {
        'en-US': 'The RDP-Tcp listener refuses logons: fLogonDisabled=1.',
        'sv-SE': 'Lyssnaren RDP-Tcp nekar inloggningar: fLogonDisabled=1.',
        'nl-NL': 'De listener RDP-Tcp weigert aanmeldingen: fLogonDisabled=1.',
        'zh-TW': 'RDP-Tcp 接聽程式拒絕登入：fLogonDisabled=1。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The server was taken out of a Remote Desktop Services or Citrix farm (drain mode), or a script, image customization or hardening tool switched the listener off.',
      'sv-SE':
        'Servern togs ur en servergrupp för Fjärrskrivbordstjänster eller Citrix (tömningsläge), eller så stängde ett skript, en avbildningsanpassning eller ett härdningsverktyg av lyssnaren.',
      'nl-NL':
        'De server is uit een Extern bureaublad-services- of Citrix-farm gehaald (leegloopmodus), of een script, een aanpassing van de installatiekopie of een beveiligingshulpmiddel heeft de listener uitgeschakeld.',
      'zh-TW':
        '伺服器被移出遠端桌面服務或 Citrix 伺服器陣列（清空模式），或指令碼、映像自訂或強化工具關閉了接聽程式。',
    },
  ],
  fixes: ['enable-terminal-server', 'enable-rdp-listener'],
  sources: [
    {
      ...GENERAL_ERROR,
      section: 'Solution / Serial Console / Step 2: Check the values of RDP registry keys',
    },
  ],
} satisfies ScenarioInput);
