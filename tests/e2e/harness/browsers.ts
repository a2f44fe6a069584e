// Launching the system browsers with the built extension loaded. Nothing here
// downloads a browser: a missing one is an error that says how to install it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { DIST_CHROME, DIST_FIREFOX, requireBuilt } from './paths';

interface BrowserSpec {
  env: string;
  defaultPath: string;
  apt: string;
}

const SPECS = {
  chromium: { env: 'CHROMIUM_PATH', defaultPath: '/usr/bin/chromium', apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', defaultPath: '/usr/bin/firefox-esr', apt: 'firefox-esr' },
} satisfies Record<string, BrowserSpec>;

export function browserPath(name: keyof typeof SPECS): string {
  const spec = SPECS[name];
  const path = process.env[spec.env] ?? spec.defaultPath;
  if (!existsSync(path)) {
    throw new Error(
      `${name} not found at ${path}. Install it with: sudo apt-get update && sudo apt-get install -y ${spec.apt}` +
        ` (or set ${spec.env} to its path)`,
    );
  }
  return path;
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/** Headless, quiet: nothing of Chromium's own reaches the network. Shared with the benchmark. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Keep the closed network quiet and the run deterministic. Shared with the benchmark. */
export const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
};

/**
 * `profile`: a profile directory to use and keep (a relaunch on the same
 * profile); by default a fresh one, removed on close.
 */
export async function launchChromium(extensionDir = DIST_CHROME, { profile: kept }: { profile?: string } = {}): Promise<ChromiumSession> {
  requireBuilt(extensionDir);
  const profile = kept ?? mkdtempSync(join(tmpdir(), 'newscontext-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath('chromium'),
    headless: false, // --headless=new below: the old headless mode cannot load extensions
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      if (!kept) rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchFirefox(extensionDir = DIST_FIREFOX): Promise<FirefoxSession> {
  requireBuilt(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
    extraPrefsFirefox: FIREFOX_PREFS,
  });
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId, close: () => browser.close() };
}
