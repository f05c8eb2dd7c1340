/**
 * Request body schema of the share endpoint (ShareContent), written by hand from the Agent spec, compiled once.
 */
import { type JSONSchemaType } from 'ajv';
import { ajv } from './ajv';


/** ShareArticle: articleId or articleUrl is also required (checked by the handler, the spec says it in words). */
export interface ShareArticle {
  articleId?: string;
  title: string;
  subTitle?: string;
  message?: string;
  publisher: string;
  publishDate?: number;
  thumbnailUrl?: string;
  author: string;
  articleUrl?: string;
  summary?: string;
  appId: string;
  appName?: string;
  appIconUrl?: string;
}
export interface ShareContent {
  type?: string;
  content: ShareArticle;
}
const optionalText = { type: 'string', nullable: true } as const;
const requiredText = { type: 'string', minLength: 1 } as const;
const shareContent: JSONSchemaType<ShareContent> = {
  type: 'object',
  properties: {
    type: { type: 'string', nullable: true },
    content: {
      type: 'object',
      properties: {
        articleId: optionalText, title: requiredText, subTitle: optionalText, message: optionalText,
        publisher: requiredText, publishDate: { type: 'integer', nullable: true }, thumbnailUrl: optionalText,
        author: requiredText, articleUrl: optionalText, summary: optionalText, appId: requiredText,
        appName: optionalText, appIconUrl: optionalText,
      },
      required: ['title', 'publisher', 'author', 'appId'],
    },
  },
  required: ['content'],
};

export const validateShareContent = ajv.compile(shareContent);
