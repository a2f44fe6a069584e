// content-start.js: runs at document_start in every frame and only begins the
// lit gazetteer's read (early-read.ts); content.js takes it at document_idle.
import { startEarlyRead, type EarlyStorage } from './early-read';

const api = (globalThis as { browser?: { storage?: EarlyStorage }; chrome?: { storage?: EarlyStorage } });
const storage = api.browser?.storage ?? api.chrome?.storage;
if (storage) startEarlyRead(storage);
