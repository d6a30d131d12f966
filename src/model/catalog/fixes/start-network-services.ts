import { defineFix, type FixInput } from 'rdp-rescue';

/** In dependency order: the DHCP Client needs the Network Store Interface Service. */
const SERVICES = ['nsi', 'Dhcp', 'BFE', 'MpsSvc'] as const;

/**
 * Microsoft's articles: `sc config <service> start= auto`, then `sc start <service>`; the VHD
 * preparation page documents all four as automatic by default. The module changes the start
 * type through the service control manager (Set-Service), CMD with sc config.
 */
export default defineFix({
  id: 'start-network-services',
  command: 'Start-RdpNetworkService',
  scope: 'online',
  title: {
    'en-US': 'Set the network services back to automatic start and start them',
    'sv-SE': 'Återställ nätverkstjänsterna till automatisk start och starta dem',
    'nl-NL': 'De netwerkservices terugzetten op automatisch starten en ze starten',
    'zh-TW': '將網路服務設回自動啟動並啟動它們',
  },
  description: {
    'en-US':
      'Sets the start type of nsi, Dhcp, BFE and MpsSvc to their default, automatic (sc config start= auto), and starts each.',
    'sv-SE':
      'Sätter starttypen för nsi, Dhcp, BFE och MpsSvc till standardvärdet automatisk (sc config start= auto) och startar var och en.',
    'nl-NL':
      'Zet het opstarttype van nsi, Dhcp, BFE en MpsSvc op de standaardwaarde automatisch (sc config start= auto) en start elk ervan.',
    'zh-TW':
      '將 nsi、Dhcp、BFE 與 MpsSvc 的啟動類型設為預設的自動（sc config start= auto），並逐一啟動。',
  },
  operations: SERVICES.flatMap((service) => [
    {
      kind: 'service-start-type' as const,
      service,
      startType: 'automatic' as const,
      viaRegistry: false,
    },
    { kind: 'service-start' as const, service },
  ]),
  backup: {
    description: {
      'en-US': 'The previous start type (and state) of each of the four services is saved.',
      'sv-SE':
        'Den tidigare starttypen (och tillståndet) för var och en av de fyra tjänsterna sparas.',
      'nl-NL':
        'Het vorige opstarttype (en de status) van elk van de vier services wordt opgeslagen.',
      'zh-TW': '會儲存這四個服務各自先前的啟動類型（與狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores each previous start type, also in the service control manager. The services are left running: stopping them would cut the network again.',
      'sv-SE':
        'Återställer varje tidigare starttyp, även i tjänstkontrollhanteraren. Tjänsterna lämnas igång: att stoppa dem skulle bryta nätverket igen.',
      'nl-NL':
        'Zet elk vorig opstarttype terug, ook in het servicebeheer. De services blijven actief: ze stoppen zou het netwerk opnieuw onderbreken.',
      'zh-TW':
        '還原每個先前的啟動類型（服務控制管理員中也會還原）。服務會保持執行：停止它們會再次中斷網路。',
    },
  },
  verify: {
    description: {
      'en-US': 'All four services start automatically and run.',
      'sv-SE': 'Alla fyra tjänsterna startar automatiskt och körs.',
      'nl-NL': 'Alle vier services starten automatisch en zijn actief.',
      'zh-TW': '四個服務都會自動啟動且正在執行。',
    },
    checks: [
      'netsvc-nsi-start',
      'netsvc-nsi-down',
      'netsvc-dhcp-start',
      'netsvc-dhcp-down',
      'netsvc-bfe-start',
      'netsvc-bfe-down',
      'netsvc-mpssvc-start',
      'netsvc-mpssvc-down',
    ],
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/azure/virtual-machines/windows/prepare-for-upload-vhd-image',
      title: 'Prepare a Windows VHD or VHDX to upload to Azure',
      section: 'Check the Windows services',
    },
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-dhcp-disabled',
      title: 'Cannot RDP to Azure Virtual Machines because the DHCP Client service is disabled',
      section: 'Solution / Use Serial control / DHCP Client service is disabled',
    },
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/azure-vm-nsi-not-starting',
      title: 'Azure Virtual Machine - Network Store Interface (NSI) service is not starting',
      section: 'Solution / Connect to the VM using Serial console (Solution)',
      correction:
        'The article writes `sc config NSI start=auto`; sc needs a space after `start=` (`start= auto`).',
    },
  ],
} satisfies FixInput);
