import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, type Node } from 'web-tree-sitter';

/** A value of a PowerShell data file (.psd1): strings, numbers, booleans, arrays, hashtables. */
export type PsData = string | number | boolean | null | PsData[] | { [key: string]: PsData };

export class Psd1Error extends Error {
  override name = 'Psd1Error';
}

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | undefined;

function parser(): Promise<Parser> {
  parserPromise ??= (async () => {
    // V8 otherwise keeps optimizing the grammar's WebAssembly in the background after the
    // build is done, holding the process open for seconds (see FIELD-NOTES, tree-sitter).
    setFlagsFromString('--liftoff-only');
    await Parser.init();
    const wasm = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
    return new Parser().setLanguage(await Language.load(wasm));
  })();
  return parserPromise;
}

/**
 * Reads a .psd1 file's top-level hashtable with a real PowerShell grammar. Only the data
 * language is accepted (literals, @(), @{}); anything that would need evaluating is an error.
 */
export async function readPsd1(text: string, file: string): Promise<{ [key: string]: PsData }> {
  const tree = (await parser()).parse(text.replace(/^\uFEFF/, ''));
  if (!tree) throw new Psd1Error(`${file}: cannot parse`);
  try {
    if (tree.rootNode.hasError) throw new Psd1Error(`${file}: not valid PowerShell`);
    const hashes = tree.rootNode.descendantsOfType('hash_literal_expression');
    const top = hashes.find((h) => h !== null && !hasAncestor(h, 'hash_literal_expression'));
    if (!top) throw new Psd1Error(`${file}: no @{ ... } hashtable`);
    return hashtable(top, file);
  } finally {
    tree.delete();
  }
}

function hasAncestor(node: Node, type: string): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return true;
  return false;
}

function hashtable(node: Node, file: string): { [key: string]: PsData } {
  const result: { [key: string]: PsData } = {};
  const body = node.namedChildren.find((c) => c?.type === 'hash_literal_body');
  for (const entry of body?.namedChildren ?? []) {
    if (!entry || entry.type !== 'hash_entry') continue;
    const [keyNode, valueNode] = entry.namedChildren;
    if (!keyNode || !valueNode) throw unsupported(entry, file);
    const key =
      keyNode.namedChildren[0]?.type === 'simple_name' ? keyNode.text : value(keyNode, file);
    if (typeof key !== 'string') throw unsupported(keyNode, file);
    result[key] = value(valueNode, file);
  }
  return result;
}

function value(node: Node, file: string): PsData {
  const children = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  switch (node.type) {
    case 'hash_literal_expression':
      return hashtable(node, file);
    case 'string_literal':
      return stringValue(children[0] ?? node, file);
    case 'array_expression': {
      // @( ... ): every pipeline of the statement list, flattened like PowerShell does.
      const list = node.childForFieldName('statements');
      if (!list) return [];
      return list.namedChildren
        .filter((c): c is Node => c !== null && c.type !== 'comment')
        .flatMap((c) => {
          const v = value(c, file);
          return Array.isArray(v) ? v : [v];
        });
    }
    case 'array_literal_expression':
      if (children.length > 1) return children.map((c) => value(c, file));
      break;
    case 'variable': {
      const known: Record<string, PsData> = { $true: true, $false: false, $null: null };
      const v = known[node.text.toLowerCase()];
      if (v === undefined) throw unsupported(node, file);
      return v;
    }
    case 'integer_literal':
    case 'real_literal':
      return Number(node.text);
  }
  if (children.length === 1) return value(children[0]!, file);
  throw unsupported(node, file);
}

function stringValue(node: Node, file: string): string {
  const text = node.text;
  switch (node.type) {
    case 'verbatim_string_characters':
      return text.slice(1, -1).replace(/''/g, "'");
    case 'verbatim_here_string_characters':
      return hereStringBody(text);
    case 'expandable_string_literal':
    case 'expandable_here_string_literal':
      // Only constant text: no $variables, $(sub-expressions) or `escapes to evaluate.
      if (node.namedChildren.length > 0 || /[`$]/.test(text)) throw unsupported(node, file);
      return node.type === 'expandable_string_literal'
        ? text.slice(1, -1).replace(/""/g, '"')
        : hereStringBody(text);
  }
  throw unsupported(node, file);
}

/** @' <newline> body <newline> '@ */
function hereStringBody(text: string): string {
  return text.replace(/^@["']\r?\n/, '').replace(/\r?\n["']@$/, '');
}

function unsupported(node: Node, file: string): Psd1Error {
  const line = node.startPosition.row + 1;
  return new Psd1Error(
    `${file}:${line}: '${node.text.slice(0, 40)}' is not a constant the packer can read`,
  );
}
