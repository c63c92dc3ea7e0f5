export type DomainErrorCode = 'invalid_input' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict';

/** Thrown by services; the one exception filter turns the code into an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const invalidInput = (message: string) => new DomainError('invalid_input', message);
export const unauthenticated = (message = 'Missing or invalid credentials') => new DomainError('unauthenticated', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const notFound = (thing: string, id?: string) =>
  new DomainError('not_found', id ? `${thing} ${id} not found` : `${thing} not found`);
export const conflict = (message: string) => new DomainError('conflict', message);
