import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const SERVICES_ISSUES = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-remote-desktop-services-issues',
  title: 'Remote Desktop Services is not starting on an Azure VM',
};

/**
 * TermService only: its default start type (manual) is documented by Microsoft's article;
 * SessionEnv's and UmRdpService's are not, so they are left out until a source says. The
 * logon account (NT Authority\NetworkService) is left out of the CMD-comparable checks: its
 * spelling's letter case varies between images.
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
  ],
  causes: [
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
  fixes: ['start-termservice'],
  manualSteps: [
    {
      id: 'termservice-start-error',
      text: {
        'en-US':
          'If the service still does not start, read the error sc start prints: 5 (access denied) means a key or file the service account cannot open (trace it with Process Monitor); 1069 a logon failure of its account, which must be NT Authority\\NetworkService; 1059, 1068, 1070 and 1079 need Azure support.',
        'sv-SE':
          'Om tjänsten ändå inte startar läser du felet som sc start skriver ut: 5 (åtkomst nekad) betyder en nyckel eller fil som tjänstkontot inte kan öppna (spåra den med Process Monitor); 1069 ett inloggningsfel för kontot, som måste vara NT Authority\\NetworkService; 1059, 1068, 1070 och 1079 kräver Azure-support.',
        'nl-NL':
          'Als de service nog steeds niet start, lees dan de fout die sc start afdrukt: 5 (toegang geweigerd) betekent een sleutel of bestand dat het serviceaccount niet kan openen (spoor die op met Process Monitor); 1069 een aanmeldingsfout van het account, dat NT Authority\\NetworkService moet zijn; voor 1059, 1068, 1070 en 1079 is Azure-ondersteuning nodig.',
        'zh-TW':
          '若服務仍無法啟動，請查看 sc start 顯示的錯誤：5（拒絕存取）表示服務帳戶無法開啟某個機碼或檔案（用 Process Monitor 追蹤）；1069 表示其帳戶登入失敗，該帳戶必須是 NT Authority\\NetworkService；1059、1068、1070 與 1079 需要 Azure 支援。',
      },
      commands: [
        { shell: 'cmd', code: 'sc query TermService' },
        { shell: 'cmd', code: 'sc start TermService' },
        { shell: 'cmd', code: 'sc qc TermService' },
      ],
    },
  ],
  sources: [
    { ...SERVICES_ISSUES, section: 'Solution / Use Serial Console' },
    { ...SERVICES_ISSUES, section: 'Solution / TermService service is disabled' },
  ],
} satisfies ScenarioInput);
