// Mounts the hover card in our shadow root, asks the background for its
// content and places it next to the name. Positioning lives in position.ts.
// Opened by the keyboard, it takes the focus, and gives it back when it closes.
import { h, render } from 'preact';
import type { EntityCard, PageEntity, SaveOutcome } from '../../shared/messages';
import { isSaveSuccess, saveOutcomeText } from '../../shared/save-outcome';
import type { Hit } from '../hit-test';
import type { HoverTarget } from '../hover';
import { t } from '../../shared/i18n';
import { Card, type CardSave, type CardState } from './Card';
import { CARD_CSS, CARD_MAX_HEIGHT } from './card-css';
import { placeCard, type Box } from './position';
import { ShadowHost } from './shadow-host';

export interface CardServices {
  card(entityId: string, page: PageEntity[]): Promise<EntityCard | null>;
  pageEntities(): PageEntity[];
  openArticle(id: string): void;
  showAll(entityId: string): void;
  entityName(entityId: string): string;
  /** Saves the page the card is on (the background's `save`, for this tab). */
  savePage(): Promise<SaveOutcome>;
  /** The card was closed. */
  onClosed?(): void;
}

/**
 * User Timing marks of a card's request and of its content drawn, on the
 * page's timeline: npm run bench reads them (the card sits in a closed shadow root).
 */
export const CARD_REQUEST_MARK = 'newscontext-card-request';
export const CARD_READY_MARK = 'newscontext-card-ready';

export class CardView implements HoverTarget {
  readonly shadow: ShadowHost;
  private container: HTMLElement | null = null;
  /** What the card is placed next to while open: a name's box. */
  private anchor: Box | null = null;
  private request = 0;
  /** Opened by the keyboard: where the focus was before, to go back to on close. */
  private returnFocus: Element | null = null;
  /** The card on screen, once the background answered. */
  private shown: EntityCard | null = null;

  constructor(
    private readonly doc: Document,
    private readonly services: CardServices,
  ) {
    this.shadow = new ShadowHost(doc, CARD_CSS);
  }

  open(hit: Hit, byKeyboard = false): void {
    const { left, top, width, height } = hit.rect;
    this.anchor = { left, top, width, height };
    const request = ++this.request;
    const entityId = hit.mention.entityId;
    const name = this.services.entityName(entityId);
    this.shown = null;
    this.draw({ status: 'loading', name });
    if (byKeyboard) this.takeFocus();
    performance.mark(CARD_REQUEST_MARK);
    this.services.card(entityId, this.services.pageEntities()).then(
      (card) => {
        if (request !== this.request) return;
        this.shown = card;
        this.draw(card ? { status: 'ready', card } : { status: 'error', name, message: name });
        performance.mark(CARD_READY_MARK);
      },
      (error: unknown) => {
        if (request !== this.request) return;
        this.draw({ status: 'error', name, message: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  /** "Save this page" on a followed name's card: saves, says what happened, and shows the card again once the article names it. */
  private savePage(): void {
    const card = this.shown;
    if (!card) return;
    const request = this.request;
    const showing = (save: CardSave, next: EntityCard = card) => {
      if (request !== this.request) return;
      this.shown = next;
      this.draw({ status: 'ready', card: next, save });
    };
    showing({ status: 'saving' });
    this.services.savePage().then(
      async (outcome) => {
        const save: CardSave = { status: 'done', text: saveOutcomeText(outcome), ok: isSaveSuccess(outcome) };
        const again = save.ok ? await this.services.card(card.entity.id, this.services.pageEntities()).catch(() => null) : null;
        showing(save, again ?? card);
      },
      (error: unknown) => showing({ status: 'done', text: error instanceof Error ? error.message : String(error), ok: false }),
    );
  }

  showNothingInView(): void {
    this.request++;
    // Near the top right corner, where a browser shows its own notices.
    const width = this.doc.defaultView?.innerWidth ?? 1024;
    this.anchor = { left: width, top: 8, width: 0, height: 0 };
    this.draw({ status: 'notice', message: t('cardNothingInView') });
    this.takeFocus();
  }

  close(): void {
    this.request++;
    this.shown = null;
    const wasOpen = this.anchor !== null;
    this.anchor = null;
    // Our card had the focus: it goes back where it was (if that is still
    // there), not to the page's start.
    const hadFocus = this.shadow.host !== null && this.doc.activeElement === this.shadow.host;
    if (this.container) render(null, this.container);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (hadFocus) {
      if (back && back.isConnected && 'focus' in back) (back as HTMLElement).focus({ preventScroll: true });
      // It was on the page itself (the body), or that element is gone or cannot take it back.
      if (this.doc.activeElement === this.shadow.host) this.shadow.host?.blur();
    }
    if (wasOpen) this.services.onClosed?.();
  }

  isOpen(): boolean {
    return this.anchor !== null;
  }

  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.shadow.host;
  }

  destroy(): void {
    this.close();
    this.shadow.destroy();
    this.container = null;
  }

  /** Moves the focus to the card, so that Tab reaches its articles and a screen reader reads it. */
  private takeFocus(): void {
    const active = this.doc.activeElement;
    if (active !== this.shadow.host) this.returnFocus = active;
    (this.container?.firstElementChild as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private draw(state: CardState): void {
    const anchor = this.anchor;
    if (!anchor) return;
    const root = this.shadow.ensure();
    if (!this.container || !this.container.isConnected) {
      this.container = this.doc.createElement('div');
      root.append(this.container);
    }
    render(
      h(Card, {
        state,
        onOpenArticle: (id: string) => this.services.openArticle(id),
        onShowAll: (id: string) => this.services.showAll(id),
        onSavePage: () => this.savePage(),
      }),
      this.container,
    );
    const card = this.container.firstElementChild as HTMLElement | null;
    if (!card) return;
    // Measure at the natural height, then fit it to the side it goes on.
    card.style.maxHeight = '';
    const view = this.doc.defaultView;
    const place = placeCard(
      anchor,
      { width: card.offsetWidth, height: card.offsetHeight },
      { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 },
    );
    card.style.maxHeight = `${Math.min(CARD_MAX_HEIGHT, place.maxHeight)}px`;
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
  }
}
