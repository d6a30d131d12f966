import { defineFix, type FixInput } from 'rdp-rescue';

/** Seed: reg add ... /t REG_BINARY /d <CERTIFICATE THUMBPRINT>, with no check that the certificate exists. */
export default defineFix({
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
      "Writes the thumbprint of a certificate from the LocalMachine Personal store into SSLCertificateSHA1Hash, grants NETWORK SERVICE (the account TermService runs as) read access to the certificate's private key file, and restarts Remote Desktop Services. A certificate without a usable private key, or whose Enhanced Key Usage is not Server Authentication or Remote Desktop Authentication, is refused.",
    'sv-SE':
      'Skriver tumavtrycket för ett certifikat i arkivet Personligt för LocalMachine till SSLCertificateSHA1Hash, ger NETWORK SERVICE (kontot som TermService körs som) läsbehörighet till certifikatets privata nyckelfil och startar om Fjärrskrivbordstjänster. Ett certifikat utan användbar privat nyckel, eller vars förbättrade nyckelanvändning inte är Serverautentisering eller Fjärrskrivbordsautentisering, nekas.',
    'nl-NL':
      'Schrijft de vingerafdruk van een certificaat uit het LocalMachine-archief Persoonlijk naar SSLCertificateSHA1Hash, geeft NETWORK SERVICE (het account waaronder TermService draait) leestoegang tot het bestand met de persoonlijke sleutel van het certificaat en start Extern bureaublad-services opnieuw. Een certificaat zonder bruikbare persoonlijke sleutel, of waarvan het uitgebreide sleutelgebruik niet Serververificatie of Extern bureaublad-verificatie is, wordt geweigerd.',
    'zh-TW':
      '將 LocalMachine 個人存放區中某個憑證的指紋寫入 SSLCertificateSHA1Hash，授與 NETWORK SERVICE（TermService 的執行帳戶）對該憑證私密金鑰檔案的讀取權限，並重新啟動遠端桌面服務。沒有可用私密金鑰，或增強金鑰使用方法不是伺服器驗證或遠端桌面驗證的憑證會遭到拒絕。',
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
    {
      kind: 'private-key-grant',
      store: 'My',
      thumbprint: { param: 'Thumbprint' },
      grants: [{ sid: 'S-1-5-20', rights: 'R' }],
    },
    { kind: 'service-restart', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US':
        'The current SSLCertificateSHA1Hash value (or its absence) and the permissions of the machine key files are saved.',
      'sv-SE':
        'Det aktuella värdet för SSLCertificateSHA1Hash (eller att det saknas) och behörigheterna för datorns nyckelfiler sparas.',
      'nl-NL':
        'De huidige waarde van SSLCertificateSHA1Hash (of het ontbreken ervan) en de machtigingen van de sleutelbestanden van de machine worden opgeslagen.',
      'zh-TW': '會儲存目前的 SSLCertificateSHA1Hash 值（或其不存在的狀態）以及電腦金鑰檔案的權限。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores the previous value, or deletes it if there was none, and the saved key file permissions.',
      'sv-SE':
        'Återställer det tidigare värdet, eller tar bort det om inget fanns, och de sparade behörigheterna för nyckelfilerna.',
      'nl-NL':
        'Zet de vorige waarde terug, of verwijdert de waarde als die er niet was, en zet de opgeslagen machtigingen van de sleutelbestanden terug.',
      'zh-TW': '還原先前的值（若原本沒有值則將其刪除），並還原已儲存的金鑰檔案權限。',
    },
  },
  verify: {
    description: {
      'en-US':
        'The configured thumbprint matches a present, unexpired certificate for server authentication whose private key opens and is readable by NETWORK SERVICE.',
      'sv-SE':
        'Det konfigurerade tumavtrycket matchar ett befintligt certifikat för serverautentisering som inte har gått ut, vars privata nyckel går att öppna och kan läsas av NETWORK SERVICE.',
      'nl-NL':
        'De ingestelde vingerafdruk komt overeen met een aanwezig, niet-verlopen certificaat voor serververificatie waarvan de persoonlijke sleutel te openen is en leesbaar is voor NETWORK SERVICE.',
      'zh-TW':
        '設定的指紋對應到存在、未過期且用於伺服器驗證的憑證，其私密金鑰可以開啟，且 NETWORK SERVICE 可以讀取。',
    },
    checks: ['rdp-cert-binding'],
  },
  effects: { restartsServices: ['TermService'], reboot: false },
  sources: [
    {
      article: 'event-id-troubleshoot',
      section: 'Scenario 1 / Update TLS/SSL certificate',
      correction:
        'Refuses a thumbprint that is not a present, unexpired certificate in LocalMachine\\My with a private key that opens and an Enhanced Key Usage for server authentication (or none); grants NETWORK SERVICE read access to its key file.',
    },
  ],
} satisfies FixInput);
