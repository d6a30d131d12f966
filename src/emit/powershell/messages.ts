import type { LocalizedText } from '../../model/index.ts';

/**
 * The module's own messages (not catalog text), one entry per key in every culture. {0}, {1}
 * are PowerShell -f placeholders. They become <culture>/RdpRescue.strings.psd1.
 */
export const MESSAGES: Record<string, LocalizedText> = {
  NotElevated: {
    'en-US': 'This command changes the machine: run it in an elevated session (as Administrator).',
    'sv-SE': 'Kommandot ändrar datorn: kör det i en upphöjd session (som administratör).',
    'nl-NL':
      'Deze opdracht wijzigt de machine: voer hem uit in een sessie met verhoogde bevoegdheden (als administrator).',
    'zh-TW': '此命令會變更電腦：請在提高權限的工作階段（以系統管理員身分）中執行。',
  },
  FixNotInScenario: {
    'en-US': "Fix '{0}' is not a fix of scenario '{1}'. Its fixes are: {2}",
    'sv-SE': "Korrigeringen '{0}' hör inte till scenariot '{1}'. Dess korrigeringar är: {2}",
    'nl-NL': "Oplossing '{0}' hoort niet bij scenario '{1}'. De oplossingen zijn: {2}",
    'zh-TW': "修正 '{0}' 不屬於情境 '{1}'。其修正為：{2}",
  },
  MissingParameter: {
    'en-US': "Fix '{0}' needs -{1}.",
    'sv-SE': "Korrigeringen '{0}' behöver -{1}.",
    'nl-NL': "Oplossing '{0}' heeft -{1} nodig.",
    'zh-TW': "修正 '{0}' 需要 -{1}。",
  },
  FixAlreadyClear: {
    'en-US': "Skipped '{0}': the checks it repairs are already clear ({1}).",
    'sv-SE': "Hoppade över '{0}': kontrollerna som den åtgärdar är redan utan anmärkning ({1}).",
    'nl-NL': "'{0}' overgeslagen: de controles die hij herstelt, zijn al in orde ({1}).",
    'zh-TW': "已略過 '{0}'：其修復的檢查已無問題（{1}）。",
  },
  PolicyWins: {
    'en-US':
      "Skipped '{0}': Group Policy sets {1}, which wins over the local value the fix would write. Nothing was changed; change the policy instead (gpresult /h names the GPO).",
    'sv-SE':
      "Hoppade över '{0}': en grupprincip anger {1}, som går före det lokala värde som åtgärden skulle skriva. Ingenting ändrades; ändra principen i stället (gpresult /h visar vilket grupprincipobjekt).",
    'nl-NL':
      "'{0}' overgeslagen: een groepsbeleid stelt {1} in, dat voorgaat op de lokale waarde die de oplossing zou schrijven. Er is niets gewijzigd; wijzig in plaats daarvan het beleid (gpresult /h toont welk groepsbeleidsobject).",
    'zh-TW':
      "已略過 '{0}'：群組原則設定了 {1}，其優先於此修正要寫入的本機值。未做任何變更；請改為變更該原則（gpresult /h 會列出對應的 GPO）。",
  },
  NoFixes: {
    'en-US': "Scenario '{0}' has no automatic fix; see the manual steps in about_RdpRescue.",
    'sv-SE':
      "Scenariot '{0}' har ingen automatisk korrigering; se de manuella stegen i about_RdpRescue.",
    'nl-NL':
      "Scenario '{0}' heeft geen automatische oplossing; zie de handmatige stappen in about_RdpRescue.",
    'zh-TW': "情境 '{0}' 沒有自動修正；請參閱 about_RdpRescue 中的手動步驟。",
  },
  BackupWritten: {
    'en-US': 'Backup written to {0}. Undo with: Undo-RdpRepair -BackupPath "{0}"',
    'sv-SE': 'Säkerhetskopian skrevs till {0}. Ångra med: Undo-RdpRepair -BackupPath "{0}"',
    'nl-NL': 'Back-up geschreven naar {0}. Ongedaan maken met: Undo-RdpRepair -BackupPath "{0}"',
    'zh-TW': '已將備份寫入 {0}。復原方式：Undo-RdpRepair -BackupPath "{0}"',
  },
  FixFailed: {
    'en-US': "Fix '{0}' failed: {1}. Nothing after it was applied. Backup: {2}",
    'sv-SE':
      "Korrigeringen '{0}' misslyckades: {1}. Inget efter den tillämpades. Säkerhetskopia: {2}",
    'nl-NL': "Oplossing '{0}' is mislukt: {1}. Niets daarna is toegepast. Back-up: {2}",
    'zh-TW': "修正 '{0}' 失敗：{1}。之後的項目都未套用。備份：{2}",
  },
  BackupFailed: {
    'en-US': 'The backup before fix(es) {0} failed: {1}. Nothing was changed.',
    'sv-SE': 'Säkerhetskopieringen före korrigeringarna {0} misslyckades: {1}. Inget ändrades.',
    'nl-NL': 'De back-up vóór oplossing(en) {0} is mislukt: {1}. Er is niets gewijzigd.',
    'zh-TW': '套用修正 {0} 之前的備份失敗：{1}。未變更任何項目。',
  },
  ServiceNotReached: {
    'en-US': "Service '{0}' is {1}, not {2}, after {3} s; RdpRescue stopped waiting for it",
    'sv-SE': "Tjänsten '{0}' är {1}, inte {2}, efter {3} s; RdpRescue slutade vänta på den",
    'nl-NL': "Service '{0}' is {1}, niet {2}, na {3} s; RdpRescue wacht er niet langer op",
    'zh-TW': "服務 '{0}' 在 {3} 秒後為 {1}，而非 {2}；RdpRescue 已停止等候",
  },
  NotVerified: {
    'en-US': "Fix '{0}' ran, but these checks still fire: {1}.",
    'sv-SE': "Korrigeringen '{0}' kördes, men dessa kontroller slår fortfarande till: {1}.",
    'nl-NL': "Oplossing '{0}' is uitgevoerd, maar deze controles slaan nog steeds aan: {1}.",
    'zh-TW': "已執行修正 '{0}'，但下列檢查仍然觸發：{1}。",
  },
  NotReadBack: {
    'en-US': "Fix '{0}' ran, but these values do not read back as written: {1}.",
    'sv-SE': "Korrigeringen '{0}' kördes, men dessa värden läses inte tillbaka som de skrevs: {1}.",
    'nl-NL':
      "Oplossing '{0}' is uitgevoerd, maar deze waarden worden niet teruggelezen zoals ze zijn geschreven: {1}.",
    'zh-TW': "已執行修正 '{0}'，但下列值讀回的結果與寫入的不同：{1}。",
  },
  UndoThroughRunCommand: {
    'en-US': 'Through Azure Run Command: {0}',
    'sv-SE': 'Via Azure Run Command: {0}',
    'nl-NL': 'Via Azure Run Command: {0}',
    'zh-TW': '透過 Azure 執行命令：{0}',
  },
  NoBackup: {
    'en-US': 'No RdpRescue backup in {0}: nothing to undo.',
    'sv-SE': 'Ingen säkerhetskopia från RdpRescue i {0}: inget att ångra.',
    'nl-NL': 'Geen RdpRescue-back-up in {0}: er is niets ongedaan te maken.',
    'zh-TW': '{0} 中沒有 RdpRescue 備份：沒有可復原的項目。',
  },
  PartiallyApplied: {
    'en-US': "Fix '{0}' was applied only in part: {1} item(s) were not changed: {2}",
    'sv-SE': "Korrigeringen '{0}' tillämpades bara delvis: {1} objekt ändrades inte: {2}",
    'nl-NL': "Oplossing '{0}' is maar gedeeltelijk toegepast: {1} item(s) zijn niet gewijzigd: {2}",
    'zh-TW': "修正 '{0}' 僅部分套用：有 {1} 個項目未變更：{2}",
  },
  GrantNotReadBack: {
    'en-US': 'after icacls the permissions do not include {0}',
    'sv-SE': 'efter icacls saknar behörigheterna {0}',
    'nl-NL': 'na icacls ontbreekt {0} in de machtigingen',
    'zh-TW': '執行 icacls 後，權限中仍沒有 {0}',
  },
  KeyFileNotFound: {
    'en-US': 'its private key file is in neither machine key folder',
    'sv-SE': 'dess privata nyckelfil finns inte i någon av datorns nyckelmappar',
    'nl-NL':
      'het bestand met de persoonlijke sleutel staat in geen van beide sleutelmappen van de machine',
    'zh-TW': '其私密金鑰檔案不在任何一個電腦金鑰資料夾中',
  },
  BackupEntryUnreadable: {
    'en-US':
      'The permissions of {0} could not be read for the backup ({1}); Undo-RdpRepair cannot restore them.',
    'sv-SE':
      'Behörigheterna för {0} kunde inte läsas till säkerhetskopian ({1}); Undo-RdpRepair kan inte återställa dem.',
    'nl-NL':
      'De machtigingen van {0} konden niet worden gelezen voor de back-up ({1}); Undo-RdpRepair kan ze niet terugzetten.',
    'zh-TW': '無法讀取 {0} 的權限以進行備份（{1}）；Undo-RdpRepair 無法還原這些權限。',
  },
  RebootRequired: {
    'en-US': 'Restart the computer to complete the repair.',
    'sv-SE': 'Starta om datorn för att slutföra reparationen.',
    'nl-NL': 'Start de computer opnieuw op om het herstel te voltooien.',
    'zh-TW': '請重新啟動電腦以完成修復。',
  },
  WeakensSecurity: {
    'en-US': 'SECURITY: {0} To restore: {1}',
    'sv-SE': 'SÄKERHET: {0} Så återställer du: {1}',
    'nl-NL': 'BEVEILIGING: {0} Herstellen: {1}',
    'zh-TW': '安全性：{0} 還原方式：{1}',
  },
  PortOwnerNotService: {
    'en-US':
      'Process {0} holds port {1} and is not a service. RdpRescue never kills a process: stop that program yourself, or move RDP with Set-RdpPort.',
    'sv-SE':
      'Processen {0} använder port {1} och är inte en tjänst. RdpRescue avslutar aldrig en process: stoppa programmet själv eller flytta RDP med Set-RdpPort.',
    'nl-NL':
      'Proces {0} bezet poort {1} en is geen service. RdpRescue beëindigt nooit een proces: stop dat programma zelf of verplaats RDP met Set-RdpPort.',
    'zh-TW':
      '處理程序 {0} 佔用連接埠 {1}，而且不是服務。RdpRescue 絕不終止處理程序：請自行停止該程式，或使用 Set-RdpPort 移動 RDP。',
  },
  ServiceNotInstalled: {
    'en-US': "Service '{0}' is not installed: there is no configuration to set back.",
    'sv-SE': "Tjänsten '{0}' är inte installerad: det finns ingen konfiguration att återställa.",
    'nl-NL': "Service '{0}' is niet geïnstalleerd: er is geen configuratie om terug te zetten.",
    'zh-TW': "服務 '{0}' 未安裝：沒有可還原的設定。",
  },
  ServiceAccountNeedsPassword: {
    'en-US':
      "Service '{0}' logs on as '{1}' again from the next boot (ObjectName). RdpRescue never saw that account's password: if the service does not start, give it again with sc config {0} obj= <account> password= <password>.",
    'sv-SE':
      "Tjänsten '{0}' loggar in som '{1}' igen från nästa start (ObjectName). RdpRescue har aldrig sett kontots lösenord: om tjänsten inte startar anger du det igen med sc config {0} obj= <konto> password= <lösenord>.",
    'nl-NL':
      "Service '{0}' meldt zich vanaf de volgende opstart weer aan als '{1}' (ObjectName). RdpRescue heeft het wachtwoord van dat account nooit gezien: als de service niet start, geef het dan opnieuw op met sc config {0} obj= <account> password= <wachtwoord>.",
    'zh-TW':
      "服務 '{0}' 從下次開機起會再次以 '{1}' 登入（ObjectName）。RdpRescue 從未取得該帳戶的密碼：若服務無法啟動，請使用 sc config {0} obj= <帳戶> password= <密碼> 重新提供密碼。",
  },
  PortOwnerShared: {
    'en-US':
      'Process {0} holding port {1} hosts several services ({2}); stopping one would not free the port safely.',
    'sv-SE':
      'Processen {0} som använder port {1} är värd för flera tjänster ({2}); att stoppa en av dem frigör inte porten på ett säkert sätt.',
    'nl-NL':
      'Proces {0} dat poort {1} bezet, host meerdere services ({2}); één ervan stoppen maakt de poort niet veilig vrij.',
    'zh-TW':
      '佔用連接埠 {1} 的處理程序 {0} 裝載多個服務（{2}）；停止其中一個無法安全地釋放連接埠。',
  },
  PortOwnerStopped: {
    'en-US':
      "Stopped service '{0}' that held port {1}. It may take the port again at the next boot: change its configuration or its start type.",
    'sv-SE':
      "Stoppade tjänsten '{0}' som använde port {1}. Den kan ta porten igen vid nästa start: ändra dess konfiguration eller starttyp.",
    'nl-NL':
      "Service '{0}' die poort {1} bezette, is gestopt. Hij kan de poort bij de volgende opstart weer nemen: wijzig de configuratie of het opstarttype.",
    'zh-TW':
      "已停止佔用連接埠 {1} 的服務 '{0}'。下次開機時它可能再次佔用該連接埠：請變更其設定或啟動類型。",
  },
  ThumbprintNotUsable: {
    'en-US': 'No present, unexpired certificate with thumbprint {0} is in Cert:\\LocalMachine\\My.',
    'sv-SE':
      'Det finns inget befintligt certifikat som inte har gått ut med tumavtrycket {0} i Cert:\\LocalMachine\\My.',
    'nl-NL':
      'Er staat geen aanwezig, niet-verlopen certificaat met vingerafdruk {0} in Cert:\\LocalMachine\\My.',
    'zh-TW': 'Cert:\\LocalMachine\\My 中沒有指紋為 {0} 且未過期的憑證。',
  },
  CertificateNotForServer: {
    'en-US':
      'Certificate {0} is not for server authentication (Enhanced Key Usage: {1}). RDP needs one of {2}, or no Enhanced Key Usage extension.',
    'sv-SE':
      'Certifikatet {0} är inte avsett för serverautentisering (förbättrad nyckelanvändning: {1}). RDP behöver något av {2}, eller inget tillägg för förbättrad nyckelanvändning.',
    'nl-NL':
      'Certificaat {0} is niet bedoeld voor serververificatie (uitgebreid sleutelgebruik: {1}). RDP heeft een van {2} nodig, of geen extensie voor uitgebreid sleutelgebruik.',
    'zh-TW':
      '憑證 {0} 不是用於伺服器驗證（增強金鑰使用方法：{1}）。RDP 需要 {2} 其中之一，或不含增強金鑰使用方法延伸。',
  },
  CertificateKeyUnusable: {
    'en-US':
      'Certificate {0} has no private key, or its private key does not open (missing, damaged or unreadable); RDP cannot use it.',
    'sv-SE':
      'Certifikatet {0} har ingen privat nyckel, eller så går den privata nyckeln inte att öppna (saknas, är skadad eller oläslig); RDP kan inte använda det.',
    'nl-NL':
      'Certificaat {0} heeft geen persoonlijke sleutel, of de persoonlijke sleutel kan niet worden geopend (ontbreekt, beschadigd of onleesbaar); RDP kan het niet gebruiken.',
    'zh-TW':
      '憑證 {0} 沒有私密金鑰，或其私密金鑰無法開啟（遺失、損毀或無法讀取）；RDP 無法使用它。',
  },
  PortInUse: {
    'en-US': 'Port {0} is already used by process {1}; choose another port.',
    'sv-SE': 'Port {0} används redan av processen {1}; välj en annan port.',
    'nl-NL': 'Poort {0} wordt al gebruikt door proces {1}; kies een andere poort.',
    'zh-TW': '連接埠 {0} 已被處理程序 {1} 使用；請選擇其他連接埠。',
  },
  FirewallRuleMissing: {
    'en-US': "Firewall rule '{0}' does not exist; it was not changed.",
    'sv-SE': "Brandväggsregeln '{0}' finns inte; den ändrades inte.",
    'nl-NL': "Firewallregel '{0}' bestaat niet; deze is niet gewijzigd.",
    'zh-TW': "防火牆規則 '{0}' 不存在；未變更。",
  },
  BackupNotFound: {
    'en-US': 'No RdpRescue backup manifest (backup.json) in {0}.',
    'sv-SE': 'Inget säkerhetskopieringsmanifest från RdpRescue (backup.json) i {0}.',
    'nl-NL': 'Geen RdpRescue-back-upmanifest (backup.json) in {0}.',
    'zh-TW': '{0} 中沒有 RdpRescue 備份資訊清單（backup.json）。',
  },
  Restored: {
    'en-US': 'Restored {0} item(s) from {1}.',
    'sv-SE': 'Återställde {0} objekt från {1}.',
    'nl-NL': '{0} item(s) teruggezet uit {1}.',
    'zh-TW': '已從 {1} 還原 {0} 個項目。',
  },
  ShouldProcessFix: {
    'en-US': 'Apply fix: {0}',
    'sv-SE': 'Tillämpa korrigering: {0}',
    'nl-NL': 'Oplossing toepassen: {0}',
    'zh-TW': '套用修正：{0}',
  },
  ShouldProcessUndo: {
    'en-US': 'Restore the state saved in this backup',
    'sv-SE': 'Återställ tillståndet som sparades i säkerhetskopian',
    'nl-NL': 'De in deze back-up opgeslagen toestand terugzetten',
    'zh-TW': '還原此備份中儲存的狀態',
  },
  NotFileSystemPath: {
    'en-US': '{0} is not a file system path.',
    'sv-SE': '{0} är inte en sökväg i filsystemet.',
    'nl-NL': '{0} is geen pad in het bestandssysteem.',
    'zh-TW': '{0} 不是檔案系統路徑。',
  },
  BackupOwnerUntrusted: {
    'en-US':
      '{0} is owned by {1}, not by SYSTEM or Administrators: RdpRescue does not trust it. Remove it, or give it to Administrators with permissions for SYSTEM and Administrators only.',
    'sv-SE':
      '{0} ägs av {1}, inte av SYSTEM eller Administratörer: RdpRescue litar inte på den. Ta bort den, eller ge den till Administratörer med behörigheter endast för SYSTEM och Administratörer.',
    'nl-NL':
      '{0} is eigendom van {1}, niet van SYSTEM of Administrators: RdpRescue vertrouwt het niet. Verwijder het, of geef het aan Administrators met machtigingen voor alleen SYSTEM en Administrators.',
    'zh-TW':
      '{0} 的擁有者是 {1}，而不是 SYSTEM 或 Administrators：RdpRescue 不信任它。請將其移除，或將擁有者改為 Administrators，並只授與 SYSTEM 和 Administrators 權限。',
  },
  BackupWritableByOthers: {
    'en-US':
      '{0} can be changed by {1}, not only by SYSTEM and Administrators: RdpRescue does not trust it. Remove those permissions or the folder.',
    'sv-SE':
      '{0} kan ändras av {1}, inte bara av SYSTEM och Administratörer: RdpRescue litar inte på den. Ta bort de behörigheterna eller mappen.',
    'nl-NL':
      '{0} kan worden gewijzigd door {1}, niet alleen door SYSTEM en Administrators: RdpRescue vertrouwt het niet. Verwijder die machtigingen of de map.',
    'zh-TW':
      '{0} 可由 {1} 變更，而不只限於 SYSTEM 和 Administrators：RdpRescue 不信任它。請移除這些權限或該資料夾。',
  },
  BackupManifestInvalid: {
    'en-US': "{0} is not an RdpRescue backup manifest (schema '{1}').",
    'sv-SE': "{0} är inte ett säkerhetskopieringsmanifest från RdpRescue (schema '{1}').",
    'nl-NL': "{0} is geen RdpRescue-back-upmanifest (schema '{1}').",
    'zh-TW': "{0} 不是 RdpRescue 備份資訊清單（結構描述 '{1}'）。",
  },
  BackupEntryRefused: {
    'en-US': "refused: not something fix '{0}' of RdpRescue backs up",
    'sv-SE': "nekad: inget som korrigeringen '{0}' i RdpRescue säkerhetskopierar",
    'nl-NL': "geweigerd: niets waarvan oplossing '{0}' van RdpRescue een back-up maakt",
    'zh-TW': "已拒絕：這不是 RdpRescue 修正 '{0}' 會備份的項目",
  },
  ServiceRestartRefused: {
    'en-US': 'refused: no fix of this backup restarts this service',
    'sv-SE': 'nekad: ingen korrigering i den här säkerhetskopian startar om tjänsten',
    'nl-NL': 'geweigerd: geen oplossing in deze back-up start deze service opnieuw',
    'zh-TW': '已拒絕：此備份中沒有任何修正會重新啟動此服務',
  },
  UndoItemFailed: {
    'en-US': 'Not restored: {0} {1}: {2}',
    'sv-SE': 'Inte återställt: {0} {1}: {2}',
    'nl-NL': 'Niet teruggezet: {0} {1}: {2}',
    'zh-TW': '未還原：{0} {1}：{2}',
  },
  UndoIncomplete: {
    'en-US': 'Undo from {0} is incomplete: {1} item(s) restored, {2} not: {3}',
    'sv-SE': 'Ångringen från {0} är ofullständig: {1} objekt återställda, {2} inte: {3}',
    'nl-NL': 'Ongedaan maken vanuit {0} is onvolledig: {1} item(s) teruggezet, {2} niet: {3}',
    'zh-TW': '從 {0} 復原並未完成：已還原 {1} 個項目，{2} 個未還原：{3}',
  },
  RegistryKindUnsupported: {
    'en-US':
      'Cannot back up {0}: a value of kind {1} cannot be restored exactly, so nothing was changed.',
    'sv-SE':
      'Det går inte att säkerhetskopiera {0}: ett värde av typen {1} kan inte återställas exakt, så inget ändrades.',
    'nl-NL':
      'Kan geen back-up maken van {0}: een waarde van het type {1} kan niet exact worden teruggezet, dus er is niets gewijzigd.',
    'zh-TW': '無法備份 {0}：類型為 {1} 的值無法完全還原，因此未變更任何項目。',
  },
  EventsCapped: {
    'en-US':
      "{1} holds more than {0} events with this check's ids; the older ones were not read, so the check is not verified",
    'sv-SE':
      '{1} innehåller fler än {0} händelser med kontrollens ID:n; de äldre lästes inte, så kontrollen är inte verifierad',
    'nl-NL':
      "{1} bevat meer dan {0} gebeurtenissen met de id's van deze controle; de oudere zijn niet gelezen, dus de controle is niet geverifieerd",
    'zh-TW': '{1} 中具有此檢查事件識別碼的事件超過 {0} 個；較舊的事件未讀取，因此無法驗證此檢查',
  },
  AuditOff: {
    'en-US':
      'Audit subcategory {0} does not audit {1}: Windows writes none of these events, so finding none proves nothing. Turn it on: auditpol /set /subcategory:{0} /{1}:enable',
    'sv-SE':
      'Granskning ({1}) av granskningsunderkategorin {0} är avstängd, så Windows skriver inga sådana händelser och att inga hittas bevisar ingenting. Slå på den: auditpol /set /subcategory:{0} /{1}:enable',
    'nl-NL':
      'Controle ({1}) van controlesubcategorie {0} staat uit, dus Windows schrijft geen van deze gebeurtenissen en dat er geen zijn gevonden bewijst niets. Zet deze aan: auditpol /set /subcategory:{0} /{1}:enable',
    'zh-TW':
      '稽核子類別 {0} 的稽核（{1}）已關閉，因此 Windows 不會寫入這些事件，找不到事件也不代表沒有問題。請開啟：auditpol /set /subcategory:{0} /{1}:enable',
  },
  AuditUnreadable: {
    'en-US':
      'The audit policy of subcategory {0} could not be read ({1}), so finding none of these events proves nothing',
    'sv-SE':
      'Granskningsprincipen för underkategorin {0} kunde inte läsas ({1}), så att inga sådana händelser hittas bevisar ingenting',
    'nl-NL':
      'Het controlebeleid van subcategorie {0} kon niet worden gelezen ({1}), dus dat geen van deze gebeurtenissen is gevonden bewijst niets',
    'zh-TW': '無法讀取子類別 {0} 的稽核原則（{1}），因此找不到這些事件也不代表沒有問題',
  },
  EventChecksNotVerified: {
    'en-US': 'Event checks ({0}) describe the past and are not used to verify a fix.',
    'sv-SE':
      'Händelsekontroller ({0}) beskriver det förflutna och används inte för att verifiera en korrigering.',
    'nl-NL':
      'Gebeurteniscontroles ({0}) beschrijven het verleden en worden niet gebruikt om een oplossing te controleren.',
    'zh-TW': '事件檢查（{0}）描述的是過去的狀況，不會用來驗證修正。',
  },
  InvalidSince: {
    'en-US': '-Since must be a positive TimeSpan or a number of hours, not "{0}".',
    'sv-SE': '-Since måste vara ett positivt TimeSpan-värde eller ett antal timmar, inte "{0}".',
    'nl-NL': '-Since moet een positieve TimeSpan of een aantal uren zijn, niet "{0}".',
    'zh-TW': '-Since 必須是正的 TimeSpan 或時數，而不是 "{0}"。',
  },
  BootStoreUnreadable: {
    'en-US':
      'The boot store does not name its default entry at {0}; the boot entry cannot be read.',
    'sv-SE': 'Startarkivet anger ingen standardpost i {0}; startposten kan inte läsas.',
    'nl-NL':
      'Het opstartarchief noemt geen standaardvermelding in {0}; de opstartvermelding kan niet worden gelezen.',
    'zh-TW': '開機存放區在 {0} 中未指出預設項目；無法讀取開機項目。',
  },
  BootElementUnsaved: {
    'en-US':
      'The boot element {0} holds {1}, which bcdedit /set cannot write back; nothing was changed.',
    'sv-SE':
      'Startelementet {0} innehåller {1}, som bcdedit /set inte kan skriva tillbaka; inget ändrades.',
    'nl-NL':
      'Het opstartelement {0} bevat {1}, dat bcdedit /set niet kan terugschrijven; er is niets gewijzigd.',
    'zh-TW': '開機元素 {0} 的值為 {1}，bcdedit /set 無法寫回；未做任何變更。',
  },
};
