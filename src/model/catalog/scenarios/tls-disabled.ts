import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const PROTOCOLS =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';

export default defineScenario({
  id: 'tls-disabled',
  title: {
    'en-US': 'TLS is disabled for the server side of Schannel',
    'sv-SE': 'TLS är inaktiverat för serversidan av Schannel',
    'nl-NL': 'TLS is uitgeschakeld voor de serverkant van Schannel',
    'zh-TW': 'Schannel 伺服器端的 TLS 已停用',
  },
  summary: {
    'en-US':
      'Security policy disabled the TLS protocols RDP needs, so Schannel cannot create a server credential (event 36871) and every TLS-based RDP connection fails. A domain Group Policy may apply the setting again after a repair.',
    'sv-SE':
      'En säkerhetsprincip har inaktiverat de TLS-protokoll som RDP behöver, så Schannel kan inte skapa en serverautentiseringsuppgift (händelse 36871) och alla TLS-baserade RDP-anslutningar misslyckas. En grupprincip i domänen kan tillämpa inställningen igen efter en reparation.',
    'nl-NL':
      'Een beveiligingsbeleid heeft de TLS-protocollen uitgeschakeld die RDP nodig heeft, waardoor Schannel geen serverreferentie kan maken (gebeurtenis 36871) en elke RDP-verbinding via TLS mislukt. Een groepsbeleid van het domein kan de instelling na een reparatie opnieuw toepassen.',
    'zh-TW':
      '安全性原則停用了 RDP 需要的 TLS 通訊協定，導致 Schannel 無法建立伺服器認證（事件 36871），所有以 TLS 為基礎的 RDP 連線都會失敗。修復後，網域群組原則可能會再次套用該設定。',
  },
  symptoms: ['cannot-connect', 'internal-error'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-schannel-credential',
        channel: 'System',
        provider: 'Schannel',
        eventIds: [36871],
        windowHours: 24,
        // 36871 is logged for client credentials too (any program's outgoing TLS on a hardened
        // VM): only a server credential concerns RDP. Type carries "client" or "server".
        dataConditions: [{ field: 'Type', values: ['server'] }],
        reportFields: ['ErrorState'],
      },
      finding: {
        'en-US': 'Schannel 36871: a fatal error occurred while creating a TLS server credential.',
        'sv-SE':
          'Schannel 36871: ett allvarligt fel uppstod när en TLS-serverautentiseringsuppgift skapades.',
        'nl-NL':
          'Schannel 36871: er is een fatale fout opgetreden bij het maken van een TLS-serverreferentie.',
        'zh-TW': 'Schannel 36871：建立 TLS 伺服器認證時發生嚴重錯誤。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'tls12-server-off',
        key: `${PROTOCOLS}\\TLS 1.2\\Server`,
        name: 'Enabled',
        firesWhen: { op: 'equals', value: 0 },
      },
      finding: {
        'en-US': 'TLS 1.2 (server) is disabled: Enabled=0.',
        'sv-SE': 'TLS 1.2 (server) är inaktiverat: Enabled=0.',
        'nl-NL': 'TLS 1.2 (server) is uitgeschakeld: Enabled=0.',
        'zh-TW': 'TLS 1.2（伺服器）已停用：Enabled=0。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'tls12-server-off-by-default',
        key: `${PROTOCOLS}\\TLS 1.2\\Server`,
        name: 'DisabledByDefault',
        firesWhen: { op: 'equals', value: 1 },
      },
      finding: {
        'en-US': 'TLS 1.2 (server) is off unless asked for: DisabledByDefault=1.',
        'sv-SE': 'TLS 1.2 (server) är av om det inte begärs: DisabledByDefault=1.',
        'nl-NL': 'TLS 1.2 (server) staat uit tenzij erom wordt gevraagd: DisabledByDefault=1.',
        'zh-TW': 'TLS 1.2（伺服器）除非明確要求否則不啟用：DisabledByDefault=1。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'tls10-server-off',
        key: `${PROTOCOLS}\\TLS 1.0\\Server`,
        name: 'Enabled',
        firesWhen: { op: 'equals', value: 0 },
      },
      finding: {
        'en-US': 'TLS 1.0 (server) is disabled; only clients that cannot use TLS 1.2 are affected.',
        'sv-SE':
          'TLS 1.0 (server) är inaktiverat; endast klienter som inte kan använda TLS 1.2 påverkas.',
        'nl-NL':
          'TLS 1.0 (server) is uitgeschakeld; alleen clients die geen TLS 1.2 kunnen gebruiken, worden getroffen.',
        'zh-TW': 'TLS 1.0（伺服器）已停用；只會影響無法使用 TLS 1.2 的用戶端。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'tls11-server-off',
        key: `${PROTOCOLS}\\TLS 1.1\\Server`,
        name: 'Enabled',
        firesWhen: { op: 'equals', value: 0 },
      },
      finding: {
        'en-US': 'TLS 1.1 (server) is disabled; only clients that cannot use TLS 1.2 are affected.',
        'sv-SE':
          'TLS 1.1 (server) är inaktiverat; endast klienter som inte kan använda TLS 1.2 påverkas.',
        'nl-NL':
          'TLS 1.1 (server) is uitgeschakeld; alleen clients die geen TLS 1.2 kunnen gebruiken, worden getroffen.',
        'zh-TW': 'TLS 1.1（伺服器）已停用；只會影響無法使用 TLS 1.2 的用戶端。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'rdp-requires-tls',
        key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
        name: 'SecurityLayer',
        firesWhen: { op: 'equals', value: 2 },
        policy: {
          key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services',
          name: 'SecurityLayer',
        },
      },
      finding: {
        'en-US':
          'The RDP listener requires TLS (SecurityLayer=2, possibly set by Group Policy), so it cannot fall back while TLS is off.',
        'sv-SE':
          'RDP-lyssnaren kräver TLS (SecurityLayer=2, eventuellt satt av en grupprincip), så den kan inte falla tillbaka medan TLS är av.',
        'nl-NL':
          'De RDP-listener vereist TLS (SecurityLayer=2, mogelijk ingesteld door groepsbeleid) en kan dus niet terugvallen zolang TLS uit staat.',
        'zh-TW':
          'RDP 接聽程式要求 TLS（SecurityLayer=2，可能由群組原則設定），因此在 TLS 停用時無法退回其他方式。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'fips-policy-on',
        key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy',
        name: 'Enabled',
        firesWhen: { op: 'equals', value: 1 },
      },
      finding: {
        'en-US': 'FIPS mode is on: only FIPS-compliant protocols and cipher suites are allowed.',
        'sv-SE': 'FIPS-läget är på: endast FIPS-kompatibla protokoll och chiffersviter tillåts.',
        'nl-NL':
          'De FIPS-modus staat aan: alleen FIPS-conforme protocollen en coderingssuites zijn toegestaan.',
        'zh-TW': 'FIPS 模式已開啟：只允許符合 FIPS 的通訊協定與加密套件。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'A security baseline or Group Policy disabled TLS protocols in the SCHANNEL registry settings.',
      'sv-SE':
        'En säkerhetsbaslinje eller grupprincip har inaktiverat TLS-protokoll i SCHANNEL-registerinställningarna.',
      'nl-NL':
        'Een beveiligingsbasislijn of groepsbeleid heeft TLS-protocollen uitgeschakeld in de SCHANNEL-registerinstellingen.',
      'zh-TW': '安全性基準或群組原則在 SCHANNEL 登錄設定中停用了 TLS 通訊協定。',
    },
  ],
  fixes: [
    'enable-tls12-server',
    'suspend-group-policy',
    'resume-group-policy',
    'enable-legacy-tls-server',
  ],
  manualSteps: [
    {
      id: 'fix-domain-policy',
      text: {
        'en-US':
          'If TLS is disabled again after Group Policy is resumed, an Active Directory policy sets it: change that policy in the domain (Group Policy Management), then run gpupdate /force on the VM.',
        'sv-SE':
          'Om TLS inaktiveras igen när grupprinciperna har återupptagits är det en Active Directory-princip som sätter det: ändra principen i domänen (Grupprinciphantering) och kör sedan gpupdate /force på den virtuella datorn.',
        'nl-NL':
          'Als TLS opnieuw wordt uitgeschakeld nadat groepsbeleid is hervat, stelt een Active Directory-beleid het in: pas dat beleid aan in het domein (Groepsbeleidsbeheer) en voer daarna gpupdate /force uit op de VM.',
        'zh-TW':
          '若恢復群組原則後 TLS 又被停用，表示有 Active Directory 原則在設定它：請在網域中（群組原則管理）修改該原則，然後在 VM 上執行 gpupdate /force。',
      },
      commands: [
        { shell: 'cmd', code: 'gpresult /scope computer /v' },
        { shell: 'cmd', code: 'gpupdate /force' },
      ],
    },
  ],
  sources: [
    { article: 'event-id-troubleshoot', section: 'Scenario 2' },
    { article: 'internal-error', section: 'Step 3: Enable all supported TLS versions' },
  ],
} satisfies ScenarioInput);
