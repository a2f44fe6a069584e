// The card's styles, adopted inside its shadow root. System colours follow the
// reader's light or dark preference; entity colours are the extension's own
// (src/shared/entity-colours.css).
import ENTITY_COLOURS from '../../shared/entity-colours.css?inline';

export const CARD_MAX_HEIGHT = 420;

export const CARD_CSS = `${ENTITY_COLOURS}
:host { all: initial; }
.card {
  position: fixed; box-sizing: border-box; width: 340px; max-height: ${CARD_MAX_HEIGHT}px; overflow: auto;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d2433; background: #ffffff; border: 1px solid #d5dae3; border-radius: 10px;
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.18); padding: 12px 14px; text-align: left;
}
header h2 { font-size: 16px; margin: 4px 0 2px; }
.desc { margin: 0 0 8px; color: #4a5365; }
.muted, .count, .meta { color: #5d6678; }
.count { margin: 0 0 6px; font-weight: 600; }
.type { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: 1px 6px; border-radius: 999px; }
.type-person { background: var(--nc-person); }
.type-place { background: var(--nc-place); }
.type-organisation { background: var(--nc-organisation); }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 6px 0; border-top: 1px solid #e6e9ef; }
button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
.title { font-weight: 600; color: #2346b0; }
.title:hover, .all:hover { text-decoration: underline; }
button:focus-visible { outline: 2px solid #3451b2; outline-offset: 2px; border-radius: 3px; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid #3451b2; outline-offset: 2px; }
.notice { margin: 0; }
.snippet { margin: 2px 0 0; }
mark { background: rgb(255 196 0 / 0.45); color: inherit; border-radius: 2px; }
.all {
  /* Always in reach, even when the list scrolls. */
  position: sticky; bottom: -12px; display: block; width: calc(100% + 28px); margin: 6px -14px -12px; padding: 8px 14px;
  color: #2346b0; font-weight: 600; background: inherit; border-top: 1px solid #e6e9ef;
}
.error { color: #b3261e; }
@media (prefers-color-scheme: dark) {
  .card { color: #e3e7ee; background: #1f232b; border-color: #3a404c; box-shadow: 0 8px 28px rgb(0 0 0 / 0.5); }
  .desc, .muted, .count, .meta { color: #a9b1c0; }
  li { border-color: #343a46; }
  .title, .all { color: #9db4ff; }
  .all { border-color: #343a46; }
  mark { background: rgb(255 196 0 / 0.3); }
  .error { color: #ffb4ab; }
  button:focus-visible, .card:focus-visible { outline-color: #9db4ff; }
}
`;
