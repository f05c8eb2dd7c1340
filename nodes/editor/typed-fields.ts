/** TypedInput set-up for the fields of an operation node's edit dialog. */
namespace SymphonyEditor {
  const OBO_USER_TYPES = ['str', 'num', 'msg', 'flow', 'global', 'env', 'jsonata'];

  /**
   * The types a parameter offers. For an enum, `str` becomes a dropdown of the allowed values; its type name
   * stays `str` (what the runtime reads) and its first choice is blank, which reads msg.<name>.
   */
  function typesOf(spec: SymphonyEditorData.Param): Array<string | RedTypedInputType> {
    const choices = spec.enum;
    if (!choices) {
      return spec.types;
    }
    return spec.types.map((type) => type !== 'str' ? type : {
      value: 'str',
      label: t('editor.label.choice'),
      icon: 'red/images/typedInput/az.svg',
      options: [{ value: '', label: t('editor.placeholder.fromMsg', { name: spec.name }) }]
        .concat(choices.map((choice) => ({ value: choice, label: choice }))),
    });
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
    typedField(spec.name, typesOf(spec), t('editor.placeholder.fromMsg', { name: spec.name }));
  }

  export function setupOboUserField(): void {
    typedField('oboUser', OBO_USER_TYPES, t('editor.placeholder.fromMsg', { name: 'oboUser' }));
  }

  export function setupOutputField(): void {
    $('#node-input-outputProperty').typedInput({ default: 'msg', types: ['msg'] });
  }
}
