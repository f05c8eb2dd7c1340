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
}
