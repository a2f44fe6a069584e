// What a news page copied as text carries besides the article: banners, "read
// also" links, share and comment widgets, captions, bylines. The rules are data,
// written for the kind of line (not for one seed), so that a new page copy from
// the same sites is cleaned without new code. `article-parse.ts` applies them.
//
// Every rule matches a whole line after whitespace is normalised (NBSP and runs
// of spaces become one space, the line is trimmed). A line matched by a rule is
// never article text; named groups in the pattern read metadata off it.

/** What a matching line means for the parse. */
export type RuleAction =
  /** The line is furniture: drop it (reading any named groups first). */
  | 'drop'
  /** The line heads the page's trailing lists (other stories, videos): drop it and every line after it. */
  | 'end'
  /** A label ("Penulis") whose value is the line just above it: drop both, reading that line into `field`. */
  | 'label-above'
  /** A dateline on a line of its own ("Moskow -"): glue it to the start of the next paragraph. */
  | 'prefix';

/** Metadata a rule can read off a line, by named group. */
export type MetaField = 'source' | 'author' | 'agency';

export interface FurnitureRule {
  id: string;
  /** What the line is, for reports and test names. */
  what: string;
  pattern: RegExp;
  action: RuleAction;
  /**
   * Longer lines never match: a short widget label must not take a body
   * paragraph that happens to start the same way.
   */
  maxLength?: number;
  /** For 'label-above': which field the line above holds; undefined = read nothing (an editor credit). */
  field?: MetaField;
}

const DASH = '[-\u2013\u2014]';
const WEEKDAYS = "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const CLOCK = String.raw`\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT|GMT|UTC))?`;
/** An outlet named by its domain ("Kompas.com", "tempo.co", "solopos.com"). */
const DOMAIN = String.raw`[\p{L}\d-]+\.(?:com|co\.id|co|id|net|org)`;
/** A personal name as bylines write it: 1 to 6 capitalised words. */
const NAME = String.raw`\p{Lu}[\p{L}.'\u2019-]*(?:\s\p{Lu}[\p{L}.'\u2019-]*){0,5}`;

const re = (source: string, flags = 'u') => new RegExp(source, flags);

/** Rules in order: the first that matches a line decides. */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  {
    id: 'subscription',
    what: 'subscription / ad-free banner ("Baca berita tanpa iklan. Gabung Kompas.com+")',
    pattern: /^(?:Baca berita tanpa iklan\b.*|.*\bGabung [\p{L}\d.-]+\+)$/iu,
    action: 'drop',
    maxLength: 120,
  },
  {
    id: 'read-also',
    what: '"Baca juga" / "Lihat juga" link to another story',
    pattern: /^(?:Baca|Lihat|Simak) juga\b/iu,
    action: 'drop',
    maxLength: 300,
  },
  {
    id: 'teaser',
    what: 'upper-case teaser for another story ("MEMBACA Inilah ...", "BACA: ...")',
    // Case-sensitive on purpose: only the shouted widget label, never a sentence.
    pattern: /^(?:MEMBACA|BACA|LIHAT|SIMAK)(?: JUGA)?(?:\s*:\s*|\s+)\S/u,
    action: 'drop',
    maxLength: 300,
  },
  {
    id: 'promotion',
    what: 'sponsored teaser ("Promosi ...")',
    pattern: /^Promosi\s[^.!?]*$/u,
    action: 'drop',
    maxLength: 160,
  },
  {
    id: 'share',
    what: 'share prompt and its button ("Bagikan artikel ini melalui", "Oke")',
    pattern: /^(?:Bagikan(?: artikel ini)?(?: melalui)?|Share(?: this article)?|Salin link|Copy link|Oke)$/iu,
    action: 'drop',
  },
  {
    id: 'comments-login',
    what: 'comment and login widgets, ad close button',
    pattern: /^(?:Komentar|Tulis komentar|Lihat komentar|Close Ads|Tutup iklan|(?:Login|Masuk|Daftar) untuk\b.*)$/iu,
    action: 'drop',
    maxLength: 120,
  },
  {
    id: 'channel-prompt',
    what: 'WhatsApp / Telegram / Google News prompt',
    pattern: /^(?:Simak|Ikuti|Cek|Dapatkan|Gabung)\b.*\b(?:WhatsApp|Telegram|Google News)\b/iu,
    action: 'drop',
    maxLength: 400,
  },
  {
    id: 'related-list',
    what: 'heading of a trailing list (videos, latest, recommended, other stories)',
    pattern:
      /^(?:Video (?:rekomendasi|lainnya|terkait|pilihan)|Terkini lainnya|Berita lainnya|Berita terkait|Artikel terkait|Rekomendasi|Terpopuler|Populer|Pilihan untukmu|Solopos Stories)$/iu,
    action: 'end',
  },
  {
    id: 'photo-caption',
    what: 'photo caption ending in a photo credit ("(... Photo via AP)", "(dok. ...)")',
    pattern: /\((?=[^()]*\b(?:Photo|Foto|dok|File|Getty Images)\b)[^()]*\)$/iu,
    action: 'drop',
    maxLength: 400,
  },
  {
    id: 'site-caption',
    what: 'caption credited to the site in capitals ("SOLOPOS.COM - Vladimir Putin/dok")',
    pattern: re(String.raw`^[\p{Lu}\d-]+\.(?:COM|CO\.ID|ID)\s*${DASH}\s[^.!?]*$`),
    action: 'drop',
    maxLength: 160,
  },
  {
    id: 'editor-code',
    what: "editors' initials closing the story (\"(nvc/idh)\")",
    pattern: /^\((?:[a-z]{2,5}\s*\/\s*)+[a-z]{2,5}\)$/u,
    action: 'drop',
  },
  {
    id: 'attribution',
    what: 'syndication line ("Artikel ... pertama kali muncul di <source>.")',
    pattern: /^(?:Artikel\s.+\bpertama kali muncul di|The post\s.+\bappeared first on)\s+(?<source>.+?)\.?$/iu,
    action: 'drop',
  },
  {
    id: 'byline-date',
    what: 'outlet and numeric date ("Kompas.com - 31/10/2020, 18:39 WIB")',
    pattern: re(
      String.raw`^(?<source>${DOMAIN})\s*${DASH}\s*(?<day>\d{1,2})\/(?<month>\d{1,2})\/(?<year>\d{4}),?(?:\s+${CLOCK})?$`,
      'iu',
    ),
    action: 'drop',
  },
  {
    id: 'byline-author-outlet',
    what: 'author and outlet ("Novi Christiastuti - detikNews")',
    pattern: re(String.raw`^(?<author>${NAME})\s+${DASH}\s+(?<source>detik\p{L}*|${DOMAIN})$`),
    action: 'drop',
    maxLength: 100,
  },
  {
    id: 'weekday-date',
    what: 'weekday and date ("Senin, 03 Jan 2022 14:50 WIB")',
    pattern: re(
      String.raw`^(?:${WEEKDAYS}),?\s+(?<day>\d{1,2})\s+(?<month>\p{L}+)\.?\s+(?<year>\d{4})(?:,?\s+(?:pukul\s+)?${CLOCK})?$`,
      'iu',
    ),
    action: 'drop',
  },
  {
    id: 'author-label',
    what: 'author label ("Penulis" under the name, or "Penulis: name")',
    pattern: re(String.raw`^(?:Penulis|Reporter|Oleh)(?:\s*:\s*(?<author>${NAME}))?$`, 'iu'),
    action: 'label-above',
    field: 'author',
  },
  {
    id: 'editor-label',
    what: 'editor label ("Editor" under the name, or "Editor: name")',
    pattern: re(String.raw`^(?:Editor|Penyunting)(?:\s*:\s*${NAME})?$`, 'iu'),
    action: 'label-above',
  },
  {
    id: 'source-label',
    what: 'credited source ("Sumber AFP", "Sumber: Reuters")',
    pattern: /^Sumber\s*:?\s*(?<agency>[\p{L}.&]+(?:\s[\p{L}.&]+){0,3})$/iu,
    action: 'drop',
    maxLength: 60,
  },
  {
    id: 'dateline-alone',
    what: 'dateline on its own line ("Moskow -"), glued to the next paragraph',
    pattern: re(String.raw`^\p{Lu}[\p{L}.' ]{1,40}\s${DASH}$`),
    action: 'prefix',
  },
];

/**
 * Datelines that open a paragraph and name the outlet or the agency:
 * "Solopos.com, MOSKOW – ", "MOSKWA, KOMPAS.com - ", "BAKU, Azerbaijan (AP) — ".
 * They stay in the text; only the names are read.
 */
export const DATELINE_PATTERNS: readonly RegExp[] = [
  re(String.raw`^(?<source>${DOMAIN}),\s+\p{Lu}[\p{Lu}\s]*\s${DASH}\s`),
  re(String.raw`^\p{Lu}[\p{Lu}\s]*,\s+(?<source>${DOMAIN})\s${DASH}\s`),
  re(String.raw`^\p{Lu}[\p{Lu}\s]*(?:,\s[\p{L}\s]+)?\s\((?<agency>[\p{Lu}]{2,10})\)\s${DASH}\s`),
];

/** News agencies that Indonesian outlets credit in the text. */
export const AGENCIES: readonly string[] = [
  'AFP',
  'AP',
  'Reuters',
  'Antara',
  'Xinhua',
  'Anadolu',
  'Bloomberg',
  'DPA',
  'EFE',
  'Kyodo',
  'Yonhap',
  'TASS',
  'RIA Novosti',
  'Sputnik',
];

/** "Seperti dilansir AFP", "seperti dikabarkan Reuters", "mengutip Xinhua": a credit inside the body. */
export const CREDIT_PATTERN = re(
  String.raw`\b(?:dilansir(?:\s+dari)?|dikutip\s+dari|melansir|mengutip|dikabarkan|diberitakan|dilaporkan)\s+(?<agency>${AGENCIES.map((a) => a.replace(/ /g, '\\s')).join('|')})\b`,
  'iu',
);

/** Month names and abbreviations, Indonesian and English, lower case. */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2, peb: 2, pebruari: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, nopember: 11, november: 11,
  des: 12, desember: 12, dec: 12, december: 12,
};
