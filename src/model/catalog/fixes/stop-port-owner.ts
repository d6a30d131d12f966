import { defineFix, type FixInput } from 'rdp-rescue';

/** Seed: netstat -anob | more (a pager, and names read by eye), then Stop-Service <ServiceName>. */
export default defineFix({
  id: 'stop-port-owner',
  command: 'Stop-RdpPortConflict',
  scope: 'online',
  title: {
    'en-US': 'Stop the service that holds the RDP port',
    'sv-SE': 'Stoppa tjänsten som använder RDP-porten',
    'nl-NL': 'De service stoppen die de RDP-poort bezet',
    'zh-TW': '停止佔用 RDP 連接埠的服務',
  },
  description: {
    'en-US':
      'Finds the process listening on the configured RDP port; when it is a service other than TermService, stops it and restarts Remote Desktop Services so it binds the port. A process that is not a service is reported, never killed: move RDP to another port instead.',
    'sv-SE':
      'Letar upp processen som lyssnar på den konfigurerade RDP-porten; om det är en annan tjänst än TermService stoppas den och Fjärrskrivbordstjänster startas om så att den binder porten. En process som inte är en tjänst rapporteras men avslutas aldrig: flytta i stället RDP till en annan port.',
    'nl-NL':
      'Zoekt het proces dat op de ingestelde RDP-poort luistert; als dat een andere service dan TermService is, wordt die gestopt en wordt Extern bureaublad-services opnieuw gestart zodat het de poort bindt. Een proces dat geen service is, wordt gemeld maar nooit beëindigd: verplaats RDP dan naar een andere poort.',
    'zh-TW':
      '找出在已設定 RDP 連接埠上接聽的處理程序；若它是 TermService 以外的服務，就將其停止並重新啟動遠端桌面服務，讓它繫結該連接埠。不是服務的處理程序只會回報、絕不會被終止：請改將 RDP 移到其他連接埠。',
  },
  operations: [
    { kind: 'service-stop', service: { runtime: 'rdp-port-owner' }, protect: ['TermService'] },
    // Restart, not start: a running TermService that lost the port does not rebind by itself.
    // With no owner stopped, a restart would only drop every session.
    { kind: 'service-restart', service: 'TermService', onlyAfterStopping: 'rdp-port-owner' },
  ],
  backup: {
    description: {
      'en-US': 'The name, state and start type of the stopped service are saved.',
      'sv-SE': 'Namn, status och starttyp för den stoppade tjänsten sparas.',
      'nl-NL': 'De naam, status en het opstarttype van de gestopte service worden opgeslagen.',
      'zh-TW': '會儲存已停止服務的名稱、狀態與啟動類型。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Starts the stopped service again (RDP then loses the port again).',
      'sv-SE': 'Startar den stoppade tjänsten igen (RDP förlorar då porten igen).',
      'nl-NL': 'Start de gestopte service opnieuw (RDP raakt de poort dan weer kwijt).',
      'zh-TW': '重新啟動已停止的服務（RDP 將再次失去該連接埠）。',
    },
  },
  verify: {
    description: {
      'en-US': 'TermService now listens on the RDP port.',
      'sv-SE': 'TermService lyssnar nu på RDP-porten.',
      'nl-NL': 'TermService luistert nu op de RDP-poort.',
      'zh-TW': 'TermService 現在正在 RDP 連接埠上接聽。',
    },
    checks: ['rdp-listener'],
  },
  effects: { restartsServices: ['TermService'], reboot: false },
  sources: [
    {
      article: 'internal-error',
      section: 'Step 1: Check the RDP port',
      correction:
        'Reads the configured port instead of assuming 8080/3389, compares PIDs instead of reading netstat -anob by eye, and never kills a process.',
    },
  ],
} satisfies FixInput);
