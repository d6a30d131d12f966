import type { ArticleInput } from '../scenario.ts';

const articles: ArticleInput[] = [
  {
    id: 'event-id-troubleshoot',
    title: {
      'en-US': 'Troubleshoot Azure VM RDP connection issues by Event ID',
      'sv-SE': 'Felsöka RDP-anslutningsproblem till virtuella Azure-datorer med händelse-ID',
      'nl-NL': 'RDP-verbindingsproblemen met Azure-VM’s oplossen op basis van gebeurtenis-id',
      'zh-TW': '依事件識別碼疑難排解 Azure VM 的 RDP 連線問題',
    },
    seeds: {
      'en-US': '004_50ea3174cc198584.txt',
      'sv-SE': '000_6eeba4f2b1c28b1e.txt',
      'nl-NL': '001_1e8266a547301b65.txt',
      'zh-TW': '002_21558769133f96df.txt',
    },
    original: 'en-US',
  },
  {
    id: 'internal-error',
    title: {
      'en-US':
        'An internal error occurs when you try to connect to an Azure VM through Remote Desktop',
      'sv-SE':
        'Ett internt fel uppstår när du ansluter till en virtuell Azure-dator via Fjärrskrivbord',
      'nl-NL':
        'Er treedt een interne fout op wanneer u via Extern bureaublad verbinding maakt met een Azure-VM',
      'zh-TW': '透過遠端桌面連線至 Azure VM 時發生內部錯誤',
    },
    seeds: { 'sv-SE': '003_a5ed511b479db266.txt' },
    original: 'sv-SE',
  },
];

export default articles;
