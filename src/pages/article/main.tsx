// The article page's entry: `article.html?id=<article id>`.
/// <reference types="vite/client" />
import gazetteer from 'virtual:gazetteer';
import { render } from 'preact';
import { createMatcher } from '../../core/matcher';
import { uiLanguage } from '../../shared/i18n';
import { ArticlePage } from './ArticlePage';
import './article.css';

document.documentElement.lang = uiLanguage();
const id = new URLSearchParams(location.search).get('id')?.trim() ?? '';
render(<ArticlePage id={id} matcher={createMatcher(gazetteer)} />, document.getElementById('app') as HTMLElement);
