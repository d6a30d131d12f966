import { defineFix, type FixInput } from 'rdp-rescue';

const TLS12 =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server';

/** Seed enables TLS 1.0, 1.1 and 1.2; only 1.2 is needed by current clients (legacy is opt-in). */
export default defineFix({
  id: 'enable-tls12-server',
  command: 'Enable-RdpTlsProtocol',
  scope: 'online',
  title: {
    'en-US': 'Enable TLS 1.2 for the server side of Schannel',
    'sv-SE': 'Aktivera TLS 1.2 för serversidan av Schannel',
    'nl-NL': 'TLS 1.2 inschakelen voor de serverkant van Schannel',
    'zh-TW': '為 Schannel 伺服器端啟用 TLS 1.2',
  },
  description: {
    'en-US':
      'Sets TLS 1.2\\Server Enabled=1 and DisabledByDefault=0. Schannel reads these at start-up: reboot afterwards.',
    'sv-SE':
      'Sätter TLS 1.2\\Server Enabled=1 och DisabledByDefault=0. Schannel läser dem vid start: starta om efteråt.',
    'nl-NL':
      'Zet TLS 1.2\\Server Enabled=1 en DisabledByDefault=0. Schannel leest deze bij het opstarten: start daarna opnieuw op.',
    'zh-TW':
      '設定 TLS 1.2\\Server 的 Enabled=1 與 DisabledByDefault=0。Schannel 於開機時讀取這些值：之後請重新開機。',
  },
  operations: [
    { kind: 'registry-set', key: TLS12, name: 'Enabled', type: 'REG_DWORD', data: 1 },
    { kind: 'registry-set', key: TLS12, name: 'DisabledByDefault', type: 'REG_DWORD', data: 0 },
  ],
  backup: {
    description: {
      'en-US': 'The previous Enabled and DisabledByDefault values (or their absence) are saved.',
      'sv-SE':
        'De tidigare värdena för Enabled och DisabledByDefault (eller att de saknas) sparas.',
      'nl-NL':
        'De vorige waarden van Enabled en DisabledByDefault (of het ontbreken ervan) worden opgeslagen.',
      'zh-TW': '會儲存先前的 Enabled 與 DisabledByDefault 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores both values exactly as they were; reboot afterwards.',
      'sv-SE': 'Återställer båda värdena precis som de var; starta om efteråt.',
      'nl-NL': 'Zet beide waarden precies terug zoals ze waren; start daarna opnieuw op.',
      'zh-TW': '將兩個值完全還原為原狀；之後請重新開機。',
    },
  },
  verify: {
    description: {
      'en-US': 'Both values read back as written.',
      'sv-SE': 'Båda värdena läses tillbaka som de skrevs.',
      'nl-NL': 'Beide waarden worden teruggelezen zoals ze zijn geschreven.',
      'zh-TW': '兩個值讀回的結果與寫入的相同。',
    },
    checks: ['tls12-server-off', 'tls12-server-off-by-default'],
  },
  effects: { restartsServices: [], reboot: true },
  sources: [
    {
      article: 'internal-error',
      section: 'Step 3: Enable all supported TLS versions',
      correction:
        'Enables only TLS 1.2 by default and also clears DisabledByDefault; TLS 1.0/1.1 are a separate opt-in fix.',
    },
    { article: 'event-id-troubleshoot', section: 'Scenario 2' },
  ],
} satisfies FixInput);
