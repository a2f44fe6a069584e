// The one seam to the WebExtension API: every other module imports `browser`
// from here, so tests can replace it and the polyfill is imported in one place.
import browser from 'webextension-polyfill';

export type { Menus, Runtime, Tabs, Storage } from 'webextension-polyfill';
export default browser;
