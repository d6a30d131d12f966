import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const SERVICES_ISSUES = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-remote-desktop-services-issues',
  title: "Remote Desktop Services isn't starting on an Azure VM",
};

/**
 * TermService's defaults are documented by Microsoft's article: start type manual (`sc config
 * TermService start= demand`), account NT Authority\NetworkService (compared without regard
 * to case: images spell NT AUTHORITY both ways). SessionEnv's and UmRdpService's defaults are
 * documented nowhere we found, and both may rightly be stopped while no session exists, so
 * they are left out until a Microsoft source says.
 *
 * Service Control Manager events 7000/7001/7022/7023 carry the service's display name in
 * param1, which is localized (and user-editable): matching it would need the name resolved on
 * the machine, which the event primitive cannot. So the events are supporting evidence only,
 * not matched to TermService: they never decide alone and the finding says to read them.
 */
export default defineScenario({
  id: 'termservice-not-running',
  title: {
    'en-US': 'Remote Desktop Services (TermService) is disabled or not running',
    'sv-SE': 'Fjärrskrivbordstjänster (TermService) är inaktiverad eller körs inte',
    'nl-NL': 'Extern bureaublad-services (TermService) is uitgeschakeld of niet actief',
    'zh-TW': '遠端桌面服務（TermService）已停用或未在執行',
  },
  summary: {
    'en-US':
      'Without the Remote Desktop Services service nothing listens for RDP: the service was disabled, or it stopped, crashed or hung while starting. A hang shows as Service Control Manager event 7022 in the System log.',
    'sv-SE':
      'Utan tjänsten Fjärrskrivbordstjänster lyssnar ingenting efter RDP: tjänsten har inaktiverats, eller så stoppades den, kraschade eller hängde sig vid start. En tjänst som hänger sig syns som händelse 7022 från Service Control Manager i systemloggen.',
    'nl-NL':
      'Zonder de service Extern bureaublad-services luistert er niets naar RDP: de service is uitgeschakeld, of is gestopt, vastgelopen of blijven hangen tijdens het starten. Een service die blijft hangen, is te zien als gebeurtenis 7022 van Service Control Manager in het systeemlogboek.',
    'zh-TW':
      '沒有遠端桌面服務，就沒有程式接聽 RDP：服務已被停用，或在啟動時停止、當機或停止回應。停止回應的情況會在系統記錄中顯示為服務控制管理員事件 7022。',
  },
  symptoms: ['no-response', 'remote-access-not-enabled'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'service-state',
        id: 'termservice-disabled',
        service: 'TermService',
        firesWhen: 'disabled',
      },
      finding: {
        'en-US': 'The Remote Desktop Services service (TermService) is disabled: Start=4.',
        'sv-SE': 'Tjänsten Fjärrskrivbordstjänster (TermService) är inaktiverad: Start=4.',
        'nl-NL': 'De service Extern bureaublad-services (TermService) is uitgeschakeld: Start=4.',
        'zh-TW': '遠端桌面服務（TermService）已停用：Start=4。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'service-state',
        id: 'termservice-down',
        service: 'TermService',
        firesWhen: 'not-running',
      },
      finding: {
        'en-US': 'The Remote Desktop Services service (TermService) is not running.',
        'sv-SE': 'Tjänsten Fjärrskrivbordstjänster (TermService) körs inte.',
        'nl-NL': 'De service Extern bureaublad-services (TermService) is niet actief.',
        'zh-TW': '遠端桌面服務（TermService）未在執行。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'service-config',
        id: 'termservice-account',
        service: 'TermService',
        expected: { setting: 'logon-account', account: 'NT Authority\\NetworkService' },
      },
      finding: {
        'en-US':
          'Remote Desktop Services (TermService) logs on as another account than its default, NT Authority\\NetworkService.',
        'sv-SE':
          'Fjärrskrivbordstjänster (TermService) loggar in med ett annat konto än standardkontot NT Authority\\NetworkService.',
        'nl-NL':
          'Extern bureaublad-services (TermService) meldt zich aan met een ander account dan het standaardaccount NT Authority\\NetworkService.',
        'zh-TW': '遠端桌面服務（TermService）的登入帳戶不是預設的 NT Authority\\NetworkService。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'service-config',
        id: 'termservice-start-type',
        service: 'TermService',
        expected: { setting: 'start-type', startType: 'manual' },
      },
      finding: {
        'en-US':
          'The start type of Remote Desktop Services (TermService) is not its default, manual (Start=3).',
        'sv-SE':
          'Starttypen för Fjärrskrivbordstjänster (TermService) är inte standardvärdet manuell (Start=3).',
        'nl-NL':
          'Het opstarttype van Extern bureaublad-services (TermService) is niet de standaardwaarde handmatig (Start=3).',
        'zh-TW': '遠端桌面服務（TermService）的啟動類型不是預設的手動（Start=3）。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'event-query',
        id: 'ev-scm-start-failure',
        channel: 'System',
        provider: 'Service Control Manager',
        eventIds: [7000, 7001, 7022, 7023],
        windowHours: 24,
      },
      finding: {
        'en-US':
          'Service Control Manager logged a service that failed, hung or stopped while starting (7000, 7001, 7022 or 7023) in the last 24 hours: read the event to see whether it names Remote Desktop Services or a service it depends on.',
        'sv-SE':
          'Service Control Manager har loggat en tjänst som misslyckades, hängde sig eller stoppades vid start (7000, 7001, 7022 eller 7023) det senaste dygnet: läs händelsen för att se om den nämner Fjärrskrivbordstjänster eller en tjänst som den beror på.',
        'nl-NL':
          'Service Control Manager heeft in de afgelopen 24 uur een service gelogd die bij het starten mislukte, bleef hangen of stopte (7000, 7001, 7022 of 7023): lees de gebeurtenis om te zien of die Extern bureaublad-services of een service waarvan deze afhankelijk is, noemt.',
        'zh-TW':
          '服務控制管理員在過去 24 小時內記錄了啟動時失敗、停止回應或停止的服務（7000、7001、7022 或 7023）：請閱讀該事件，確認它是否指出遠端桌面服務或其相依的服務。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The account TermService logs on as was changed from NT Authority\\NetworkService: it fails with error 1069 (logon failure) or 1079.',
      'sv-SE':
        'Kontot som TermService loggar in med har ändrats från NT Authority\\NetworkService: den misslyckas med fel 1069 (inloggningsfel) eller 1079.',
      'nl-NL':
        'Het account waarmee TermService zich aanmeldt, is gewijzigd van NT Authority\\NetworkService: hij mislukt met fout 1069 (aanmeldingsfout) of 1079.',
      'zh-TW':
        'TermService 的登入帳戶已不是 NT Authority\\NetworkService：它會因錯誤 1069（登入失敗）或 1079 而失敗。',
    },
    {
      'en-US':
        'The TermService service was set to Disabled, or it is crashing or hanging while it starts.',
      'sv-SE':
        'Tjänsten TermService har satts till Inaktiverad, eller så kraschar den eller hänger sig när den startar.',
      'nl-NL':
        'De service TermService is ingesteld op Uitgeschakeld, of loopt vast of blijft hangen tijdens het starten.',
      'zh-TW': 'TermService 服務被設為「已停用」，或在啟動時當機或停止回應。',
    },
  ],
  fixes: ['start-termservice', 'reset-termservice-logon-account'],
  manualSteps: [
    {
      id: 'termservice-start-error',
      text: {
        'en-US':
          "If the service still does not start, read the error sc start prints (the article's table): 5, access denied: a key or file the service account cannot open (trace it with Process Monitor); 1058 and 1077: it is disabled (start-termservice); 1069: its account failed to log on (reset-termservice-logon-account); 1053, 1067 and 1070: it crashes or hangs: stop it, run it in its own svchost (sc config TermService type= own; undo: type= share) and start it; 1059, 1068, 1079 and 1753 need Azure support. (The article's table links 1053 to the disabled case and 1058 to the crash case; by their names, ERROR_SERVICE_REQUEST_TIMEOUT 1053 is a hang and ERROR_SERVICE_DISABLED 1058 the disabled case.)",
        'sv-SE':
          'Om tjänsten ändå inte startar läser du felet som sc start skriver ut (tabellen i artikeln): 5, åtkomst nekad: en nyckel eller fil som tjänstkontot inte kan öppna (spåra den med Process Monitor); 1058 och 1077: den är inaktiverad (start-termservice); 1069: kontot kunde inte logga in (reset-termservice-logon-account); 1053, 1067 och 1070: den kraschar eller hänger sig: stoppa den, kör den i en egen svchost (sc config TermService type= own; ångra: type= share) och starta den; 1059, 1068, 1079 och 1753 kräver Azure-support. (Artikelns tabell länkar 1053 till fallet inaktiverad och 1058 till kraschfallet; enligt namnen är ERROR_SERVICE_REQUEST_TIMEOUT 1053 ett häng och ERROR_SERVICE_DISABLED 1058 fallet inaktiverad.)',
        'nl-NL':
          'Als de service nog steeds niet start, lees dan de fout die sc start afdrukt (de tabel in het artikel): 5, toegang geweigerd: een sleutel of bestand dat het serviceaccount niet kan openen (spoor het op met Process Monitor); 1058 en 1077: hij is uitgeschakeld (start-termservice); 1069: het account kon zich niet aanmelden (reset-termservice-logon-account); 1053, 1067 en 1070: hij loopt vast of blijft hangen: stop hem, laat hem in een eigen svchost draaien (sc config TermService type= own; ongedaan maken: type= share) en start hem; voor 1059, 1068, 1079 en 1753 is Azure-ondersteuning nodig. (De tabel in het artikel koppelt 1053 aan het uitgeschakelde geval en 1058 aan het vastlopen; volgens hun namen is ERROR_SERVICE_REQUEST_TIMEOUT 1053 een hang en ERROR_SERVICE_DISABLED 1058 het uitgeschakelde geval.)',
        'zh-TW':
          '若服務仍無法啟動，請查看 sc start 顯示的錯誤（文章中的表格）：5，拒絕存取：服務帳戶無法開啟某個機碼或檔案（用 Process Monitor 追蹤）；1058 與 1077：服務已停用（start-termservice）；1069：其帳戶登入失敗（reset-termservice-logon-account）；1053、1067 與 1070：服務當機或停止回應：停止它，讓它在自己的 svchost 中執行（sc config TermService type= own；復原：type= share），然後啟動它；1059、1068、1079 與 1753 需要 Azure 支援。（文章的表格將 1053 連到停用的情況、1058 連到當機的情況；依其名稱，ERROR_SERVICE_REQUEST_TIMEOUT 1053 是停止回應，ERROR_SERVICE_DISABLED 1058 才是停用。）',
      },
      commands: [
        { shell: 'cmd', code: 'sc query TermService' },
        { shell: 'cmd', code: 'sc start TermService' },
        { shell: 'cmd', code: 'sc qc TermService' },
        { shell: 'cmd', code: 'sc stop TermService' },
        { shell: 'cmd', code: 'sc config TermService type= own' },
      ],
    },
  ],
  sources: [
    { ...SERVICES_ISSUES, section: 'Solution / Use Serial Console' },
    {
      ...SERVICES_ISSUES,
      section: 'Solution / Use Serial Console / TermService service is disabled',
    },
    {
      ...SERVICES_ISSUES,
      section: 'Solution / Use Serial Console / TermService service fails because of logon failure',
    },
    {
      ...SERVICES_ISSUES,
      section: 'Solution / Use Serial Console / TermService service crashes or hangs',
    },
    { ...SERVICES_ISSUES, section: 'Symptoms' },
  ],
} satisfies ScenarioInput);
