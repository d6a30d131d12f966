/**
 * A signing problem caused by what the user gave us (a missing certificate file, a wrong
 * password, a key that does not match its certificate ...). The CLI exits 2 on it.
 */
export class SigningInputError extends Error {
  override name = 'SigningInputError';
}
