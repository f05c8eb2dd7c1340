/**
 * The command node's dialog (nodes/dedicated/command.ts): the list of commands (an editableList: pattern and
 * description per row), each pattern checked as the runtime parses it (nodes/runtime/commands/command-pattern.ts;
 * test/runtime/command-pattern.test.ts keeps the two in step), and the outputs: one per command, then "no match".
 */
namespace SymphonyEditor {
  const ARGUMENT = /^\{([A-Za-z_][A-Za-z0-9_]*)(?::([@#$]?[A-Za-z]+))?(\?)?\}$/;
  const TYPES = ['word', 'number', 'quoted', 'mention', 'hashtag', 'cashtag', 'rest', '@mention', '#hashtag', '$cashtag'];

  /** Why a pattern can never match, in words (the problem's key under dedicated.command.problems), or ''. */
  export function commandPatternProblem(pattern: unknown): { problem: string; token: string } | undefined {
    const text = typeof pattern === 'string' ? pattern.trim() : '';
    if (text === '') return { problem: 'empty', token: '' };
    const tokens = text.split(/\s+/);
    const head = tokens.shift() || '';
    if (head.charAt(0) !== '/') return { problem: 'noSlash', token: head };
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(head.slice(1))) return { problem: 'badName', token: head };
    const names: string[] = [];
    let rest = false;
    let optional = false;
    for (const token of tokens) {
      if (rest) return { problem: 'restNotLast', token };
      if (token.indexOf('{') < 0 && token.indexOf('}') < 0) {
        if (optional) return { problem: 'requiredAfterOptional', token };
        continue;
      }
      const match = ARGUMENT.exec(token);
      if (!match) return { problem: 'badArgument', token };
      const type = (match[2] || 'word').toLowerCase();
      if (TYPES.indexOf(type) < 0) return { problem: 'unknownType', token };
      const name = (match[1] || '').toLowerCase();
      if (names.indexOf(name) >= 0) return { problem: 'duplicate', token };
      names.push(name);
      if (match[3] !== '?' && optional) return { problem: 'requiredAfterOptional', token };
      optional = optional || match[3] === '?';
      rest = type === 'rest';
    }
    return undefined;
  }

  function problemText(pattern: unknown): string {
    const found = commandPatternProblem(pattern);
    return found ? t('dedicated.command.problems.' + found.problem, { token: found.token }) : '';
  }

  interface CommandRowData {
    pattern?: unknown;
    description?: unknown;
    /** The row's output before this edit; absent for a new row. */
    port?: number;
  }

  function rows(saved: unknown): CommandRowData[] {
    return Array.isArray(saved) ? saved.map((row) => (row && typeof row === 'object' ? row as CommandRowData : {})) : [];
  }

  /** The node's validator: every row's pattern can match (Node-RED >= 3.1 shows the returned reason). */
  export function validateCommands(value: unknown): boolean | string {
    const list = rows(value);
    for (let i = 0; i < list.length; i += 1) {
      const problem = problemText(list[i]?.pattern);
      if (problem) return t('dedicated.command.problems.row', { number: String(i + 1), problem });
    }
    return true;
  }

  function list(): JQuery {
    return $('#node-input-commands-list');
  }

  export function prepareCommandList(node: SymphonyEditorNode): void {
    list().editableList({
      addButton: t('dedicated.command.list.add'),
      removable: true,
      sortable: true,
      height: 'auto',
      addItem: (row, _index, data) => {
        const item = data as CommandRowData;
        const pattern = $('<input type="text" class="symphony-command-pattern">')
          .css({ width: '53%', 'font-family': 'monospace' }).appendTo(row);
        pattern.attr('placeholder', t('dedicated.command.list.pattern'));
        pattern.val(typeof item.pattern === 'string' ? item.pattern : '');
        const description = $('<input type="text" class="symphony-command-description">')
          .css({ width: '42%', 'margin-left': '2%' }).appendTo(row);
        description.attr('placeholder', t('dedicated.command.list.description'));
        description.val(typeof item.description === 'string' ? item.description : '');
        const problem = $('<div class="symphony-command-problem">').css({ color: 'var(--red-ui-text-color-error, #d6615f)', 'font-size': '11px' }).appendTo(row);
        const check = (): void => {
          const text = problemText(pattern.val());
          pattern.toggleClass('input-error', text !== '');
          problem.text(text).toggle(text !== '');
        };
        pattern.on('change keyup input', check);
        check();
      },
    });
    rows(node.commands).forEach((row, port) => {
      list().editableList('addItem', { pattern: row.pattern, description: row.description, port });
    });
  }

  /**
   * Saves the rows and sets the hidden `outputs` as Node-RED's map of old port to new port, so each command's
   * wires follow it when rows move, a removed command's wires go ("-1"), a new command's port starts unwired,
   * and the "no match" output (always last) keeps its wires.
   */
  export function saveCommandList(node: SymphonyEditorNode): void {
    const saved: Array<{ pattern: string; description: string }> = [];
    const map: Record<string, string> = {};
    const original = rows(node.commands);
    const before = original.length;
    const kept: boolean[] = [];
    let changed = false;
    list().editableList('items').each(function (index) {
      const row = $(this);
      const data = row.data('data') as CommandRowData;
      const pattern = String(row.find('.symphony-command-pattern').val() || '');
      const description = String(row.find('.symphony-command-description').val() || '');
      saved.push({ pattern: pattern.trim(), description: description.trim() });
      const was = typeof data.port === 'number' ? original[data.port] : undefined;
      if (!was || data.port !== index || pattern !== String(was.pattern ?? '') || description !== String(was.description ?? '')) changed = true;
      if (typeof data.port === 'number') {
        map[String(data.port)] = String(index);
        kept[data.port] = true;
      } else {
        map['new-' + index] = String(index);
      }
    });
    // An untouched list keeps what was saved, in whatever form, and its outputs as they are.
    if (!changed && saved.length === before) return;
    for (let port = 0; port < before; port += 1) {
      if (!kept[port]) map[String(port)] = '-1';
    }
    map[String(before)] = String(saved.length);
    node.commands = saved;
    $('#node-input-outputs').val(JSON.stringify(map));
  }

  /** A port's tooltip: the command's pattern, or "no match" for the last one. */
  export function commandOutputLabel(node: SymphonyEditorNode, index: number): string {
    const row = rows(node.commands)[index];
    return row ? String(row.pattern || '') : t('dedicated.command.outputs.noMatch');
  }
}
