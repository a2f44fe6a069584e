// Mounts the hover card in our shadow root, asks the background for its
// content and places it next to the name. Positioning lives in position.ts.
import { h, render } from 'preact';
import type { EntityCard, PageEntity } from '../../shared/messages';
import type { Hit } from '../hit-test';
import type { HoverTarget } from '../hover';
import { Card, type CardState } from './Card';
import { CARD_CSS, CARD_MAX_HEIGHT } from './card-css';
import { placeCard } from './position';
import { ShadowHost } from './shadow-host';

export interface CardServices {
  card(entityId: string, page: PageEntity[]): Promise<EntityCard | null>;
  pageEntities(): PageEntity[];
  openArticle(id: string): void;
  showAll(entityId: string): void;
  entityName(entityId: string): string;
}

export class CardView implements HoverTarget {
  readonly shadow: ShadowHost;
  private container: HTMLElement | null = null;
  private current: Hit | null = null;
  private request = 0;

  constructor(
    private readonly doc: Document,
    private readonly services: CardServices,
  ) {
    this.shadow = new ShadowHost(doc, CARD_CSS);
  }

  open(hit: Hit): void {
    this.current = hit;
    const request = ++this.request;
    const entityId = hit.mention.entityId;
    const name = this.services.entityName(entityId);
    this.draw({ status: 'loading', name });
    this.services.card(entityId, this.services.pageEntities()).then(
      (card) => {
        if (request !== this.request) return;
        this.draw(card ? { status: 'ready', card } : { status: 'error', name, message: name });
      },
      (error: unknown) => {
        if (request !== this.request) return;
        this.draw({ status: 'error', name, message: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  close(): void {
    this.request++;
    this.current = null;
    if (this.container) render(null, this.container);
  }

  isOpen(): boolean {
    return this.current !== null;
  }

  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.shadow.host;
  }

  destroy(): void {
    this.close();
    this.shadow.destroy();
    this.container = null;
  }

  private draw(state: CardState): void {
    if (!this.current) return;
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
      }),
      this.container,
    );
    const card = this.container.firstElementChild as HTMLElement | null;
    if (!card) return;
    // Measure at the natural height, then fit it to the side it goes on.
    card.style.maxHeight = '';
    const view = this.doc.defaultView;
    const r = this.current.rect;
    const place = placeCard(
      { left: r.left, top: r.top, width: r.width, height: r.height },
      { width: card.offsetWidth, height: card.offsetHeight },
      { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 },
    );
    card.style.maxHeight = `${Math.min(CARD_MAX_HEIGHT, place.maxHeight)}px`;
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
  }
}
