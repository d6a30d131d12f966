import { defineFix, type FixInput } from 'rdp-rescue';

const key = (v: string) =>
  `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS ${v}\\Server`;

export default defineFix({
  id: 'offline-enable-legacy-tls',
  scope: 'offline',
  optIn: true,
  title: {
    'en-US': 'Enable TLS 1.0 and 1.1 (server) in the attached SYSTEM hive',
    'sv-SE': 'Aktivera TLS 1.0 och 1.1 (server) i den anslutna SYSTEM-registreringsdatafilen',
    'nl-NL': 'TLS 1.0 en 1.1 (server) inschakelen in het gekoppelde SYSTEM-component',
    'zh-TW': '在已連結的 SYSTEM 登錄區中啟用 TLS 1.0 與 1.1（伺服器）',
  },
  description: {
    'en-US':
      'Only for legacy clients that cannot use TLS 1.2: sets Enabled=1 and DisabledByDefault=0 for TLS 1.0 and 1.1.',
    'sv-SE':
      'Endast för äldre klienter som inte kan använda TLS 1.2: sätter Enabled=1 och DisabledByDefault=0 för TLS 1.0 och 1.1.',
    'nl-NL':
      'Alleen voor oudere clients die geen TLS 1.2 kunnen gebruiken: zet Enabled=1 en DisabledByDefault=0 voor TLS 1.0 en 1.1.',
    'zh-TW':
      '僅適用於無法使用 TLS 1.2 的舊版用戶端：為 TLS 1.0 與 1.1 設定 Enabled=1 與 DisabledByDefault=0。',
  },
  operations: [
    { kind: 'hive-load', hive: 'SYSTEM', mountAs: 'RDPRESCUE_SYSTEM' },
    { kind: 'registry-set', key: key('1.0'), name: 'Enabled', type: 'REG_DWORD', data: 1 },
    {
      kind: 'registry-set',
      key: key('1.0'),
      name: 'DisabledByDefault',
      type: 'REG_DWORD',
      data: 0,
    },
    { kind: 'registry-set', key: key('1.1'), name: 'Enabled', type: 'REG_DWORD', data: 1 },
    {
      kind: 'registry-set',
      key: key('1.1'),
      name: 'DisabledByDefault',
      type: 'REG_DWORD',
      data: 0,
    },
    { kind: 'hive-unload', mountAs: 'RDPRESCUE_SYSTEM' },
  ],
  backup: {
    description: {
      'en-US': 'The SYSTEM hive file is copied and both keys exported before editing.',
      'sv-SE':
        'Registreringsdatafilen SYSTEM kopieras och båda nycklarna exporteras före redigeringen.',
      'nl-NL':
        'Het SYSTEM-componentbestand wordt gekopieerd en beide sleutels worden geëxporteerd vóór het bewerken.',
      'zh-TW': '編輯前會先複製 SYSTEM 登錄區檔案並匯出兩個機碼。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the values from the export, disabling the legacy protocols again.',
      'sv-SE': 'Återställer värdena från exporten, så att de äldre protokollen inaktiveras igen.',
      'nl-NL': 'Zet de waarden terug uit de export, zodat de oudere protocollen weer uit staan.',
      'zh-TW': '從匯出檔還原這些值，再次停用舊版通訊協定。',
    },
  },
  verify: {
    description: {
      'en-US': 'All four values read back as written.',
      'sv-SE': 'Alla fyra värden läses tillbaka som de skrevs.',
      'nl-NL': 'Alle vier waarden worden teruggelezen zoals ze zijn geschreven.',
      'zh-TW': '四個值讀回的結果皆與寫入的相同。',
    },
  },
  effects: { restartsServices: [], reboot: false },
  weakensSecurity: {
    warning: {
      'en-US': 'TLS 1.0 and 1.1 are deprecated and weaken every TLS service of the repaired OS.',
      'sv-SE':
        'TLS 1.0 och 1.1 är inaktuella och försvagar alla TLS-tjänster i det reparerade operativsystemet.',
      'nl-NL':
        'TLS 1.0 en 1.1 zijn verouderd en verzwakken elke TLS-service van het herstelde besturingssysteem.',
      'zh-TW': 'TLS 1.0 與 1.1 已淘汰，會削弱修復後作業系統所有 TLS 服務的安全性。',
    },
    restore: {
      'en-US':
        'Once RDP works, set Enabled=0 for TLS 1.0 and 1.1 (or run Undo-RdpRepair on the VM) and reboot.',
      'sv-SE':
        'När RDP fungerar, sätt Enabled=0 för TLS 1.0 och 1.1 (eller kör Undo-RdpRepair på den virtuella datorn) och starta om.',
      'nl-NL':
        'Zodra RDP werkt, zet Enabled=0 voor TLS 1.0 en 1.1 (of voer Undo-RdpRepair uit op de VM) en start opnieuw op.',
      'zh-TW':
        'RDP 恢復運作後，將 TLS 1.0 與 1.1 的 Enabled 設為 0（或在 VM 上執行 Undo-RdpRepair），然後重新開機。',
    },
  },
  sources: [
    {
      article: 'internal-error',
      section: 'Enable all supported TLS versions',
      correction: 'Opt-in, with a warning.',
    },
  ],
} satisfies FixInput);
