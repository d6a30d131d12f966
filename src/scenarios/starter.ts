import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { IndentationText, Project, QuoteKind, StructureKind, type CodeBlockWriter } from 'ts-morph';
import { Id } from '../model/text.ts';
import { PACKAGE_NAME } from './files.ts';

/** A value to write as a TypeScript literal; `comment` puts `// ...` lines above a property. */
type Literal = string | number | boolean | Literal[] | { [key: string]: Literal } | Commented;
interface Commented {
  comment: string[];
  value: Literal;
}
const commented = (value: Literal, ...comment: string[]): Commented => ({ comment, value });
const isCommented = (v: Literal): v is Commented =>
  typeof v === 'object' && !Array.isArray(v) && 'comment' in v && 'value' in v;

function writeLiteral(writer: CodeBlockWriter, value: Literal): void {
  if (typeof value === 'string') writer.quote(value);
  else if (typeof value === 'number' || typeof value === 'boolean') writer.write(String(value));
  else if (Array.isArray(value) && value.length === 0) writer.write('[]');
  else if (Array.isArray(value)) {
    writer.write('[').indent(() => value.forEach((v) => writeItem(writer, v)));
    writer.write(']');
  } else if (isCommented(value)) writeLiteral(writer, value.value);
  else {
    writer.write('{').indent(() => {
      for (const [key, v] of Object.entries(value)) {
        if (isCommented(v)) v.comment.forEach((line) => writer.writeLine(`// ${line}`));
        if (/^[A-Za-z_$][\w$]*$/.test(key)) writer.write(key);
        else writer.quote(key);
        writer.write(': ');
        writeLiteral(writer, v);
        writer.write(',').newLine();
      }
    });
    writer.write('}');
  }
}

function writeItem(writer: CodeBlockWriter, value: Literal): void {
  writeLiteral(writer, value);
  writer.write(',').newLine();
}

/** The starter scenario: valid as it stands (it detects RDP switched off), to be edited. */
export function starterScenario(id: string): Literal {
  const en = (text: string) => ({ 'en-US': text });
  return {
    id,
    title: commented(
      en(`${id}: what breaks RDP (edit me)`),
      'Texts need en-US; sv-SE, nl-NL and zh-TW fall back to it (one build warning each).',
    ),
    summary: en('What the operator sees, what causes it and what the repair does.'),
    symptoms: commented(
      ['cannot-connect'],
      'Built-in symptoms: cannot-connect, internal-error, stuck-configuring, no-response, broker-farm-down.',
    ),
    evidence: commented(
      [
        {
          role: 'primary',
          check: {
            kind: 'registry-value',
            id: `${id}-check`,
            key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server',
            name: 'fDenyTSConnections',
            firesWhen: { op: 'equals', value: 1 },
          },
          finding: en('Remote Desktop connections are denied: fDenyTSConnections=1.'),
        },
      ],
      'EVIDENCE: replace this example check with what identifies your breaker. Check kinds:',
      'event-query, registry-value, service-state, rdp-listener, certificate-store,',
      'certificate-binding, folder-acl, windows-feature (your editor completes the fields).',
      'Detection must not depend on the OS language: SIDs, service and value names, event data fields.',
    ),
    causes: [en('Describe the cause in one sentence.')],
    fixes: commented(
      [],
      'FIXES: ids of built-in fixes, or of your own defineFix({ ... }) files, in repair order.',
    ),
    manualSteps: commented(
      [{ id: 'investigate', text: en('Tell the operator what to check or change by hand.') }],
      'Guidance shown to the operator; RdpRescue never runs it.',
    ),
    sources: commented(
      [{ article: 'internal-error', section: 'Prepare a backup of the affected VM' }],
      "The seed article and section this scenario follows ('event-id-troubleshoot' or 'internal-error').",
    ),
  };
}

/** Writes <dir>/<id>.ts; refuses to overwrite. Returns the file path. */
export async function writeStarterScenario(id: string, dir: string): Promise<string> {
  const parsed = Id.safeParse(id);
  if (!parsed.success) throw new Error(`scenario id '${id}': ${parsed.error.issues[0]?.message}`);
  if (`${id}-check`.length > 40) throw new Error(`scenario id '${id}' is too long (34 at most)`);
  const path = resolve(dir, `${id}.ts`);
  if (existsSync(path)) throw new Error(`${path} already exists`);
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
    },
  });
  const file = project.createSourceFile(path, {
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: PACKAGE_NAME,
        namedImports: ['defineScenario'],
      },
      {
        kind: StructureKind.ExportAssignment,
        isExportEquals: false,
        leadingTrivia: (w) =>
          w
            .blankLine()
            .writeLine(`// Scenario '${id}'. Build: rdp-rescue build --scenarios <this folder>`),
        expression: (w) => {
          w.write('defineScenario(');
          writeLiteral(w, starterScenario(id));
          w.write(')');
        },
      },
    ],
  });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  await file.save();
  return path;
}
