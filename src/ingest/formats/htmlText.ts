/**
 * HTML → plain article text, the one way every reader turns markup into the text that gets stored (so
 * provenance offsets point into exactly this string): one paragraph per block element, paragraphs separated
 * by a blank line, whitespace inside a paragraph collapsed, `<br>` kept as a line break, scripts, styles and
 * embedded widgets dropped. The DOM comes from linkedom (a light, spec-following DOM, enough for Readability).
 */
import { parseHTML } from 'linkedom';

// Elements that end a paragraph before and after them.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'CAPTION', 'BODY', 'HTML',
]);
// Never prose: their text is code, styling or a widget's labels.
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'MATH', 'CANVAS', 'OBJECT', 'EMBED', 'BUTTON',
  'SELECT', 'TEXTAREA', 'INPUT', 'HEAD', 'TITLE', 'META', 'LINK',
]);
const CELL = new Set(['TD', 'TH']);

// C0 controls other than tab and line feed, plus DEL: never prose, and validation would refuse the article.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree as paragraphs separated by blank lines. */
export function domToText(root: unknown): string {
  const paragraphs: string[] = [];
  let buf = '';
  const flush = () => {
    const lines = buf
      .split('\n')
      .map((l) => l.replace(CONTROL, ' ').replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((l) => l !== '');
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    buf = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      // Newlines in source text are layout, not line breaks.
      buf += (node.textContent ?? '').replace(/[\r\n]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      buf += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (CELL.has(tag)) buf += ' ';
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    if (CELL.has(tag)) buf += ' ';
    if (block) flush();
  };
  walk(root as DomNode);
  flush();
  return paragraphs.join('\n\n');
}

/** An HTML fragment (a feed item's content) → plain text, the same way as a page's main text. */
export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return domToText(document.body);
}

/** Plain text from a text-only source (a feed's type="text" content): line endings normalised, paragraphs kept. */
export function plainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, ' ')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}
