// The article page's entry: `article.html?id=<article id>`. Its names are the
// lit ones (shared/lit-gazetteer.ts): an article of the library names only
// entities the library knows.
/// <reference types="vite/client" />
import { render } from 'preact';
import { createMatcher } from '../../core/matcher';
import { GAZETTEER_VERSION } from '../../core/types';
import { uiLanguage } from '../../shared/i18n';
import { getLitGazetteer } from '../../shared/lit-gazetteer';
import { ArticlePage } from './ArticlePage';
import './article.css';

document.documentElement.lang = uiLanguage();
const id = new URLSearchParams(location.search).get('id')?.trim() ?? '';
const app = document.getElementById('app') as HTMLElement;
void getLitGazetteer().then(
  (gazetteer) => render(<ArticlePage id={id} matcher={createMatcher(gazetteer, { lazy: true })} />, app),
  // Without names the article still reads: the matcher finds nothing.
  () => render(<ArticlePage id={id} matcher={createMatcher({ version: GAZETTEER_VERSION, entities: [], starts: [] })} />, app),
);
