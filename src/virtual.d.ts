// The compiled gazetteer, provided at build time by src/build/extension-plugin.ts.
declare module 'virtual:gazetteer' {
  const gazetteer: import('./core/types').CompiledGazetteer;
  export default gazetteer;
}
