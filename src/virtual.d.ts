declare module 'virtual:gazetteer' {
  import type { CompiledGazetteer } from './core/types';
  const gazetteer: CompiledGazetteer;
  export default gazetteer;
}
