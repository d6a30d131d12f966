import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const PREPARE_VHD = {
  url: 'https://learn.microsoft.com/en-us/azure/virtual-machines/windows/prepare-for-upload-vhd-image',
  title: 'Prepare a Windows VHD or VHDX to upload to Azure',
};
const DHCP = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-dhcp-disabled',
  title: 'Cannot RDP to Azure Virtual Machines because the DHCP Client service is disabled',
};
const NSI = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/azure-vm-nsi-not-starting',
  title: 'Azure Virtual Machine - Network Store Interface (NSI) service is not starting',
};
const NETLOGON = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/azure-vm-netlogon-not-starting',
  title: 'Azure Virtual Machine - Netlogon service is not starting',
};

type Culture = 'en-US' | 'sv-SE' | 'nl-NL' | 'zh-TW';
type Texts = Record<Culture, string>;

/** The services, with their names in each language (display names only in prose, never matched). */
const SERVICES = [
  {
    service: 'Dhcp',
    prefix: 'netsvc-dhcp',
    name: {
      'en-US': 'DHCP Client (Dhcp)',
      'sv-SE': 'DHCP-klienten (Dhcp)',
      'nl-NL': 'DHCP-client (Dhcp)',
      'zh-TW': 'DHCP 用戶端（Dhcp）',
    },
  },
  {
    service: 'nsi',
    prefix: 'netsvc-nsi',
    name: {
      'en-US': 'Network Store Interface Service (nsi)',
      'sv-SE': 'Network Store Interface-tjänsten (nsi)',
      'nl-NL': 'Network Store Interface-service (nsi)',
      'zh-TW': 'Network Store Interface 服務（nsi）',
    },
  },
  {
    service: 'BFE',
    prefix: 'netsvc-bfe',
    name: {
      'en-US': 'Base Filtering Engine (BFE)',
      'sv-SE': 'Base Filtering Engine (BFE)',
      'nl-NL': 'Base Filtering Engine (BFE)',
      'zh-TW': 'Base Filtering Engine（BFE）',
    },
  },
  {
    service: 'MpsSvc',
    prefix: 'netsvc-mpssvc',
    name: {
      'en-US': 'Windows Defender Firewall (MpsSvc)',
      'sv-SE': 'Windows Defender-brandväggen (MpsSvc)',
      'nl-NL': 'Windows Defender Firewall (MpsSvc)',
      'zh-TW': 'Windows Defender 防火牆（MpsSvc）',
    },
  },
] as const;

const texts = (f: (c: Culture) => string): Texts => ({
  'en-US': f('en-US'),
  'sv-SE': f('sv-SE'),
  'nl-NL': f('nl-NL'),
  'zh-TW': f('zh-TW'),
});

const NOT_AUTOMATIC: Texts = {
  'en-US': 'does not start automatically (its Start value is not 2, the documented default)',
  'sv-SE': 'startar inte automatiskt (värdet Start är inte 2, det dokumenterade standardvärdet)',
  'nl-NL': 'start niet automatisch (de waarde Start is niet 2, de gedocumenteerde standaardwaarde)',
  'zh-TW': '不會自動啟動（Start 值不是文件記載的預設值 2）',
};
const NOT_RUNNING: Texts = {
  'en-US': 'is not running',
  'sv-SE': 'körs inte',
  'nl-NL': 'is niet actief',
  'zh-TW': '未在執行',
};

/**
 * The network services without which a VM boots but cannot be reached (Microsoft's Azure
 * articles on DHCP and NSI; the start types are "Check the Windows services" of the VHD
 * preparation page: Dhcp, nsi, BFE and MpsSvc automatic). Dhcp's account, NT Authority\
 * LocalService, is documented by its article; no Microsoft page found gives nsi's, BFE's or
 * MpsSvc's account, so theirs are not checked. Check ids start with "netsvc-": BFE and MpsSvc
 * also matter to the guest firewall scenario, which owns the firewall rules, not the services.
 *
 * Netlogon is left out: it must run only on a domain-joined machine (Microsoft's Netlogon
 * article), and this catalog has no language-neutral domain-membership check yet; calling it
 * down on a workgroup VM would be wrong. A manual step covers it (nla-dc-unreachable is where
 * a domain member's Netlogon belongs).
 */
export default defineScenario({
  id: 'network-service-down',
  title: {
    'en-US': 'A network service the VM needs (DHCP Client, NSI, BFE, Windows Firewall) is down',
    'sv-SE':
      'En nätverkstjänst som den virtuella datorn behöver (DHCP-klienten, NSI, BFE, Windows-brandväggen) är nere',
    'nl-NL':
      'Een netwerkservice die de VM nodig heeft (DHCP-client, NSI, BFE, Windows Firewall) werkt niet',
    'zh-TW': 'VM 需要的網路服務（DHCP 用戶端、NSI、BFE、Windows 防火牆）停止運作',
  },
  summary: {
    'en-US':
      'The VM boots and waits for credentials, yet nothing reaches it: the DHCP Client, the Network Store Interface Service, the Base Filtering Engine or the Windows Firewall service is disabled, set to start other than automatically, or not running (it hung or failed at boot, or a service it depends on did). Without DHCP the VM gets no address from Azure.',
    'sv-SE':
      'Den virtuella datorn startar och väntar på inloggningsuppgifter, men ingenting når den: DHCP-klienten, Network Store Interface-tjänsten, Base Filtering Engine eller Windows-brandväggen är inaktiverad, har en annan starttyp än automatisk eller körs inte (den hängde sig eller misslyckades vid start, eller så gjorde en tjänst den beror på det). Utan DHCP får den virtuella datorn ingen adress från Azure.',
    'nl-NL':
      'De VM start op en wacht op aanmeldingsgegevens, maar niets bereikt hem: de DHCP-client, de Network Store Interface-service, de Base Filtering Engine of de Windows Firewall-service is uitgeschakeld, start niet automatisch of is niet actief (hij bleef hangen of mislukte bij het opstarten, of een service waarvan hij afhankelijk is). Zonder DHCP krijgt de VM geen adres van Azure.',
    'zh-TW':
      'VM 已開機並等待認證，但無法連線到它：DHCP 用戶端、Network Store Interface 服務、Base Filtering Engine 或 Windows 防火牆服務已停用、啟動類型不是自動，或未在執行（開機時停止回應或失敗，或其相依的服務如此）。沒有 DHCP，VM 就無法從 Azure 取得位址。',
  },
  symptoms: ['no-response'],
  evidence: [
    ...SERVICES.flatMap((s) => [
      {
        role: 'primary' as const,
        check: {
          kind: 'service-config' as const,
          id: `${s.prefix}-start`,
          service: s.service,
          expected: { setting: 'start-type' as const, startType: 'automatic' as const },
        },
        finding: texts((c) => `${s.name[c]} ${NOT_AUTOMATIC[c]}.`),
      },
      {
        role: 'primary' as const,
        check: {
          kind: 'service-state' as const,
          id: `${s.prefix}-down`,
          service: s.service,
          firesWhen: 'not-running' as const,
        },
        finding: texts((c) => `${s.name[c]} ${NOT_RUNNING[c]}.`),
      },
    ]),
    {
      role: 'primary',
      check: {
        kind: 'service-config',
        id: 'netsvc-dhcp-account',
        service: 'Dhcp',
        expected: { setting: 'logon-account', account: 'NT Authority\\LocalService' },
      },
      finding: {
        'en-US':
          'The DHCP Client (Dhcp) logs on as another account than its default, NT Authority\\LocalService: it fails to start with error 1069.',
        'sv-SE':
          'DHCP-klienten (Dhcp) loggar in med ett annat konto än standardkontot NT Authority\\LocalService: den startar inte, fel 1069.',
        'nl-NL':
          'De DHCP-client (Dhcp) meldt zich aan met een ander account dan het standaardaccount NT Authority\\LocalService: hij start niet, fout 1069.',
        'zh-TW':
          'DHCP 用戶端（Dhcp）的登入帳戶不是預設的 NT Authority\\LocalService：它會因錯誤 1069 而無法啟動。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'A hardening script, a tool or a person set one of these services to Disabled or Manual, or changed the account it logs on as.',
      'sv-SE':
        'Ett härdningsskript, ett verktyg eller en person har satt en av tjänsterna till Inaktiverad eller Manuell, eller ändrat kontot den loggar in med.',
      'nl-NL':
        'Een beveiligingsscript, een hulpprogramma of iemand heeft een van deze services op Uitgeschakeld of Handmatig gezet, of het account gewijzigd waarmee hij zich aanmeldt.',
      'zh-TW': '強化指令碼、工具或某人將其中一個服務設為「已停用」或「手動」，或變更了其登入帳戶。',
    },
    {
      'en-US':
        'The service hung or crashed at boot (Service Control Manager events 7000, 7001, 7022, 7023 in the System log), or a service it depends on did not start.',
      'sv-SE':
        'Tjänsten hängde sig eller kraschade vid start (händelserna 7000, 7001, 7022, 7023 från Service Control Manager i systemloggen), eller så startade inte en tjänst som den beror på.',
      'nl-NL':
        'De service bleef hangen of liep vast bij het opstarten (gebeurtenissen 7000, 7001, 7022, 7023 van Service Control Manager in het systeemlogboek), of een service waarvan hij afhankelijk is, startte niet.',
      'zh-TW':
        '服務在開機時停止回應或當機（系統記錄中的服務控制管理員事件 7000、7001、7022、7023），或其相依的服務未啟動。',
    },
  ],
  fixes: ['start-network-services', 'reset-dhcp-logon-account'],
  manualSteps: [
    {
      id: 'network-service-start-error',
      text: {
        'en-US':
          "If a service still does not start, read the error sc start prints (the DHCP article's table): 5, access denied: trace it with Process Monitor; 1053, 1067 and 1070: it crashes or hangs: stop it, run it in its own svchost (sc config <service> type= own; undo: type= share) and start it; 1068: a service it depends on did not start: repair that one the same way; 1059 and 1079 need Azure support.",
        'sv-SE':
          'Om en tjänst ändå inte startar läser du felet som sc start skriver ut (tabellen i DHCP-artikeln): 5, åtkomst nekad: spåra det med Process Monitor; 1053, 1067 och 1070: den kraschar eller hänger sig: stoppa den, kör den i en egen svchost (sc config <tjänst> type= own; ångra: type= share) och starta den; 1068: en tjänst som den beror på startade inte: reparera den på samma sätt; 1059 och 1079 kräver Azure-support.',
        'nl-NL':
          'Als een service nog steeds niet start, lees dan de fout die sc start afdrukt (de tabel in het DHCP-artikel): 5, toegang geweigerd: spoor het op met Process Monitor; 1053, 1067 en 1070: hij loopt vast of blijft hangen: stop hem, laat hem in een eigen svchost draaien (sc config <service> type= own; ongedaan maken: type= share) en start hem; 1068: een service waarvan hij afhankelijk is, startte niet: herstel die op dezelfde manier; voor 1059 en 1079 is Azure-ondersteuning nodig.',
        'zh-TW':
          '若服務仍無法啟動，請查看 sc start 顯示的錯誤（DHCP 文章中的表格）：5，拒絕存取：用 Process Monitor 追蹤；1053、1067 與 1070：服務當機或停止回應：停止它，讓它在自己的 svchost 中執行（sc config <服務> type= own；復原：type= share），然後啟動它；1068：其相依的服務未啟動：以相同方式修復該服務；1059 與 1079 需要 Azure 支援。',
      },
      commands: [
        { shell: 'cmd', code: 'sc query Dhcp' },
        { shell: 'cmd', code: 'sc start Dhcp' },
        { shell: 'cmd', code: 'sc stop Dhcp' },
        { shell: 'cmd', code: 'sc config Dhcp type= own' },
      ],
    },
    {
      id: 'netlogon-domain-member',
      text: {
        'en-US':
          "On a domain-joined VM only, Netlogon must run too (Microsoft's Netlogon article): query it, and if it is disabled set it to automatic and start it. On a workgroup VM a stopped Netlogon is normal.",
        'sv-SE':
          'Endast på en domänansluten virtuell dator måste även Netlogon köras (Microsofts Netlogon-artikel): fråga efter den, och om den är inaktiverad sätter du den till automatisk och startar den. På en virtuell dator i en arbetsgrupp är en stoppad Netlogon normalt.',
        'nl-NL':
          'Alleen op een VM die lid is van een domein moet ook Netlogon actief zijn (het Netlogon-artikel van Microsoft): vraag de status op en zet hem, als hij is uitgeschakeld, op automatisch en start hem. Op een VM in een werkgroep is een gestopte Netlogon normaal.',
        'zh-TW':
          '僅在已加入網域的 VM 上，Netlogon 也必須執行（Microsoft 的 Netlogon 文章）：查詢它，若已停用則設為自動並啟動。在工作群組 VM 上，Netlogon 停止是正常的。',
      },
      commands: [
        { shell: 'cmd', code: 'sc query Netlogon' },
        { shell: 'cmd', code: 'sc config Netlogon start= auto' },
        { shell: 'cmd', code: 'sc start Netlogon' },
      ],
    },
  ],
  sources: [
    { ...PREPARE_VHD, section: 'Check the Windows services' },
    { ...DHCP, section: 'Solution / Use Serial control' },
    {
      ...DHCP,
      section: 'Solution / Use Serial control / DHCP Client service fails because of logon failure',
    },
    { ...NSI, section: 'Solution / Connect to the VM using Serial console (Solution)' },
    {
      ...NETLOGON,
      section: 'Solution / Connect to the VM using Serial console (Solution)',
      correction:
        'The article writes `sc config NETLOGON start=auto`; sc needs a space after `start=` (`start= auto`).',
    },
  ],
} satisfies ScenarioInput);
