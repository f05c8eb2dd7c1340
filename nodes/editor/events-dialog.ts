/** The events node's dialog (nodes/dedicated/events.ts): its event types and its outputs, one per type or one. */
namespace SymphonyEditor {
  /**
   * Saves the event types (only when changed) and sets the hidden `outputs`. When one output per type stays on
   * and the types change, `outputs` is Node-RED's map of old port to new port: each kept type's wires follow it,
   * a removed type's wires go, a new type's port starts unwired.
   */
  export function saveEventsDialog(node: SymphonyEditorNode): void {
    const before = checklistOriginal('eventTypes');
    const types = saveChecklist(node, 'eventTypes');
    const perType = $('#node-input-outputMode').val() === 'perType';
    const count = String(perType ? Math.max(1, types.length) : 1);
    const changed = types.length !== before.length || types.some((type, i) => before[i] !== type);
    if (!perType || node.outputMode !== 'perType' || !changed || before.length === 0 || types.length === 0) {
      $('#node-input-outputs').val(count);
      return;
    }
    const map: Record<string, string> = {};
    before.forEach((type, port) => {
      map[String(port)] = String(types.indexOf(type));
    });
    types.forEach((type) => {
      if (before.indexOf(type) < 0) {
        map['new-' + type] = String(types.indexOf(type));
      }
    });
    $('#node-input-outputs').val(JSON.stringify(map));
  }

  /** A port's tooltip: the event type in words and its API name, or "events" for the single output. */
  export function eventsOutputLabel(node: SymphonyEditorNode, index: number): string {
    const type = node.outputMode === 'perType' ? checklistValues(node.eventTypes)[index] : undefined;
    if (!type) {
      return t('dedicated.events.outputs.all');
    }
    return t('dedicated.events.choices.eventTypes.' + type) + ' (' + type + ')';
  }
}
