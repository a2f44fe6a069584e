// The entity page's entry: `entity.html?id=<entity id>` (and its filters).
/// <reference types="vite/client" />
import { render } from 'preact';
import { loadEntities } from '../../popup/entities';
import { uiLanguage } from '../../shared/i18n';
import { EntityPage } from './EntityPage';
import { parseEntityParams } from './view-model';
import './entity.css';

document.documentElement.lang = uiLanguage();
// The names of the entities it links to: the lit ones, read before the first render.
void loadEntities().then(() => render(<EntityPage params={parseEntityParams(location.search)} />, document.getElementById('app') as HTMLElement));
