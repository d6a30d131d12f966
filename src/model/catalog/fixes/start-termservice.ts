import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Microsoft's article: `sc config TermService start= demand`, then `sc start TermService`.
 * The start type goes back to its default (manual) whatever it was; undo restores it.
 */
export default defineFix({
  id: 'start-termservice',
  command: 'Start-RdpTermService',
  scope: 'online',
  title: {
    'en-US': 'Set Remote Desktop Services back to manual start and start it',
    'sv-SE': 'Återställ Fjärrskrivbordstjänster till manuell start och starta tjänsten',
    'nl-NL': 'Extern bureaublad-services terugzetten op handmatig starten en starten',
    'zh-TW': '將遠端桌面服務設回手動啟動並啟動它',
  },
  description: {
    'en-US':
      'Sets the TermService start type to its default, manual (sc config start= demand), and starts the service.',
    'sv-SE':
      'Sätter starttypen för TermService till standardvärdet manuell (sc config start= demand) och startar tjänsten.',
    'nl-NL':
      'Zet het opstarttype van TermService op de standaardwaarde handmatig (sc config start= demand) en start de service.',
    'zh-TW': '將 TermService 的啟動類型設為預設的手動（sc config start= demand），並啟動服務。',
  },
  operations: [
    { kind: 'service-start-type', service: 'TermService', startType: 'manual', viaRegistry: false },
    { kind: 'service-start', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US': 'The previous start type of TermService is saved.',
      'sv-SE': 'Den tidigare starttypen för TermService sparas.',
      'nl-NL': 'Het vorige opstarttype van TermService wordt opgeslagen.',
      'zh-TW': '會儲存 TermService 先前的啟動類型。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores the previous start type. The service is left running: stopping it would cut Remote Desktop again.',
      'sv-SE':
        'Återställer den tidigare starttypen. Tjänsten lämnas igång: att stoppa den skulle bryta Fjärrskrivbord igen.',
      'nl-NL':
        'Zet het vorige opstarttype terug. De service blijft actief: stoppen zou Extern bureaublad opnieuw onderbreken.',
      'zh-TW': '還原先前的啟動類型。服務會保持執行：停止它會再次中斷遠端桌面。',
    },
  },
  verify: {
    description: {
      'en-US': 'TermService is no longer disabled and runs.',
      'sv-SE': 'TermService är inte längre inaktiverad och körs.',
      'nl-NL': 'TermService is niet langer uitgeschakeld en is actief.',
      'zh-TW': 'TermService 不再是停用狀態，且正在執行。',
    },
    checks: ['termservice-disabled', 'termservice-start-type', 'termservice-down'],
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-remote-desktop-services-issues',
      title: "Remote Desktop Services isn't starting on an Azure VM",
      section: 'Solution / Use Serial Console / TermService service is disabled',
    },
  ],
} satisfies FixInput);
