/**
 * jsdom ships no types, and @types/jsdom is no dependency of ours: the little of it the Mermaid
 * test uses (a window whose globals Mermaid's DOMPurify looks for).
 */
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string, options?: { pretendToBeVisual?: boolean });
    readonly window: { document: unknown } & Record<string, unknown>;
  }
}
