/**
 * Errors for programmers (STYLE habit 5): one base class, a stable `code` per failure, a message that
 * says what happened and what to do. Content mistakes are not errors: they are collected as
 * ContentProblem values (src/core/content/problems.ts) and reported all at once.
 */
export class InsigneError extends Error {
  /** Stable, documented identifier such as `ERR_BAKE_NOT_PNG`; never renamed once published. */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InsigneError';
    this.code = code;
  }
}
