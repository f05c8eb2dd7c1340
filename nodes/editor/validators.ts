/** Property validators for the operation nodes (Node-RED calls them with the node as `this`). */
namespace SymphonyEditor {
  const ENV_REFERENCE = /^\$\{[^}]+\}$/;

  interface TypedRules {
    blankAllowed: boolean;
    choices?: string[];
  }

  /** Node-RED < 3.1 passes no `opt` and expects a boolean; later versions show a returned string. */
  export function invalid(message: string, opt?: RedValidatorOptions): string | false {
    if (!opt) {
      return false;
    }
    return opt.label ? opt.label + ': ' + message : message;
  }

  export function text(value: unknown): string {
    return value === undefined || value === null ? '' : String(value);
  }

  /** The field's type now: the open dialog's hidden type input, else the saved property, else the default. */
  export function currentType(node: SymphonyEditorNode, typeProperty: string, fallback: string): string {
    const fromDialog = $('#node-input-' + typeProperty).val();
    if (typeof fromDialog === 'string' && fromDialog !== '') {
      return fromDialog;
    }
    const saved = node[typeProperty];
    return typeof saved === 'string' && saved !== '' ? saved : fallback;
  }

  function checkTyped(value: string, type: string, rules: TypedRules, opt?: RedValidatorOptions): boolean | string {
    if (value.trim() === '') {
      return rules.blankAllowed || invalid(t('editor.validation.required'), opt);
    }
    if (ENV_REFERENCE.test(value)) {
      return true;
    }
    switch (type) {
      case 'str':
        return !rules.choices || rules.choices.indexOf(value) >= 0
          || invalid(t('editor.validation.oneOf', { values: rules.choices.join(', ') }), opt);
      case 'bool':
        return value === 'true' || value === 'false' || invalid(t('editor.validation.bool'), opt);
      case 'num':
      case 'json':
      case 'msg':
      case 'flow':
      case 'global':
      case 'jsonata': {
        const result = RED.utils.validateTypedProperty(value, type, opt);
        return result === true || (opt ? result : false);
      }
      default:
        return true;
    }
  }

  /**
   * Wraps a validator so that an absent property passes: a flow saved before the property existed (or written
   * by hand) lacks it, and the runtime then applies the default.
   */
  export function unlessAbsent(check: RedValidator): RedValidator {
    return function (value, opt) {
      return value === undefined || check.call(this, value, opt);
    };
  }

  /**
   * A parameter field. A blank `str` field is always valid: it means "read msg.<name>", the way a flow feeds
   * the value per message, so `required` cannot be enforced on it here (the runtime rejects a missing value
   * per message, naming the field). The editor rejects only what can never work: a blank field of another
   * type on a required parameter (nothing to evaluate), an unparsable number, JSON, property or JSONata
   * expression, or a fixed value outside an enum. A blank optional field of any type is left to msg.
   */
  export function paramValidator(type: string, name: string): RedValidator {
    return unlessAbsent(function (value, opt) {
      const spec = param(type, name);
      const fieldType = currentType(this, name + 'Type', spec.types[0]);
      const rules = { blankAllowed: fieldType === 'str' || !spec.required, choices: spec.enum };
      return checkTyped(text(value), fieldType, rules, opt);
    });
  }

  /** The OBO user field: blank reads msg.oboUser, whatever its type. */
  export function oboUserValidator(): RedValidator {
    return unlessAbsent(function (value, opt) {
      return checkTyped(text(value), currentType(this, 'oboUserType', 'str'), { blankAllowed: true }, opt);
    });
  }

  export function actAsValidator(type: string): RedValidator {
    return unlessAbsent(function (value, opt) {
      const allowed = operation(type).oboPermissions ? ['bot', 'userId', 'username'] : ['bot'];
      return allowed.indexOf(text(value)) >= 0 || invalid(t('editor.validation.actAs'), opt);
    });
  }

  export function optionValidator(type: string, name: string): RedValidator {
    return unlessAbsent(function (value, opt) {
      const option = operation(type).options.filter((o) => o.name === name)[0];
      const values = option ? option.values : [];
      return values.indexOf(text(value)) >= 0
        || invalid(t('editor.validation.oneOf', { values: values.join(', ') }), opt);
    });
  }

  export function outputPropertyValidator(): RedValidator {
    return unlessAbsent(function (value, opt) {
      return checkTyped(text(value), 'msg', { blankAllowed: false }, opt);
    });
  }
}
