import { defineFix, type FixInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

/**
 * Undoes what Azure's ResetRDPCert leaves (SecurityLayer=0, no server authentication). Raises
 * security, yet opt-in: TLS needs a usable certificate, and with a broken one (rdp-cert-invalid,
 * machinekeys-access) clients would be refused. 2 is the value of Azure's images.
 */
export default defineFix({
  id: 'set-rdp-security-layer-tls',
  command: 'Set-RdpSecurityLayer',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Authenticate the server with TLS again (SecurityLayer=2)',
    'sv-SE': 'Autentisera servern med TLS igen (SecurityLayer=2)',
    'nl-NL': 'De server weer met TLS verifiëren (SecurityLayer=2)',
    'zh-TW': '重新以 TLS 驗證伺服器（SecurityLayer=2）',
  },
  description: {
    'en-US':
      'Sets SecurityLayer=2 (TLS) on the RDP-Tcp listener; reboot afterwards. Run it only when the RDP certificate is valid (rdp-cert-invalid and machinekeys-access clear), or clients are refused.',
    'sv-SE':
      'Sätter SecurityLayer=2 (TLS) för lyssnaren RDP-Tcp; starta om efteråt. Kör den bara när RDP-certifikatet är giltigt (rdp-cert-invalid och machinekeys-access utan fynd), annars nekas klienterna.',
    'nl-NL':
      'Zet SecurityLayer=2 (TLS) op de listener RDP-Tcp; start daarna opnieuw op. Voer dit alleen uit als het RDP-certificaat geldig is (rdp-cert-invalid en machinekeys-access zonder bevinding), anders worden clients geweigerd.',
    'zh-TW':
      '在 RDP-Tcp 接聽程式上設定 SecurityLayer=2（TLS）；之後請重新開機。僅在 RDP 憑證有效時執行（rdp-cert-invalid 與 machinekeys-access 均無發現），否則用戶端會被拒絕。',
  },
  operations: [
    { kind: 'registry-set', key: RDP_TCP, name: 'SecurityLayer', type: 'REG_DWORD', data: 2 },
  ],
  backup: {
    description: {
      'en-US': 'The previous SecurityLayer value (or its absence) is saved.',
      'sv-SE': 'Det tidigare värdet för SecurityLayer (eller att det saknas) sparas.',
      'nl-NL': 'De vorige waarde van SecurityLayer (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存先前的 SecurityLayer 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores SecurityLayer exactly as it was; reboot afterwards.',
      'sv-SE': 'Återställer SecurityLayer precis som det var; starta om efteråt.',
      'nl-NL': 'Zet SecurityLayer precies terug zoals het was; start daarna opnieuw op.',
      'zh-TW': '將 SecurityLayer 完全還原為原狀；之後請重新開機。',
    },
  },
  verify: {
    description: {
      'en-US': 'The effective SecurityLayer (the policy value when there is one) is no longer 0.',
      'sv-SE': 'Det gällande SecurityLayer (principvärdet om det finns) är inte längre 0.',
      'nl-NL': 'De geldende SecurityLayer (de beleidswaarde als die er is) is niet langer 0.',
      'zh-TW': '有效的 SecurityLayer（若有原則值則為原則值）不再是 0。',
    },
    checks: ['rdp-security-layer-rdp'],
  },
  effects: { restartsServices: [], reboot: true },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/microsoft-windows-terminalservices-rdp-winstationextensions-securitylayer',
      title: 'SecurityLayer',
      section: 'Values',
    },
  ],
} satisfies FixInput);
