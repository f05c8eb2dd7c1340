/**
 * The messages pane of the chat tab. A message rendered before keeps its elements (and a form someone is filling
 * in) unless it changed; new ones are added in order and the pane follows them when it was at the bottom.
 */
namespace SymphonyEditor {
  /** Sends a form of a message as the viewer; `done` gets the refusal's reason, if any. */
  export type ChatFormSender = (messageId: string, formId: string, values: Record<string, string | string[]>, done: (error?: string) => void) => void;

  function formatTime(timestamp: number): string {
    const when = new Date(timestamp);
    return when.toDateString() === new Date().toDateString() ? when.toLocaleTimeString() : when.toLocaleString();
  }

  export class ChatMessages {
    readonly box = element('div', 'symphony-chat-messages');
    /** Rendered messages by id, with what they were rendered from. */
    private shown: Record<string, { key: string; node: HTMLElement }> = {};
    /** Whose view of which stream is shown: another one starts afresh. */
    private shownFor = '';

    constructor(private readonly sendForm: ChatFormSender) {}

    /** A line instead of messages (no conversation yet). */
    note(text: string): void {
      this.clear();
      this.box.appendChild(element('div', 'symphony-chat-empty', text));
    }

    clear(): void {
      this.shown = {};
      this.shownFor = '';
      this.box.textContent = '';
    }

    show(viewer: string, answer: SymphonyChatData.MessagesAnswer): void {
      const box = this.box;
      const view = viewer + ' ' + answer.stream.id;
      if (view !== this.shownFor) {
        this.clear();
        this.shownFor = view;
      }
      const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
      const wanted: Record<string, { key: string; node: HTMLElement }> = {};
      const nodes = answer.messages.map((message) => {
        const key = JSON.stringify(message);
        const before = this.shown[message.id];
        const node = before && before.key === key ? before.node : this.messageNode(message);
        wanted[message.id] = { key: key, node: node };
        return node;
      });
      Array.prototype.slice.call(box.children).forEach((child: HTMLElement) => {
        if (nodes.indexOf(child) < 0) {
          box.removeChild(child);
        }
      });
      nodes.forEach((node, i) => {
        if (box.children[i] !== node) {
          box.insertBefore(node, box.children[i] || null);
        }
      });
      if (nodes.length === 0) {
        box.appendChild(element('div', 'symphony-chat-empty', t('editor.chat.noMessages')));
      }
      const grew = answer.messages.some((message) => !this.shown[message.id]);
      this.shown = wanted;
      if (atBottom || grew) {
        box.scrollTop = box.scrollHeight;
      }
    }

    private messageNode(message: SymphonyChatData.Message): HTMLElement {
      const node = element('div', 'symphony-chat-message' + (message.mine ? ' symphony-chat-mine' : ''));
      node.setAttribute('data-message-id', message.id);
      const head = element('div', 'symphony-chat-head');
      head.appendChild(element('span', 'symphony-chat-sender', message.sender.displayName));
      head.appendChild(element('span', 'symphony-chat-time', formatTime(message.timestamp)));
      node.appendChild(head);
      const body = element('div', 'symphony-chat-body');
      renderParts(message.content, body, (formId, values, done) => this.sendForm(message.id, formId, values, done));
      node.appendChild(body);
      return node;
    }
  }
}
