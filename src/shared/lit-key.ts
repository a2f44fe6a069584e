/** The storage.local key of the lit gazetteer (shared/lit-gazetteer.ts), apart so that the early read needs no polyfill. */
export const LIT_GAZETTEER_KEY = 'litGazetteer';
