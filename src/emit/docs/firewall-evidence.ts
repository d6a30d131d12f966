import type { CheckOf, Culture, LocalizedText } from '../../model/index.ts';
import { FIREWALL_GROUP_POLICY, FIREWALL_POLICY, FIREWALL_RULE_STORES } from '../../model/index.ts';
import { code } from './markdown.ts';

/** How the docs describe the firewall check kinds, in every culture. */

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`firewall evidence text needs {${name}}`);
    return values[name]!;
  });

const RULE: LocalizedText = {
  'en-US':
    'The firewall rule named {rule} (its Name, the same in every language) is not `Active=TRUE` in the local store ({local}) nor in the Group Policy store ({policy}).',
  'sv-SE':
    'Brandväggsregeln med namnet {rule} (dess Name, detsamma på alla språk) är inte `Active=TRUE` i det lokala arkivet ({local}) och inte heller i grupprincipens arkiv ({policy}).',
  'nl-NL':
    'De firewallregel met de naam {rule} (de Name, in elke taal gelijk) is niet `Active=TRUE` in de lokale opslag ({local}) en ook niet in de groepsbeleidsopslag ({policy}).',
  'zh-TW':
    '名為 {rule} 的防火牆規則（其 Name，在所有語言中相同）在本機存放區（{local}）與群組原則存放區（{policy}）中都不是 `Active=TRUE`。',
};

const RULE_UNLESS_ALLOWED: LocalizedText = {
  'en-US':
    'It stays quiet when another active inbound TCP allow rule lists the RDP port read from {name} under {key} (default {port}), e.g. a custom rule scoped to admin addresses.',
  'sv-SE':
    'Den förblir tyst när en annan aktiv inkommande TCP-regel som tillåter anger RDP-porten som läses från {name} under {key} (standard {port}), till exempel en egen regel begränsad till administratörsadresser.',
  'nl-NL':
    'Hij blijft stil wanneer een andere actieve binnenkomende TCP-toestaanregel de RDP-poort uit {name} onder {key} (standaard {port}) noemt, bijvoorbeeld een eigen regel die beperkt is tot beheerdersadressen.',
  'zh-TW':
    '若有另一條作用中的輸入 TCP 允許規則列出從 {key} 下的 {name} 讀取的 RDP 連接埠（預設 {port}），例如僅限系統管理員位址的自訂規則，則不會觸發。',
};

const INBOUND_BLOCKED: LocalizedText = {
  'en-US':
    'A firewall profile that is on (`EnableFirewall` not 0) has `DoNotAllowExceptions=1` under {local}\\<profile> or, winning over it, {policy}\\<profile>: it blocks every inbound connection, allow rules included.',
  'sv-SE':
    'En brandväggsprofil som är på (`EnableFirewall` inte 0) har `DoNotAllowExceptions=1` under {local}\\<profil> eller, med företräde, {policy}\\<profil>: den blockerar alla inkommande anslutningar, även tillåtna regler.',
  'nl-NL':
    'Een firewallprofiel dat aan staat (`EnableFirewall` niet 0) heeft `DoNotAllowExceptions=1` onder {local}\\<profiel> of, daar voorgaand, {policy}\\<profiel>: het blokkeert elke binnenkomende verbinding, toegestane regels inbegrepen.',
  'zh-TW':
    '已開啟（`EnableFirewall` 不是 0）的防火牆設定檔在 {local}\\<設定檔> 或優先的 {policy}\\<設定檔> 下有 `DoNotAllowExceptions=1`：它會封鎖所有輸入連線，包括允許規則。',
};

const INBOUND_BLOCKED_BY_POLICY: LocalizedText = {
  'en-US':
    'The Group Policy value {policy}\\<profile> `DoNotAllowExceptions=1` is the one that blocks: a local change is reverted at the next policy refresh.',
  'sv-SE':
    'Grupprincipvärdet {policy}\\<profil> `DoNotAllowExceptions=1` är det som blockerar: en lokal ändring återställs vid nästa principuppdatering.',
  'nl-NL':
    'De groepsbeleidswaarde {policy}\\<profiel> `DoNotAllowExceptions=1` is degene die blokkeert: een lokale wijziging wordt bij de volgende beleidsvernieuwing teruggedraaid.',
  'zh-TW':
    '造成封鎖的是群組原則值 {policy}\\<設定檔> `DoNotAllowExceptions=1`：本機變更會在下次重新整理原則時被還原。',
};

const PORT_BLOCKED: LocalizedText = {
  'en-US':
    'An active inbound TCP block rule lists the RDP port read from {name} under {key} (default {port}) in `LPort`, in either rule store: a block rule wins over every allow rule.',
  'sv-SE':
    'En aktiv inkommande TCP-blockeringsregel anger RDP-porten som läses från {name} under {key} (standard {port}) i `LPort`, i något av regelarkiven: en blockeringsregel vinner över alla tillåtande regler.',
  'nl-NL':
    'Een actieve binnenkomende TCP-blokkeerregel noemt de RDP-poort uit {name} onder {key} (standaard {port}) in `LPort`, in een van beide regelopslagen: een blokkeerregel wint van elke toestaanregel.',
  'zh-TW':
    '在任一規則存放區中，有作用中的輸入 TCP 封鎖規則在 `LPort` 中列出從 {key} 下的 {name} 讀取的 RDP 連接埠（預設 {port}）：封鎖規則優先於所有允許規則。',
};

const PORT_ALLOWED: LocalizedText = {
  'en-US':
    'The RDP port read from {name} under {key} (default {port}) has no active inbound TCP allow rule listing it in `LPort` in either rule store, or an active inbound TCP block rule lists it (a block rule wins). Port ranges and profile scoping are not evaluated.',
  'sv-SE':
    'RDP-porten som läses från {name} under {key} (standard {port}) har ingen aktiv inkommande TCP-regel som tillåter den i `LPort` i något av regelarkiven, eller så anger en aktiv inkommande TCP-blockeringsregel den (en blockeringsregel vinner). Portintervall och profilavgränsning utvärderas inte.',
  'nl-NL':
    'Voor de RDP-poort uit {name} onder {key} (standaard {port}) is er in geen van beide regelopslagen een actieve binnenkomende TCP-toestaanregel met die poort in `LPort`, of een actieve binnenkomende TCP-blokkeerregel noemt hem (een blokkeerregel wint). Poortbereiken en profielbeperkingen worden niet beoordeeld.',
  'zh-TW':
    '從 {key} 下的 {name} 讀取的 RDP 連接埠（預設 {port}）在兩個規則存放區中都沒有在 `LPort` 中列出它的作用中輸入 TCP 允許規則，或有作用中的輸入 TCP 封鎖規則列出它（封鎖規則優先）。不評估連接埠範圍與設定檔範圍。',
};

export const FIREWALL_DESCRIBE = {
  'firewall-rule': (c: CheckOf<'firewall-rule'>, culture: Culture) => [
    fill(RULE[culture], {
      rule: code(c.rule),
      local: code(FIREWALL_RULE_STORES[0]),
      policy: code(FIREWALL_RULE_STORES[1]),
    }),
    ...(c.unlessPortAllowed
      ? [
          fill(RULE_UNLESS_ALLOWED[culture], {
            name: code(c.unlessPortAllowed.portName),
            key: code(c.unlessPortAllowed.portKey),
            port: code(String(c.unlessPortAllowed.defaultPort)),
          }),
        ]
      : []),
  ],
  'firewall-inbound-blocked': (c: CheckOf<'firewall-inbound-blocked'>, culture: Culture) => [
    fill((c.source === 'policy' ? INBOUND_BLOCKED_BY_POLICY : INBOUND_BLOCKED)[culture], {
      local: code(FIREWALL_POLICY),
      policy: code(FIREWALL_GROUP_POLICY),
    }),
  ],
  'firewall-port-allowed': (c: CheckOf<'firewall-port-allowed'>, culture: Culture) => [
    fill((c.firesWhen === 'blocked' ? PORT_BLOCKED : PORT_ALLOWED)[culture], {
      name: code(c.portName),
      key: code(c.portKey),
      port: code(String(c.defaultPort)),
    }),
  ],
};
