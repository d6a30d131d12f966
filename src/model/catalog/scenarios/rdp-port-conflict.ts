import { defineScenario, type ScenarioInput } from 'rdp-rescue';

export default defineScenario({
  id: 'rdp-port-conflict',
  title: {
    'en-US': 'Another process holds the RDP port, or nothing listens on it',
    'sv-SE': 'En annan process använder RDP-porten, eller så lyssnar ingen på den',
    'nl-NL': 'Een ander proces bezet de RDP-poort, of er luistert niets op',
    'zh-TW': '另一個處理程序佔用 RDP 連接埠，或沒有程式在其上接聽',
  },
  summary: {
    'en-US':
      'Remote Desktop Services must own the listening socket on the configured RDP port. When another program took the port first, or TermService is not listening, connections fail before any credentials are asked for.',
    'sv-SE':
      'Fjärrskrivbordstjänster måste äga den lyssnande socketen på den konfigurerade RDP-porten. Om ett annat program tog porten först, eller om TermService inte lyssnar, misslyckas anslutningarna innan några autentiseringsuppgifter efterfrågas.',
    'nl-NL':
      'Extern bureaublad-services moet eigenaar zijn van de luisterende socket op de ingestelde RDP-poort. Als een ander programma de poort eerder heeft genomen, of TermService niet luistert, mislukken verbindingen voordat er om referenties wordt gevraagd.',
    'zh-TW':
      '遠端桌面服務必須擁有已設定 RDP 連接埠上的接聽通訊端。若其他程式先佔用了該連接埠，或 TermService 沒有在接聽，連線會在要求認證之前就失敗。',
  },
  symptoms: ['no-response', 'internal-error'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'rdp-listener',
        id: 'rdp-listener',
        portKey: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
        portName: 'PortNumber',
        defaultPort: 3389,
        service: 'TermService',
      },
      finding: {
        'en-US': 'The configured RDP port is held by a process other than TermService.',
        'sv-SE': 'Den konfigurerade RDP-porten används av en annan process än TermService.',
        'nl-NL': 'De ingestelde RDP-poort wordt bezet door een ander proces dan TermService.',
        'zh-TW': '已設定的 RDP 連接埠被 TermService 以外的處理程序佔用。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'service-state',
        id: 'termservice-stopped',
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
        'Another application or service was configured to use the RDP port and started before Remote Desktop Services.',
      'sv-SE':
        'Ett annat program eller en annan tjänst har konfigurerats att använda RDP-porten och startade före Fjärrskrivbordstjänster.',
      'nl-NL':
        'Een andere toepassing of service is ingesteld om de RDP-poort te gebruiken en is vóór Extern bureaublad-services gestart.',
      'zh-TW': '另一個應用程式或服務被設定為使用 RDP 連接埠，且比遠端桌面服務先啟動。',
    },
  ],
  fixes: ['stop-port-owner', 'set-rdp-port'],
  manualSteps: [
    {
      id: 'update-nsg',
      text: {
        'en-US':
          'After moving RDP to a new port, allow that port in the network security group of the VM in the Azure portal (or with the Azure CLI), and connect to <ip>:<port>.',
        'sv-SE':
          'När RDP har flyttats till en ny port tillåter du porten i nätverkssäkerhetsgruppen för den virtuella datorn i Azure-portalen (eller med Azure CLI) och ansluter till <ip>:<port>.',
        'nl-NL':
          'Sta na het verplaatsen van RDP naar een nieuwe poort die poort toe in de netwerkbeveiligingsgroep van de VM in Azure Portal (of met de Azure CLI) en maak verbinding met <ip>:<poort>.',
        'zh-TW':
          '將 RDP 移到新的連接埠後，請在 Azure 入口網站（或使用 Azure CLI）於 VM 的網路安全性群組中允許該連接埠，並連線到 <ip>:<port>。',
      },
      commands: [
        {
          shell: 'azure-cli',
          code: 'az network nsg rule update --resource-group <rg> --nsg-name <nsg> --name <rdp-rule> --destination-port-ranges <port>',
        },
      ],
    },
  ],
  sources: [
    {
      article: 'internal-error',
      section: 'Step 1: Check the RDP port',
      correction: 'Reads PortNumber instead of assuming 8080 or 3389 (the seed mixes both).',
    },
  ],
} satisfies ScenarioInput);
