/** A problem in the catalogue, the locale files or the inputs that must stop the build with a clear message. */
export class BuildError extends Error {
  override readonly name = 'BuildError';
}
