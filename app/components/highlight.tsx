import { Fragment } from 'react';

// Search highlights arrive as HTML-safe text with <mark>…</mark> around the
// matches. Rather than trusting that markup with dangerouslySetInnerHTML, we
// read the two tags ourselves and let React escape everything else.

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

const unescapeHtml = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

/** The highlight as text runs, each marked or not. */
export function parseHighlight(markup: string): { text: string; marked: boolean }[] {
  let marked = false;
  const runs: { text: string; marked: boolean }[] = [];
  for (const part of markup.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') marked = part === '<mark>';
    else if (part) runs.push({ text: unescapeHtml(part), marked });
  }
  return runs;
}

export function Highlight({ markup }: { markup: string }) {
  return (
    <>
      {parseHighlight(markup).map((run, i) =>
        run.marked ? <mark key={i}>{run.text}</mark> : <Fragment key={i}>{run.text}</Fragment>,
      )}
    </>
  );
}
