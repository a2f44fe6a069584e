import { describe, expect, it } from 'vitest';
import { canSave, saveStatusAttribute, saveTone, temporaryWarning, type SaveState } from '../../src/popup/save-view';

const done = (outcome: Extract<SaveState, { kind: 'done' }>['outcome']): SaveState => ({ kind: 'done', outcome });

describe('popup save control', () => {
  it('saves a tab the extension may read, not the browser own pages nor a search page with no tab', () => {
    expect(canSave(3, { kind: 'empty', url: 'https://a.example/' })).toBe(true);
    expect(canSave(3, { kind: 'unavailable', reason: 'unscanned' })).toBe(true);
    expect(canSave(3, { kind: 'loading' })).toBe(true);
    expect(canSave(3, { kind: 'unavailable', reason: 'restricted' })).toBe(false);
    expect(canSave(undefined, { kind: 'none' })).toBe(false);
  });

  it('gives each outcome its tone and attribute', () => {
    expect(saveTone(done({ status: 'saved', id: 's-1', title: 'T', kind: 'article' }))).toBe('ok');
    expect(saveTone(done({ status: 'not-article' }))).toBe('info');
    expect(saveTone(done({ status: 'error', reason: 'quota', message: 'full' }))).toBe('error');
    expect(saveTone({ kind: 'failed', message: 'x' })).toBe('error');
    expect(saveTone({ kind: 'saving' })).toBeNull();
    expect(saveStatusAttribute({ kind: 'saving' })).toBe('saving');
    expect(saveStatusAttribute(done({ status: 'updated', id: 's-1', title: 'T', kind: 'article' }))).toBe('updated');
    expect(saveStatusAttribute({ kind: 'idle' })).toBeUndefined();
  });

  it('warns only a temporary or unpacked install that holds unexported articles', () => {
    expect(temporaryWarning('development', { saved: 4, unexported: 2 })).toBe(2);
    expect(temporaryWarning('development', { saved: 4, unexported: 0 })).toBeNull();
    expect(temporaryWarning('normal', { saved: 4, unexported: 4 })).toBeNull();
    expect(temporaryWarning(undefined, undefined)).toBeNull();
  });
});
