/** The shape of one error definition: what every code in definitions/errors/ is built with. */

/** What one occurrence says: the sentence, the fix, and the input at fault when there is one. */
export interface ErrorDetails {
  message: string;
  remedy: string;
  input?: string;
  value?: string;
}

export interface ErrorDefinition<P> {
  /** One line for the README's table of codes. */
  summary: string;
  /** The usual fix, one line for the README's table (the remedy of an occurrence is specific). */
  fix?: string;
  build(params: P): ErrorDetails;
}

export function define<P>(
  summary: string,
  build: (params: P) => ErrorDetails,
  fix?: string,
): ErrorDefinition<P> {
  return fix === undefined ? { summary, build } : { summary, fix, build };
}
