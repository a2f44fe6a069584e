// DesignModeWatch: design mode switched by a script, with no input from the
// reader, is noticed within a poll while it is on; while it is off, nothing
// polls. A stand-in document (design mode and listeners) and fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESIGN_MODE_POLL_MS, DesignModeWatch } from '../../src/content/design-mode';

interface FakeDoc {
  designMode: string;
  listeners: Map<string, () => void>;
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string): void;
}

function fakeDoc(designMode: 'on' | 'off'): FakeDoc {
  const listeners = new Map<string, () => void>();
  return {
    designMode,
    listeners,
    addEventListener: (type, fn) => void listeners.set(type, fn),
    removeEventListener: (type) => void listeners.delete(type),
  };
}

const watch = (doc: FakeDoc, onChange: (on: boolean) => void) => new DesignModeWatch(doc as unknown as Document, onChange);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DesignModeWatch', () => {
  it('notices design mode turned off by a script within a poll, with no event', () => {
    const doc = fakeDoc('on');
    const changes: boolean[] = [];
    const w = watch(doc, (on) => changes.push(on));
    expect(w.isOn).toBe(true);
    doc.designMode = 'off';
    vi.advanceTimersByTime(DESIGN_MODE_POLL_MS - 1);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual([false]);
    expect(w.isOn).toBe(false);
    w.destroy();
  });

  it('polls only while design mode is on', () => {
    const doc = fakeDoc('off');
    const changes: boolean[] = [];
    const w = watch(doc, (on) => changes.push(on));
    expect(vi.getTimerCount()).toBe(0);
    // Turned on: seen at the next look an event brings (here, a press of the pointer); then polled.
    doc.designMode = 'on';
    doc.listeners.get('pointerdown')?.();
    expect(changes).toEqual([true]);
    expect(vi.getTimerCount()).toBe(1);
    doc.designMode = 'off';
    vi.advanceTimersByTime(DESIGN_MODE_POLL_MS);
    expect(changes).toEqual([true, false]);
    expect(vi.getTimerCount()).toBe(0);
    w.destroy();
  });

  it('stops polling and listening when destroyed', () => {
    const doc = fakeDoc('on');
    const changes: boolean[] = [];
    const w = watch(doc, (on) => changes.push(on));
    w.destroy();
    expect(vi.getTimerCount()).toBe(0);
    expect(doc.listeners.size).toBe(0);
    doc.designMode = 'off';
    vi.advanceTimersByTime(5 * DESIGN_MODE_POLL_MS);
    expect(changes).toEqual([]);
  });
});
