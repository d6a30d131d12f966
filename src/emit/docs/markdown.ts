/** Markdown helpers: model text is escaped, names and commands go into code spans/fences. */

/** Escapes prose so Markdown shows it literally (backslashes in registry paths, <placeholders>). */
export function prose(text: string): string {
  return text.replace(/[\\`*_<>[\]|#]/g, (c) => `\\${c}`);
}

/** An inline code span that survives backticks in its content. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** A fenced code block; the text is shown exactly (line ends normalised to LF). */
export function fence(text: string, language: string): string {
  const body = text.replace(/\r\n/g, '\n').replace(/\n$/, '');
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${body}\n${ticks}`;
}

/** GitHub's heading anchor for a heading text (also Microsoft Learn's for the seed headings). */
export function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}
