import type { FixInput } from '../../fix.ts';

/** Seed: reg add ... /t REG_BINARY /d <CERTIFICATE THUMBPRINT>, with no check that the certificate exists. */
const fix: FixInput = {
  id: 'set-rdp-cert-binding',
  command: 'Set-RdpCertificateBinding',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Point RDP at a valid certificate',
    'sv-SE': 'Låt RDP använda ett giltigt certifikat',
    'nl-NL': 'RDP naar een geldig certificaat laten verwijzen',
    'zh-TW': '將 RDP 指向有效的憑證',
  },
  description: {
    'en-US':
      "Writes the thumbprint of a certificate from the LocalMachine Personal store into SSLCertificateSHA1Hash and restarts Remote Desktop Services. NETWORK SERVICE needs read access to that certificate's private key.",
    'sv-SE':
      'Skriver tumavtrycket för ett certifikat i arkivet Personligt för LocalMachine till SSLCertificateSHA1Hash och startar om Fjärrskrivbordstjänster. NETWORK SERVICE behöver läsbehörighet till certifikatets privata nyckel.',
    'nl-NL':
      'Schrijft de vingerafdruk van een certificaat uit het LocalMachine-archief Persoonlijk naar SSLCertificateSHA1Hash en start Extern bureaublad-services opnieuw. NETWORK SERVICE heeft leestoegang nodig tot de persoonlijke sleutel van dat certificaat.',
    'zh-TW':
      '將 LocalMachine 個人存放區中某個憑證的指紋寫入 SSLCertificateSHA1Hash，並重新啟動遠端桌面服務。NETWORK SERVICE 需要該憑證私密金鑰的讀取權限。',
  },
  parameters: [
    {
      name: 'Thumbprint',
      type: 'thumbprint',
      help: {
        'en-US': 'SHA-1 thumbprint of the certificate, 40 hexadecimal characters.',
        'sv-SE': 'Certifikatets SHA-1-tumavtryck, 40 hexadecimala tecken.',
        'nl-NL': 'SHA-1-vingerafdruk van het certificaat, 40 hexadecimale tekens.',
        'zh-TW': '憑證的 SHA-1 指紋，40 個十六進位字元。',
      },
    },
  ],
  operations: [
    {
      kind: 'registry-set',
      key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
      name: 'SSLCertificateSHA1Hash',
      type: 'REG_BINARY',
      data: { param: 'Thumbprint' },
    },
    { kind: 'service-restart', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US': 'The current SSLCertificateSHA1Hash value (or its absence) is saved.',
      'sv-SE': 'Det aktuella värdet för SSLCertificateSHA1Hash (eller att det saknas) sparas.',
      'nl-NL':
        'De huidige waarde van SSLCertificateSHA1Hash (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存目前的 SSLCertificateSHA1Hash 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the previous value, or deletes it if there was none.',
      'sv-SE': 'Återställer det tidigare värdet, eller tar bort det om inget fanns.',
      'nl-NL': 'Zet de vorige waarde terug, of verwijdert de waarde als die er niet was.',
      'zh-TW': '還原先前的值；若原本沒有值則將其刪除。',
    },
  },
  verify: {
    description: {
      'en-US': 'The configured thumbprint matches a present, unexpired certificate.',
      'sv-SE':
        'Det konfigurerade tumavtrycket matchar ett befintligt certifikat som inte har gått ut.',
      'nl-NL':
        'De ingestelde vingerafdruk komt overeen met een aanwezig, niet-verlopen certificaat.',
      'zh-TW': '設定的指紋對應到存在且未過期的憑證。',
    },
    checks: ['rdp-cert-binding'],
  },
  effects: { restartsServices: ['TermService'], reboot: false },
  sources: [
    {
      article: 'event-id-troubleshoot',
      section: 'Scenario 1 / Update TLS/SSL certificate',
      correction:
        'Refuses a thumbprint that is not a present, unexpired certificate in LocalMachine\\My.',
    },
  ],
};

export default fix;
