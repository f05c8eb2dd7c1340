/**
 * DLP dictionaries (/agent/v1/dlp/dictionaries...): list, create, get, rename, delete, and the content's download
 * (base64 text) and upload (multipart part `data`). These endpoints declare no 404: an unknown dictionary or
 * version is a 400. A Regex dictionary refuses content with a pattern that does not compile.
 */
import { readJson } from '../http/body';
import { badRequest } from '../http/errors';
import { parseMultipart } from '../http/multipart';
import { FILE_ANSWER, MULTIPART_BODY, type Reply, type Router, type UserContext } from '../http/router';
import { check } from '../schemas';
import { dlpValidators } from '../schemas-dlp';
import { dictionaryTerms, type DictionaryVersion, type SimDictionary } from '../state-dlp';
import { numberedPage, requireDlpRole } from './dlp-common';

/** V1DLPDictionaryMetadata of a version (the latest unless given); the spec types creatorId as a string. */
function metadataJson(dictionary: SimDictionary, version: DictionaryVersion): Record<string, unknown> {
  return {
    dictRef: { dictId: dictionary.dictId, name: version.name, version: version.version },
    type: dictionary.type,
    creatorId: String(dictionary.creatorId),
    creationDate: dictionary.creationDate,
    lastUpdatedDate: version.lastUpdatedDate,
  };
}

function findDictionary(ctx: UserContext): SimDictionary {
  requireDlpRole(ctx);
  const dictionary = ctx.sim.state.dlp.dictionaries.get(ctx.params.dictId ?? '');
  if (!dictionary) throw badRequest(`Dictionary ${ctx.params.dictId} not found`);
  return dictionary;
}

/** The version asked for by `dictVersion`, or the latest. */
function askedVersion(ctx: UserContext, dictionary: SimDictionary): DictionaryVersion {
  const wanted = ctx.query.get('dictVersion');
  if (wanted === null || wanted === '') return ctx.sim.state.dlp.latestDictionary(dictionary);
  const found = dictionary.versions.find((v) => v.version === wanted);
  if (!found) throw badRequest(`Dictionary ${dictionary.dictId} has no version ${wanted}`);
  return found;
}

function answer(dictionary: SimDictionary, version: DictionaryVersion): Reply {
  return { status: 200, body: { data: metadataJson(dictionary, version) } };
}

function listDictionaries(ctx: UserContext): Reply {
  requireDlpRole(ctx);
  const { dlp } = ctx.sim.state;
  const page = numberedPage(ctx, [...dlp.dictionaries.values()]);
  return { status: 200, body: { items: page.items.map((d) => metadataJson(d, dlp.latestDictionary(d))), page: page.page, pageCount: page.pageCount } };
}

function uniqueName(ctx: UserContext, name: string, except?: SimDictionary): void {
  const taken = ctx.sim.state.dlp.dictionaryNamed(name);
  if (taken && taken !== except) throw badRequest(`A dictionary named ${JSON.stringify(name.trim())} already exists`);
}

async function createDictionary(ctx: UserContext): Promise<Reply> {
  const body = check(dlpValidators.dictionaryCreate, await readJson(ctx.req), 'body');
  requireDlpRole(ctx);
  uniqueName(ctx, body.name);
  const { dlp } = ctx.sim.state;
  const dictionary = dlp.createDictionary(ctx.caller.user.id, body.name, body.type);
  return answer(dictionary, dlp.latestDictionary(dictionary));
}

async function renameDictionary(ctx: UserContext): Promise<Reply> {
  const body = check(dlpValidators.dictionaryUpdate, await readJson(ctx.req), 'body');
  const dictionary = findDictionary(ctx);
  uniqueName(ctx, body.name, dictionary);
  const { dlp } = ctx.sim.state;
  dlp.changeDictionary(dictionary, { name: body.name });
  return answer(dictionary, dlp.latestDictionary(dictionary));
}

function deleteDictionary(ctx: UserContext): Reply {
  const dictionary = findDictionary(ctx);
  const { dlp } = ctx.sim.state;
  const last = dlp.latestDictionary(dictionary);
  dlp.deleteDictionary(dictionary);
  return answer(dictionary, last);
}

function downloadContent(ctx: UserContext): Reply {
  const dictionary = findDictionary(ctx);
  const version = askedVersion(ctx, dictionary);
  return { status: 200, body: Buffer.from(version.content, 'utf8').toString('base64') };
}

/** Each pattern of a Regex dictionary must compile as the enforcement compiles it. */
function checkPatterns(dictionary: SimDictionary, content: string): void {
  if (dictionary.type !== 'Regex') return;
  for (const pattern of dictionaryTerms(content)) {
    try {
      new RegExp(pattern, 'iu');
    } catch (err) {
      throw badRequest(`data: ${JSON.stringify(pattern)} is not a valid regular expression: ${(err as Error).message}`);
    }
  }
}

async function uploadContent(ctx: UserContext): Promise<Reply> {
  const body = await parseMultipart(ctx.req);
  const dictionary = findDictionary(ctx);
  const files = body.files.filter((file) => file.field === 'data');
  if (files.length !== 1 || body.files.length !== 1) throw badRequest('data is required: exactly one file part named data');
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(files[0]!.content);
  } catch {
    throw badRequest('data must be UTF-8 text');
  }
  checkPatterns(dictionary, content);
  const { dlp } = ctx.sim.state;
  dlp.changeDictionary(dictionary, { content });
  return answer(dictionary, dlp.latestDictionary(dictionary));
}

export function registerDlpDictionaryRoutes(router: Router): void {
  router.user('GET', '/agent/v1/dlp/dictionaries', listDictionaries);
  router.user('POST', '/agent/v1/dlp/dictionaries', createDictionary);
  router.user('GET', '/agent/v1/dlp/dictionaries/{dictId}', (ctx) => {
    const dictionary = findDictionary(ctx);
    return answer(dictionary, askedVersion(ctx, dictionary));
  });
  router.user('PUT', '/agent/v1/dlp/dictionaries/{dictId}', renameDictionary);
  router.user('DELETE', '/agent/v1/dlp/dictionaries/{dictId}', deleteDictionary);
  // The content as base64 text, typed application/octet-stream.
  router.user('GET', '/agent/v1/dlp/dictionaries/{dictId}/data/download', downloadContent, FILE_ANSWER);
  router.user('POST', '/agent/v1/dlp/dictionaries/{dictId}/data/upload', uploadContent, MULTIPART_BODY);
}
