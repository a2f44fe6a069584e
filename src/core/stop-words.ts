// Function words of the languages we read: articles, prepositions,
// conjunctions, pronouns, auxiliaries. Written out here, folded as the index
// folds them, rather than taken from a list package: such lists hold words
// readers search for ("россия", "new", "said", "baru") and miss Azerbaijani.
// A query drops them when it has other words (they narrow nothing and are in
// most articles); a query made only of them still searches them. No name's
// alias is here (tests/unit/query.test.ts checks it against the knowledge
// base), nor a function word of one language that is a word readers search
// for in another: German "war" and "die", French "son" and "pour", English "may".
import { fold } from './fold';

const WORDS = {
  en: 'a an the and or but nor of to in on at by for from with into onto over under about as than then that this these those there here is are was were be been being am do does did has have had having it its it\'s he she his her him they them their we our us i me my you your who whom whose which what when where why how not no so if also too very just only can could will would shall should might must',
  id: 'yang dan di ke dari pada untuk dengan dalam atau tetapi tapi namun itu ini adalah ialah akan telah sudah belum sedang juga tidak bukan saja pun lah kah oleh bagi antara karena sebagai secara para si ada seperti agar supaya bahwa jika kalau maka lalu kemudian serta hingga sampai sejak tersebut mereka kami kita ia dia nya yakni yaitu',
  ru: 'и в во не что на я с со как а то все он она оно они так его её ее но да ты к у же вы за бы по только из о об от до при для над под без это этот эта эти тот та те был была было были быть есть ли или уже ещё еще их им ему ей мы нас вас который которая которые которого также чтобы',
  tr: 've ile bir bu şu o da de ki mi mı mu mü için gibi kadar daha çok en ama fakat ancak veya ya ne her hem olan olarak oldu olduğu ise değil diye göre sonra önce üzere',
  az: 'və ilə bir bu o da də ki üçün kimi qədər daha çox ən amma lakin ancaq və ya hər həm olan olaraq oldu olduğu isə deyil sonra əvvəl',
  de: 'der das den dem des ein eine einen einem einer eines und oder aber im in am an auf aus bei mit nach von vor zu zum zur für über unter ist sind waren wird werden haben nicht auch als wie dass es er sie wir ihr sich',
  fr: 'le la les un une des du de d l et ou mais dans en sur sous par avec sans au aux ce cet cette ces est sont était été être a ont avait il elle ils elles nous vous se sa ses leur leurs qui que qu ne pas',
};

export const STOP_WORDS: ReadonlySet<string> = new Set(
  Object.values(WORDS)
    .flatMap((line) => line.split(/\s+/))
    .flatMap((w) => w.split("'"))
    .filter((w) => w.length > 0)
    .map((w) => fold(w)),
);

/** Whether a folded term is a function word. */
export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}
