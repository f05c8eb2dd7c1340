/** TypedInput set-up for the fields of an operation node's edit dialog. */
namespace SymphonyEditor {
  const OBO_USER_TYPES = ['str', 'num', 'msg', 'flow', 'global', 'env', 'jsonata'];

  /** What the dialog's inputs hold before the TypedInput is made: the node's value and type (or its upgrade). */
  interface Saved {
    value: string;
    /** Blank when the node has no type saved for the field. */
    type: string;
  }

  function savedField(name: string): Saved {
    return { value: String($('#node-input-' + name).val() || ''), type: String($('#node-input-' + name + 'Type').val() || '') };
  }

  /**
   * A TypedInput type with choices replaces a saved value that is not one of them by its first choice. A value
   * saved under that type which the dialog does not offer (e.g. written by hand, or by an older version) is
   * offered as one more choice, so that Done keeps it; the field's validator says what is wrong with it.
   */
  function keepSaved(choices: RedTypedInputChoice[], saved: Saved, type: string): RedTypedInputChoice[] {
    const offered = choices.some((choice) => choice.value === saved.value);
    return saved.type !== type || offered ? choices : choices.concat([{ value: saved.value, label: saved.value }]);
  }

  /** An enum as a dropdown of its values; the type stays `str` (what the runtime reads), blank reads msg.<name>. */
  function enumType(spec: SymphonyEditorData.Param, choices: string[], saved: Saved): RedTypedInputType {
    const blank = { value: '', label: t('editor.placeholder.fromMsg', { name: spec.name }) };
    return {
      value: 'str',
      label: t('editor.label.choice'),
      icon: 'red/images/typedInput/az.svg',
      options: keepSaved([blank].concat(choices.map((choice) => ({ value: choice, label: choice }))), saved, 'str'),
    };
  }

  /**
   * A yes/no field in three states: not set (blank: the runtime sends nothing, so the API's default applies),
   * true, false. Node-RED's own `bool` type has only true and false, and turns a blank value into "true".
   */
  function boolType(saved: Saved): RedTypedInputType {
    return {
      value: 'bool',
      label: t('editor.label.bool'),
      icon: 'red/images/typedInput/bool.svg',
      options: keepSaved([
        { value: '', label: t('editor.bool.notSet') },
        { value: 'true', label: t('editor.bool.true') },
        { value: 'false', label: t('editor.bool.false') },
      ], saved, 'bool'),
    };
  }

  /** The types a parameter offers; `str` of an enum and `bool` are dropdowns. */
  function typesOf(spec: SymphonyEditorData.Param, saved: Saved): Array<string | RedTypedInputType> {
    const choices = spec.enum;
    return spec.types.map((type) => {
      if (type === 'bool') {
        return boolType(saved);
      }
      return type === 'str' && choices ? enumType(spec, choices, saved) : type;
    });
  }

  /**
   * A field saved without a type (a flow written by hand) is read by the runtime as text: blank, it reads
   * msg.<name>. A blank `bool` field sends nothing, so such a field is shown as what it does, msg.<name>.
   */
  function showUntyped(spec: SymphonyEditorData.Param, saved: Saved): void {
    if (saved.type === '' && saved.value === '' && spec.types[0] === 'bool' && spec.types.indexOf('msg') >= 0) {
      $('#node-input-' + spec.name).val(spec.name);
      $('#node-input-' + spec.name + 'Type').val('msg');
    }
  }

  /** Turns `#node-input-<name>` into a TypedInput whose type is kept in `#node-input-<name>Type`. */
  function typedField(name: string, types: Array<string | RedTypedInputType>, placeholder: string): void {
    // The placeholder must be on the input before typedInput() copies it to its own field.
    $('#node-input-' + name).attr('placeholder', placeholder).typedInput({
      default: typeof types[0] === 'string' ? types[0] : types[0].value,
      types: types,
      typeField: '#node-input-' + name + 'Type',
    });
  }

  export function setupParamField(spec: SymphonyEditorData.Param): void {
    const saved = savedField(spec.name);
    showUntyped(spec, saved);
    typedField(spec.name, typesOf(spec, saved), t('editor.placeholder.fromMsg', { name: spec.name }));
  }

  export function setupOboUserField(): void {
    typedField('oboUser', OBO_USER_TYPES, t('editor.placeholder.fromMsg', { name: 'oboUser' }));
  }

  export function setupOutputField(): void {
    $('#node-input-outputProperty').typedInput({ default: 'msg', types: ['msg'] });
  }
}
