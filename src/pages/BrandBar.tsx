// The bar at the top of the extension's pages opened in a tab (the library,
// the names you follow): the extension's name, and the way to the other page.
import type { ComponentChildren } from 'preact';

export function BrandBar({ children }: { children?: ComponentChildren }) {
  return (
    <header class="bar">
      <span class="brand">
        <img src="icons/icon-32.png" alt="" width={16} height={16} />
        NewsContext
      </span>
      {children}
    </header>
  );
}
