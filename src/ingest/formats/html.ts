/**
 * A saved article page → the article: main text by Mozilla's Readability (Firefox Reader View) over a
 * linkedom DOM, turned into paragraphs by domToText, and the page's own metadata — JSON-LD NewsArticle,
 * Open Graph / article:* meta tags, `<time datetime>` — for title, outlet, date and URL. Fields given by a
 * manifest entry or CLI flags override what the page says (src/ingest/seedFolder.ts applies them).
 */
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError } from '../errors.js';
import { decodeArticleBytes, fileSize } from '../validate.js';
import { hostOf, toIsoDay } from './fields.js';
import { domToText } from './htmlText.js';

/** What a page says about itself; every field may be missing. */
export interface HtmlArticle {
  text: string;
  title: string | null;
  outlet: string | null;
  publishedAt: string | null;
  url: string | null;
}

/** Markup is heavier than text: an HTML file may be this many times MAX_ARTICLE_BYTES (its text must still fit). */
export const HTML_SIZE_FACTOR = 20;

export const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml'] as const;

export function isHtmlFile(file: string): boolean {
  const lower = file.toLowerCase();
  return HTML_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

// Schema.org types of a news page's main entity.
const ARTICLE_TYPE = /(^|\W)(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report)$/;

type Json = Record<string, unknown>;

/** The JSON-LD objects of the page that describe an article (top level, arrays and `@graph`). */
function jsonLdArticles(document: Document): Json[] {
  const found: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Json;
    const types = ([] as unknown[]).concat(o['@type'] ?? []).filter((t): t is string => typeof t === 'string');
    if (types.some((t) => ARTICLE_TYPE.test(t))) found.push(o);
    if (o['@graph']) visit(o['@graph']);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the page's problem; the other metadata still counts.
    }
  }
  return found;
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Json).name ?? (v as Json)['@id'] ?? (v as Json).url);
  return null;
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = document.querySelector(`meta[${attr}="${key}"]`);
      const content = el?.getAttribute('content')?.trim();
      if (content) return content;
    }
  }
  return null;
}

/** The first `<time datetime>` that is the article's date: marked as such, or inside the article. */
function timeElementDate(document: Document): string | null {
  const selectors = ['time[itemprop="datePublished"]', 'time[pubdate]', 'article time[datetime]', 'time[datetime]'];
  for (const sel of selectors) {
    const v = document.querySelector(sel)?.getAttribute('datetime');
    const day = toIsoDay(v);
    if (day) return day;
  }
  return null;
}

/**
 * Class or id tokens of page furniture that sits inside an article body, where Readability's scoring keeps it
 * (an inline advertisement, a newsletter box, share buttons, a cookie banner, related links).
 */
const BOILERPLATE_TOKEN =
  /^(ads?|advert(isement)?s?|ad[-_].+|.+[-_]ads?|sponsor(ed)?([-_].*)?|promo(tion)?s?([-_].*)?|newsletter.*|cookie.*|consent.*|paywall.*|subscribe.*|social([-_].*)?|share([-_].*)?|sharing.*|related([-_].*)?|recommend.*|outbrain.*|taboola.*)$/i;

function removeBoilerplate(document: Document): void {
  for (const el of Array.from(document.querySelectorAll('[class], [id], [aria-hidden="true"], [hidden]'))) {
    const tokens = [...(el.getAttribute('class') ?? '').split(/\s+/), el.getAttribute('id') ?? ''].filter(Boolean);
    // Never the root or the body, whatever their classes say.
    if (el === document.documentElement || el === document.body) continue;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden') || tokens.some((t) => BOILERPLATE_TOKEN.test(t))) el.remove();
  }
}

/** Reads one page: main text without navigation, ads and other boilerplate, and its metadata. */
export function readHtmlPage(html: string): HtmlArticle {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const ld = jsonLdArticles(document)[0] ?? {};
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const url = meta(document, 'og:url') ?? canonical ?? str(ld.url) ?? str(ld.mainEntityOfPage);
  const metaTitle = str(ld.headline) ?? meta(document, 'og:title', 'twitter:title');
  const outlet = str(ld.publisher) ?? meta(document, 'og:site_name', 'application-name') ?? str(ld.sourceOrganization);
  const publishedAt =
    toIsoDay(str(ld.datePublished)) ??
    toIsoDay(meta(document, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'DC.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date')) ??
    timeElementDate(document) ??
    toIsoDay(str(ld.dateCreated));
  const documentTitle = document.querySelector('title')?.textContent?.trim() || null;

  removeBoilerplate(document);
  // Readability changes the DOM it reads, so metadata is read first. The serializer hands back the
  // element itself: domToText keeps paragraph boundaries that textContent would lose.
  const parsed = new Readability<unknown>(document, { serializer: (el) => el, charThreshold: 200 }).parse();
  let text = parsed?.content ? domToText(parsed.content) : '';
  if (text.length < MIN_READABLE_CHARS) {
    // Too little for Readability's scoring (a short item, or a page with no article, where it returns
    // whatever it found, a menu): the body without its obvious chrome, which may well be empty.
    const { document: fresh } = parseHTML(html) as unknown as { document: Document };
    for (const el of Array.from(fresh.querySelectorAll('nav, header, footer, aside, form, [role="navigation"], [aria-hidden="true"]'))) el.remove();
    text = fresh.body ? domToText(fresh.body) : '';
  }
  return {
    text,
    title: metaTitle ?? parsed?.title?.trim() ?? documentTitle,
    outlet: outlet ?? parsed?.siteName?.trim() ?? hostOf(url),
    publishedAt: publishedAt ?? toIsoDay(parsed?.publishedTime ?? null),
    url,
  };
}

/** Below this many characters Readability's pick is not trusted (docs/formats.md). */
const MIN_READABLE_CHARS = 140;

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;

/**
 * An HTML file's bytes → markup: UTF-8 (with or without BOM) as plain text files are read; a page that is not
 * UTF-8 but declares its charset in a `<meta>` tag (windows-1252, ISO-8859-1, Shift_JIS …) is decoded with it.
 */
export function decodeHtmlBytes(bytes: Uint8Array, file: string, maxBytes: number): string {
  try {
    return decodeArticleBytes(bytes, file, maxBytes);
  } catch (err) {
    if (!(err instanceof IngestError) || err.code !== 'NOT_UTF8') throw err;
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const label = CHARSET.exec(head)?.[1];
    if (!label || /^utf-?8$/i.test(label)) throw err;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      throw new IngestError('NOT_UTF8', file, `declares charset "${label}", which cannot be decoded here — re-save the page as UTF-8`, 'text');
    }
  }
}

/** Reads and parses one HTML file (size checked before reading). */
export function readHtmlFile(file: string, maxTextBytes: number): HtmlArticle {
  const maxBytes = maxTextBytes * HTML_SIZE_FACTOR;
  const size = fileSize(file);
  if (size > maxBytes) {
    throw new IngestError('TOO_LARGE', file, `is ${size} bytes, over the limit for a page of ${maxBytes} (${HTML_SIZE_FACTOR} × MAX_ARTICLE_BYTES) — save only the article page, or raise MAX_ARTICLE_BYTES`, 'text');
  }
  const page = readHtmlPage(decodeHtmlBytes(readFileSync(file), file, maxBytes));
  if (page.text.trim() === '') {
    throw new IngestError('EMPTY', file, 'has no article text that could be found — save the article page itself (not an index or a login page), or convert it to a .txt file', 'text');
  }
  return page;
}
