/**
 * What the chat view's admin routes answer (nodes/runtime/chat, which references this file) and the editor's
 * "Symphony chat" tab reads: one shape for both sides. Message content is a tree of whitelisted parts, never
 * HTML: the editor builds elements from it and sets every text as text.
 */
declare namespace SymphonyChatData {
  interface User {
    id: number;
    username: string;
    displayName: string;
    title?: string;
    company: string;
    /** A service account (the bot). */
    bot: boolean;
  }

  /** GET symphony/chat/users. */
  interface UsersAnswer {
    running: boolean;
    users: User[];
  }

  interface Stream {
    id: string;
    type: 'IM' | 'MIM' | 'ROOM';
    /** The room's name, or the other members' display names. */
    name: string;
    active: boolean;
    /** When the last message the user sees was sent, if any. */
    lastMessageAt?: number;
  }

  /** GET symphony/chat/streams?user=… */
  interface StreamsAnswer {
    /** Changes whenever something the user sees changes; sent back as `revision`, an unchanged view answers 204. */
    revision: string;
    streams: Stream[];
    /** Usernames the user may open an IM with. */
    contacts: string[];
  }

  type Block = 'b' | 'i' | 'u' | 's' | 'code' | 'pre' | 'p' | 'div' | 'h' | 'ul' | 'ol' | 'li' | 'blockquote' | 'table' | 'tr' | 'td' | 'th';

  interface TextPart { text: string }
  interface ElementPart { tag: Block; children: Part[] }
  interface BreakPart { tag: 'br' | 'hr' }
  /** Only http(s) and mailto links. */
  interface LinkPart { link: string; children: Part[] }
  interface EntityPart { entity: 'mention' | 'hashtag' | 'cashtag'; text: string }
  interface FormPart { form: string; children: Part[] }

  interface Option {
    value: string;
    label: string;
    selected: boolean;
  }

  /** An Elements field or button. */
  interface FieldPart {
    field: 'text' | 'textarea' | 'select' | 'checkbox' | 'radio' | 'button';
    name: string;
    label?: string;
    placeholder?: string;
    /** Initial text; for a checkbox or radio, the value it sends. */
    value?: string;
    checked?: boolean;
    required?: boolean;
    multiple?: boolean;
    options?: Option[];
    /** Buttons: what pressing it does. */
    action?: 'action' | 'reset';
    /** Checkbox, radio and button: the words shown. */
    text?: string;
  }

  type Part = TextPart | ElementPart | BreakPart | LinkPart | EntityPart | FormPart | FieldPart;

  interface Message {
    id: string;
    sender: { username: string; displayName: string };
    timestamp: number;
    /** Sent by the user the view is for. */
    mine: boolean;
    content: Part[];
  }

  /** GET symphony/chat/messages?user=…&stream=… */
  interface MessagesAnswer {
    revision: string;
    stream: Stream;
    messages: Message[];
  }
}
