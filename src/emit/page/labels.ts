import type { LocalizedText } from '../../model/index.ts';

/** The page's own words; everything else on the page comes from the model. {name} = value. */
export const PAGE_LABELS = {
  title: {
    'en-US': 'RdpRescue: Serial Console paste picker',
    'sv-SE': 'RdpRescue: väljare av klistra-in-block för seriekonsolen',
    'nl-NL': 'RdpRescue: plakblokkiezer voor de seriële console',
    'zh-TW': 'RdpRescue：序列主控台貼上區塊選擇器',
  },
  subtitle: {
    'en-US':
      'Find your symptom or event ID, then copy block by block into the Azure Serial Console (CMD channel). Diagnose first.',
    'sv-SE':
      'Hitta ditt symtom eller händelse-ID och kopiera sedan block för block till Azure-seriekonsolen (CMD-kanalen). Diagnostisera först.',
    'nl-NL':
      'Zoek uw symptoom of gebeurtenis-id en kopieer daarna blok voor blok naar de Azure seriële console (CMD-kanaal). Stel eerst een diagnose.',
    'zh-TW': '找出您的徵兆或事件識別碼，再逐一複製區塊到 Azure 序列主控台（CMD 通道）。請先診斷。',
  },
  language: { 'en-US': 'Language', 'sv-SE': 'Språk', 'nl-NL': 'Taal', 'zh-TW': '語言' },
  skip: {
    'en-US': 'Skip to the results',
    'sv-SE': 'Hoppa till resultaten',
    'nl-NL': 'Naar de resultaten',
    'zh-TW': '跳至結果',
  },
  symptom: { 'en-US': 'Symptom', 'sv-SE': 'Symtom', 'nl-NL': 'Symptoom', 'zh-TW': '徵兆' },
  allSymptoms: {
    'en-US': 'All symptoms',
    'sv-SE': 'Alla symtom',
    'nl-NL': 'Alle symptomen',
    'zh-TW': '所有徵兆',
  },
  eventId: {
    'en-US': 'Event ID',
    'sv-SE': 'Händelse-ID',
    'nl-NL': 'Gebeurtenis-id',
    'zh-TW': '事件識別碼',
  },
  eventIdHint: {
    'en-US': 'for example 36871',
    'sv-SE': 'till exempel 36871',
    'nl-NL': 'bijvoorbeeld 36871',
    'zh-TW': '例如 36871',
  },
  matches: {
    'en-US': '{n} of {total} scenarios match.',
    'sv-SE': '{n} av {total} scenarier matchar.',
    'nl-NL': '{n} van {total} scenario’s komen overeen.',
    'zh-TW': '{total} 個案例中有 {n} 個相符。',
  },
  noMatch: {
    'en-US': 'No scenario matches. Clear the filters, or use the diagnosis block to find out.',
    'sv-SE':
      'Inget scenario matchar. Rensa filtren eller använd diagnosblocket för att ta reda på det.',
    'nl-NL':
      'Geen scenario komt overeen. Wis de filters of gebruik het diagnoseblok om het uit te zoeken.',
    'zh-TW': '沒有相符的案例。請清除篩選條件，或使用診斷區塊找出原因。',
  },
  notANumber: {
    'en-US': 'An event ID is a number, for example 36871.',
    'sv-SE': 'Ett händelse-ID är ett tal, till exempel 36871.',
    'nl-NL': 'Een gebeurtenis-id is een getal, bijvoorbeeld 36871.',
    'zh-TW': '事件識別碼是數字，例如 36871。',
  },
  howTo: {
    'en-US':
      'In the Serial Console, type cmd, then ch -si 1, and sign in. Paste one block, wait for the prompt, then paste the next.',
    'sv-SE':
      'Skriv cmd i seriekonsolen, sedan ch -si 1, och logga in. Klistra in ett block, vänta på prompten och klistra sedan in nästa.',
    'nl-NL':
      'Typ in de seriële console cmd, daarna ch -si 1, en meld u aan. Plak één blok, wacht op de prompt en plak dan het volgende.',
    'zh-TW':
      '在序列主控台中輸入 cmd，接著輸入 ch -si 1 並登入。貼上一個區塊，等候提示字元出現後再貼上下一個。',
  },
  diagnose: {
    'en-US': 'Step 1: diagnose (read-only)',
    'sv-SE': 'Steg 1: diagnostisera (endast läsning)',
    'nl-NL': 'Stap 1: diagnose (alleen lezen)',
    'zh-TW': '步驟 1：診斷（唯讀）',
  },
  diagnoseIntro: {
    'en-US':
      'Signed in as an administrator, paste the blocks in order: they carry the diagnosis batch file (cmd/diagnose.cmd) to the VM. Each prints "block k of N OK"; after DAMAGED, paste the same block again. The last one checks the whole file, runs it and removes it. It prints one line per scenario: RDPRESCUE <scenario> DETECTED, CLEAR or UNKNOWN. Repair the DETECTED ones below.',
    'sv-SE':
      'Logga in som administratör och klistra in blocken i ordning: de för över diagnosens batchfil (cmd/diagnose.cmd) till den virtuella datorn. Varje block skriver "block k of N OK"; efter DAMAGED klistrar du in samma block igen. Det sista kontrollerar hela filen, kör den och tar bort den. Den skriver en rad per scenario: RDPRESCUE <scenario> DETECTED, CLEAR eller UNKNOWN. Reparera dem som är DETECTED nedan.',
    'nl-NL':
      'Meld u aan als administrator en plak de blokken in volgorde: ze brengen het batchbestand van de diagnose (cmd/diagnose.cmd) naar de VM. Elk blok drukt "block k of N OK" af; na DAMAGED plakt u hetzelfde blok opnieuw. Het laatste controleert het hele bestand, voert het uit en verwijdert het. Het drukt één regel per scenario af: RDPRESCUE <scenario> DETECTED, CLEAR of UNKNOWN. Herstel hieronder de scenario’s met DETECTED.',
    'zh-TW':
      '以系統管理員身分登入，依序貼上各區塊：它們會把診斷批次檔（cmd/diagnose.cmd）傳送到 VM。每個區塊會輸出「block k of N OK」；若出現 DAMAGED，請重新貼上同一個區塊。最後一個區塊會檢查整個檔案、執行它，然後將它刪除。它會為每個案例輸出一行：RDPRESCUE <案例> DETECTED、CLEAR 或 UNKNOWN。請在下方修復標示為 DETECTED 的案例。',
  },
  repair: {
    'en-US': 'Step 2: repair',
    'sv-SE': 'Steg 2: reparera',
    'nl-NL': 'Stap 2: herstellen',
    'zh-TW': '步驟 2：修復',
  },
  events: {
    'en-US': 'Event IDs',
    'sv-SE': 'Händelse-ID',
    'nl-NL': 'Gebeurtenis-id’s',
    'zh-TW': '事件識別碼',
  },
  fixesInOrder: {
    'en-US': 'Fixes, in order (each backs up first)',
    'sv-SE': 'Åtgärder i ordning (var och en säkerhetskopierar först)',
    'nl-NL': 'Oplossingen op volgorde (elke oplossing maakt eerst een back-up)',
    'zh-TW': '依序套用的修正（每項都會先備份）',
  },
  noFixes: {
    'en-US': 'No automatic fix: follow the manual steps in the runbook.',
    'sv-SE': 'Ingen automatisk åtgärd: följ de manuella stegen i runbooken.',
    'nl-NL': 'Geen automatische oplossing: volg de handmatige stappen in het runbook.',
    'zh-TW': '沒有自動修正：請依照操作手冊中的手動步驟進行。',
  },
  optional: {
    'en-US': 'optional',
    'sv-SE': 'valfri',
    'nl-NL': 'optioneel',
    'zh-TW': '選用',
  },
  module: {
    'en-US': 'PowerShell module',
    'sv-SE': 'PowerShell-modul',
    'nl-NL': 'PowerShell-module',
    'zh-TW': 'PowerShell 模組',
  },
  warning: {
    'en-US': 'Security warning',
    'sv-SE': 'Säkerhetsvarning',
    'nl-NL': 'Beveiligingswaarschuwing',
    'zh-TW': '安全性警告',
  },
  restore: {
    'en-US': 'To restore',
    'sv-SE': 'Så återställer du',
    'nl-NL': 'Herstellen',
    'zh-TW': '還原方式',
  },
  reboot: {
    'en-US': 'reboot needed',
    'sv-SE': 'omstart krävs',
    'nl-NL': 'opnieuw opstarten nodig',
    'zh-TW': '需要重新開機',
  },
  colon: { 'en-US': ': ', 'sv-SE': ': ', 'nl-NL': ': ', 'zh-TW': '：' },
  setFirst: {
    'en-US': 'Needs a value. Before block 1, type in the same channel',
    'sv-SE': 'Behöver ett värde. Skriv detta i samma kanal före block 1',
    'nl-NL': 'Heeft een waarde nodig. Typ vóór blok 1 in hetzelfde kanaal',
    'zh-TW': '需要一個值。貼上區塊 1 之前，請在同一通道中輸入',
  },
  confirmFirst: {
    'en-US':
      'Lowers security: changes nothing until you confirm. Before block 1, type in the same channel',
    'sv-SE':
      'Sänker säkerheten: ändrar ingenting förrän du bekräftar. Skriv detta i samma kanal före block 1',
    'nl-NL':
      'Verlaagt de beveiliging: wijzigt niets totdat u bevestigt. Typ vóór blok 1 in hetzelfde kanaal',
    'zh-TW': '會降低安全性：在您確認之前不會做任何變更。貼上區塊 1 之前，請在同一通道中輸入',
  },
  copy: {
    'en-US': 'Copy block {block} of {of}',
    'sv-SE': 'Kopiera block {block} av {of}',
    'nl-NL': 'Kopieer blok {block} van {of}',
    'zh-TW': '複製區塊 {block}/{of}',
  },
  chars: {
    'en-US': '{n} characters',
    'sv-SE': '{n} tecken',
    'nl-NL': '{n} tekens',
    'zh-TW': '{n} 個字元',
  },
  tooLong: {
    'en-US': 'longer than the 2,048 characters one paste allows',
    'sv-SE': 'längre än de 2 048 tecken som en inklistring tillåter',
    'nl-NL': 'langer dan de 2.048 tekens die één plakactie toestaat',
    'zh-TW': '超過單次貼上允許的 2,048 個字元',
  },
  copied: {
    'en-US': 'Copied',
    'sv-SE': 'Kopierat',
    'nl-NL': 'Gekopieerd',
    'zh-TW': '已複製',
  },
  copiedAnnounce: {
    'en-US': 'Copied {name} ({n} characters).',
    'sv-SE': '{name} har kopierats ({n} tecken).',
    'nl-NL': '{name} is gekopieerd ({n} tekens).',
    'zh-TW': '已複製{name}（{n} 個字元）。',
  },
  blockName: {
    'en-US': 'block {block} of {of}',
    'sv-SE': 'block {block} av {of}',
    'nl-NL': 'blok {block} van {of}',
    'zh-TW': '區塊 {block}/{of}',
  },
  showText: {
    'en-US': 'Show the text',
    'sv-SE': 'Visa texten',
    'nl-NL': 'Tekst tonen',
    'zh-TW': '顯示文字',
  },
  progress: {
    'en-US': '{n} of {total} blocks copied',
    'sv-SE': '{n} av {total} block kopierade',
    'nl-NL': '{n} van {total} blokken gekopieerd',
    'zh-TW': '已複製 {n}/{total} 個區塊',
  },
  clearMarks: {
    'en-US': 'Clear the copied marks',
    'sv-SE': 'Rensa kopieringsmarkeringarna',
    'nl-NL': 'Kopieermarkeringen wissen',
    'zh-TW': '清除已複製標記',
  },
  noBlocks: {
    'en-US': 'No paste blocks were generated for this in this build.',
    'sv-SE': 'Inga klistra-in-block genererades för detta i den här versionen.',
    'nl-NL': 'Hiervoor zijn in deze build geen plakblokken gegenereerd.',
    'zh-TW': '此建置未針對此項目產生貼上區塊。',
  },
  fallbackTitle: {
    'en-US': 'The browser did not allow copying. The text is selected: press Ctrl+C, then Escape.',
    'sv-SE': 'Webbläsaren tillät inte kopiering. Texten är markerad: tryck Ctrl+C och sedan Esc.',
    'nl-NL':
      'De browser stond kopiëren niet toe. De tekst is geselecteerd: druk op Ctrl+C en daarna op Esc.',
    'zh-TW': '瀏覽器不允許複製。文字已選取：請按 Ctrl+C，再按 Esc。',
  },
  close: { 'en-US': 'Close', 'sv-SE': 'Stäng', 'nl-NL': 'Sluiten', 'zh-TW': '關閉' },
  manualSteps: {
    'en-US': 'Manual steps',
    'sv-SE': 'Manuella steg',
    'nl-NL': 'Handmatige stappen',
    'zh-TW': '手動步驟',
  },
  runbook: {
    'en-US': 'Full runbook (evidence, undo, sources)',
    'sv-SE': 'Hela runbooken (belägg, ångra, källor)',
    'nl-NL': 'Volledig runbook (aanwijzingen, ongedaan maken, bronnen)',
    'zh-TW': '完整操作手冊（證據、復原、來源）',
  },
  offline: {
    'en-US': 'No Serial Console? Repair the disk offline from a rescue VM',
    'sv-SE': 'Ingen seriekonsol? Reparera disken offline från en återställnings-VM',
    'nl-NL': 'Geen seriële console? Herstel de schijf offline vanaf een herstel-VM',
    'zh-TW': '沒有序列主控台？請從救援 VM 離線修復磁碟',
  },
  generated: {
    'en-US':
      'Generated by RdpRescue {version}. Works offline: nothing on this page uses the network.',
    'sv-SE':
      'Genererad av RdpRescue {version}. Fungerar offline: inget på sidan använder nätverket.',
    'nl-NL':
      'Gegenereerd door RdpRescue {version}. Werkt offline: niets op deze pagina gebruikt het netwerk.',
    'zh-TW': '由 RdpRescue {version} 產生。可離線使用：此頁面不會使用網路。',
  },
} satisfies Record<string, LocalizedText>;

export const CULTURE_NAMES = {
  'en-US': 'English',
  'sv-SE': 'Svenska',
  'nl-NL': 'Nederlands',
  'zh-TW': '中文（台灣）',
} as const;
