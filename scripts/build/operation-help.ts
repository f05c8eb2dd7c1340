import type { OperationSpec, ParamSpec } from '../../nodes/catalogue/types';
import { escapeHtml } from './html';
import type { OperationTexts } from './operation-texts';
import { pagingHelp } from './paging-section';
import { KIND_HELP_TYPES } from './param-kinds';
import type { Texts } from './texts';

/**
 * The help parts every operation shares: the editor helper puts each in from its locale texts where its marker is
 * (nodes/editor/operation-help.ts, whose keys the build checks), so the help file holds them once, not per type.
 */
type SharedHelpPart = 'oboUser' | 'fieldsFromMsg' | 'answerFromPayload' | 'boolNotSet' | 'outputProperty' | 'obo' | 'errors';

/** Where a shared part goes (an HTML comment: shows nothing if it were left in). */
function shared(name: SharedHelpPart): string {
  return `<!--symphony:${name}-->`;
}

function property(name: string, type: string, description: string, optional: boolean): string {
  return `<dt${optional ? ' class="optional"' : ''}>${escapeHtml(name)} <span class="property-type">${escapeHtml(type)}</span></dt>
<dd>${escapeHtml(description)}</dd>`;
}

function codeList(values: readonly string[]): string {
  return values.map((v) => `<code>${escapeHtml(v)}</code>`).join(', ');
}

/** The msg property types a help entry shows: a user or stream field also takes the answer naming it. */
function helpType(param: ParamSpec): string {
  const types = KIND_HELP_TYPES[param.kind];
  return param.idOf === 'user' || param.idOf === 'stream' ? `${types} | object` : types;
}

/** Says that a blank required user or stream field takes the previous node's answer, where the node has one. */
function answerParagraph(op: OperationSpec): string {
  const takes = op.params.some((p) => p.required && (p.idOf === 'user' || p.idOf === 'stream'));
  return takes ? `${shared('answerFromPayload')}\n` : '';
}

/**
 * Who the node can act as: the permissions the app needs for OBO (any one of them), the called endpoint's for the
 * generic node (an empty list), or bot only.
 */
function permissionParagraph(op: OperationSpec, s: (key: string) => string): string {
  if (!op.oboPermissions) return `<p>${s('permissions')}: ${s('botOnly')}</p>`;
  const needed = op.oboPermissions.length > 0 ? codeList(op.oboPermissions) : s('permissionsOfEndpoint');
  return `<p>${s('permissions')}: ${needed}. ${shared('obo')}</p>`;
}

/** Node-RED help for one operation: summary, inputs, outputs, details (endpoint, OBO, pages, options, errors, example). */
export function operationHelp(op: OperationSpec, texts: OperationTexts, sharedTexts: Texts): string {
  const s = (key: string): string => escapeHtml(sharedTexts.text('editor', `editor.help.${key}`));
  const inputs = op.params.map((p) => property(p.name, helpType(p), texts.params[p.name]?.description ?? '', !p.required));
  if (op.oboPermissions) inputs.push(shared('oboUser'));
  const options = (op.options ?? []).map((option) => {
    const optionTexts = texts.options[option.name];
    return `<dt>${escapeHtml(optionTexts?.label ?? option.name)}</dt>
<dd>${escapeHtml(optionTexts?.description ?? '')} (${codeList(option.values)})</dd>`;
  });
  const api = escapeHtml(sharedTexts.text('editor', `editor.api.${op.api}`));
  const bool = op.params.some((p) => p.kind === 'boolean') ? `${shared('boolNotSet')}\n` : '';
  return `<script type="text/html" data-help-name="${escapeHtml(op.type)}">
<p>${escapeHtml(texts.summary)}</p>
<h3>${s('inputs')}</h3>
<dl class="message-properties">
${inputs.join('\n')}
</dl>
${shared('fieldsFromMsg')}
${answerParagraph(op)}${bool}<h3>${s('outputs')}</h3>
<dl class="message-properties">
${property('payload', 'object', texts.output, false)}
</dl>
${shared('outputProperty')}
<h3>${s('details')}</h3>
<p>${s('endpoint')}: ${op.dynamicTarget ? s('endpointAny') : `<code>${escapeHtml(`${op.method} ${op.path}`)}</code> (${api})`}</p>
${permissionParagraph(op, s)}
${texts.details ? `<p>${escapeHtml(texts.details)}</p>\n` : ''}${op.statusSummary ? `<p>${s(op.statusSummary.show === 'id' ? 'statusId' : 'statusCount')}</p>\n` : ''}${pagingHelp(op, sharedTexts)}${options.length ? `<h4>${s('options')}</h4>\n<dl class="message-properties">\n${options.join('\n')}\n</dl>\n` : ''}${shared('errors')}
<h4>${s('example')}</h4>
<pre>${escapeHtml(texts.example)}</pre>
</script>`;
}
