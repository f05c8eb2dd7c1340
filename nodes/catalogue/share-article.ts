import { inputError } from '../runtime/core/errors';
import { text } from '../runtime/core/i18n';
import type { ParamValues } from './types';

/** The one content type the share endpoint takes (ShareContent.type). */
export const ARTICLE_TYPE = 'com.symphony.sharing.article';

/** Node fields that become ShareArticle properties; `comment` is the article's `message`. */
const ARTICLE_FIELDS: ReadonlyArray<[field: string, property: string]> = [
  ['title', 'title'], ['articleUrl', 'articleUrl'], ['articleId', 'articleId'], ['summary', 'summary'],
  ['author', 'author'], ['publisher', 'publisher'], ['appId', 'appId'], ['comment', 'message'],
  ['thumbnailUrl', 'thumbnailUrl'], ['publishDate', 'publishDate'],
];

/** ShareArticle requires these; the node field that sets each has the same name. */
const REQUIRED = ['title', 'author', 'publisher', 'appId'] as const;

/**
 * The ShareArticle from the node's fields over the `article` JSON (which carries any other property), checked
 * for what the spec requires, so a missing title is named before any request.
 */
export function prepareArticleShare(values: ParamValues): ParamValues {
  const article: Record<string, unknown> = { ...(values.article as Record<string, unknown> | undefined) };
  for (const [field, property] of ARTICLE_FIELDS) {
    if (values[field] !== undefined) article[property] = values[field];
  }
  const blank = (property: string): boolean => typeof article[property] !== 'string' || (article[property] as string).trim() === '';
  for (const property of REQUIRED) {
    if (blank(property)) {
      throw inputError('content-share', property, text('runtime.errors.content-share.required', { property }));
    }
  }
  if (blank('articleUrl') && blank('articleId')) {
    throw inputError('content-share', 'articleUrl|articleId', text('runtime.errors.content-share.urlOrId'));
  }
  return { ...values, article, contentType: values.contentType ?? ARTICLE_TYPE };
}
