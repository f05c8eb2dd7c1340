/** Validators of plain (not TypedInput) properties, shared by the config node and the operation nodes. */
namespace SymphonyEditor {
  /** A number of at least `min`; whole numbers only when `integer`. Blank or absent: the runtime's default. */
  export function numberValidator(min: number, integer: boolean): RedValidator {
    return unlessAbsent(function (value, opt) {
      const number = Number(value);
      const ok = text(value).trim() === ''
        || (isFinite(number) && number >= min && (!integer || Math.floor(number) === number));
      return ok || invalid(t(integer ? 'editor.validation.integer' : 'editor.validation.number',
        { min: String(min) }), opt);
    });
  }

  /** One of `values`, e.g. a select's. Absent: the runtime's default. */
  export function choiceValidator(values: string[]): RedValidator {
    return unlessAbsent(function (value, opt) {
      return values.indexOf(text(value)) >= 0 || invalid(t('editor.validation.oneOf', { values: values.join(', ') }), opt);
    });
  }
}
