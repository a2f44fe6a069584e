// mark.js 8 ships no types; the benchmark uses only the constructor and mark().
declare module 'mark.js' {
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keywords: string | string[], options?: Record<string, unknown>): void;
  }
}
