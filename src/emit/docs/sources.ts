import type { Article, Culture, SeedSource, Source } from '../../model/index.ts';
import { isSeedSource } from '../../model/index.ts';
import { label } from './labels.ts';
import { anchor, code, prose } from './markdown.ts';

/**
 * Where a source section lives in the seed a reader of this culture has. A section is an
 * English heading, optionally followed by " / <part>" (a sub-heading or a step inside it), so
 * the first part is always a heading; the seeds keep the English anchors in every translation.
 */
export function seedLocation(article: Article, source: SeedSource, culture: Culture) {
  const heading = source.section.split(' / ')[0]!;
  const file = article.seeds[culture] ?? article.seeds[article.original];
  if (!file)
    throw new Error(`article '${article.id}' has no seed file for ${culture} or its original`);
  return { file, anchor: anchor(heading) };
}

export interface SourceView {
  line: string;
  correction?: string;
}

export function sourceViews(
  sources: readonly Source[],
  articles: readonly Article[],
  culture: Culture,
): SourceView[] {
  return sources.map((source) => {
    const correction = source.correction
      ? {
          correction: `${label('correction', culture)}${label('colon', culture)}${prose(source.correction)}`,
        }
      : {};
    if (!isSeedSource(source))
      return {
        line: label('docSourceLine', culture, {
          title: `*${prose(source.title)}*`,
          section: prose(source.section),
          url: source.url,
        }),
        ...correction,
      };
    const article = articles.find((a) => a.id === source.article);
    if (!article) throw new Error(`source refers to unknown article '${source.article}'`);
    const { file, anchor: seedAnchor } = seedLocation(article, source, culture);
    return {
      line: label('sourceLine', culture, {
        title: `*${prose(article.title[culture])}*`,
        section: prose(source.section),
        anchor: seedAnchor,
        file: code(file),
      }),
      ...correction,
    };
  });
}
