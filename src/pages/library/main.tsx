// The library page's entry: `library.html`, with optional filters in its URL.
/// <reference types="vite/client" />
import { render } from 'preact';
import { loadEntities } from '../../popup/entities';
import { t, uiLanguage } from '../../shared/i18n';
import { filtersFromSearch } from './library-view';
import { LibraryPage } from './LibraryPage';
import '../../popup/popup.css';
import './library.css';

document.documentElement.lang = uiLanguage();
document.documentElement.classList.add('in-tab');
document.title = `${t('libraryTitle')} · NewsContext`;
void loadEntities().then(() => render(<LibraryPage initial={filtersFromSearch(location.search)} />, document.getElementById('app') as HTMLElement));
