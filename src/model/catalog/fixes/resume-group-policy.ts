import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Seed: "sc config gpsvc start= auto sc start gpsvc" on one line (two commands run together,
 * and sc config is denied on gpsvc). The start type is written to the registry instead; SCM
 * only reads it at boot, so the service cannot be started before a reboot.
 */
export default defineFix({
  id: 'resume-group-policy',
  command: 'Resume-RdpGroupPolicy',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Resume Group Policy after the repair is confirmed',
    'sv-SE': 'Återuppta grupprinciper när reparationen har bekräftats',
    'nl-NL': 'Groepsbeleid hervatten nadat de reparatie is bevestigd',
    'zh-TW': '確認修復後恢復群組原則',
  },
  description: {
    'en-US':
      'Sets the Group Policy Client service back to automatic start (gpsvc Start=2). Reboot, then run gpupdate /force.',
    'sv-SE':
      'Återställer tjänsten Grupprincipklient till automatisk start (gpsvc Start=2). Starta om och kör sedan gpupdate /force.',
    'nl-NL':
      'Zet de service Groepsbeleid-client terug op automatisch starten (gpsvc Start=2). Start opnieuw op en voer daarna gpupdate /force uit.',
    'zh-TW': '將群組原則用戶端服務設回自動啟動（gpsvc Start=2）。重新開機後執行 gpupdate /force。',
  },
  operations: [
    { kind: 'service-start-type', service: 'gpsvc', startType: 'automatic', viaRegistry: true },
  ],
  backup: {
    description: {
      'en-US': 'The current start type of gpsvc is saved.',
      'sv-SE': 'Den aktuella starttypen för gpsvc sparas.',
      'nl-NL': 'Het huidige opstarttype van gpsvc wordt opgeslagen.',
      'zh-TW': '會儲存 gpsvc 目前的啟動類型。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the saved start type.',
      'sv-SE': 'Återställer den sparade starttypen.',
      'nl-NL': 'Zet het opgeslagen opstarttype terug.',
      'zh-TW': '還原已儲存的啟動類型。',
    },
  },
  verify: {
    description: {
      'en-US': 'gpsvc Start reads back as 2.',
      'sv-SE': 'gpsvc Start läses tillbaka som 2.',
      'nl-NL': 'gpsvc Start wordt teruggelezen als 2.',
      'zh-TW': 'gpsvc 的 Start 讀回為 2。',
    },
  },
  effects: { restartsServices: [], reboot: true },
  sources: [
    {
      article: 'internal-error',
      section: 'Step 3: Enable all supported TLS versions',
      correction:
        'Registry start type instead of "sc config gpsvc start= auto sc start gpsvc", which runs two commands as one and is denied on gpsvc.',
    },
  ],
} satisfies FixInput);
