import { defineFix, type FixInput } from 'rdp-rescue';

const FIPS = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy';

/** The security option "System cryptography: Use FIPS compliant algorithms ..." writes this value; a GPO sets it again. */
export default defineFix({
  id: 'disable-fips-algorithm-policy',
  command: 'Disable-RdpFipsAlgorithmPolicy',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Stop enforcing FIPS-compliant algorithms on the machine',
    'sv-SE': 'Sluta tvinga fram FIPS-kompatibla algoritmer på datorn',
    'nl-NL': 'FIPS-compatibele algoritmen niet langer afdwingen op de machine',
    'zh-TW': '停止在電腦上強制使用符合 FIPS 的演算法',
  },
  description: {
    'en-US':
      'Sets Enabled=0 under Control\\Lsa\\FIPSAlgorithmPolicy; reboot afterwards. A Group Policy that sets the security option "System cryptography: Use FIPS compliant algorithms for encryption, hashing, and signing" writes it back at the next refresh: the policy wins, change it there instead. FIPS mode alone does not stop RDP: use this only when asked.',
    'sv-SE':
      'Sätter Enabled=0 under Control\\Lsa\\FIPSAlgorithmPolicy; starta om efteråt. En grupprincip som sätter säkerhetsalternativet "Systemkryptografi: Använd FIPS-kompatibla algoritmer för kryptering, hashning och signering" skriver tillbaka det vid nästa uppdatering: principen vinner, ändra den där i stället. FIPS-läge ensamt stoppar inte RDP: använd detta bara på begäran.',
    'nl-NL':
      'Zet Enabled=0 onder Control\\Lsa\\FIPSAlgorithmPolicy; start daarna opnieuw op. Een groepsbeleid dat de beveiligingsoptie "Systeemcryptografie: FIPS-compatibele algoritmen gebruiken voor versleuteling, hashing en ondertekening" instelt, schrijft die bij de volgende vernieuwing terug: het beleid wint, wijzig het daar. FIPS-modus alleen houdt RDP niet tegen: gebruik dit alleen op verzoek.',
    'zh-TW':
      '在 Control\\Lsa\\FIPSAlgorithmPolicy 下設定 Enabled=0；之後請重新開機。設定安全性選項「系統加密編譯：使用符合 FIPS 的演算法於加密、雜湊和簽章」的群組原則會在下次重新整理時將其寫回：原則優先，請改為在原則中變更。單獨的 FIPS 模式不會阻止 RDP：僅在明確要求時使用。',
  },
  operations: [{ kind: 'registry-set', key: FIPS, name: 'Enabled', type: 'REG_DWORD', data: 0 }],
  backup: {
    description: {
      'en-US': 'The previous Enabled value (or its absence) is saved.',
      'sv-SE': 'Det tidigare värdet för Enabled (eller att det saknas) sparas.',
      'nl-NL': 'De vorige waarde van Enabled (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存先前的 Enabled 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores FIPSAlgorithmPolicy Enabled exactly as it was; reboot afterwards.',
      'sv-SE': 'Återställer FIPSAlgorithmPolicy Enabled precis som det var; starta om efteråt.',
      'nl-NL':
        'Zet FIPSAlgorithmPolicy Enabled precies terug zoals het was; start daarna opnieuw op.',
      'zh-TW': '將 FIPSAlgorithmPolicy Enabled 完全還原為原狀；之後請重新開機。',
    },
  },
  verify: {
    description: {
      'en-US': 'Enabled is no longer 1.',
      'sv-SE': 'Enabled är inte längre 1.',
      'nl-NL': 'Enabled is niet langer 1.',
      'zh-TW': 'Enabled 不再是 1。',
    },
    checks: ['fips-algorithms-enforced'],
  },
  effects: { restartsServices: [], reboot: true },
  weakensSecurity: {
    warning: {
      'en-US':
        'Every component of the machine, not only RDP, may then use algorithms that are not FIPS-validated. Where FIPS mode is a compliance requirement, do not run this: connect with a FIPS-capable client instead.',
      'sv-SE':
        'Alla delar av datorn, inte bara RDP, kan då använda algoritmer som inte är FIPS-validerade. Om FIPS-läge är ett efterlevnadskrav ska du inte köra detta: anslut i stället med en klient som klarar FIPS.',
      'nl-NL':
        'Elk onderdeel van de machine, niet alleen RDP, kan dan algoritmen gebruiken die niet FIPS-gevalideerd zijn. Waar de FIPS-modus een nalevingseis is, voer dit niet uit: maak in plaats daarvan verbinding met een client die FIPS ondersteunt.',
      'zh-TW':
        '整部電腦的所有元件（不只是 RDP）之後都可能使用未經 FIPS 驗證的演算法。若 FIPS 模式是合規要求，請勿執行此修正：改用支援 FIPS 的用戶端連線。',
    },
    restore: {
      'en-US':
        'Run Undo-RdpRepair with the backup path this fix printed, or set Enabled=1 under Control\\Lsa\\FIPSAlgorithmPolicy, then reboot.',
      'sv-SE':
        'Kör Undo-RdpRepair med säkerhetskopians sökväg som korrigeringen skrev ut, eller sätt Enabled=1 under Control\\Lsa\\FIPSAlgorithmPolicy och starta sedan om.',
      'nl-NL':
        'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet Enabled=1 onder Control\\Lsa\\FIPSAlgorithmPolicy en start daarna opnieuw op.',
      'zh-TW':
        '使用此修正所顯示的備份路徑執行 Undo-RdpRepair，或在 Control\\Lsa\\FIPSAlgorithmPolicy 下將 Enabled 設為 1，然後重新開機。',
    },
  },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/cannot-connect-rdp-azure-vm',
      title: 'Troubleshoot authentication errors when you use RDP to connect to Azure VM',
      section: 'Check FIPs compliant algorithms connections',
      correction:
        'reg add instead of the article\'s "reg query ... /t REG_DWORD /d 0" (which changes nothing); opt-in with a warning.',
    },
  ],
} satisfies FixInput);
