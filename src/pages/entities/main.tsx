// The entities page's entry: `entities.html`, optionally `?q=` to open on a search.
/// <reference types="vite/client" />
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { EntitiesPage } from './EntitiesPage';
import '../../popup/popup.css';
import './entities.css';

document.documentElement.lang = uiLanguage();
document.documentElement.classList.add('in-tab');
document.title = `${t('entitiesTitle')} · NewsContext`;
render(<EntitiesPage initialQuery={new URLSearchParams(location.search).get('q') ?? ''} />, document.getElementById('app') as HTMLElement);
