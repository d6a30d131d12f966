import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const AUTHENTICATION_ERRORS = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/cannot-connect-rdp-azure-vm',
  title: 'Troubleshoot authentication errors when you use RDP to connect to Azure VM',
};
const EVENT_4625 = {
  url: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4625',
  title: '4625(F) An account failed to log on.',
};
/**
 * Windows writes 4625 only while failure auditing of the Logon subcategory is on (auditpol
 * names it by this GUID in every language); without it no event proves nothing.
 */
const LOGON_FAILURE_AUDIT = {
  subcategory: '{0CCE9215-69AE-11D9-BED3-505054503030}',
  setting: 'failure',
} as const;

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';
/** Group Policy's copy of the listener's UserAuthentication; it wins over the local value. */
const NLA_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

/**
 * The logon status codes of a domain that cannot be reached, as event 4625's XML writes them
 * (lower case). They may be in Status or in SubStatus (Microsoft's table lists them as
 * "Status\Sub-Status Code"). 0xc000018d (this workstation's trust with its domain failed) is
 * not in that table; MS-ERREF's NTSTATUS list defines it.
 */
const DOMAIN_UNREACHABLE_CODES = ['0xc000005e', '0xc000018c', '0xc000018d', '0xc0000192'];

export default defineScenario({
  id: 'nla-dc-unreachable',
  title: {
    'en-US': 'Network Level Authentication cannot reach a domain controller',
    'sv-SE': 'Autentisering på nätverksnivå når ingen domänkontrollant',
    'nl-NL': 'Verificatie op netwerkniveau kan geen domeincontroller bereiken',
    'zh-TW': '網路層級驗證無法連絡網域控制站',
  },
  summary: {
    'en-US':
      'Domain sign-ins fail before the session starts: no logon server answered, the secure channel (the trust between this VM and its domain) is broken, or Netlogon is not running. Security event 4625 records it with status 0xC000005E, 0xC000018C, 0xC000018D or 0xC0000192. A local account still signs in.',
    'sv-SE':
      'Domäninloggningar misslyckas innan sessionen startar: ingen inloggningsserver svarade, den säkra kanalen (förtroendet mellan den här virtuella datorn och domänen) är bruten, eller Netlogon körs inte. Säkerhetshändelse 4625 registrerar det med status 0xC000005E, 0xC000018C, 0xC000018D eller 0xC0000192. Ett lokalt konto kan fortfarande logga in.',
    'nl-NL':
      'Domeinaanmeldingen mislukken voordat de sessie start: geen aanmeldingsserver antwoordde, het beveiligde kanaal (de vertrouwensrelatie tussen deze VM en het domein) is verbroken, of Netlogon is niet actief. Beveiligingsgebeurtenis 4625 legt het vast met status 0xC000005E, 0xC000018C, 0xC000018D of 0xC0000192. Een lokaal account kan zich nog aanmelden.',
    'zh-TW':
      '網域登入在工作階段開始前就失敗：沒有登入伺服器回應、安全通道（此 VM 與其網域之間的信任）已中斷，或 Netlogon 未在執行。安全性事件 4625 會以狀態 0xC000005E、0xC000018C、0xC000018D 或 0xC0000192 記錄此情況。本機帳戶仍可登入。',
  },
  symptoms: ['cannot-connect'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-logon-no-dc',
        channel: 'Security',
        provider: 'Microsoft-Windows-Security-Auditing',
        eventIds: [4625],
        windowHours: 24,
        auditedBy: LOGON_FAILURE_AUDIT,
        dataConditions: [
          { field: 'Status', orFields: ['SubStatus'], values: DOMAIN_UNREACHABLE_CODES },
        ],
        reportFields: ['TargetDomainName', 'Status', 'SubStatus'],
      },
      finding: {
        'en-US':
          'Security 4625: logons failed because no domain controller answered (0xC000005E), the trust failed (0xC000018C, or 0xC000018D: the trust between this VM and its domain) or Netlogon was not started (0xC0000192).',
        'sv-SE':
          'Säkerhet 4625: inloggningar misslyckades eftersom ingen domänkontrollant svarade (0xC000005E), förtroendet misslyckades (0xC000018C, eller 0xC000018D: förtroendet mellan den här virtuella datorn och domänen) eller Netlogon inte var startad (0xC0000192).',
        'nl-NL':
          'Beveiliging 4625: aanmeldingen mislukten omdat geen domeincontroller antwoordde (0xC000005E), de vertrouwensrelatie mislukte (0xC000018C, of 0xC000018D: de vertrouwensrelatie tussen deze VM en het domein) of Netlogon niet gestart was (0xC0000192).',
        'zh-TW':
          '安全性 4625：登入失敗，原因是沒有網域控制站回應（0xC000005E）、信任關係失敗（0xC000018C，或 0xC000018D：此 VM 與其網域之間的信任）或 Netlogon 未啟動（0xC0000192）。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'nla-required',
        key: RDP_TCP,
        name: 'UserAuthentication',
        firesWhen: { op: 'equals', value: 1 },
        policy: { key: NLA_POLICY_KEY, name: 'UserAuthentication' },
      },
      finding: {
        'en-US':
          'Network Level Authentication is required (effective UserAuthentication=1). When Group Policy sets it (HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services UserAuthentication), the policy wins: turning NLA off locally (disable-nla) has no effect and is reverted at the next refresh; sign in with a local account or change the policy.',
        'sv-SE':
          'Autentisering på nätverksnivå krävs (gällande UserAuthentication=1). När en grupprincip sätter det (HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services UserAuthentication) vinner principen: att stänga av NLA lokalt (disable-nla) har ingen verkan och återställs vid nästa uppdatering; logga in med ett lokalt konto eller ändra principen.',
        'nl-NL':
          'Verificatie op netwerkniveau is vereist (geldende UserAuthentication=1). Als groepsbeleid dit instelt (HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services UserAuthentication), wint het beleid: NLA lokaal uitschakelen (disable-nla) heeft geen effect en wordt bij de volgende vernieuwing teruggedraaid; meld u aan met een lokaal account of wijzig het beleid.',
        'zh-TW':
          '需要網路層級驗證（有效的 UserAuthentication=1）。若由群組原則設定（HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services UserAuthentication），則原則優先：在本機關閉 NLA（disable-nla）沒有作用，且會在下次重新整理時被還原；請以本機帳戶登入或變更原則。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The VM cannot reach a domain controller (DNS, network, the DC itself), its computer account password no longer matches the domain (restored from an old snapshot or image), or the Netlogon service is stopped.',
      'sv-SE':
        'Den virtuella datorn når ingen domänkontrollant (DNS, nätverket, själva domänkontrollanten), dess datorkontolösenord stämmer inte längre med domänen (återställd från en gammal ögonblicksbild eller avbildning), eller tjänsten Netlogon är stoppad.',
      'nl-NL':
        'De VM kan geen domeincontroller bereiken (DNS, netwerk, de domeincontroller zelf), het wachtwoord van het computeraccount komt niet meer overeen met het domein (teruggezet vanaf een oude momentopname of installatiekopie), of de service Netlogon is gestopt.',
      'zh-TW':
        'VM 無法連到網域控制站（DNS、網路或網域控制站本身）、電腦帳戶密碼已與網域不符（從舊的快照或映像還原），或 Netlogon 服務已停止。',
    },
  ],
  fixes: ['disable-nla'],
  manualSteps: [
    {
      id: 'sign-in-with-local-account',
      text: {
        'en-US':
          'Sign in with a local administrator account (.\\name): it does not need the domain. Without one, reset a local administrator password with the VM agent (VMAccess) from Azure.',
        'sv-SE':
          'Logga in med ett lokalt administratörskonto (.\\namn): det behöver inte domänen. Saknas ett sådant återställer du lösenordet för en lokal administratör med VM-agenten (VMAccess) från Azure.',
        'nl-NL':
          "Meld u aan met een lokaal administratoraccount (.\\naam): dat heeft het domein niet nodig. Zonder zo'n account stelt u het wachtwoord van een lokale administrator opnieuw in met de VM-agent (VMAccess) vanuit Azure.",
        'zh-TW':
          '使用本機系統管理員帳戶（.\\名稱）登入：它不需要網域。若沒有這類帳戶，請從 Azure 透過 VM 代理程式（VMAccess）重設本機系統管理員密碼。',
      },
      commands: [
        {
          shell: 'azure-cli',
          code: 'az vm user update --resource-group <group> --name <vm> --username <local-admin> --password <new-password>',
        },
      ],
    },
    {
      id: 'repair-secure-channel',
      text: {
        'en-US':
          'Signed in with a local administrator, test the secure channel and repair it with domain credentials (Test-ComputerSecureChannel returns False when it is broken); or reset it with nltest. Check DNS and the route to the domain controllers first when no logon server answered (0xC000005E).',
        'sv-SE':
          'Inloggad som lokal administratör testar du den säkra kanalen och reparerar den med domänautentiseringsuppgifter (Test-ComputerSecureChannel returnerar False när den är bruten); eller återställer den med nltest. Kontrollera först DNS och vägen till domänkontrollanterna när ingen inloggningsserver svarade (0xC000005E).',
        'nl-NL':
          'Aangemeld als lokale administrator test u het beveiligde kanaal en herstelt u het met domeinreferenties (Test-ComputerSecureChannel geeft False als het verbroken is); of stelt u het opnieuw in met nltest. Controleer eerst DNS en de route naar de domeincontrollers als geen aanmeldingsserver antwoordde (0xC000005E).',
        'zh-TW':
          '以本機系統管理員登入後，測試安全通道並以網域認證修復它（安全通道中斷時 Test-ComputerSecureChannel 會傳回 False）；或使用 nltest 重設。若是沒有登入伺服器回應（0xC000005E），請先檢查 DNS 與到網域控制站的路由。',
      },
      commands: [
        { shell: 'powershell', code: 'Test-ComputerSecureChannel -Verbose' },
        {
          shell: 'powershell',
          code: 'Test-ComputerSecureChannel -Repair -Credential (Get-Credential)',
        },
        { shell: 'cmd', code: 'nltest /sc_query:<domain>' },
        { shell: 'cmd', code: 'nltest /sc_reset:<domain>' },
        { shell: 'cmd', code: 'sc query Netlogon' },
      ],
    },
  ],
  sources: [
    { ...AUTHENTICATION_ERRORS, section: 'Symptoms' },
    { ...AUTHENTICATION_ERRORS, section: 'Cause' },
    { ...EVENT_4625, section: 'Table 12: Windows logon status codes' },
    {
      url: 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-erref/596a1078-e883-4972-9bbc-49e60bebca55',
      title: '[MS-ERREF] 2.3.1 NTSTATUS Values',
      section: '0xC000018D STATUS_TRUSTED_RELATIONSHIP_FAILURE',
    },
    {
      url: 'https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.management/test-computersecurechannel',
      title: 'Test-ComputerSecureChannel',
      section: 'Examples',
    },
  ],
} satisfies ScenarioInput);
