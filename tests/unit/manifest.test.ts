import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONLY_IN, isSourceManifest, manifestFor } from '../../src/build/manifest';

const source: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));

describe('manifestFor', () => {
  it('accepts the source manifest', () => {
    expect(isSourceManifest(source)).toBe(true);
  });

  it('writes a Chrome manifest with only a service worker and no Gecko settings', () => {
    if (!isSourceManifest(source)) throw new Error('bad source');
    const m = manifestFor(source, 'chrome');
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m).not.toHaveProperty('browser_specific_settings');
  });

  it('writes a Firefox manifest with only background scripts, a Gecko id, a minimum version and no data collection', () => {
    if (!isSourceManifest(source)) throw new Error('bad source');
    const m = manifestFor(source, 'firefox') as { background: unknown; browser_specific_settings: { gecko: Record<string, unknown> } };
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko.id).toBe('newscontext@example.org');
    // CSS.highlights and data_collection_permissions both arrived in Firefox 140.
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it("gives Chrome its side panel and Firefox its sidebar, each without the other's key or permission", () => {
    if (!isSourceManifest(source)) throw new Error('bad source');
    const chrome = manifestFor(source, 'chrome');
    const firefox = manifestFor(source, 'firefox');
    expect(chrome.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(chrome).not.toHaveProperty('sidebar_action');
    expect(chrome.permissions).toEqual(['storage', 'scripting', 'contextMenus', 'sidePanel']);
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(firefox.permissions).toEqual(['storage', 'scripting', 'contextMenus']);
  });

  it('strips every key and permission listed as one browser\'s alone, and keeps the rest in order', () => {
    const m = {
      manifest_version: 3,
      version: '1',
      background: { service_worker: 'a.js', scripts: ['a.js'] },
      ...Object.fromEntries([...ONLY_IN.chrome.keys, ...ONLY_IN.firefox.keys].map((k) => [k, { x: 1 }])),
      permissions: ['storage', ...ONLY_IN.chrome.permissions, ...ONLY_IN.firefox.permissions, 'alarms'],
    };
    const chrome = manifestFor(m, 'chrome');
    const firefox = manifestFor(m, 'firefox');
    for (const key of ONLY_IN.firefox.keys) expect(chrome).not.toHaveProperty(key);
    for (const key of ONLY_IN.chrome.keys) expect(firefox).not.toHaveProperty(key);
    for (const key of ONLY_IN.chrome.keys) expect(chrome).toHaveProperty(key);
    for (const key of ONLY_IN.firefox.keys) expect(firefox).toHaveProperty(key);
    expect(chrome.permissions).toEqual(['storage', ...ONLY_IN.chrome.permissions, 'alarms']);
    expect(firefox.permissions).toEqual(['storage', ...ONLY_IN.firefox.permissions, 'alarms']);
    expect(isSourceManifest({ ...m, permissions: [42] })).toBe(false);
  });

  it('refuses a source manifest without background entries, and a Firefox build without Gecko settings', () => {
    expect(isSourceManifest({ manifest_version: 3, version: '1', background: { service_worker: 'a.js' } })).toBe(false);
    expect(isSourceManifest({ manifest_version: 2, version: '1', background: { service_worker: 'a.js', scripts: [] } })).toBe(false);
    const bare = { manifest_version: 3, version: '1', background: { service_worker: 'a.js', scripts: ['a.js'] } };
    expect(() => manifestFor(bare, 'firefox')).toThrow(/gecko/);
  });
});
