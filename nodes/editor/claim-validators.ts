/** Validators of the shared claim fields of the events and datahose nodes (nodes/dedicated/claim-fields.ts). */
namespace SymphonyEditor {
  /** The claim kind now: the open dialog's select, else the saved property. */
  function claimKind(node: SymphonyEditorNode): string {
    const fromDialog = $('#node-input-claim').val();
    return typeof fromDialog === 'string' && fromDialog !== '' ? fromDialog : text(node.claim);
  }

  /** redisUrl of an events or datahose node: a redis:// or rediss:// URL without a password, when the claim is Redis. */
  export function validRedisUrl(this: SymphonyEditorNode, value: unknown, opt?: RedValidatorOptions): boolean | string {
    if (claimKind(this) !== 'redis') {
      return true;
    }
    const url = text(value).trim();
    if (!/^rediss?:\/\/\S+$/.test(url)) {
      return invalid(t('editor.validation.redisUrl'), opt);
    }
    return !/^rediss?:\/\/[^/@]*:[^/@]*@/.test(url) || invalid(t('editor.validation.redisUrlPassword'), opt);
  }

  /** claimExpiry: blank (24 h) or hours above 0. */
  export function validClaimExpiry(this: SymphonyEditorNode, value: unknown, opt?: RedValidatorOptions): boolean | string {
    const hours = text(value).trim();
    return hours === '' || (Number(hours) > 0 && Number(hours) <= 24 * 366) || invalid(t('editor.validation.claimExpiry'), opt);
  }
}
