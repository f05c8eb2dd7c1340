/** Messages imported so far (POST /agent/v4/message/import), by originating system and original message id. */
export class MessageImports {
  private readonly byOrigin = new Map<string, string>();

  private static key(system: string, originalId: string): string {
    return `${system}\u0000${originalId}`;
  }

  /** The id of the message imported before from that system under that original id. */
  find(system: string, originalId: string): string | undefined {
    return this.byOrigin.get(MessageImports.key(system, originalId));
  }

  record(system: string, originalId: string, messageId: string): void {
    this.byOrigin.set(MessageImports.key(system, originalId), messageId);
  }
}
