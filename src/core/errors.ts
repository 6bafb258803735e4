/**
 * Errors for programmers (STYLE habit 5): one base class, a stable `code` per failure, a message that
 * says what happened and what to do. Content mistakes are not errors: they are collected as
 * ContentProblem values (src/core/content/problems.ts) and reported all at once.
 */
import { type Message, render } from './messages/catalogue.ts';

export class InsigneError extends Error {
  /** Stable, documented identifier such as `ERR_BAKE_NOT_PNG`; never renamed once published. */
  readonly code: string;
  /** The message as a catalogue entry, when a person (not only a programmer) may read it. */
  readonly says: Message | undefined;

  constructor(code: string, message: string | Message, options?: ErrorOptions) {
    super(typeof message === 'string' ? message : render(message, 'en'), options);
    this.name = 'InsigneError';
    this.code = code;
    this.says = typeof message === 'string' ? undefined : message;
  }
}
