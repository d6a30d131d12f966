import type { Node } from 'web-tree-sitter';
import { parsePowerShell } from '../support/powershell-grammar.ts';

/** Windows PowerShell 5.1's Get-Verb list (PowerShell 6 added Build and Deploy: not here). */
export const APPROVED_VERBS = new Set(
  `Add Clear Close Copy Enter Exit Find Format Get Hide Join Lock Move New Open Optimize Pop Push
  Redo Remove Rename Reset Resize Search Select Set Show Skip Split Step Switch Undo Unlock Watch
  Connect Disconnect Read Receive Send Write Backup Checkpoint Compare Compress Convert ConvertFrom
  ConvertTo Dismount Edit Expand Export Group Import Initialize Limit Merge Mount Out Publish
  Restore Save Sync Unpublish Update Debug Measure Ping Repair Resolve Test Trace Approve Assert
  Complete Confirm Deny Disable Enable Install Invoke Register Request Restart Resume Start Stop
  Submit Suspend Uninstall Unregister Wait Block Grant Protect Revoke Unblock Unprotect Use`
    .split(/\s+/)
    .filter(Boolean),
);

export interface PsFunction {
  name: string;
  /** 1-based line of `function`. */
  line: number;
  text: string;
  /** The comment-based help block (<# ... #>) at the top of the body, if any. */
  help: string | undefined;
  /** Parameter names declared in its param() block. */
  parameters: string[];
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children) if (child) walk(child, visit);
}

/** Top-level functions of a PowerShell source, found on the syntax tree. */
export async function functionsOf(source: string): Promise<PsFunction[]> {
  const tree = await parsePowerShell(source);
  const found: PsFunction[] = [];
  for (const node of tree.rootNode.descendantsOfType('function_statement')) {
    if (!node) continue;
    const name = node.descendantsOfType('function_name')[0]?.text ?? '';
    const help = /^function\s+\S+\s*\{\s*(<#[\s\S]*?#>)/.exec(node.text)?.[1];
    const parameters: string[] = [];
    const paramBlock = node.descendantsOfType('param_block')[0];
    if (paramBlock)
      walk(paramBlock, (n) => {
        if (n.type === 'script_parameter') {
          const v = n.children.find((c) => c?.type === 'variable');
          if (v) parameters.push(v.text.replace(/^\$/, ''));
        }
      });
    found.push({ name, line: node.startPosition.row + 1, text: node.text, help, parameters });
  }
  tree.delete();
  return found;
}

/** Commands invoked anywhere in the source with their 1-based line. */
export async function commandsOf(source: string): Promise<{ name: string; line: number }[]> {
  const tree = await parsePowerShell(source);
  const out = tree.rootNode
    .descendantsOfType('command_name')
    .flatMap((n) => (n ? [{ name: n.text, line: n.startPosition.row + 1 }] : []));
  tree.delete();
  return out;
}
