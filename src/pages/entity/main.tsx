// The entity page's entry: `entity.html?id=<entity id>` (and its filters).
/// <reference types="vite/client" />
import { render } from 'preact';
import { uiLanguage } from '../../shared/i18n';
import { EntityPage } from './EntityPage';
import { parseEntityParams } from './view-model';
import './entity.css';

document.documentElement.lang = uiLanguage();
render(<EntityPage params={parseEntityParams(location.search)} />, document.getElementById('app') as HTMLElement);
