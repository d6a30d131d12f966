import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

/**
 * Parse gate and PowerShell-7-only lint for generated PowerShell, shared by every test that
 * emits .ps1/.psm1/.psd1 text. Windows PowerShell 5.1 is the target; there is no pwsh here, so
 * a real grammar (tree-sitter-powershell) stands in for the parser.
 *
 *   const problems = await powershellProblems(text);   // [] when the text is clean
 *
 * The grammar accepts `&&`/`||` (as pipeline_chain_tail nodes), so those are reported
 * explicitly; ternary, `??` and `?.` already produce ERROR nodes. The remaining 7-only forms
 * are found on the syntax tree (commands, parameters, variables) or on the text.
 */

export interface PowerShellProblem {
  line: number;
  column: number;
  rule: string;
  message: string;
}

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | undefined;

async function parser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const wasm = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
    const language = await Language.load(wasm);
    return new Parser().setLanguage(language);
  })();
  return parserPromise;
}

export async function parsePowerShell(source: string): Promise<Tree> {
  const tree = (await parser()).parse(stripBom(source));
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Commands and parameters that exist only in PowerShell 6/7. */
const PS7_COMMANDS = new Set(
  ['Get-Error', 'Join-String', 'Test-Json', 'ConvertFrom-Markdown', 'Get-Uptime'].map((c) =>
    c.toLowerCase(),
  ),
);
const PS7_PARAMETERS: Record<string, string[]> = {
  'foreach-object': ['-parallel', '-throttlelimit'],
  'convertfrom-json': ['-ashashtable', '-depth', '-noenumerate'],
  'convertto-json': ['-escapehandling', '-asarray'],
  'get-content': ['-asbytestream'],
  'set-content': ['-asbytestream'],
  'invoke-webrequest': ['-skipcertificatecheck'],
  'invoke-restmethod': ['-skipcertificatecheck'],
  'select-object': ['-skipindex'],
};
const PS7_VARIABLES = new Set(['$iswindows', '$islinux', '$ismacos', '$iscoreclr', '$psstyle']);
/** Encodings 5.1 does not know by these names. */
const PS7_ENCODINGS = /-Encoding\s+['"]?(utf8NoBOM|utf8BOM)\b/i;

function at(node: Node, rule: string, message: string): PowerShellProblem {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1, rule, message };
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children) if (child) walk(child, visit);
}

/** Node types the lint looks at; everything else is skipped without building a Node object. */
const INTERESTING = new Set(['ERROR', 'pipeline_chain_tail', 'command', 'variable']);

/** Every problem that would stop the text from loading (or behaving) on Windows PowerShell 5.1. */
export async function powershellProblems(source: string): Promise<PowerShellProblem[]> {
  const tree = await parsePowerShell(source);
  const problems: PowerShellProblem[] = [];
  const cursor = tree.walk();
  // Depth-first over a cursor: far cheaper than materializing every node of a large module.
  for (let more = true; more;) {
    if (cursor.nodeIsMissing)
      problems.push(at(cursor.currentNode, 'syntax', `missing ${cursor.nodeType}`));
    else if (INTERESTING.has(cursor.nodeType)) visit(cursor.currentNode, problems);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        more = false;
        break;
      }
    }
  }
  cursor.delete();
  tree.delete();
  problems.push(...lintText(stripBom(source)));
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function visit(node: Node, problems: PowerShellProblem[]): void {
  if (node.type === 'ERROR')
    problems.push(at(node, 'syntax', `syntax error near '${snippet(node)}'`));
  else if (node.type === 'pipeline_chain_tail')
    problems.push(at(node, 'ps7-chain', `'&&'/'||' pipeline chains are PowerShell 7 only`));
  else if (node.type === 'command') lintCommand(node, problems);
  else if (PS7_VARIABLES.has(node.text.toLowerCase()))
    problems.push(at(node, 'ps7-variable', `${node.text} does not exist in 5.1`));
}

function snippet(node: Node): string {
  return node.text.slice(0, 40).replace(/\s+/g, ' ');
}

function lintCommand(node: Node, problems: PowerShellProblem[]): void {
  const nameNode = node.childForFieldName('command_name') ?? node.namedChildren[0];
  const name = nameNode?.text.toLowerCase() ?? '';
  if (name === 'write-host')
    problems.push(at(node, 'write-host', 'Write-Host is not allowed (use Write-Output/Verbose)'));
  if (PS7_COMMANDS.has(name))
    problems.push(at(node, 'ps7-command', `${name} is PowerShell 7 only`));
  const banned = PS7_PARAMETERS[name];
  if (!banned) return;
  walk(node, (n) => {
    if (n.type === 'command_parameter' && banned.includes(n.text.toLowerCase().replace(/:$/, '')))
      problems.push(at(n, 'ps7-parameter', `${name} ${n.text} is PowerShell 6+ only`));
  });
}

/** Forms easier to see in the text: escapes and line layout. */
function lintText(text: string): PowerShellProblem[] {
  const problems: PowerShellProblem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const problem = (rule: string, message: string) =>
      problems.push({ line: i + 1, column: 1, rule, message });
    if (/^\s*\|/.test(line)) problem('ps7-leading-pipe', 'a line may not start with | in 5.1');
    if (/`e|`u\{/.test(line)) problem('ps7-escape', '`e and `u{} escapes are PowerShell 6+ only');
    if (line.includes('\u001b')) problem('ansi', 'ANSI escape character in the text');
    if (PS7_ENCODINGS.test(line)) problem('ps7-encoding', 'utf8NoBOM/utf8BOM are 6+ encodings');
  });
  return problems;
}
