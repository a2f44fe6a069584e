// The words the generated pages, texts and libraries are made of: sentences
// from the seeds (Indonesian) and hand-written news sentences in English,
// Russian and Turkish, with entity names from the gazetteer spliced in, in the
// spellings and inflections each language uses. Seeded, so every run is alike.
import { resolve } from 'node:path';
import { countryNames } from '../src/build/gazetteer';
import { buildLibraryFromSeeds } from '../src/build/library-build';
import entitySpecs from '../src/core/gazetteer/entities.json';
import type { Matcher } from '../src/core/matcher';
import type { EntitySpec } from '../src/core/types';
import type { Rng } from './rng';

export type Lang = 'en' | 'id' | 'ru' | 'tr';

/** Share of paragraphs per language. */
const LANG_WEIGHTS: Array<[Lang, number]> = [
  ['en', 0.4],
  ['id', 0.3],
  ['ru', 0.15],
  ['tr', 0.15],
];

// "{}" is where a name goes.
const TEMPLATES: Record<Exclude<Lang, 'id'>, string[]> = {
  en: [
    'Officials in {} said on Thursday that talks would resume next week, after a pause of several months.',
    'The statement from {} came hours after the ceasefire collapsed along the front line.',
    '{} told reporters that the agreement would be signed "in the coming days", without giving a date.',
    'Analysts say the meeting between {} and {} is unlikely to change the balance of power in the region.',
    'Shipping through the straits slowed sharply, according to data compiled by a consultancy in London.',
    'A spokesman declined to comment on the reports, saying only that the investigation was continuing.',
    'The talks in {} lasted more than four hours and ended without a joint declaration.',
    'Prices for wheat and fertiliser rose for a third consecutive week on concerns about supply.',
    "{}'s government has repeatedly denied any involvement in the incident.",
    'Diplomats from {} and {} are expected to meet again before the end of the month.',
    'The crash killed 38 of the 67 people on board, investigators said in a preliminary report.',
    'Residents described hearing two loud explosions shortly before dawn.',
    'The decision was welcomed by {}, which had pressed for a negotiated settlement since the spring.',
    'Opposition leaders called the vote a sham and urged supporters to stay calm.',
    'In an interview with state television, {} said the sanctions had failed to achieve their goal.',
    'The ministry said it had summoned the ambassador of {} to protest against the remarks.',
    'Thousands of people have fled their homes since the fighting began in late September.',
    'Trade between the two countries grew by almost a fifth last year, official figures show.',
    'The airline suspended flights to {} until further notice, citing safety concerns.',
    'Few expect a breakthrough, but both sides say they want to keep the channel open.',
  ],
  ru: [
    'В четверг {} заявил, что переговоры продолжатся на следующей неделе.',
    'Представители {} сообщили о подготовке нового соглашения о торговле.',
    'По словам экспертов, встреча в {} не изменит баланс сил в регионе.',
    'Министр отметил, что ситуация на границе остаётся напряжённой.',
    'Глава государства провёл телефонный разговор с {}, сообщает пресс-служба.',
    'Аналитики ожидают, что цены на зерно продолжат расти до конца года.',
    'Делегация {} прибыла в {} для консультаций по вопросам безопасности.',
    'Официальный представитель {} назвала эти обвинения необоснованными.',
    'Жители города рассказали, что слышали несколько взрывов рано утром.',
    'Соглашение было подписано после многочасовых переговоров в {}.',
    'Экономисты предупреждают о рисках для банковского сектора.',
    'Позиция {} по этому вопросу не изменилась, подчеркнул дипломат.',
  ],
  tr: [
    "Dışişleri Bakanı, {} ile yapılan görüşmenin olumlu geçtiğini söyledi.",
    "{} perşembe günü yaptığı açıklamada müzakerelerin süreceğini belirtti.",
    "Uzmanlara göre {} zirvesi bölgedeki dengeleri değiştirmeyecek.",
    "Toplantıda enerji, ticaret ve güvenlik konuları ele alındı.",
    "{} ve {} arasındaki ilişkiler son yıllarda belirgin şekilde gelişti.",
    "Yetkililer, kazanın nedenine ilişkin soruşturmanın sürdüğünü açıkladı.",
    "Bölge halkı sabah saatlerinde iki patlama sesi duyduğunu anlattı.",
    "Anlaşma, {} kentinde saatler süren görüşmelerin ardından imzalandı.",
    "Ekonomistler, tahıl fiyatlarının yıl sonuna kadar artmaya devam edeceğini öngörüyor.",
    "Cumhurbaşkanı {} ile telefonda görüştü, iletişim başkanlığı bildirdi.",
    "Heyet, güvenlik konularında istişarelerde bulunmak üzere {} kentine gitti.",
    "Muhalefet partileri sonucun yeniden sayılmasını talep etti.",
  ],
};

/** Endings that Russian names take in running text (the matcher must see through them). */
const RU_ENDINGS_CONSONANT = ['', '', 'а', 'у', 'ым', 'е', 'ом'];
const RU_ENDINGS_A = ['а', 'ы', 'е', 'у', 'ой'];
const RU_ENDINGS_YA = ['я', 'и', 'ю', 'ей'];
/** Turkish suffixes after an apostrophe. */
const TR_SUFFIXES = ['', '', '', "'ın", "'a", "'da", "'nın", "'dan", "'ı"];

/** Original spellings of every entity, per language of running text. */
function namesByLang(): Record<Lang, string[]> {
  const out: Record<Lang, Set<string>> = { en: new Set(), id: new Set(), ru: new Set(), tr: new Set() };
  const accept: Record<Lang, string[]> = { en: ['en', 'mul'], id: ['id', 'ms', 'mul'], ru: ['ru'], tr: ['tr', 'az'] };
  for (const e of entitySpecs as unknown as EntitySpec[]) {
    const specs = [...e.aliases, ...(e.iso ? countryNames(e.iso) : [])];
    for (const a of specs) {
      for (const lang of Object.keys(out) as Lang[]) if (accept[lang].includes(a.lang)) out[lang].add(a.text);
    }
  }
  return { en: [...out.en], id: [...out.id], ru: [...out.ru], tr: [...out.tr] };
}

function inflect(lang: Lang, name: string, rng: Rng): string {
  if (lang === 'ru' && !/[A-Z]/.test(name) && !/ /.test(name) && name.length >= 5) {
    const last = name[name.length - 1]!;
    if (last === 'а') return name.slice(0, -1) + rng.pick(RU_ENDINGS_A);
    if (last === 'я') return name.slice(0, -1) + rng.pick(RU_ENDINGS_YA);
    if (/[бвгджзклмнпрстфхцчшщ]/.test(last)) return name + rng.pick(RU_ENDINGS_CONSONANT);
    return name;
  }
  if (lang === 'tr') return name + rng.pick(TR_SUFFIXES);
  if (lang === 'en' && rng.chance(0.08)) return name + "'s";
  return name;
}

export interface Corpus {
  /** One paragraph of running text: 1–5 sentences in one language, with names. */
  paragraph(rng: Rng): string;
  /** The same, as its sentences (to wrap some in inline markup). */
  sentences(rng: Rng): string[];
  /** A short line (a heading, a list item, a link text). */
  line(rng: Rng): string;
  /** A name as it appears in text, in some language. */
  name(rng: Rng): string;
  /** Words of the seeds and templates, for queries and filler. */
  words: readonly string[];
}

const root = resolve(import.meta.dirname, '..');

/** Builds the corpus; the matcher is only used to read the seeds through the real parser. */
export function createCorpus(matcher: Matcher): Corpus {
  const { library } = buildLibraryFromSeeds(resolve(root, 'seeds'), matcher);
  const idSentences: string[] = [];
  for (const a of library.toJSON().articles) {
    for (const p of [a.title, a.lead, ...a.paragraphs]) {
      for (const s of p.split(/(?<=[.!?”"])\s+(?=[A-Z“"])/)) if (s.length >= 30 && s.length <= 400) idSentences.push(s.trim());
    }
  }
  const names = namesByLang();
  const fill = (lang: Lang, template: string, rng: Rng) =>
    template.replace(/\{\}/g, () => inflect(lang, rng.pick(names[lang]), rng));

  const sentence = (lang: Lang, rng: Rng): string => {
    if (lang === 'id') {
      // Seed sentences already name entities; now and then add one more.
      const s = rng.pick(idSentences);
      return rng.chance(0.25) ? `${s} Menurut ${rng.pick(names.id)}, situasi masih berkembang.` : s;
    }
    return fill(lang, rng.pick(TEMPLATES[lang]), rng);
  };

  const pickLang = (rng: Rng): Lang => {
    let x = rng.next();
    for (const [lang, w] of LANG_WEIGHTS) if ((x -= w) < 0) return lang;
    return 'en';
  };

  const sentences = (rng: Rng): string[] => {
    const lang = pickLang(rng);
    const n = lang === 'id' ? rng.int(1, 3) : rng.int(2, 5);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(sentence(lang, rng));
    return out;
  };

  const words = [
    ...new Set(
      [...idSentences, ...Object.values(TEMPLATES).flat()]
        .join(' ')
        .replace(/\{\}/g, ' ')
        .match(/[\p{L}\p{M}]{3,}/gu) ?? [],
    ),
  ];

  return {
    sentences,
    paragraph: (rng) => sentences(rng).join(' '),
    line(rng) {
      const lang = pickLang(rng);
      const s = sentence(lang, rng);
      return s.length > 90 ? s.slice(0, s.lastIndexOf(' ', 90)) : s;
    },
    name(rng) {
      const lang = pickLang(rng);
      return inflect(lang, rng.pick(names[lang]), rng);
    },
    words,
  };
}
