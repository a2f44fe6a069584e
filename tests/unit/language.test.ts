import { describe, expect, it } from 'vitest';
import { articleLanguage, languageFromLetters, normaliseLangTag, primaryLanguage } from '../../src/core/language';

const EN = 'The president said on Monday that the talks with his counterpart were useful and that the two countries would meet again in the spring.';
const ID = 'Presiden mengatakan pada hari Senin bahwa pembicaraan dengan mitranya itu berguna dan kedua negara akan bertemu lagi untuk membahas hal yang sama.';
const AZ = 'Prezident İlham Əliyev bu gün Bakıda Rusiya Prezidenti ilə görüşüb. Görüşdə iki ölkə arasında əməkdaşlıq məsələləri müzakirə edilib.';
const RU = 'Президент России Владимир Путин заявил в понедельник, что переговоры с коллегой были полезными и страны встретятся снова весной.';
const TR = 'Cumhurbaşkanı Erdoğan bugün yaptığı açıklamada iki ülke arasındaki ilişkilerin çok daha güçlü olacağını ve bu konuda yeni bir adım atılacağını söyledi.';

describe('normaliseLangTag', () => {
  it('writes a tag the usual way, and refuses what is not one', () => {
    expect(normaliseLangTag('EN_us')).toBe('en-US');
    expect(normaliseLangTag('az-latn-az')).toBe('az-Latn-AZ');
    expect(normaliseLangTag('')).toBeNull();
    expect(normaliseLangTag('english please')).toBeNull();
    expect(primaryLanguage('en-GB')).toBe('en');
  });
});

describe('languageFromLetters', () => {
  it.each([
    ['en', EN],
    ['id', ID],
    ['az', AZ],
    ['ru', RU],
    ['tr', TR],
  ])('reads %s', (lang, text) => {
    expect(languageFromLetters(text)).toBe(lang);
  });

  it('says "und" when there is too little to tell', () => {
    expect(languageFromLetters('Erdoğan, Aliyev')).toBe('und');
  });
});

describe('articleLanguage', () => {
  it("takes the page's lang", () => {
    expect(articleLanguage('en-GB', ID)).toBe('en-GB');
  });

  it('lets Azerbaijani letters win over a template lang, as the content script does', () => {
    expect(articleLanguage('en', AZ)).toBe('az');
  });

  it('reads the letters when the page says nothing usable', () => {
    expect(articleLanguage(null, RU)).toBe('ru');
    expect(articleLanguage('x', ID)).toBe('id');
  });
});
