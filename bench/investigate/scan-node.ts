// Investigation: matching a 10,000-paragraph page's texts in node, lit as
// the bench lights it (the library's names, with and without 100 followed),
// against the floor's one alternation. Text nodes approximated by splitting
// the generated page's markup at tags.
//   npx tsx bench/investigate/scan-node.ts [followed] [rounds]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import { createMatcher } from '../../src/core/matcher';
import { entitiesNamedIn, litIds, subsetGazetteer } from '../../src/core/lit';
import { alternationSource, regexAliases } from '../aliases';
import { createCorpus } from '../corpus';
import { namesToFollow } from '../followed';
import { litGazetteerOfBuild } from '../lit-gazetteer';
import { generatePage } from '../pages';

const followedCount = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 5);
const root = resolve(import.meta.dirname, '../..');
const kb = loadKnowledgeBase();
const library = JSON.parse(readFileSync(resolve(root, 'dist/chrome/library.json'), 'utf8'));
const base = litGazetteerOfBuild(kb, resolve(root, 'dist/chrome'));
const follow = new Set(namesToFollow(library, followedCount));
const none = new Set<string>();
const lit = subsetGazetteer(kb, litIds(kb, { inLibrary: entitiesNamedIn(library.articles), followed: follow, muted: none, lightAll: false }));
const html = generatePage(createCorpus(createMatcher(base)), 10000);
const body = html.slice(html.indexOf('<body>'));
const texts = body.split(/<[^>]*>/).map((t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).filter((t) => t.length > 2);
console.log(`${texts.length} texts, ${texts.reduce((n, t) => n + t.length, 0)} chars; lit ${base.entities.length} / ${lit.entities.length}`);

function time(label: string, fn: () => number): void {
  const ts: number[] = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    n = fn();
    ts.push(performance.now() - t);
  }
  console.log(label.padEnd(34), 'first', ts[0]!.toFixed(1).padStart(6), 'best', Math.min(...ts).toFixed(1).padStart(6), 'ms', n);
}
const order: Array<[string, typeof lit]> = [['lit', base], ['lit+followed', lit]];
if (process.env.FOLLOWED_FIRST) order.reverse();
if (!process.env.CHUNKS) for (const [name, g] of order) {
  const re = new RegExp(alternationSource(regexAliases(g)), 'giu');
  if (process.env.FLOOR) time(`floor ${name}`, () => {
    let n = 0;
    for (const t of texts) {
      re.lastIndex = 0;
      while (re.test(t)) n++;
    }
    return n;
  });
  const m = createMatcher(g, { lazy: true });
  time(`ours ${name}`, () => {
    let n = 0;
    for (const t of texts) n += m.find(t).length;
    return n;
  });
}
if (process.env.CHUNKS) {
  // A fresh matcher's first pass, by tenths of the page: where the cold start's cost lies.
  const m = createMatcher(lit, { lazy: true });
  const tenth = Math.ceil(texts.length / 10);
  const out: string[] = [];
  for (let k = 0; k < 10; k++) {
    const t = performance.now();
    for (const x of texts.slice(k * tenth, (k + 1) * tenth)) m.find(x);
    out.push((performance.now() - t).toFixed(1));
  }
  console.log('first pass by tenths (ms):', out.join(' '));
}
