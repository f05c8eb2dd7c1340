/**
 * The "Symphony chat" sidebar tab: the built-in simulator's people and conversations, as one of them sees
 * them. While the tab is on screen it polls every POLL_MS; the routes answer 204 while nothing the person sees
 * has changed. Hidden (another tab, the sidebar closed, the browser tab in the background), it asks nothing.
 */
namespace SymphonyEditor {
  const POLL_MS = 1500;
  /** While the simulator is not running: a deploy may start it. */
  const IDLE_POLL_MS = 2500;

  function typeText(type: SymphonyChatData.Stream['type']): string {
    return type === 'ROOM' ? t('editor.chat.streamType.room') : type === 'MIM' ? t('editor.chat.streamType.mim') : t('editor.chat.streamType.im');
  }

  function option(value: string, text: string): HTMLOptionElement {
    const made = document.createElement('option');
    made.value = value;
    made.textContent = text;
    return made;
  }

  function row(label: string, ...controls: HTMLElement[]): HTMLElement {
    const line = element('div', 'symphony-chat-row');
    line.appendChild(element('label', '', label));
    controls.forEach((control) => line.appendChild(control));
    return line;
  }

  class ChatView {
    readonly root = element('div', 'symphony-chat');
    private readonly notice = element('div', 'symphony-chat-notice');
    private readonly userSelect = document.createElement('select');
    private readonly people = element('details', 'symphony-chat-people') as HTMLDetailsElement;
    private readonly peopleList = element('ul');
    private readonly streamSelect = document.createElement('select');
    private readonly contactSelect = document.createElement('select');
    private readonly openButton = element('button', 'red-ui-button', t('editor.chat.open')) as HTMLButtonElement;
    private readonly chatControls = element('div', 'symphony-chat-controls');
    private readonly messages = new ChatMessages((messageId, formId, values, done) => {
      chatCall<{ ok: boolean }>('POST', 'forms', { user: this.user, messageId: messageId, formId: formId, values: values },
        () => done(), (reason) => done(reason));
    });
    private readonly composer = element('div', 'symphony-chat-composer');
    private readonly input = document.createElement('textarea');
    private readonly sendButton = element('button', 'red-ui-button', t('editor.chat.send')) as HTMLButtonElement;
    private readonly hint = element('div', 'symphony-chat-hint');
    private readonly error = element('div', 'symphony-chat-error');

    private running: boolean | undefined;
    /** What the tab shows: the chat, or that the simulator is not running. */
    private shownRunning: boolean | undefined;
    private users: SymphonyChatData.User[] = [];
    private user = '';
    private streamId = '';
    /** The revision shown; '' fetches everything again. */
    private revision = '';
    private timer: number | undefined;
    private busy = false;
    /** A change (user, stream, message sent) came while a request was out: poll again right after it. */
    private again = false;

    constructor() {
      this.people.appendChild(element('summary', '', t('editor.chat.people')));
      this.people.appendChild(this.peopleList);
      this.openButton.type = 'button';
      this.sendButton.type = 'button';
      this.userSelect.className = 'symphony-chat-user';
      this.streamSelect.className = 'symphony-chat-stream';
      this.contactSelect.className = 'symphony-chat-contact';
      this.input.rows = 3;
      this.chatControls.appendChild(row(t('editor.chat.conversation'), this.streamSelect));
      this.chatControls.appendChild(row(t('editor.chat.chatWith'), this.contactSelect, this.openButton));
      this.composer.appendChild(this.input);
      this.composer.appendChild(this.sendButton);
      this.hint.textContent = t('editor.chat.hint');
      [row(t('editor.chat.actAs'), this.userSelect), this.notice, this.people, this.chatControls, this.messages.box, this.composer, this.hint, this.error]
        .forEach((part) => this.root.appendChild(part));

      this.userSelect.addEventListener('change', () => {
        this.user = this.userSelect.value;
        this.streamId = '';
        this.refreshNow();
      });
      this.streamSelect.addEventListener('change', () => {
        this.streamId = this.streamSelect.value;
        this.refreshNow();
      });
      this.openButton.addEventListener('click', () => this.openIm());
      this.sendButton.addEventListener('click', () => this.send());
      this.input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault();
          this.send();
        }
      });
      this.showRunning(false);
    }

    /** On screen: polls; called whenever it may have become visible. */
    wake(): void {
      if (this.visible() && this.timer === undefined && !this.busy) {
        this.tick();
      }
    }

    private visible(): boolean {
      return this.root.offsetParent !== null && !document.hidden;
    }

    private refreshNow(): void {
      this.revision = '';
      this.error.textContent = '';
      if (this.busy) {
        this.again = true;
        return;
      }
      if (this.timer !== undefined) {
        window.clearTimeout(this.timer);
        this.timer = undefined;
      }
      this.tick();
    }

    private tick(): void {
      this.timer = undefined;
      if (!this.visible()) {
        // Hidden since the poll was planned: stop until wake().
        return;
      }
      this.busy = true;
      this.again = false;
      if (this.running) {
        this.poll();
      } else {
        this.loadUsers();
      }
    }

    private next(): void {
      this.busy = false;
      if (this.again) {
        this.tick();
      } else if (this.visible()) {
        this.timer = window.setTimeout(() => this.tick(), this.running ? POLL_MS : IDLE_POLL_MS);
      }
    }

    private failed(message: string, status: number): void {
      if (status === 503) {
        this.running = false;
        this.showRunning(false);
      }
      this.error.textContent = status === 503 ? '' : message;
      this.next();
    }

    private loadUsers(): void {
      chatCall<SymphonyChatData.UsersAnswer>('GET', 'users', null, (answer) => {
        this.running = Boolean(answer && answer.running);
        this.showUsers(answer ? answer.users : []);
        this.showRunning(this.running);
        this.error.textContent = '';
        if (this.running) {
          this.revision = '';
          this.poll();
        } else {
          this.next();
        }
      }, (message, status) => this.failed(message, status));
    }

    private showRunning(running: boolean): void {
      if (running === this.shownRunning) {
        return;
      }
      this.shownRunning = running;
      this.notice.textContent = '';
      if (!running) {
        this.notice.appendChild(element('strong', '', t('editor.chat.notRunning')));
        this.notice.appendChild(element('p', '', t('editor.chat.howToStart')));
        this.messages.clear();
      }
      this.notice.style.display = running ? 'none' : '';
      this.people.open = !running;
      this.chatControls.style.display = running ? '' : 'none';
      this.composer.style.display = running ? '' : 'none';
      this.hint.style.display = running ? '' : 'none';
      this.messages.box.style.display = running ? '' : 'none';
      this.userSelect.disabled = !running;
    }

    private showUsers(users: SymphonyChatData.User[]): void {
      this.users = users;
      this.userSelect.textContent = '';
      this.peopleList.textContent = '';
      users.forEach((user) => {
        const vars = { name: user.displayName, username: user.username };
        this.userSelect.appendChild(option(user.username, user.bot ? t('editor.chat.botOption', vars) : t('editor.chat.userOption', vars)));
        const about = [user.title, user.company].filter((part) => Boolean(part)).join(', ');
        this.peopleList.appendChild(element('li', '', t('editor.chat.person', { name: user.displayName, username: user.username, about: about })));
      });
      const known = users.some((user) => user.username === this.user);
      if (!known) {
        const firstPerson = users.filter((user) => !user.bot)[0] || users[0];
        this.user = firstPerson ? firstPerson.username : '';
        this.streamId = '';
      }
      this.userSelect.value = this.user;
    }

    private displayName(username: string): string {
      const found = this.users.filter((user) => user.username === username)[0];
      return found ? found.displayName : username;
    }

    private poll(): void {
      if (!this.user) {
        this.next();
        return;
      }
      const asked = this.user;
      chatCall<SymphonyChatData.StreamsAnswer>('GET', 'streams?' + chatQuery({ user: asked, revision: this.revision }), null, (answer) => {
        if (!answer || asked !== this.user || this.again) {
          this.next();
          return;
        }
        this.showStreams(answer);
        if (!this.streamId) {
          this.revision = answer.revision;
          this.messages.note(t('editor.chat.noConversation', { name: this.displayName(this.user) }));
          this.next();
          return;
        }
        this.loadMessages(answer.revision);
      }, (message, status) => this.failed(message, status));
    }

    private showStreams(answer: SymphonyChatData.StreamsAnswer): void {
      const ids = answer.streams.map((stream) => stream.id);
      if (ids.indexOf(this.streamId) < 0) {
        this.streamId = ids[0] || '';
      }
      this.streamSelect.textContent = '';
      answer.streams.forEach((stream) => {
        const vars = { name: stream.name, type: typeText(stream.type) };
        this.streamSelect.appendChild(option(stream.id, stream.active ? t('editor.chat.streamOption', vars) : t('editor.chat.streamInactive', vars)));
      });
      this.streamSelect.value = this.streamId;
      this.streamSelect.disabled = ids.length === 0;
      const chosen = this.contactSelect.value;
      this.contactSelect.textContent = '';
      answer.contacts.forEach((username) => this.contactSelect.appendChild(option(username, this.displayName(username))));
      if (answer.contacts.indexOf(chosen) >= 0) {
        this.contactSelect.value = chosen;
      }
      this.openButton.disabled = answer.contacts.length === 0;
      this.input.placeholder = t('editor.chat.placeholder', { name: this.displayName(this.user) });
    }

    private loadMessages(revision: string): void {
      const asked = this.user + ' ' + this.streamId;
      chatCall<SymphonyChatData.MessagesAnswer>('GET', 'messages?' + chatQuery({ user: this.user, stream: this.streamId }), null, (answer) => {
        if (answer && asked === this.user + ' ' + this.streamId && !this.again) {
          this.revision = revision;
          this.messages.show(this.user, answer);
        }
        this.next();
      }, (message, status) => this.failed(message, status));
    }

    private send(): void {
      const text = this.input.value;
      if (text.trim() === '' || !this.streamId) {
        return;
      }
      this.sendButton.disabled = true;
      chatCall<SymphonyChatData.Message>('POST', 'messages', { user: this.user, stream: this.streamId, text: text }, () => {
        this.sendButton.disabled = false;
        this.input.value = '';
        this.refreshNow();
      }, (message) => {
        this.sendButton.disabled = false;
        this.error.textContent = t('editor.chat.failed', { reason: message });
      });
    }

    private openIm(): void {
      const other = this.contactSelect.value;
      if (!other) {
        return;
      }
      chatCall<SymphonyChatData.Stream>('POST', 'ims', { user: this.user, with: other }, (stream) => {
        this.streamId = stream ? stream.id : this.streamId;
        this.refreshNow();
      }, (message) => {
        this.error.textContent = t('editor.chat.failed', { reason: message });
      });
    }
  }

  /** Adds the tab; called once by the generated symphony.html. */
  export function registerChatView(): void {
    if (typeof RED.sidebar === 'undefined' || typeof RED.sidebar.addTab !== 'function') {
      return;
    }
    const view = new ChatView();
    RED.sidebar.addTab({
      id: 'symphony-chat',
      label: t('editor.chat.tab'),
      name: t('editor.chat.tab'),
      iconClass: 'fa fa-comments',
      content: view.root,
      enableOnEdit: true,
      onchange: () => window.setTimeout(() => view.wake(), 0),
    });
    RED.events.on('sidebar:resize', () => view.wake());
    document.addEventListener('visibilitychange', () => view.wake());
  }
}
