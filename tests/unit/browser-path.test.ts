import { afterEach, describe, expect, it } from 'vitest';
import { browserPath } from '../e2e/harness/browsers';

describe('browserPath', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('fails with the command that installs a missing browser', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(() => browserPath('chromium')).toThrow(
      'chromium not found at /nonexistent/chromium. Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH to its path)',
    );
    process.env.FIREFOX_PATH = '/nonexistent/firefox';
    expect(() => browserPath('firefox')).toThrow(/apt-get install -y firefox-esr/);
  });

  it('uses the path the environment gives', () => {
    process.env.FIREFOX_PATH = process.execPath;
    expect(browserPath('firefox')).toBe(process.execPath);
  });
});
