import { z } from 'zod';
import { Id, LocalizedText } from './text.ts';

/**
 * What to rule out on the Azure side before repairing anything inside the guest: most VMs
 * that refuse RDP are stopped, blocked by a network security group or just-in-time access,
 * or not booted at all. Runbooks and the page start with these, as Azure CLI commands.
 * Placeholders are written <name>; PLACEHOLDERS says what each one is.
 */
const AzureSideCheck = z
  .object({
    id: Id,
    title: LocalizedText,
    command: z.string().startsWith('az '),
    /** What a healthy answer looks like, and what to do when it is not. */
    reading: LocalizedText,
  })
  .strict();

const AzureSide = z
  .object({
    title: LocalizedText,
    intro: LocalizedText,
    /** The line that points a runbook's reader at these checks. */
    pointer: LocalizedText,
    checks: z.array(AzureSideCheck).min(1),
  })
  .strict();

export type AzureSide = z.infer<typeof AzureSide>;

/** Every placeholder the commands may use. A test keeps the commands to these. */
export const PLACEHOLDERS = ['<rg>', '<vm>', '<private-ip>', '<client-ip>', '<port>'] as const;

export const AZURE_SIDE: AzureSide = AzureSide.parse({
  title: {
    'en-US': 'Before the guest: rule out Azure',
    'sv-SE': 'Före gästen: uteslut Azure-sidan',
    'nl-NL': 'Vóór de gast: sluit de Azure-kant uit',
    'zh-TW': '處理客體作業系統之前：先排除 Azure 端',
  },
  intro: {
    'en-US':
      "Many VMs that refuse RDP are stopped, blocked in the network, or not started at all: no repair inside Windows helps then. Run these from Azure Cloud Shell or any machine with the Azure CLI first. Replace <rg> and <vm> with the resource group and VM name, <private-ip> with the VM's private IP address, <client-ip> with the public address you connect from, and <port> with the RDP port (3389 unless it was changed).",
    'sv-SE':
      'Många virtuella datorer som vägrar RDP är stoppade, blockerade i nätverket eller har inte startat alls: då hjälper ingen reparation inuti Windows. Kör först dessa från Azure Cloud Shell eller en dator med Azure CLI. Ersätt <rg> och <vm> med resursgruppen och namnet på den virtuella datorn, <private-ip> med dess privata IP-adress, <client-ip> med den offentliga adress du ansluter från och <port> med RDP-porten (3389 om den inte har ändrats).',
    'nl-NL':
      "Veel VM's die RDP weigeren zijn gestopt, in het netwerk geblokkeerd of helemaal niet opgestart: dan helpt geen enkele reparatie binnen Windows. Voer deze eerst uit vanuit Azure Cloud Shell of een computer met de Azure CLI. Vervang <rg> en <vm> door de resourcegroep en de naam van de VM, <private-ip> door het privé-IP-adres van de VM, <client-ip> door het openbare adres waarvandaan u verbinding maakt en <port> door de RDP-poort (3389 tenzij die is gewijzigd).",
    'zh-TW':
      '許多拒絕 RDP 的 VM 其實已停止、在網路上被封鎖，或根本沒有開機：此時在 Windows 內做任何修復都沒有用。請先從 Azure Cloud Shell 或任何裝有 Azure CLI 的電腦執行下列命令。將 <rg> 和 <vm> 換成資源群組與 VM 名稱，<private-ip> 換成 VM 的私人 IP 位址，<client-ip> 換成您連線所用的公用位址，<port> 換成 RDP 連接埠（若未變更則為 3389）。',
  },
  pointer: {
    'en-US': 'Rule out the Azure side first:',
    'sv-SE': 'Uteslut Azure-sidan först:',
    'nl-NL': 'Sluit eerst de Azure-kant uit:',
    'zh-TW': '請先排除 Azure 端：',
  },
  checks: [
    {
      id: 'vm-running',
      title: {
        'en-US': 'The VM is running',
        'sv-SE': 'Den virtuella datorn körs',
        'nl-NL': 'De VM is actief',
        'zh-TW': 'VM 正在執行',
      },
      command:
        'az vm show --show-details -g <rg> -n <vm> --query "{power:powerState, privateIps:privateIps, publicIps:publicIps}" -o table',
      reading: {
        'en-US':
          'power must read "VM running"; note the private IP for the next check. Otherwise start it (az vm start -g <rg> -n <vm>) and try again after a few minutes.',
        'sv-SE':
          'power ska vara "VM running"; anteckna den privata IP-adressen till nästa kontroll. Annars starta den (az vm start -g <rg> -n <vm>) och försök igen efter några minuter.',
        'nl-NL':
          'power moet "VM running" zijn; noteer het privé-IP-adres voor de volgende controle. Start de VM anders (az vm start -g <rg> -n <vm>) en probeer het na enkele minuten opnieuw.',
        'zh-TW':
          'power 必須是 "VM running"；請記下私人 IP 以供下一項檢查使用。否則請啟動它（az vm start -g <rg> -n <vm>），幾分鐘後再試一次。',
      },
    },
    {
      id: 'nsg-allows-rdp',
      title: {
        'en-US': 'The network security groups let your address reach the RDP port',
        'sv-SE': 'Nätverkssäkerhetsgrupperna släpper fram din adress till RDP-porten',
        'nl-NL': 'De netwerkbeveiligingsgroepen laten uw adres de RDP-poort bereiken',
        'zh-TW': '網路安全性群組允許您的位址連到 RDP 連接埠',
      },
      command:
        'az network watcher test-ip-flow -g <rg> --vm <vm> --direction Inbound --protocol TCP --local <private-ip>:<port> --remote <client-ip>:50000',
      reading: {
        'en-US':
          "access must be Allow. Deny names the rule that blocks, in the NSG of the network interface or of the subnet: allow TCP <port> from your address there. This check needs Network Watcher in the VM's region.",
        'sv-SE':
          'access ska vara Allow. Deny namnger regeln som blockerar, i nätverksgränssnittets eller undernätets NSG: tillåt TCP <port> från din adress där. Kontrollen kräver Network Watcher i den virtuella datorns region.',
        'nl-NL':
          'access moet Allow zijn. Deny noemt de regel die blokkeert, in de NSG van de netwerkinterface of van het subnet: sta daar TCP <port> vanaf uw adres toe. Deze controle vereist Network Watcher in de regio van de VM.',
        'zh-TW':
          'access 必須是 Allow。Deny 會指出封鎖的規則（位於網路介面或子網路的 NSG 中）：請在該處允許來自您位址的 TCP <port>。此檢查需要 VM 所在區域已啟用 Network Watcher。',
      },
    },
    {
      id: 'jit-access',
      title: {
        'en-US': 'Just-in-time access is not holding the port closed',
        'sv-SE': 'Just-in-time-åtkomst håller inte porten stängd',
        'nl-NL': 'Just-in-time-toegang houdt de poort niet gesloten',
        'zh-TW': 'Just-In-Time 存取沒有讓連接埠保持關閉',
      },
      command: 'az security jit-policy list --query "[].virtualMachines[].id" -o tsv',
      reading: {
        'en-US':
          "If the VM is listed, its RDP port stays closed until someone requests access (the VM's Connect page in the portal, or Microsoft Defender for Cloud); request it for your address, then repeat the previous check.",
        'sv-SE':
          'Om den virtuella datorn finns i listan är dess RDP-port stängd tills någon begär åtkomst (sidan Anslut för den virtuella datorn i portalen, eller Microsoft Defender for Cloud); begär åtkomst för din adress och upprepa sedan föregående kontroll.',
        'nl-NL':
          'Staat de VM in de lijst, dan blijft de RDP-poort gesloten tot iemand toegang aanvraagt (de pagina Verbinding maken van de VM in de portal, of Microsoft Defender for Cloud); vraag toegang aan voor uw adres en herhaal daarna de vorige controle.',
        'zh-TW':
          '若清單中有此 VM，其 RDP 連接埠會保持關閉，直到有人要求存取（入口網站中 VM 的「連線」頁面，或 Microsoft Defender for Cloud）；請為您的位址要求存取，然後重做上一項檢查。',
      },
    },
    {
      id: 'boot-screenshot',
      title: {
        'en-US': 'Windows has started',
        'sv-SE': 'Windows har startat',
        'nl-NL': 'Windows is opgestart',
        'zh-TW': 'Windows 已啟動',
      },
      command:
        'az vm boot-diagnostics get-boot-log-uris -g <rg> -n <vm> --query consoleScreenshotBlobUri -o tsv',
      reading: {
        'en-US':
          "Open the link: the screenshot must show the sign-in screen. A boot error, a blue screen or updates being applied is a boot problem, not an RDP one: follow Azure's boot error guidance first. No link: turn boot diagnostics on (az vm boot-diagnostics enable -g <rg> -n <vm>).",
        'sv-SE':
          'Öppna länken: skärmbilden ska visa inloggningsskärmen. Ett startfel, en blåskärm eller uppdateringar som installeras är ett startproblem, inte ett RDP-problem: följ först Azures vägledning för startfel. Ingen länk: aktivera startdiagnostik (az vm boot-diagnostics enable -g <rg> -n <vm>).',
        'nl-NL':
          'Open de koppeling: de schermafbeelding moet het aanmeldingsscherm tonen. Een opstartfout, een blauw scherm of updates die worden toegepast is een opstartprobleem, geen RDP-probleem: volg eerst de richtlijnen van Azure voor opstartfouten. Geen koppeling: schakel diagnostische gegevens over opstarten in (az vm boot-diagnostics enable -g <rg> -n <vm>).',
        'zh-TW':
          '開啟連結：螢幕擷取畫面應顯示登入畫面。若是開機錯誤、藍色畫面或正在套用更新，這是開機問題而非 RDP 問題：請先依照 Azure 的開機錯誤指引處理。沒有連結：請啟用開機診斷（az vm boot-diagnostics enable -g <rg> -n <vm>）。',
      },
    },
  ],
});
