import { defineFix, type FixInput } from 'rdp-rescue';

/** Seed: REG add ...\Services\gpsvc /v Start /d 4. sc config on gpsvc is denied, so the registry is right here. */
export default defineFix({
  id: 'suspend-group-policy',
  command: 'Suspend-RdpGroupPolicy',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Suspend Group Policy so it cannot undo the repair',
    'sv-SE': 'Pausa grupprinciper så att de inte kan ångra reparationen',
    'nl-NL': 'Groepsbeleid onderbreken zodat het de reparatie niet ongedaan maakt',
    'zh-TW': '暫停群組原則，避免其復原修復結果',
  },
  description: {
    'en-US':
      'Disables the Group Policy Client service (gpsvc Start=4) from the next boot, so a domain policy cannot disable TLS again while you test.',
    'sv-SE':
      'Inaktiverar tjänsten Grupprincipklient (gpsvc Start=4) från nästa start, så att en domänprincip inte kan inaktivera TLS igen medan du testar.',
    'nl-NL':
      'Schakelt de service Groepsbeleid-client (gpsvc Start=4) uit vanaf de volgende opstart, zodat een domeinbeleid TLS niet opnieuw uitschakelt terwijl u test.',
    'zh-TW':
      '從下次開機起停用群組原則用戶端服務（gpsvc Start=4），避免在測試期間網域原則再次停用 TLS。',
  },
  operations: [
    { kind: 'service-start-type', service: 'gpsvc', startType: 'disabled', viaRegistry: true },
  ],
  backup: {
    description: {
      'en-US': 'The previous start type of gpsvc is saved.',
      'sv-SE': 'Den tidigare starttypen för gpsvc sparas.',
      'nl-NL': 'Het vorige opstarttype van gpsvc wordt opgeslagen.',
      'zh-TW': '會儲存 gpsvc 先前的啟動類型。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores the saved start type (Resume-RdpGroupPolicy does the same); reboot, then run gpupdate /force.',
      'sv-SE':
        'Återställer den sparade starttypen (Resume-RdpGroupPolicy gör detsamma); starta om och kör sedan gpupdate /force.',
      'nl-NL':
        'Zet het opgeslagen opstarttype terug (Resume-RdpGroupPolicy doet hetzelfde); start opnieuw op en voer daarna gpupdate /force uit.',
      'zh-TW':
        '還原已儲存的啟動類型（Resume-RdpGroupPolicy 也會這麼做）；重新開機後執行 gpupdate /force。',
    },
  },
  verify: {
    description: {
      'en-US': 'gpsvc Start reads back as 4.',
      'sv-SE': 'gpsvc Start läses tillbaka som 4.',
      'nl-NL': 'gpsvc Start wordt teruggelezen als 4.',
      'zh-TW': 'gpsvc 的 Start 讀回為 4。',
    },
  },
  effects: { restartsServices: [], reboot: true },
  weakensSecurity: {
    warning: {
      'en-US':
        'While gpsvc is disabled the machine receives no Group Policy, including security policy.',
      'sv-SE':
        'Medan gpsvc är inaktiverad tar datorn inte emot några grupprinciper, inte heller säkerhetsprinciper.',
      'nl-NL':
        'Zolang gpsvc is uitgeschakeld, ontvangt de machine geen groepsbeleid, ook geen beveiligingsbeleid.',
      'zh-TW': '停用 gpsvc 期間，這部電腦不會套用任何群組原則，包括安全性原則。',
    },
    restore: {
      'en-US':
        'Run Resume-RdpGroupPolicy, reboot, then gpupdate /force. If TLS is disabled again, fix the domain policy itself.',
      'sv-SE':
        'Kör Resume-RdpGroupPolicy, starta om och kör sedan gpupdate /force. Om TLS inaktiveras igen måste domänprincipen korrigeras.',
      'nl-NL':
        'Voer Resume-RdpGroupPolicy uit, start opnieuw op en voer daarna gpupdate /force uit. Als TLS weer wordt uitgeschakeld, pas dan het domeinbeleid zelf aan.',
      'zh-TW':
        '執行 Resume-RdpGroupPolicy，重新開機後執行 gpupdate /force。若 TLS 再次被停用，請修正網域原則本身。',
    },
  },
  sources: [{ article: 'internal-error', section: 'Step 3: Enable all supported TLS versions' }],
} satisfies FixInput);
