// The lit gazetteer's read begun at document_start (src/content/early/early-read.ts):
// the content script takes the stored value, or a newer one written between
// the read and the take, once; after the take the early read no longer listens.
import { describe, expect, it } from 'vitest';
import { startEarlyRead, takeEarlyRead, type EarlyStorage } from '../../src/content/early/early-read';
import { LIT_GAZETTEER_KEY } from '../../src/shared/lit-key';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/** storage.local holding `value`, whose get resolves when `resolveGet` is called. */
function fakeStorage(value: unknown) {
  const listeners = new Set<Listener>();
  let resolveGet!: () => void;
  const storage: EarlyStorage = {
    local: { get: (key) => new Promise((resolve) => (resolveGet = () => resolve(key === LIT_GAZETTEER_KEY ? { [key]: value } : {}))) },
    onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  const change = (newValue: unknown, area = 'local') => {
    for (const l of [...listeners]) l({ [LIT_GAZETTEER_KEY]: { newValue } }, area);
  };
  return { storage, listeners, change, resolveGet: () => resolveGet() };
}

describe('early read of the lit gazetteer', () => {
  it('hands over the stored value once', async () => {
    const world = {};
    const s = fakeStorage({ entities: ['stored'] });
    startEarlyRead(s.storage, world);
    const early = takeEarlyRead(world);
    expect(early).not.toBeNull();
    expect(takeEarlyRead(world)).toBeNull();
    const taken = early!.take();
    s.resolveGet();
    await expect(taken).resolves.toEqual({ entities: ['stored'] });
  });

  it('hands over a value written after the read began, even when the read answers later', async () => {
    const world = {};
    const s = fakeStorage({ entities: ['old'] });
    startEarlyRead(s.storage, world);
    s.change({ entities: ['new'] });
    const taken = takeEarlyRead(world)!.take();
    s.resolveGet();
    await expect(taken).resolves.toEqual({ entities: ['new'] });
  });

  it('ignores other storage areas, and stops listening once taken', async () => {
    const world = {};
    const s = fakeStorage({ entities: ['stored'] });
    startEarlyRead(s.storage, world);
    s.change({ entities: ['session'] }, 'session');
    expect(s.listeners.size).toBe(1);
    const taken = takeEarlyRead(world)!.take();
    expect(s.listeners.size).toBe(0);
    s.change({ entities: ['after the take'] });
    s.resolveGet();
    await expect(taken).resolves.toEqual({ entities: ['stored'] });
  });

  it('is absent where no early read ran', () => {
    expect(takeEarlyRead({})).toBeNull();
  });

  it('passes a failed read on to the taker', async () => {
    const world = {};
    const storage: EarlyStorage = {
      local: { get: () => Promise.reject(new Error('Extension context invalidated.')) },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    };
    startEarlyRead(storage, world);
    await expect(takeEarlyRead(world)!.take()).rejects.toThrow('invalidated');
  });
});
