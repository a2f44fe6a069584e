// Text with its entity mentions in <mark>, coloured by type like the
// highlights on web pages. Our own page, so real elements are fine here (the
// content script uses the Highlight API only to leave other pages' DOM alone).
import type { CompiledEntity, Mention } from '../../core/types';
import { t } from '../../shared/i18n';
import { segments } from './segments';

export interface HighlightedProps {
  text: string;
  mentions: readonly Mention[];
  entity(id: string): CompiledEntity | undefined;
}

export function Highlighted({ text, mentions, entity }: HighlightedProps) {
  return (
    <>
      {segments(text, mentions).map((s, i) => {
        if (!s.entityId) return s.text;
        const e = entity(s.entityId);
        const type = e?.type ?? 'unknown';
        return (
          <mark
            key={i}
            class={`entity entity-${type}${s.weak ? ' weak' : ''}`}
            data-entity={s.entityId}
            title={e ? `${e.name} · ${t(`type_${type}`)}: ${e.description}` : undefined}
          >
            {s.text}
          </mark>
        );
      })}
    </>
  );
}
