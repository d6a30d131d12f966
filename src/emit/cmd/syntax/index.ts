/**
 * A small typed syntax tree for the CMD RdpRescue emits, and the one printer that writes it
 * the way Windows' cmd.exe reads it.
 *
 * Build commands with the constructors, never strings:
 *
 *   const port = Name.generated('port read back');          // printed as _0, _1, ... later
 *   const key = q('HKLM\\SYSTEM\\CurrentControlSet\\...');   // quoted identifier (a path)
 *   const a = new ForVar('a');
 *   const statements = [
 *     clear(port),
 *     forCommand(a, 'tokens=3', run(['reg', 'query', key, '/v', 'PortNumber'], [errToNul]),
 *       set(port, [forRef(a)])),
 *     when(not(defined(port)), echo('RDPRESCUE no port')),
 *   ];
 *   const namer = new Namer();
 *   printScript(statements, 'batch', namer);                  // a .cmd file's text
 *   printPasteBlocks({ namer, prologue, steps, footer, epilogue, definitions }); // pastes
 *
 * Words: bare strings are identifiers (case-insensitive: commands, switches, paths, value
 * names read or deleted, services) in exec/exist/redirections/q(), and case-sensitive text in
 * echo/set values/comparisons/qt(). Wrap explicitly with id() or text() where that default is
 * wrong: a value name a fix CREATES is text(), so it keeps its canonical case.
 *
 * The printer owns, so no caller has to:
 * - the dialects: paste (`%a`, no exit) and batch (`%%a`, `%%`, `%~1`);
 * - escaping of `^ & | < > ( )` outside quotes (twice inside a `for /f` command or an echoed
 *   command line), `%` per dialect, balanced quotes;
 * - letter-case hardening of identifiers only (no two identical letters touch);
 * - names: Namer spells generated Names at print time; `namer.owned()` lists what a script
 *   owns, so clearing "our" variables never touches the console's others;
 * - cmd's line rules: a %read of a variable set earlier on the same line moves to a new
 *   line (an `if` whose condition the body cannot change is repeated on each), a command after
 *   an `if`/`for` moves to a new line (they take the rest of the line), and a line that still
 *   breaks a rule (a loop reading what it sets, a set and read under `if errorlevel`) is
 *   refused with PrintError; an else always binds to the if the tree says (enclosed);
 * - branches Wine 8 (the tests' interpreter) would end early or misread are enclosed too
 *   (several commands; any branch inside parentheses or a for body), as is a for body
 *   that is an if, and a redirection after a quote gets a space: Windows reads them alike;
 * - the abbreviation of repeated quoted text and the packing into 2,048-character pastes.
 */

export { Name, ForVar, Namer, type NameKind } from './names.ts';
export {
  text,
  id,
  ref,
  nameOf,
  forRef,
  arg,
  q,
  qt,
  word,
  textWord,
  toWord,
  type Part,
  type Word,
  type WordLike,
} from './words.ts';
export {
  toNul,
  errToNul,
  errToOut,
  quiet,
  writeTo,
  appendTo,
  readFrom,
  errorlevel,
  defined,
  exist,
  compare,
  equals,
  not,
  set,
  setQuoted,
  setComputed,
  clear,
  setArith,
  when,
  forIn,
  forRange,
  forCommand,
  forFile,
  exec,
  run,
  redirect,
  pipe,
  echo,
  echoCommand,
  touch,
  exit,
  rem,
  seq,
  block,
  type Command,
  type CommandLike,
  type Condition,
  type CompareOp,
  type ForSource,
  type Redirect,
} from './nodes.ts';
export { printLines, printLine, PrintError, type Dialect, type PrintOptions } from './print.ts';
export {
  hardenedText,
  plainText,
  repeatedPairs,
  type Chunk,
  type Line,
  type RenderOptions,
} from './chunks.ts';
export {
  PASTE_LIMIT,
  printScript,
  printPasteBlocks,
  renderLines,
  type BlockPosition,
  type PasteScript,
} from './blocks.ts';
export { staleRead, setsOf, readsOf } from './analysis.ts';
