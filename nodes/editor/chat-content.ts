/**
 * Builds the DOM of a chat message from the parts the chat routes answer (SymphonyChatData.Part). Elements
 * are made one by one from a fixed list and every text is set as text: nothing from a message is read as HTML.
 */
namespace SymphonyEditor {
  type Part = SymphonyChatData.Part;

  const BLOCK_TAGS: Record<SymphonyChatData.Block, string> = {
    b: 'b', i: 'i', u: 'u', s: 's', code: 'code', pre: 'pre', p: 'p', div: 'div', h: 'h4', ul: 'ul', ol: 'ol', li: 'li',
    blockquote: 'blockquote', table: 'table', tr: 'tr', td: 'td', th: 'th',
  };
  const SAFE_LINK = /^(https?:|mailto:)/i;

  export function element(tag: string, className?: string, text?: string): HTMLElement {
    const made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    if (text !== undefined) {
      made.textContent = text;
    }
    return made;
  }

  /** What a form's buttons do: submit its values with the action pressed. */
  export type FormSubmit = (formId: string, values: Record<string, string | string[]>, done: (error?: string) => void) => void;

  export function renderParts(parts: Part[], into: HTMLElement, submit: FormSubmit): void {
    parts.forEach((part) => into.appendChild(renderPart(part, submit)));
  }

  function renderPart(part: Part, submit: FormSubmit): Node {
    if ('entity' in part) {
      return element('span', 'symphony-chat-entity symphony-chat-' + part.entity, part.text);
    }
    if ('field' in part) {
      // A field outside any form: nothing to submit it with.
      return element('span');
    }
    if ('text' in part) {
      return document.createTextNode(part.text);
    }
    if ('link' in part) {
      const holder = SAFE_LINK.test(part.link) ? document.createElement('a') : element('span');
      if (holder instanceof HTMLAnchorElement) {
        holder.href = part.link;
        holder.target = '_blank';
        holder.rel = 'noopener noreferrer';
      }
      renderParts(part.children, holder, submit);
      return holder;
    }
    if ('form' in part) {
      return renderForm(part, submit);
    }
    if (!('children' in part)) {
      return element(part.tag);
    }
    const block = element(BLOCK_TAGS[part.tag] || 'span');
    renderParts(part.children, block, submit);
    return block;
  }

  /** Fields of a form, and the inputs that hold their values. */
  interface FieldInput {
    part: SymphonyChatData.FieldPart;
    input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  }

  let formCount = 0;

  function renderForm(form: SymphonyChatData.FormPart, submit: FormSubmit): HTMLElement {
    formCount += 1;
    // Radio groups of two messages showing the same form must not be one group.
    const group = 'symphony-chat-form-' + formCount;
    const box = element('div', 'symphony-chat-form');
    const inputs: FieldInput[] = [];
    const status = element('div', 'symphony-chat-form-status');

    const collect = (action: string): Record<string, string | string[]> | undefined => {
      const values: Record<string, string | string[]> = {};
      let missing = '';
      inputs.forEach(({ part, input }) => {
        input.classList.remove('input-error');
        if (part.field === 'checkbox' || part.field === 'radio') {
          if (!(input as HTMLInputElement).checked) {
            return;
          }
          const before = values[part.name];
          values[part.name] = before === undefined ? part.value || '' : ([] as string[]).concat(before, part.value || '');
          return;
        }
        const value = input instanceof HTMLSelectElement && input.multiple
          ? Array.prototype.filter.call(input.options, (o: HTMLOptionElement) => o.selected).map((o: HTMLOptionElement) => o.value)
          : input.value;
        if (part.required && (value.length === 0 || (typeof value === 'string' && value.trim() === ''))) {
          input.classList.add('input-error');
          missing = missing || part.label || part.name;
        }
        values[part.name] = value;
      });
      if (missing) {
        status.textContent = t('editor.chat.form.required', { field: missing });
        return undefined;
      }
      values.action = action;
      return values;
    };

    const reset = (): void => {
      inputs.forEach(({ part, input }) => {
        if (input instanceof HTMLSelectElement) {
          Array.prototype.forEach.call(input.options, (o: HTMLOptionElement, i: number) => {
            o.selected = Boolean(part.options && part.options[i] && part.options[i].selected);
          });
        } else if (part.field === 'checkbox' || part.field === 'radio') {
          (input as HTMLInputElement).checked = Boolean(part.checked);
        } else {
          input.value = part.value || '';
        }
        input.classList.remove('input-error');
      });
      status.textContent = '';
    };

    const addField = (part: SymphonyChatData.FieldPart): Node => {
      if (part.field === 'button') {
        const button = element('button', 'red-ui-button symphony-chat-form-button', part.text || part.name) as HTMLButtonElement;
        button.type = 'button';
        button.setAttribute('data-name', part.name);
        button.addEventListener('click', () => {
          if (part.action === 'reset') {
            reset();
            return;
          }
          const values = collect(part.name);
          if (!values) {
            return;
          }
          button.disabled = true;
          status.textContent = t('editor.chat.form.sending');
          submit(form.form, values, (error) => {
            button.disabled = false;
            status.textContent = error ? t('editor.chat.failed', { reason: error }) : t('editor.chat.form.sent');
          });
        });
        return button;
      }
      const row = element('label', 'symphony-chat-field');
      if (part.field === 'checkbox' || part.field === 'radio') {
        const input = document.createElement('input');
        input.type = part.field;
        input.name = part.field === 'radio' ? group + '-' + part.name : part.name;
        input.value = part.value || '';
        input.checked = Boolean(part.checked);
        input.setAttribute('data-name', part.name);
        inputs.push({ part, input });
        row.appendChild(input);
        row.appendChild(document.createTextNode(' ' + (part.text || part.label || part.value || '')));
        return row;
      }
      if (part.label) {
        row.appendChild(element('span', 'symphony-chat-field-label', part.label + (part.required ? ' *' : '')));
      }
      let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
      if (part.field === 'select') {
        const select = document.createElement('select');
        select.multiple = Boolean(part.multiple);
        (part.options || []).forEach((option) => {
          const made = document.createElement('option');
          made.value = option.value;
          made.textContent = option.label;
          made.selected = option.selected;
          select.appendChild(made);
        });
        input = select;
      } else {
        input = part.field === 'textarea' ? document.createElement('textarea') : document.createElement('input');
        if (input instanceof HTMLInputElement) {
          input.type = 'text';
        }
        input.value = part.value || '';
        input.placeholder = part.placeholder || '';
      }
      input.setAttribute('data-name', part.name);
      inputs.push({ part, input });
      row.appendChild(input);
      return row;
    };

    const walk = (parts: Part[], into: HTMLElement): void => {
      parts.forEach((part) => {
        if ('field' in part) {
          into.appendChild(addField(part));
        } else if ('children' in part && !('form' in part) && !('link' in part)) {
          const holder = renderPart({ tag: part.tag, children: [] }, submit) as HTMLElement;
          walk(part.children, holder);
          into.appendChild(holder);
        } else {
          into.appendChild(renderPart(part, submit));
        }
      });
    };
    walk(form.children, box);
    box.appendChild(status);
    return box;
  }
}
