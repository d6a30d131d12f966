import type { Culture } from '../../model/index.ts';

/** Prose of about_RdpRescue.help.txt in each culture (the scenario texts come from the catalog). */
export interface AboutText {
  short: string;
  intro: string;
  scenariosHeading: string;
  fixesLabel: string;
  commandsHeading: string;
  diagnosis: string;
  repair: string;
  undo: string;
  optInLabel: string;
  securityLabel: string;
  textReportHeading: string;
  textReport: string;
  jsonHeading: string;
  runCommandHeading: string;
  runCommand: string;
}

export const ABOUT: Record<Culture, AboutText> = {
  'en-US': {
    short: 'Diagnoses and repairs failed Remote Desktop connections to an Azure Windows VM.',
    intro:
      'RdpRescue turns the Azure troubleshooting articles for RDP into commands. Invoke-RdpDiagnosis finds the scenario (read-only); Invoke-RdpRepair applies its fixes after a backup and verifies them; Undo-RdpRepair restores the backup. Detection does not depend on the Windows display language.',
    scenariosHeading: 'SCENARIOS',
    fixesLabel: 'Fixes',
    commandsHeading: 'COMMANDS',
    diagnosis:
      'Read-only. Returns one object per scenario (Id, Title, Status, Evidence, Checks, RecommendedFixes).',
    repair:
      'Requires elevation. Backs up to $env:ProgramData\\RdpRescue\\backup\\<timestamp>, applies the fixes in order, verifies them and reports restarts and reboots.',
    undo: 'Restores a backup written by Invoke-RdpRepair or a fix command, item by item: an item that cannot be restored is reported with its reason and the result is Failed. A backup folder that anyone but SYSTEM or Administrators owns or may change is refused, and so is any entry that is not something a fix of RdpRescue backs up.',
    optInLabel: 'opt-in: only with -Fix',
    securityLabel: 'Security',
    textReportHeading: 'TEXT REPORT (Invoke-RdpDiagnosis -AsText)',
    textReport:
      'DETECTED lists the checks that fired (primary first), CLEAR shows "-" or "n/a:<check>" when the scenario does not apply, UNKNOWN lists the checks that could not run, each followed by "?".',
    jsonHeading: 'JSON REPORT (Invoke-RdpDiagnosis -AsJson)',
    runCommandHeading: 'AZURE RUN COMMAND',
    runCommand:
      'runcommand\\Invoke-RdpRescue.ps1 contains the whole module. Without parameters it prints the text report; the last line is [STATUS]::SUCCESS or [STATUS]::ERROR.',
  },
  'sv-SE': {
    short:
      'Diagnostiserar och reparerar misslyckade fjärrskrivbordsanslutningar till en virtuell Windows-dator i Azure.',
    intro:
      'RdpRescue gör om Azures felsökningsartiklar för RDP till kommandon. Invoke-RdpDiagnosis hittar scenariot (skrivskyddat); Invoke-RdpRepair tillämpar dess korrigeringar efter en säkerhetskopia och verifierar dem; Undo-RdpRepair återställer säkerhetskopian. Identifieringen beror inte på Windows visningsspråk.',
    scenariosHeading: 'SCENARIER',
    fixesLabel: 'Korrigeringar',
    commandsHeading: 'KOMMANDON',
    diagnosis:
      'Skrivskyddat. Returnerar ett objekt per scenario (Id, Title, Status, Evidence, Checks, RecommendedFixes).',
    repair:
      'Kräver upphöjd behörighet. Säkerhetskopierar till $env:ProgramData\\RdpRescue\\backup\\<tidsstämpel>, tillämpar korrigeringarna i ordning, verifierar dem och rapporterar omstarter.',
    undo: 'Återställer en säkerhetskopia som Invoke-RdpRepair eller ett korrigeringskommando skrev, objekt för objekt: ett objekt som inte kan återställas rapporteras med orsaken och resultatet blir Failed. En säkerhetskopieringsmapp som någon annan än SYSTEM eller Administratörer äger eller kan ändra nekas, liksom varje post som inte är något en korrigering i RdpRescue säkerhetskopierar.',
    optInLabel: 'frivillig: endast med -Fix',
    securityLabel: 'Säkerhet',
    textReportHeading: 'TEXTRAPPORT (Invoke-RdpDiagnosis -AsText)',
    textReport:
      'DETECTED listar kontrollerna som slog till (primära först), CLEAR visar "-" eller "n/a:<kontroll>" när scenariot inte gäller, UNKNOWN listar kontrollerna som inte kunde köras, var och en följd av "?".',
    jsonHeading: 'JSON-RAPPORT (Invoke-RdpDiagnosis -AsJson)',
    runCommandHeading: 'AZURE RUN COMMAND',
    runCommand:
      'runcommand\\Invoke-RdpRescue.ps1 innehåller hela modulen. Utan parametrar skriver det ut textrapporten; sista raden är [STATUS]::SUCCESS eller [STATUS]::ERROR.',
  },
  'nl-NL': {
    short:
      'Diagnosticeert en herstelt mislukte Extern bureaublad-verbindingen met een Windows-VM in Azure.',
    intro:
      'RdpRescue maakt van de Azure-probleemoplossingsartikelen voor RDP opdrachten. Invoke-RdpDiagnosis vindt het scenario (alleen-lezen); Invoke-RdpRepair past de oplossingen toe na een back-up en controleert ze; Undo-RdpRepair zet de back-up terug. De detectie hangt niet af van de weergavetaal van Windows.',
    scenariosHeading: "SCENARIO'S",
    fixesLabel: 'Oplossingen',
    commandsHeading: 'OPDRACHTEN',
    diagnosis:
      'Alleen-lezen. Geeft één object per scenario terug (Id, Title, Status, Evidence, Checks, RecommendedFixes).',
    repair:
      'Vereist verhoogde bevoegdheden. Maakt een back-up in $env:ProgramData\\RdpRescue\\backup\\<tijdstempel>, past de oplossingen in volgorde toe, controleert ze en meldt herstarts.',
    undo: 'Zet een back-up terug die Invoke-RdpRepair of een oplossingsopdracht heeft geschreven, item voor item: een item dat niet kan worden teruggezet, wordt met de reden gemeld en het resultaat is Failed. Een back-upmap die eigendom is van of gewijzigd kan worden door iemand anders dan SYSTEM of Administrators, wordt geweigerd, net als elk item waarvan geen oplossing van RdpRescue een back-up maakt.',
    optInLabel: 'optioneel: alleen met -Fix',
    securityLabel: 'Beveiliging',
    textReportHeading: 'TEKSTRAPPORT (Invoke-RdpDiagnosis -AsText)',
    textReport:
      'DETECTED noemt de controles die aansloegen (primaire eerst), CLEAR toont "-" of "n/a:<controle>" als het scenario niet van toepassing is, UNKNOWN noemt de controles die niet konden worden uitgevoerd, elk gevolgd door "?".',
    jsonHeading: 'JSON-RAPPORT (Invoke-RdpDiagnosis -AsJson)',
    runCommandHeading: 'AZURE RUN COMMAND',
    runCommand:
      'runcommand\\Invoke-RdpRescue.ps1 bevat de hele module. Zonder parameters drukt het het tekstrapport af; de laatste regel is [STATUS]::SUCCESS of [STATUS]::ERROR.',
  },
  'zh-TW': {
    short: '診斷並修復無法以遠端桌面連線到 Azure Windows VM 的問題。',
    intro:
      'RdpRescue 將 Azure 的 RDP 疑難排解文章轉成命令。Invoke-RdpDiagnosis 找出情境（唯讀）；Invoke-RdpRepair 先備份再套用修正並加以驗證；Undo-RdpRepair 還原備份。偵測不受 Windows 顯示語言影響。',
    scenariosHeading: '情境',
    fixesLabel: '修正',
    commandsHeading: '命令',
    diagnosis:
      '唯讀。每個情境傳回一個物件（Id、Title、Status、Evidence、Checks、RecommendedFixes）。',
    repair:
      '需要提高權限。備份到 $env:ProgramData\\RdpRescue\\backup\\<時間戳記>，依序套用修正、加以驗證，並回報需要的重新啟動。',
    undo: '逐項還原 Invoke-RdpRepair 或修正命令所寫入的備份：無法還原的項目會連同原因一併回報，結果為 Failed。若備份資料夾的擁有者或可變更者不只 SYSTEM 或 Administrators，會拒絕使用；任何不是 RdpRescue 修正會備份的項目也會被拒絕。',
    optInLabel: '選擇性：僅在使用 -Fix 時',
    securityLabel: '安全性',
    textReportHeading: '文字報告（Invoke-RdpDiagnosis -AsText）',
    textReport:
      'DETECTED 列出觸發的檢查（主要檢查優先），CLEAR 顯示 "-"，或在情境不適用時顯示 "n/a:<檢查>"，UNKNOWN 列出無法執行的檢查，每個後面加上 "?"。',
    jsonHeading: 'JSON 報告（Invoke-RdpDiagnosis -AsJson）',
    runCommandHeading: 'AZURE RUN COMMAND',
    runCommand:
      'runcommand\\Invoke-RdpRescue.ps1 包含整個模組。不帶參數時會列印文字報告；最後一行是 [STATUS]::SUCCESS 或 [STATUS]::ERROR。',
  },
};
