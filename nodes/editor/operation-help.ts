/**
 * The parts every operation's help shares (how fields read msg, where the result goes, the Errors section...):
 * the help files hold a `<!--symphony:<part>-->` marker in their place, once per type, and the editor helper puts
 * the part in, in the editor's language, when it registers the type (scripts/build/operation-help.ts writes them).
 */
namespace SymphonyEditor {
  const MARKER = /<!--symphony:([A-Za-z]+)-->/g;

  function helpText(key: string): string {
    return escapeHtml(t(key));
  }

  function property(name: string, type: string, description: string, optional: boolean): string {
    return '<dt' + (optional ? ' class="optional"' : '') + '>' + escapeHtml(name) + ' <span class="property-type">' + escapeHtml(type)
      + '</span></dt>\n<dd>' + escapeHtml(description) + '</dd>';
  }

  function paragraph(key: string): string {
    return '<p>' + helpText(key) + '</p>';
  }

  let shared: Record<string, string> | undefined;

  /** The HTML of each shared part, by marker name (made once, after init). */
  function sharedParts(): Record<string, string> {
    return shared || (shared = {
      oboUser: property('oboUser', 'string | number', t('editor.help.oboUser'), true),
      fieldsFromMsg: paragraph('editor.help.fieldsFromMsg'),
      answerFromPayload: paragraph('editor.help.answerFromPayload'),
      boolNotSet: paragraph('editor.help.boolNotSet'),
      outputProperty: paragraph('editor.help.outputProperty'),
      obo: helpText('editor.help.obo'),
      errors: '<h4>' + helpText('editor.help.errors') + '</h4>\n' + paragraph('editor.help.errorsText') + '\n<dl class="message-properties">\n'
        + property('error.message', 'string', t('editor.help.errorMessage'), false) + '\n'
        + property('error.code', 'string', t('editor.help.errorCode'), false) + '\n'
        + property('error.cause', 'object', t('editor.help.errorCause'), false) + '\n</dl>',
    });
  }

  /** A help text with its shared parts put in (an unknown marker is left: an HTML comment shows nothing). */
  export function expandHelp(help: string): string {
    const parts = sharedParts();
    return help.replace(MARKER, (marker, name: string) => (Object.prototype.hasOwnProperty.call(parts, name) ? parts[name] : marker));
  }

  /**
   * Completes the type's `data-help-name` element, which the editor reads when it shows the help: the help file
   * comes with the module's HTML, and the editor puts all of it in the page before it runs the module's scripts.
   */
  export function fillHelp(type: string): void {
    const element = $('script[data-help-name="' + type + '"]');
    const help = element.length > 0 ? element.text() : '';
    if (help) {
      element.text(expandHelp(help));
    }
  }
}
