/**
 * A model of what Windows' cmd.exe does with the transfer blocks, for replaying thousands of
 * payloads in seconds. Lines are parsed by the independent parse-rule checker's model of
 * cmd (test/cmd-checker: percent expansion, quotes, carets, operators, if/else), and the few
 * commands the blocks use run as documented on Windows:
 * - echo drops the one delimiter after its name and writes the rest as it is, then CRLF;
 *   "on"/"off" switch echo, nothing left prints "ECHO is on." and "/?" prints help;
 * - certutil -hashfile prints the digest in the layout of Windows 10 / Server 2016 and later
 *   (one lowercase word) or of Windows 8.1 / Server 2012 R2 (bytes separated by spaces);
 * - certutil -decode skips whitespace in base64 (CryptStringToBinary);
 * - findstr /c: strings are literal; several literal strings of different lengths are
 *   unreliable unless /i is given (ss64.com findstr, "Bugs"), so the model refuses them;
 * - copy /b a+b joins files byte for byte.
 * Everything else the blocks run (cd, md, rd, expand, start) only succeeds.
 */
import { createHash } from 'node:crypto';
import { Environment } from '../cmd-checker/environment.ts';
import { assignments } from '../cmd-checker/assignments.ts';
import { type Ch, NEWLINE, textOf } from '../cmd-checker/model.ts';
import { type Chain, commandName, type Node, type Simple } from '../cmd-checker/syntax.ts';
import { readUnit } from '../cmd-checker/unit.ts';

export type CertutilLayout = 'compact' | 'spaced';

interface Result {
  errorlevel: number;
  output: string[];
}

/** One console: its folder of files, its variables, what it printed. */
export class ConsoleModel {
  readonly files = new Map<string, Buffer>();
  readonly printed: string[] = [];
  private readonly env = new Environment();
  private errorlevel = 0;
  private echoOn = true;

  constructor(private readonly layout: CertutilLayout) {
    this.env.assign('SystemRoot', 'C:\\Windows');
    this.env.assign('ProgramFiles', 'C:\\Program Files');
  }

  paste(text: string): void {
    const lines = text.split('\r\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (
      let r = readUnit(lines, 0, 'paste', this.env);
      r;
      r = readUnit(lines, r.next, 'paste', this.env)
    ) {
      const broken = r.unit.facts.junkAfterBlock.length + r.unit.facts.unclosedBlocks.length;
      if (broken > 0) throw new Error(`model: line ${r.unit.lines[0]!.line} is a syntax error`);
      this.chain(r.unit.chain);
    }
  }

  private chain(chain: Chain): void {
    const items = chain.items;
    for (let k = 0; k < items.length; k++) {
      const { op, node } = items[k]!;
      if (op === '&&' && this.errorlevel !== 0) continue;
      if (op === '||' && this.errorlevel === 0) continue;
      const next = items[k + 1];
      if (next?.op === '|') {
        const left = this.run(node, []);
        const right = this.run(next.node, left.output);
        this.finish(right);
        k++;
      } else this.finish(this.run(node, []));
    }
  }

  private finish(result: Result): void {
    this.errorlevel = result.errorlevel;
    this.printed.push(...result.output);
  }

  private run(node: Node, input: string[]): Result {
    switch (node.kind) {
      case 'block':
        this.chain(node.body);
        return { errorlevel: this.errorlevel, output: [] };
      case 'if':
        if (this.test(node)) this.chain(node.then);
        else if (node.else) this.chain(node.else);
        return { errorlevel: this.errorlevel, output: [] };
      case 'simple':
        return this.simple(node, input);
      default:
        return { errorlevel: this.errorlevel, output: [] };
    }
  }

  private test(node: Extract<Node, { kind: 'if' }>): boolean {
    if (node.test !== 'errorlevel' && node.test !== 'exist')
      throw new Error(`model: if ${node.test} is not modelled`);
    const value =
      node.test === 'errorlevel'
        ? this.errorlevel >= Number(node.operand)
        : this.files.has((node.operand ?? '').toLowerCase());
    return node.negated ? !value : value;
  }

  private simple(node: Simple, input: string[]): Result {
    const ok = (output: string[] = []): Result => ({ errorlevel: 0, output });
    const command = commandName(node);
    const args = words(node.args);
    const out = node.redirections.find(
      (r) => (r.op === '>' || r.op === '>>') && (r.handle ?? '1') === '1',
    );
    const toFile = out !== undefined && out.target.toLowerCase() !== 'nul';
    let result: Result;
    switch (command) {
      case 'echo':
        result = this.echo(node.args);
        break;
      case 'certutil':
        result = this.certutil(args);
        break;
      case 'findstr':
        result = findstr(args, input);
        break;
      case 'copy':
        result = this.copy(args);
        break;
      case 'set':
        for (const a of assignments(node)) this.env.assign(a.name, a.value);
        result = ok();
        break;
      case 'cd':
      case 'md':
      case 'rd':
      case 'where':
      case 'expand':
      case 'start':
        result = ok();
        break;
      default:
        throw new Error(`model: command ${node.name} is not modelled`);
    }
    if (out) {
      if (toFile) {
        const before =
          out.op === '>>'
            ? (this.files.get(out.target.toLowerCase()) ?? Buffer.alloc(0))
            : Buffer.alloc(0);
        const text = result.output.map((l) => l + '\r\n').join('');
        this.files.set(
          out.target.toLowerCase(),
          Buffer.concat([before, Buffer.from(text, 'latin1')]),
        );
      }
      return { errorlevel: result.errorlevel, output: [] };
    }
    return result;
  }

  private echo(args: readonly Ch[]): Result {
    const text = textOf(args.slice(1));
    const trimmed = text.trim().toLowerCase();
    if (trimmed === 'on' || trimmed === 'off') {
      this.echoOn = trimmed === 'on';
      return { errorlevel: 0, output: [] };
    }
    if (trimmed === '')
      return { errorlevel: 0, output: [`ECHO is ${this.echoOn ? 'on' : 'off'}.`] };
    if (text.startsWith('/?'))
      return { errorlevel: 0, output: ['Displays messages, or turns command-echoing on or off.'] };
    return { errorlevel: 0, output: [text] };
  }

  private certutil(args: string[]): Result {
    const decode = args.findIndex((a) => a.toLowerCase() === '-decode');
    if (decode >= 0) {
      const source = this.files.get(args[decode + 1]!.toLowerCase());
      if (!source) return { errorlevel: 2, output: ['CertUtil: -decode command FAILED'] };
      const base64 = source.toString('latin1').replace(/[\s]/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0)
        return { errorlevel: 13, output: ['CertUtil: -decode command FAILED: 0x8007000d'] };
      this.files.set(args[decode + 2]!.toLowerCase(), Buffer.from(base64, 'base64'));
      return { errorlevel: 0, output: ['CertUtil: -decode command completed successfully.'] };
    }
    if (args[0]?.toLowerCase() !== '-hashfile')
      throw new Error(`model: certutil ${args.join(' ')}`);
    const name = args[1]!;
    const content = this.files.get(name.toLowerCase());
    if (!content)
      return { errorlevel: 2, output: ['CertUtil: -hashfile command FAILED: 0x80070002'] };
    const algorithm = (args[2] ?? 'SHA1').toUpperCase();
    const digest = createHash(algorithm.replace('SHA', 'sha')).update(content).digest('hex');
    const hash = this.layout === 'compact' ? digest : digest.match(/../g)!.join(' ');
    const title =
      this.layout === 'compact'
        ? `${algorithm} hash of ${name}:`
        : `${algorithm} hash of file ${name}:`;
    return {
      errorlevel: 0,
      output: [title, hash, 'CertUtil: -hashfile command completed successfully.'],
    };
  }

  private copy(args: string[]): Result {
    const names = args.filter((a) => !a.startsWith('/'));
    const [sources, target] = [names[0]!.split('+'), names[1]!];
    const parts = sources.map((s) => this.files.get(s.toLowerCase()));
    if (parts.some((p) => !p))
      return { errorlevel: 1, output: ['The system cannot find the file specified.'] };
    this.files.set(target.toLowerCase(), Buffer.concat(parts as Buffer[]));
    return { errorlevel: 0, output: [] };
  }
}

function findstr(args: string[], input: string[]): Result {
  const caseless = args.some((a) => a.toLowerCase() === '/i');
  const strings = args.filter((a) => /^\/c:/i.test(a)).map((a) => a.slice(3));
  if (!caseless && new Set(strings.map((s) => s.length)).size > 1)
    throw new Error('model: findstr with literal strings of different lengths needs /i');
  const fold = (s: string) => (caseless ? s.toLowerCase() : s);
  const hits = input.filter((line) => strings.some((s) => fold(line).includes(fold(s))));
  return { errorlevel: hits.length > 0 ? 0 : 1, output: hits };
}

/** Arguments as a C runtime splits them: unquoted blanks separate, quotes are removed. */
function words(args: readonly Ch[]): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (const ch of args) {
    if (ch.c === NEWLINE) break;
    if (/\s/.test(ch.c) && !ch.quoted) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (ch.c === '"' && !ch.escaped) word ??= '';
    else word = (word ?? '') + (ch.opaque ? '\u2026' : ch.c);
  }
  if (word !== undefined) out.push(word);
  return out;
}
