// Turns the one source manifest.json into the manifest each browser loads.
// Chrome wants `background.service_worker` and rejects Gecko settings it does not
// know with a warning; Firefox MV3 runs background scripts as an event page and
// needs `browser_specific_settings.gecko`. Keys and permissions that only one
// browser knows (Chrome's side panel, Firefox's sidebar) go to that browser
// only: the other would warn about them, and web-ext lint with it. Pure: tested in node.

export type Target = 'chrome' | 'firefox';

export interface SourceManifest {
  manifest_version: number;
  version: string;
  background: { service_worker: string; scripts: string[]; type?: 'module' | 'classic' };
  browser_specific_settings?: unknown;
  permissions?: string[];
  [key: string]: unknown;
}

/** What belongs to one browser alone: top-level keys and permissions. */
export const ONLY_IN: Record<Target, { keys: readonly string[]; permissions: readonly string[] }> = {
  chrome: { keys: ['side_panel'], permissions: ['sidePanel'] },
  firefox: { keys: ['sidebar_action', 'browser_specific_settings'], permissions: [] },
};

export function isSourceManifest(value: unknown): value is SourceManifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const bg = m.background as Record<string, unknown> | undefined;
  return (
    m.manifest_version === 3 &&
    typeof m.version === 'string' &&
    typeof bg === 'object' &&
    bg !== null &&
    typeof bg.service_worker === 'string' &&
    Array.isArray(bg.scripts) &&
    (m.permissions === undefined || (Array.isArray(m.permissions) && m.permissions.every((p) => typeof p === 'string')))
  );
}

/** The source without what belongs to the other browser alone. */
function withoutOthers(source: SourceManifest, target: Target): Record<string, unknown> {
  const other = ONLY_IN[target === 'chrome' ? 'firefox' : 'chrome'];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) if (!other.keys.includes(key)) out[key] = value;
  if (source.permissions) out.permissions = source.permissions.filter((p) => !other.permissions.includes(p));
  return out;
}

export function manifestFor(source: SourceManifest, target: Target): Record<string, unknown> {
  const { background, ...rest } = withoutOthers(source, target) as SourceManifest;
  const type = background.type ? { type: background.type } : {};
  if (target === 'chrome') {
    return { ...rest, background: { service_worker: background.service_worker, ...type } };
  }
  if (!source.browser_specific_settings) {
    throw new Error('manifest.json: browser_specific_settings.gecko is required for Firefox');
  }
  return { ...rest, background: { scripts: background.scripts, ...type } };
}
