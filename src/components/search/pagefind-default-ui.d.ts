/** The part of Pagefind's default interface (a dependency of Starlight) that search.ts uses; the package ships no types. */
declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
  }
}
