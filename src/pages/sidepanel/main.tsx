// The side panel's entry (sidepanel.html): Chrome's side_panel and Firefox's
// sidebar_action both load it.
/// <reference types="vite/client" />
import { render } from 'preact';
import { loadEntities } from '../../popup/entities';
import { uiLanguage } from '../../shared/i18n';
import { SidePanel } from './SidePanel';
import '../../popup/popup.css';
import './sidepanel.css';

document.documentElement.lang = uiLanguage();
document.documentElement.classList.add('in-tab', 'in-panel');
void loadEntities().then(() => render(<SidePanel />, document.getElementById('app') as HTMLElement));
