import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';
const POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';
const FIPS = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy';

const AUTH_ERROR = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/cannot-connect-rdp-azure-vm',
  title: 'Troubleshoot authentication errors when you use RDP to connect to Azure VM',
};

/**
 * MinEncryptionLevel=4 ("FIPS Compliant", a cause in Microsoft's authentication-error article)
 * decides only while the native RDP security layer is in use: the ADMX "Set client connection
 * encryption level" applies only to native RDP encryption, never to TLS; so SecurityLayer=0 is
 * the precondition. FIPS for the whole machine (Lsa FIPSAlgorithmPolicy Enabled=1) alone does
 * not stop RDP (TLS works with FIPS-compliant suites): supporting evidence only. Raising the
 * security layer back to TLS is asked for by name (a broken certificate would refuse clients). SecurityLayer=0 with NLA required, and
 * fAllowSecProtocolNegotiation=0, were not found stated as a cause in Microsoft's pages: not
 * encoded. The article's own fixes lower security (MinEncryptionLevel down to 1, FIPS off,
 * SecurityLayer=0 and NLA off): here each is opt-in, the encryption level stops at High (3).
 */
export default defineScenario({
  id: 'security-layer-mismatch',
  title: {
    'en-US': 'RDP requires FIPS-only encryption the client cannot meet',
    'sv-SE': 'RDP kräver enbart FIPS-kryptering som klienten inte klarar',
    'nl-NL': 'RDP vereist alleen FIPS-versleuteling waaraan de client niet kan voldoen',
    'zh-TW': 'RDP 要求用戶端無法達成的僅限 FIPS 加密',
  },
  summary: {
    'en-US':
      'The VM uses the native RDP security layer (SecurityLayer=0) and accepts only FIPS-compliant RDP encryption (MinEncryptionLevel=4), usually set by a security baseline or Group Policy. Clients that cannot meet it fail with an authentication error. The encryption level applies only to native RDP security; FIPS mode for the machine (FIPSAlgorithmPolicy Enabled=1) alone does not stop RDP. Relaxing it lowers security, so RdpRescue does it only when asked, and says which policy puts it back.',
    'sv-SE':
      'Den virtuella datorn använder det inbyggda RDP-säkerhetslagret (SecurityLayer=0) och accepterar bara FIPS-kompatibel RDP-kryptering (MinEncryptionLevel=4), oftast satt av en säkerhetsbaslinje eller grupprincip. Klienter som inte klarar det misslyckas med ett autentiseringsfel. Krypteringsnivån gäller bara inbyggd RDP-säkerhet; FIPS-läge för datorn (FIPSAlgorithmPolicy Enabled=1) stoppar inte RDP ensamt. Att lätta på det sänker säkerheten, så RdpRescue gör det bara på begäran och anger vilken princip som sätter tillbaka det.',
    'nl-NL':
      'De VM gebruikt de systeemeigen RDP-beveiligingslaag (SecurityLayer=0) en accepteert alleen FIPS-compatibele RDP-versleuteling (MinEncryptionLevel=4), meestal ingesteld door een beveiligingsbasislijn of groepsbeleid. Clients die daar niet aan voldoen, mislukken met een verificatiefout. Het versleutelingsniveau geldt alleen voor systeemeigen RDP-beveiliging; FIPS-modus voor de machine (FIPSAlgorithmPolicy Enabled=1) houdt RDP op zichzelf niet tegen. Dit versoepelen verlaagt de beveiliging, dus RdpRescue doet het alleen op verzoek en zegt welk beleid het terugzet.',
    'zh-TW':
      'VM 使用原生 RDP 安全性層（SecurityLayer=0），且只接受符合 FIPS 的 RDP 加密（MinEncryptionLevel=4），通常由安全性基準或群組原則設定。無法符合的用戶端會出現驗證錯誤。加密層級只適用於原生 RDP 安全性；電腦的 FIPS 模式（FIPSAlgorithmPolicy Enabled=1）本身不會阻止 RDP。放寬此設定會降低安全性，因此 RdpRescue 只在明確要求時才執行，並說明哪個原則會將其設回。',
  },
  symptoms: ['authentication-error'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'rdp-encryption-fips-only',
        key: RDP_TCP,
        name: 'MinEncryptionLevel',
        firesWhen: { op: 'equals', value: 4 },
        policy: { key: POLICY, name: 'MinEncryptionLevel' },
      },
      finding: {
        'en-US':
          'With the native RDP security layer (SecurityLayer=0) in use, RDP accepts only FIPS-compliant encryption: MinEncryptionLevel=4. The encryption level applies only to native RDP security, never to TLS.',
        'sv-SE':
          'Med det inbyggda RDP-säkerhetslagret (SecurityLayer=0) i bruk accepterar RDP bara FIPS-kompatibel kryptering: MinEncryptionLevel=4. Krypteringsnivån gäller bara inbyggd RDP-säkerhet, aldrig TLS.',
        'nl-NL':
          'Met de systeemeigen RDP-beveiligingslaag (SecurityLayer=0) in gebruik accepteert RDP alleen FIPS-compatibele versleuteling: MinEncryptionLevel=4. Het versleutelingsniveau geldt alleen voor systeemeigen RDP-beveiliging, nooit voor TLS.',
        'zh-TW':
          '在使用原生 RDP 安全性層（SecurityLayer=0）時，RDP 只接受符合 FIPS 的加密：MinEncryptionLevel=4。加密層級只適用於原生 RDP 安全性，絕不適用於 TLS。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'fips-algorithms-enforced',
        key: FIPS,
        name: 'Enabled',
        firesWhen: { op: 'equals', value: 1 },
      },
      finding: {
        'en-US':
          'The machine allows only FIPS-compliant algorithms (Lsa\\FIPSAlgorithmPolicy Enabled=1), usually by the security option "System cryptography: Use FIPS compliant algorithms", which a Group Policy may set again. Alone it does not stop RDP (TLS and Remote Desktop Connection work with FIPS-compliant algorithms): evidence only, never the cause by itself.',
        'sv-SE':
          'Datorn tillåter bara FIPS-kompatibla algoritmer (Lsa\\FIPSAlgorithmPolicy Enabled=1), oftast via säkerhetsalternativet "Systemkryptografi: Använd FIPS-kompatibla algoritmer", som en grupprincip kan sätta igen. Ensamt stoppar det inte RDP (TLS och Anslutning till fjärrskrivbord fungerar med FIPS-kompatibla algoritmer): endast ett belägg, aldrig orsaken i sig.',
        'nl-NL':
          'De machine staat alleen FIPS-compatibele algoritmen toe (Lsa\\FIPSAlgorithmPolicy Enabled=1), meestal via de beveiligingsoptie "Systeemcryptografie: FIPS-compatibele algoritmen gebruiken", die een groepsbeleid opnieuw kan instellen. Op zichzelf houdt dit RDP niet tegen (TLS en Verbinding met extern bureaublad werken met FIPS-compatibele algoritmen): alleen een aanwijzing, nooit op zichzelf de oorzaak.',
        'zh-TW':
          '電腦只允許符合 FIPS 的演算法（Lsa\\FIPSAlgorithmPolicy Enabled=1），通常來自安全性選項「系統加密編譯：使用符合 FIPS 的演算法」，群組原則可能會再次設定它。單獨此設定不會阻止 RDP（TLS 與遠端桌面連線可搭配符合 FIPS 的演算法運作）：僅為佐證，本身絕非原因。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'rdp-encryption-fips-by-policy',
        key: POLICY,
        name: 'MinEncryptionLevel',
        firesWhen: { op: 'equals', value: 4 },
      },
      finding: {
        'en-US':
          'Group Policy requires FIPS-compliant RDP encryption (Policies\\...\\Terminal Services MinEncryptionLevel=4): the policy wins, a local change is reverted at the next refresh. Change the policy.',
        'sv-SE':
          'En grupprincip kräver FIPS-kompatibel RDP-kryptering (Policies\\...\\Terminal Services MinEncryptionLevel=4): principen vinner, en lokal ändring återställs vid nästa uppdatering. Ändra principen.',
        'nl-NL':
          'Groepsbeleid vereist FIPS-compatibele RDP-versleuteling (Policies\\...\\Terminal Services MinEncryptionLevel=4): het beleid wint, een lokale wijziging wordt bij de volgende vernieuwing teruggedraaid. Wijzig het beleid.',
        'zh-TW':
          '群組原則要求符合 FIPS 的 RDP 加密（Policies\\...\\Terminal Services MinEncryptionLevel=4）：原則優先，本機變更會在下次重新整理時被還原。請變更原則。',
      },
    },
    {
      role: 'precondition',
      check: {
        kind: 'registry-value',
        id: 'rdp-security-layer-rdp',
        key: RDP_TCP,
        name: 'SecurityLayer',
        firesWhen: { op: 'equals', value: 0 },
        policy: { key: POLICY, name: 'SecurityLayer' },
      },
      finding: {
        'en-US':
          "RDP uses its own security layer (SecurityLayer=0): the server is not authenticated to the client. Azure's ResetRDPCert leaves this; TLS (2) is the secure setting once the certificate is valid.",
        'sv-SE':
          'RDP använder sitt eget säkerhetslager (SecurityLayer=0): servern autentiseras inte mot klienten. Azures ResetRDPCert lämnar detta kvar; TLS (2) är den säkra inställningen när certifikatet är giltigt.',
        'nl-NL':
          'RDP gebruikt zijn eigen beveiligingslaag (SecurityLayer=0): de server wordt niet geverifieerd bij de client. ResetRDPCert van Azure laat dit achter; TLS (2) is de veilige instelling zodra het certificaat geldig is.',
        'zh-TW':
          'RDP 使用自己的安全性層（SecurityLayer=0）：伺服器不會向用戶端進行驗證。Azure 的 ResetRDPCert 會留下此設定；憑證有效後，TLS（2）才是安全的設定。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'A security baseline or Group Policy enforces FIPS-compliant algorithms for the machine or FIPS-compliant encryption for Remote Desktop, and the client cannot negotiate it.',
      'sv-SE':
        'En säkerhetsbaslinje eller grupprincip tvingar fram FIPS-kompatibla algoritmer för datorn eller FIPS-kompatibel kryptering för Fjärrskrivbord, och klienten kan inte förhandla fram den.',
      'nl-NL':
        'Een beveiligingsbasislijn of groepsbeleid dwingt FIPS-compatibele algoritmen af voor de machine of FIPS-compatibele versleuteling voor Extern bureaublad, en de client kan die niet onderhandelen.',
      'zh-TW':
        '安全性基準或群組原則對整部電腦強制使用符合 FIPS 的演算法，或對遠端桌面強制使用符合 FIPS 的加密，而用戶端無法協商。',
    },
  ],
  fixes: ['set-rdp-encryption-high', 'disable-fips-algorithm-policy', 'set-rdp-security-layer-tls'],
  manualSteps: [
    {
      id: 'fix-rdp-security-policy',
      text: {
        'en-US':
          'If Group Policy sets it, change it there: "Computer Configuration\\Administrative Templates\\Windows Components\\Remote Desktop Services\\Remote Desktop Session Host\\Security\\Set client connection encryption level" and "Require use of specific security layer for remote (RDP) connections", or the security option "System cryptography: Use FIPS compliant algorithms for encryption, hashing, and signing" (gpresult names the policy), then run gpupdate /force.',
        'sv-SE':
          'Om en grupprincip sätter värdet ändrar du det där: "Datorkonfiguration\\Administrativa mallar\\Windows-komponenter\\Fjärrskrivbordstjänster\\Värd för fjärrskrivbordssession\\Säkerhet\\Ange krypteringsnivå för klientanslutningar" och "Kräv användning av ett specifikt säkerhetslager för fjärranslutningar (RDP)", eller säkerhetsalternativet "Systemkryptografi: Använd FIPS-kompatibla algoritmer för kryptering, hashning och signering" (gpresult visar vilken princip) och kör sedan gpupdate /force.',
        'nl-NL':
          'Als groepsbeleid de waarde instelt, wijzig die daar: "Computerconfiguratie\\Beheersjablonen\\Windows-onderdelen\\Extern bureaublad-services\\Host voor Extern bureaublad-sessies\\Beveiliging\\Versleutelingsniveau voor clientverbindingen instellen" en "Gebruik van specifieke beveiligingslaag voor externe (RDP-)verbindingen vereisen", of de beveiligingsoptie "Systeemcryptografie: FIPS-compatibele algoritmen gebruiken voor versleuteling, hashing en ondertekening" (gpresult noemt het beleid) en voer daarna gpupdate /force uit.',
        'zh-TW':
          '若由群組原則設定，請在原則中變更：「電腦設定\\系統管理範本\\Windows 元件\\遠端桌面服務\\遠端桌面工作階段主機\\安全性\\設定用戶端連線加密層級」與「遠端 (RDP) 連線需要使用指定的安全性層」，或安全性選項「系統加密編譯：使用符合 FIPS 的演算法於加密、雜湊和簽章」（gpresult 會列出原則），然後執行 gpupdate /force。',
      },
      commands: [
        { shell: 'cmd', code: 'gpresult /scope computer /v' },
        { shell: 'cmd', code: 'gpupdate /force' },
      ],
    },
  ],
  sources: [
    { ...AUTH_ERROR, section: 'Cause' },
    {
      ...AUTH_ERROR,
      section: 'For standalone VMs / Check MinEncryptionLevel',
      correction:
        'MinEncryptionLevel goes from 4 to 3 (High), not 2 or 1, and only as an opt-in that warns; the article writes the FIPS value with "reg query ... /t REG_DWORD /d 0", which changes nothing (reg add is meant).',
    },
    {
      ...AUTH_ERROR,
      section: 'Check FIPs compliant algorithms connections',
      correction: 'Turning FIPS off is opt-in with a warning, never part of a repair.',
    },
  ],
} satisfies ScenarioInput);
