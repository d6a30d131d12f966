/**
 * Environment variable names as objects. A script asks for a Name ("the port read back"),
 * never spells one; the Namer gives every generated Name a short printed name when the
 * script is printed. Nothing is found by scanning text and no prefix carries meaning.
 */

export type NameKind =
  /** Printed as a short name the Namer picks (`_0`, `_1`, ...). */
  | 'generated'
  /** RdpRescue's own name with a fixed spelling the user sees (`RR_Port`). */
  | 'fixed'
  /** The system's variable (ProgramData, TEMP): read, never owned. */
  | 'env'
  /** One member of a family: printed `<family>_<suffix>` (suffix a value name or a for-variable). */
  | 'member';

let nextSerial = 0;

export class Name {
  /** Identity for analysis: members share their family's. */
  readonly serial = nextSerial++;

  private constructor(
    readonly kind: NameKind,
    /** What the name is for (error messages, debugging); for fixed and env names, the spelling. */
    readonly hint: string,
    readonly family?: Name,
    readonly suffix?: string | ForVar,
  ) {}

  /** A variable this script owns, printed as a short name chosen at print time. */
  static generated(hint: string): Name {
    return new Name('generated', hint);
  }

  /** RdpRescue's own variable with a spelling users type (a fix parameter). */
  static fixed(spelling: string): Name {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(spelling))
      throw new Error(`not a plain variable name: ${spelling}`);
    return new Name('fixed', spelling);
  }

  /** A variable of the system, such as ProgramData or TEMP. */
  static env(spelling: string): Name {
    if (!/^[A-Za-z_][A-Za-z0-9_()]*$/.test(spelling))
      throw new Error(`not a plain variable name: ${spelling}`);
    return new Name('env', spelling);
  }

  /**
   * `<this>_<suffix>`: one of a family of variables, e.g. one per registry value read by a
   * single `for /f` (suffix a for-variable there, the value name where one is read).
   */
  member(suffix: string | ForVar): Name {
    if (this.kind === 'member' || this.kind === 'env')
      throw new Error(`${this.hint}: only generated or fixed names have members`);
    if (typeof suffix === 'string' && !/^[A-Za-z0-9_.-]+$/.test(suffix))
      throw new Error(`member suffix must be a plain word: ${suffix}`);
    return new Name('member', this.hint, this, suffix);
  }

  /** The name analysis compares: a member counts as its whole family. */
  get root(): Name {
    return this.family ?? this;
  }

  get owned(): boolean {
    return this.root.kind !== 'env';
  }
}

/** A for-loop variable: `%a` pasted, `%%a` in a .cmd file. Case-sensitive, one letter. */
export class ForVar {
  constructor(readonly letter: string) {
    if (!/^[a-zA-Z]$/.test(letter)) throw new Error(`for variable must be one letter: ${letter}`);
  }

  /** The variable `offset` letters on (tokens=1,2* fills a, b, c). */
  next(offset = 1): ForVar {
    const code = this.letter.charCodeAt(0) + offset;
    return new ForVar(String.fromCharCode(code));
  }
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Gives generated names their printed form: `<prefix><base-36 counter>`, in order of first
 * use, so the most used early names are the shortest. Fixed names print as spelled. One Namer
 * per script: its paste blocks and its .cmd file then agree on every name.
 */
export class Namer {
  private readonly assigned = new Map<Name, string>();
  private readonly fixed = new Map<string, Name>();
  private counter = 0;

  constructor(readonly prefix = '_') {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix)) throw new Error(`bad name prefix: ${prefix}`);
  }

  /** The printed spelling of a name (not of a member's suffix: the printer adds that). */
  nameOf(name: Name): string {
    const root = name.root;
    if (root.kind === 'env') return root.hint;
    if (root.kind === 'fixed') {
      const other = this.fixed.get(root.hint.toLowerCase());
      if (other && other !== root && other.kind !== root.kind)
        throw new Error(`${root.hint} is both a fixed and another name`);
      this.fixed.set(root.hint.toLowerCase(), root);
      if (this.isGeneratedSpelling(root.hint))
        throw new Error(`fixed name ${root.hint} looks like a generated one`);
      return root.hint;
    }
    let printed = this.assigned.get(root);
    if (!printed) {
      printed = this.prefix + this.nextSpelling();
      this.assigned.set(root, printed);
    }
    return printed;
  }

  /** The spelling the next generated name will get. */
  peek(): string {
    const counter = this.counter;
    const spelling = this.prefix + this.nextSpelling();
    this.counter = counter;
    return spelling;
  }

  /** A fresh generated name that has been assigned already (the abbreviation's names). */
  fresh(hint: string): { name: Name; printed: string } {
    const name = Name.generated(hint);
    return { name, printed: this.nameOf(name) };
  }

  /** Every printed name (families as their prefix `<name>_`) this script owns so far. */
  owned(): string[] {
    return [...[...this.fixed.values()].map((n) => n.hint), ...[...this.assigned.values()]];
  }

  private isGeneratedSpelling(text: string): boolean {
    const p = this.prefix.toLowerCase();
    const t = text.toLowerCase();
    return t.startsWith(p) && /^[0-9a-z]+$/.test(t.slice(p.length));
  }

  /** Base-36 without a letter or digit that repeats the one before it (the console drops those). */
  private nextSpelling(): string {
    for (;;) {
      let s = '';
      let k = this.counter++;
      do {
        s = ALPHABET[k % 36] + s;
        k = Math.floor(k / 36);
      } while (k > 0);
      if (!/(.)\1/i.test(this.prefix + s)) return s;
    }
  }
}
