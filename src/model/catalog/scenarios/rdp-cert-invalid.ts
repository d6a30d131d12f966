import { defineScenario, type ScenarioInput } from 'rdp-rescue';

export default defineScenario({
  id: 'rdp-cert-invalid',
  title: {
    'en-US': 'The RDP certificate is expired, missing, or not the configured one',
    'sv-SE': 'RDP-certifikatet har gått ut, saknas eller är inte det konfigurerade',
    'nl-NL': 'Het RDP-certificaat is verlopen, ontbreekt of is niet het ingestelde certificaat',
    'zh-TW': 'RDP 憑證已過期、遺失，或不是已設定的憑證',
  },
  summary: {
    'en-US':
      'RDP presents a certificate during the TLS handshake. When the self-signed certificate in the Remote Desktop store is expired or missing, or SSLCertificateSHA1Hash names a certificate that is not installed or has expired, the handshake fails.',
    'sv-SE':
      'RDP visar ett certifikat under TLS-handskakningen. Om det självsignerade certifikatet i arkivet Remote Desktop har gått ut eller saknas, eller om SSLCertificateSHA1Hash anger ett certifikat som inte är installerat eller har gått ut, misslyckas handskakningen.',
    'nl-NL':
      'RDP toont een certificaat tijdens de TLS-handshake. Als het zelfondertekende certificaat in het archief Remote Desktop verlopen is of ontbreekt, of SSLCertificateSHA1Hash een certificaat noemt dat niet is geïnstalleerd of verlopen is, mislukt de handshake.',
    'zh-TW':
      'RDP 會在 TLS 交握時出示憑證。若 Remote Desktop 存放區中的自我簽署憑證已過期或遺失，或 SSLCertificateSHA1Hash 指定的憑證未安裝或已過期，交握就會失敗。',
  },
  symptoms: ['internal-error', 'cannot-connect'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'certificate-store',
        id: 'rdp-cert-store',
        store: 'Remote Desktop',
        firesWhen: 'empty-or-expired',
      },
      finding: {
        'en-US':
          'The Remote Desktop certificate store is empty or holds only expired certificates, or certificates RDP cannot use (no private key that opens, a key file NETWORK SERVICE cannot read, or an Enhanced Key Usage not for server authentication).',
        'sv-SE':
          'Certifikatarkivet Remote Desktop är tomt eller innehåller bara utgångna certifikat, eller certifikat som RDP inte kan använda (ingen privat nyckel som går att öppna, en nyckelfil som NETWORK SERVICE inte kan läsa eller en förbättrad nyckelanvändning som inte gäller serverautentisering).',
        'nl-NL':
          'Het certificaatarchief Remote Desktop is leeg of bevat alleen verlopen certificaten, of certificaten die RDP niet kan gebruiken (geen persoonlijke sleutel die te openen is, een sleutelbestand dat NETWORK SERVICE niet kan lezen, of uitgebreid sleutelgebruik dat niet voor serververificatie is).',
        'zh-TW':
          'Remote Desktop 憑證存放區是空的，或只包含已過期的憑證，或只有 RDP 無法使用的憑證（沒有可開啟的私密金鑰、NETWORK SERVICE 無法讀取金鑰檔案，或增強金鑰使用方法不是伺服器驗證）。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'certificate-binding',
        id: 'rdp-cert-binding',
        key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
        name: 'SSLCertificateSHA1Hash',
        stores: ['My', 'Remote Desktop'],
      },
      finding: {
        'en-US':
          'SSLCertificateSHA1Hash names a certificate that is not installed, has expired, or that RDP cannot use (no private key that opens, a key file NETWORK SERVICE cannot read, or an Enhanced Key Usage not for server authentication).',
        'sv-SE':
          'SSLCertificateSHA1Hash anger ett certifikat som inte är installerat, har gått ut eller som RDP inte kan använda (ingen privat nyckel som går att öppna, en nyckelfil som NETWORK SERVICE inte kan läsa eller en förbättrad nyckelanvändning som inte gäller serverautentisering).',
        'nl-NL':
          'SSLCertificateSHA1Hash noemt een certificaat dat niet is geïnstalleerd, verlopen is of dat RDP niet kan gebruiken (geen persoonlijke sleutel die te openen is, een sleutelbestand dat NETWORK SERVICE niet kan lezen, of uitgebreid sleutelgebruik dat niet voor serververificatie is).',
        'zh-TW':
          'SSLCertificateSHA1Hash 指定的憑證未安裝、已過期，或 RDP 無法使用（沒有可開啟的私密金鑰、NETWORK SERVICE 無法讀取金鑰檔案，或增強金鑰使用方法不是伺服器驗證）。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The self-signed certificate expired and Windows could not replace it, or it was deleted.',
      'sv-SE':
        'Det självsignerade certifikatet gick ut och Windows kunde inte ersätta det, eller så togs det bort.',
      'nl-NL':
        'Het zelfondertekende certificaat is verlopen en Windows kon het niet vervangen, of het is verwijderd.',
      'zh-TW': '自我簽署憑證已過期且 Windows 無法取代它，或它已被刪除。',
    },
    {
      'en-US':
        'A custom certificate was configured by thumbprint and later expired, was renewed under a new thumbprint, or was removed.',
      'sv-SE':
        'Ett eget certifikat konfigurerades via tumavtryck och gick sedan ut, förnyades med ett nytt tumavtryck eller togs bort.',
      'nl-NL':
        'Een eigen certificaat is via de vingerafdruk ingesteld en is daarna verlopen, vernieuwd met een nieuwe vingerafdruk of verwijderd.',
      'zh-TW': '以指紋設定的自訂憑證後來過期、以新指紋更新，或已被移除。',
    },
  ],
  fixes: ['renew-rdp-self-signed-cert', 'remove-rdp-cert-binding', 'set-rdp-cert-binding'],
  manualSteps: [],
  sources: [
    { article: 'event-id-troubleshoot', section: 'Scenario 1 / Renew RDP self-signed certificate' },
    { article: 'event-id-troubleshoot', section: 'Scenario 1 / Update TLS/SSL certificate' },
    { article: 'internal-error', section: 'Cause' },
  ],
} satisfies ScenarioInput);
