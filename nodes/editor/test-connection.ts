/** The "Test connection" button of the symphony-config dialog: checks the values in the dialog, deployed or not. */
namespace SymphonyEditor {
  interface TestOutcome {
    ok?: boolean;
    reason?: string;
    field?: string;
    /** Stored credentials to enter again (a URL changed since the deploy): marked in the dialog. */
    reenter?: string[];
    botDisplayName?: string;
    botUsername?: string;
    agentVersion?: string;
    podVersion?: string;
    obo?: { ok?: boolean; reason?: string };
    simulator?: boolean;
    agents?: string[];
  }

  /** What the dialog holds for a property or credential; a stored secret reads as Node-RED's '__PWRD__'. */
  function dialogValues(names: string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    names.forEach((name) => {
      const input = $('#node-config-input-' + name);
      if (input.length > 0) {
        values[name] = input.attr('type') === 'checkbox' ? input.is(':checked') : input.val();
      }
    });
    return values;
  }

  function fieldLabel(field: string): string {
    const key = ['config', 'properties', field, 'label'].join('.');
    const label = t(key);
    return label.indexOf(key) === -1 ? label : field;
  }

  function line(text: string, icon: string, color: string): JQuery {
    return $('<div>').append($('<i class="fa fa-' + icon + '" style="color: ' + color + '; width: 16px;"></i>'))
      .append($('<span>').text(' ' + text));
  }

  function showOutcome(spot: JQuery, outcome: TestOutcome): void {
    spot.empty();
    if (!outcome.ok) {
      const where = outcome.field ? ' (' + t('config.test.field', { field: fieldLabel(outcome.field) }) + ')' : '';
      spot.append(line(t('config.test.failed', { reason: outcome.reason || '' }) + where, 'times-circle', '#c0392b'));
      (outcome.field ? [outcome.field] : []).concat(outcome.reenter || []).forEach((field) => {
        $('#node-config-input-' + field).addClass('input-error');
      });
      return;
    }
    const who = outcome.botDisplayName || outcome.botUsername || '';
    spot.append(line(t('config.test.connected', { name: who, username: outcome.botUsername || '' }), 'check-circle', '#3a7f3a'));
    if (outcome.simulator) {
      spot.append(line(t('config.test.simulator'), 'info-circle', '#777'));
    }
    const versions = [
      outcome.podVersion ? t('config.test.podVersion', { version: outcome.podVersion }) : '',
      outcome.agentVersion ? t('config.test.agentVersion', { version: outcome.agentVersion }) : '',
    ].filter((text) => text !== '');
    if (versions.length > 0) {
      spot.append(line(versions.join(', '), 'info-circle', '#777'));
    }
    if (outcome.agents && outcome.agents.length > 1) {
      spot.append(line(t('config.test.agents', { agents: outcome.agents.join(', ') }), 'check-circle', '#3a7f3a'));
    }
    if (outcome.obo) {
      spot.append(outcome.obo.ok
        ? line(t('config.test.oboOk'), 'check-circle', '#3a7f3a')
        : line(t('config.test.oboFailed', { reason: outcome.obo.reason || '' }), 'exclamation-triangle', '#c0392b'));
    }
  }

  function httpFailure(status: number): TestOutcome {
    const reason = status === 401 || status === 403 ? t('config.test.denied') : t('config.test.httpError', { status: String(status) });
    return { ok: false, reason: reason };
  }

  export function setupTestConnection(node: SymphonyEditorNode): void {
    const definition = node._def;
    const spot = $('#node-config-symphony-test-connection');
    if (!definition || spot.length === 0) {
      return;
    }
    const button = $('<button type="button" class="red-ui-button">')
      .append($('<i class="fa fa-plug"></i>'))
      .append($('<span>').text(' ' + t('config.test.button')));
    const result = $('<div style="margin-top: 6px;">');
    spot.empty().append(button).append(result);
    button.on('click', (event) => {
      event.preventDefault();
      $('#node-config-symphony-tabs-content .input-error').toggleClass('input-error', false);
      button.prop('disabled', true);
      result.empty().append(line(t('config.test.running'), 'spinner fa-spin', '#777'));
      const body = {
        id: node.id,
        config: dialogValues(Object.keys(definition.defaults)),
        credentials: dialogValues(Object.keys(definition.credentials || {})),
      };
      $.ajax({ url: 'symphony/test-connection', method: 'POST', contentType: 'application/json', data: JSON.stringify(body), dataType: 'json', timeout: 60000 })
        .done((data) => showOutcome(result, (data || {}) as TestOutcome))
        .fail((xhr) => showOutcome(result, httpFailure(xhr.status)))
        .done(() => button.prop('disabled', false))
        .fail(() => button.prop('disabled', false));
    });
  }
}
