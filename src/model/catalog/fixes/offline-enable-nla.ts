import { defineFix, type FixInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

/** Seed sets SecurityLayer=1 (negotiate); Azure images use 2 (TLS), which NLA needs anyway. */
export default defineFix({
  id: 'offline-enable-nla',
  scope: 'offline',
  title: {
    'en-US': 'Enable Network Level Authentication in the attached SYSTEM hive',
    'sv-SE': 'Aktivera autentisering på nätverksnivå i den anslutna SYSTEM-registreringsdatafilen',
    'nl-NL': 'Verificatie op netwerkniveau inschakelen in het gekoppelde SYSTEM-component',
    'zh-TW': '在已連結的 SYSTEM 登錄區中啟用網路層級驗證',
  },
  description: {
    'en-US':
      'Sets UserAuthentication=1, SecurityLayer=2 (TLS) and fAllowSecProtocolNegotiation=1 on the RDP-Tcp listener of the booted control set.',
    'sv-SE':
      'Sätter UserAuthentication=1, SecurityLayer=2 (TLS) och fAllowSecProtocolNegotiation=1 för lyssnaren RDP-Tcp i den startade kontrolluppsättningen.',
    'nl-NL':
      'Zet UserAuthentication=1, SecurityLayer=2 (TLS) en fAllowSecProtocolNegotiation=1 op de listener RDP-Tcp van de opgestarte controleset.',
    'zh-TW':
      '在開機控制集的 RDP-Tcp 接聽程式上設定 UserAuthentication=1、SecurityLayer=2（TLS）與 fAllowSecProtocolNegotiation=1。',
  },
  operations: [
    { kind: 'hive-load', hive: 'SYSTEM', mountAs: 'RDPRESCUE_SYSTEM' },
    { kind: 'registry-set', key: RDP_TCP, name: 'UserAuthentication', type: 'REG_DWORD', data: 1 },
    { kind: 'registry-set', key: RDP_TCP, name: 'SecurityLayer', type: 'REG_DWORD', data: 2 },
    {
      kind: 'registry-set',
      key: RDP_TCP,
      name: 'fAllowSecProtocolNegotiation',
      type: 'REG_DWORD',
      data: 1,
    },
    { kind: 'hive-unload', mountAs: 'RDPRESCUE_SYSTEM' },
  ],
  backup: {
    description: {
      'en-US': 'The SYSTEM hive file is copied and the RDP-Tcp key exported before editing.',
      'sv-SE':
        'Registreringsdatafilen SYSTEM kopieras och nyckeln RDP-Tcp exporteras före redigeringen.',
      'nl-NL':
        'Het SYSTEM-componentbestand wordt gekopieerd en de sleutel RDP-Tcp geëxporteerd vóór het bewerken.',
      'zh-TW': '編輯前會先複製 SYSTEM 登錄區檔案並匯出 RDP-Tcp 機碼。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the three values from the export.',
      'sv-SE': 'Återställer de tre värdena från exporten.',
      'nl-NL': 'Zet de drie waarden terug uit de export.',
      'zh-TW': '從匯出檔還原三個值。',
    },
  },
  verify: {
    description: {
      'en-US': 'The three values read back as written.',
      'sv-SE': 'De tre värdena läses tillbaka som de skrevs.',
      'nl-NL': 'De drie waarden worden teruggelezen zoals ze zijn geschreven.',
      'zh-TW': '三個值讀回的結果與寫入的相同。',
    },
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      article: 'internal-error',
      section: 'Enable all supported TLS versions / Enable NLA',
      correction:
        'SecurityLayer=2 (TLS, the Azure default) instead of 1, so security is not lowered; reg unload on its own line (the seed runs it together with the last reg add).',
    },
  ],
} satisfies FixInput);
