// Turns the one source manifest.json into the manifest each browser loads.
// Chrome wants `background.service_worker` and rejects Gecko settings it does not
// know with a warning; Firefox MV3 runs background scripts as an event page and
// needs `browser_specific_settings.gecko`. Pure: tested in node.

export type Target = 'chrome' | 'firefox';

export interface SourceManifest {
  manifest_version: number;
  version: string;
  background: { service_worker: string; scripts: string[]; type?: 'module' | 'classic' };
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

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
    Array.isArray(bg.scripts)
  );
}

export function manifestFor(source: SourceManifest, target: Target): Record<string, unknown> {
  const { background, browser_specific_settings, ...rest } = source;
  const type = background.type ? { type: background.type } : {};
  if (target === 'chrome') {
    return { ...rest, background: { service_worker: background.service_worker, ...type } };
  }
  if (!browser_specific_settings) {
    throw new Error('manifest.json: browser_specific_settings.gecko is required for Firefox');
  }
  return { ...rest, background: { scripts: background.scripts, ...type }, browser_specific_settings };
}
