import { defineFix, type FixInput } from 'rdp-rescue';

const TLS12 =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server';

export default defineFix({
  id: 'offline-enable-tls12',
  scope: 'offline',
  title: {
    'en-US': 'Enable TLS 1.2 (server) in the attached SYSTEM hive',
    'sv-SE': 'Aktivera TLS 1.2 (server) i den anslutna SYSTEM-registreringsdatafilen',
    'nl-NL': 'TLS 1.2 (server) inschakelen in het gekoppelde SYSTEM-component',
    'zh-TW': '在已連結的 SYSTEM 登錄區中啟用 TLS 1.2（伺服器）',
  },
  description: {
    'en-US':
      'Sets TLS 1.2\\Server Enabled=1 and DisabledByDefault=0 in the control set the broken OS boots.',
    'sv-SE':
      'Sätter TLS 1.2\\Server Enabled=1 och DisabledByDefault=0 i den kontrolluppsättning som det trasiga operativsystemet startar.',
    'nl-NL':
      'Zet TLS 1.2\\Server Enabled=1 en DisabledByDefault=0 in de controleset waarmee het defecte besturingssysteem opstart.',
    'zh-TW':
      '在故障作業系統開機所用的控制集中設定 TLS 1.2\\Server 的 Enabled=1 與 DisabledByDefault=0。',
  },
  operations: [
    { kind: 'hive-load', hive: 'SYSTEM', mountAs: 'RDPRESCUE_SYSTEM' },
    { kind: 'registry-set', key: TLS12, name: 'Enabled', type: 'REG_DWORD', data: 1 },
    { kind: 'registry-set', key: TLS12, name: 'DisabledByDefault', type: 'REG_DWORD', data: 0 },
    { kind: 'hive-unload', mountAs: 'RDPRESCUE_SYSTEM' },
  ],
  backup: {
    description: {
      'en-US': 'The SYSTEM hive file is copied and the TLS 1.2 key exported before editing.',
      'sv-SE':
        'Registreringsdatafilen SYSTEM kopieras och nyckeln för TLS 1.2 exporteras före redigeringen.',
      'nl-NL':
        'Het SYSTEM-componentbestand wordt gekopieerd en de TLS 1.2-sleutel geëxporteerd vóór het bewerken.',
      'zh-TW': '編輯前會先複製 SYSTEM 登錄區檔案並匯出 TLS 1.2 機碼。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the values from the export.',
      'sv-SE': 'Återställer värdena från exporten.',
      'nl-NL': 'Zet de waarden terug uit de export.',
      'zh-TW': '從匯出檔還原這些值。',
    },
  },
  verify: {
    description: {
      'en-US': 'Both values read back as written.',
      'sv-SE': 'Båda värdena läses tillbaka som de skrevs.',
      'nl-NL': 'Beide waarden worden teruggelezen zoals ze zijn geschreven.',
      'zh-TW': '兩個值讀回的結果與寫入的相同。',
    },
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      article: 'internal-error',
      section: 'Enable all supported TLS versions',
      correction:
        'Loads ...\\config\\SYSTEM (the seed names SYSTEM.hiv, which does not exist), edits the booted control set only, and leaves TLS 1.0/1.1 to an opt-in fix.',
    },
  ],
} satisfies FixInput);
