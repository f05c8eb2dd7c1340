/** Property validators for the symphony-config node. */
namespace SymphonyEditor {
  function isHttpUrl(value: string): boolean {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }

  /** An http(s) URL; blank only when `required` is false (then the documented fallback URL is used). */
  export function urlValidator(required: boolean): RedValidator {
    return function (value, opt) {
      const url = text(value).trim();
      if (url === '') {
        return !required || invalid(t('editor.validation.required'), opt);
      }
      return isHttpUrl(url) || invalid(t('editor.validation.url'), opt);
    };
  }

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
}
