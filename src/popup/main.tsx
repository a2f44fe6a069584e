// The popup's entry: read what it was opened for and the names the pages
// light, render.
/// <reference types="vite/client" />
import { render } from 'preact';
import { uiLanguage } from '../shared/i18n';
import { loadEntities } from './entities';
import { Popup } from './Popup';
import { parseParams } from './params';
import './popup.css';

const params = parseParams(location.search);
// The UI's language, so screen readers read the strings in the right voice.
document.documentElement.lang = uiLanguage();
document.documentElement.classList.toggle('in-tab', params.inTab);
void loadEntities().then(() => render(<Popup params={params} />, document.getElementById('app') as HTMLElement));
