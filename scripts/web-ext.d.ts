// web-ext ships no types; scripts/dev.ts uses only `cmd.run` and the runner it returns.
declare module 'web-ext' {
  export interface ExtensionRunner {
    reloadAllExtensions(): Promise<unknown>;
    registerCleanup(callback: () => void): void;
    exit(): Promise<void>;
  }

  export interface RunOptions {
    sourceDir: string;
    target: Array<'firefox-desktop' | 'chromium'>;
    /** The Firefox binary. */
    firefox?: string;
    chromiumBinary?: string;
    /** A Chromium user-data dir. */
    chromiumProfile?: string;
    /** Use the profile given as it is, rather than a temporary copy. */
    keepProfileChanges?: boolean;
    /** Extra command-line arguments for the browser. */
    args?: string[];
    startUrl?: string[];
    noReload?: boolean;
    noInput?: boolean;
  }

  const webExt: {
    cmd: { run(options: RunOptions, context: { shouldExitProgram: boolean }): Promise<ExtensionRunner> };
  };
  export default webExt;
}
