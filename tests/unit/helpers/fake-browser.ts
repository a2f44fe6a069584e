// An in-memory stand-in for webextension-polyfill in node unit tests: the
// storage areas, i18n and the few runtime calls our modules make at import or
// call time. Tests reset it with `resetFakeBrowser()`.
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const listeners = new Set<Listener>();

function area(name: string) {
  let data = new Map<string, unknown>();
  return {
    reset() {
      data = new Map();
    },
    async get(keys?: string | string[] | null) {
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of wanted) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
        data.set(k, structuredClone(v));
      }
      for (const l of listeners) l(changes, name);
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

export const fakeBrowser = {
  storage: {
    local: area('local'),
    session: area('session'),
    onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
  },
  i18n: { getMessage: () => '', getUILanguage: () => 'en' },
  runtime: { id: 'fake-extension-id', getURL: (path: string) => `chrome-extension://fake/${path}` },
  action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
  /** The context menu's entries, as created (`items`), for tests to read. */
  contextMenus: {
    items: [] as Array<Record<string, unknown>>,
    async removeAll() {
      fakeBrowser.contextMenus.items = [];
    },
    create(props: Record<string, unknown>) {
      if (fakeBrowser.contextMenus.items.some((i) => i.id === props.id)) throw new Error(`Cannot create item with duplicate id ${String(props.id)}`);
      fakeBrowser.contextMenus.items.push(props);
    },
  },
};

export function resetFakeBrowser(): void {
  fakeBrowser.storage.local.reset();
  fakeBrowser.storage.session.reset();
}

export default fakeBrowser;
