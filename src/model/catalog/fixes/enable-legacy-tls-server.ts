import { defineFix, type FixInput } from 'rdp-rescue';

const key = (v: string) =>
  `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS ${v}\\Server`;

export default defineFix({
  id: 'enable-legacy-tls-server',
  command: 'Enable-RdpLegacyTlsProtocol',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Enable TLS 1.0 and 1.1 for legacy RDP clients',
    'sv-SE': 'Aktivera TLS 1.0 och 1.1 för äldre RDP-klienter',
    'nl-NL': 'TLS 1.0 en 1.1 inschakelen voor oudere RDP-clients',
    'zh-TW': '為舊版 RDP 用戶端啟用 TLS 1.0 與 1.1',
  },
  description: {
    'en-US':
      'Sets Enabled=1 and DisabledByDefault=0 for TLS 1.0 and TLS 1.1 (server). Only for clients that cannot speak TLS 1.2. Reboot afterwards.',
    'sv-SE':
      'Sätter Enabled=1 och DisabledByDefault=0 för TLS 1.0 och TLS 1.1 (server). Endast för klienter som inte kan TLS 1.2. Starta om efteråt.',
    'nl-NL':
      'Zet Enabled=1 en DisabledByDefault=0 voor TLS 1.0 en TLS 1.1 (server). Alleen voor clients die geen TLS 1.2 ondersteunen. Start daarna opnieuw op.',
    'zh-TW':
      '為 TLS 1.0 與 TLS 1.1（伺服器）設定 Enabled=1 與 DisabledByDefault=0。僅適用於無法使用 TLS 1.2 的用戶端。之後請重新開機。',
  },
  operations: [
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
  ],
  backup: {
    description: {
      'en-US': 'The four previous values (or their absence) are saved.',
      'sv-SE': 'De fyra tidigare värdena (eller att de saknas) sparas.',
      'nl-NL': 'De vier vorige waarden (of het ontbreken ervan) worden opgeslagen.',
      'zh-TW': '會儲存先前的四個值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores the four values as they were, disabling the legacy protocols again; reboot afterwards.',
      'sv-SE':
        'Återställer de fyra värdena som de var, så att de äldre protokollen inaktiveras igen; starta om efteråt.',
      'nl-NL':
        'Zet de vier waarden terug zoals ze waren, zodat de oudere protocollen weer uit staan; start daarna opnieuw op.',
      'zh-TW': '將四個值還原為原狀，再次停用舊版通訊協定；之後請重新開機。',
    },
  },
  verify: {
    description: {
      'en-US': 'All four values read back as written.',
      'sv-SE': 'Alla fyra värden läses tillbaka som de skrevs.',
      'nl-NL': 'Alle vier waarden worden teruggelezen zoals ze zijn geschreven.',
      'zh-TW': '四個值讀回的結果皆與寫入的相同。',
    },
    checks: ['tls10-server-off', 'tls11-server-off'],
  },
  effects: { restartsServices: [], reboot: true },
  weakensSecurity: {
    warning: {
      'en-US':
        'TLS 1.0 and 1.1 are deprecated and weaken every TLS service on this machine, not only RDP.',
      'sv-SE':
        'TLS 1.0 och 1.1 är inaktuella och försvagar alla TLS-tjänster på datorn, inte bara RDP.',
      'nl-NL':
        'TLS 1.0 en 1.1 zijn verouderd en verzwakken elke TLS-service op deze machine, niet alleen RDP.',
      'zh-TW': 'TLS 1.0 與 1.1 已淘汰，會削弱這部電腦上所有 TLS 服務的安全性，而不只是 RDP。',
    },
    restore: {
      'en-US':
        'Run Undo-RdpRepair with the backup path this fix printed, or set Enabled=0 for both protocols, then reboot.',
      'sv-SE':
        'Kör Undo-RdpRepair med säkerhetskopians sökväg som korrigeringen skrev ut, eller sätt Enabled=0 för båda protokollen och starta sedan om.',
      'nl-NL':
        'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet Enabled=0 voor beide protocollen en start daarna opnieuw op.',
      'zh-TW':
        '使用此修正所顯示的備份路徑執行 Undo-RdpRepair，或將兩個通訊協定的 Enabled 設為 0，然後重新開機。',
    },
  },
  sources: [
    {
      article: 'internal-error',
      section: 'Step 3: Enable all supported TLS versions',
      correction: 'Opt-in only, with a warning, because it weakens the machine.',
    },
  ],
} satisfies FixInput);
