import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSourceManifest, manifestFor } from '../../src/build/manifest';

const source: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));

describe('manifestFor', () => {
  it('accepts the source manifest', () => {
    expect(isSourceManifest(source)).toBe(true);
  });

  it('writes a Chrome manifest with only a service worker and no Gecko settings', () => {
    if (!isSourceManifest(source)) throw new Error('bad source');
    const m = manifestFor(source, 'chrome');
    expect(m.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(m).not.toHaveProperty('browser_specific_settings');
  });

  it('writes a Firefox manifest with only background scripts, a Gecko id, a minimum version and no data collection', () => {
    if (!isSourceManifest(source)) throw new Error('bad source');
    const m = manifestFor(source, 'firefox') as { background: unknown; browser_specific_settings: { gecko: Record<string, unknown> } };
    expect(m.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(m.browser_specific_settings.gecko.id).toBe('newscontext@example.org');
    // CSS.highlights and data_collection_permissions both arrived in Firefox 140.
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('refuses a source manifest without background entries, and a Firefox build without Gecko settings', () => {
    expect(isSourceManifest({ manifest_version: 3, version: '1', background: { service_worker: 'a.js' } })).toBe(false);
    expect(isSourceManifest({ manifest_version: 2, version: '1', background: { service_worker: 'a.js', scripts: [] } })).toBe(false);
    const bare = { manifest_version: 3, version: '1', background: { service_worker: 'a.js', scripts: ['a.js'] } };
    expect(() => manifestFor(bare, 'firefox')).toThrow(/gecko/);
  });
});
