/** The parts of jQuery and Node-RED's editableList widget the command node's dialog uses. */
interface RedEditableListOptions {
  addItem: (row: JQuery, index: number, data: Record<string, unknown>) => void;
  removable?: boolean;
  sortable?: boolean;
  addButton?: string | boolean;
  height?: number | string;
  header?: JQuery;
}

interface JQuery {
  editableList(options: RedEditableListOptions): JQuery;
  editableList(method: 'addItem', data: Record<string, unknown>): JQuery;
  editableList(method: 'items'): JQuery;
  data(key: string): unknown;
  text(value: string): JQuery;
  appendTo(target: JQuery): JQuery;
  addClass(name: string): JQuery;
  css(props: Record<string, string>): JQuery;
}
