// The compiled gazetteer, provided at build time by src/build/extension-plugin.ts.
declare module 'virtual:gazetteer' {
  const gazetteer: import('./core/types').CompiledGazetteer;
  export default gazetteer;
}

// A stylesheet imported as its text (vite's `?inline`), for a shadow root.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
