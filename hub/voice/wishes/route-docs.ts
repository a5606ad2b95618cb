/** The documentation of the public wish routes (the OpenAPI document is built from it). */
import type { RouteDoc } from '../../http/index.js';
import { VISITOR_HEADER, VISITOR_HEADER_DOC } from '../../interaction/index.js';

const tag = 'voice';
const STEP = {
  type: 'object',
  required: ['at', 'from', 'status', 'signedBy'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    from: { type: ['string', 'null'] },
    status: { type: 'string' },
    signedBy: { type: 'string', description: 'The partner that took the step (« Un citoyen » for the first)' },
    partnerId: { type: 'string' },
    answer: { type: 'string' },
    partnerIds: { type: 'array', items: { type: 'string' } },
    duplicateOf: { type: 'string' },
    itemId: { type: 'string' },
  },
};
export const WISH_SCHEMA = {
  type: 'object',
  required: ['id', 'title', 'body', 'status', 'supports', 'history', 'partners', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    body: { type: 'string' },
    status: { type: 'string', enum: ['nouveau', 'a-l-etude', 'accepte', 'publie', 'refuse', 'doublon'] },
    supports: { type: 'integer', minimum: 0 },
    supported: { type: 'boolean', description: 'Whether this visitor supports it (with Passerelle-Visitor)' },
    commune: { type: 'string' },
    communeName: { type: 'string' },
    audience: { type: 'string' },
    topic: { type: 'string' },
    partners: { type: 'array', items: { type: 'object' } },
    answer: { type: 'string' },
    duplicateOf: { type: 'string' },
    itemId: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    answeredAt: { type: 'string', format: 'date-time' },
    history: { type: 'array', items: STEP },
  },
};
const SUPPORTS = {
  type: 'object',
  required: ['supports', 'supported'],
  properties: { supports: { type: 'integer', minimum: 0 }, supported: { type: 'boolean' } },
};
const OPTIONAL_VISITOR = { [VISITOR_HEADER]: { description: 'Random visitor key (optional: tells `supported`)' } };
const WRITE_REFUSALS = {
  400: { description: 'visitor_required' },
  403: { description: 'origin_not_allowed' },
  404: { description: 'Unknown or unpublished wish' },
  429: { description: 'rate_limited (Retry-After)' },
};

export const WISH_DOCS = {
  list: {
    method: 'get',
    path: '/api/v1/wishes',
    tag,
    summary: 'Published wishes, with a form token for POST',
    headers: OPTIONAL_VISITOR,
    query: {
      status: { description: 'Statuses, comma-separated (nouveau, a-l-etude, accepte, publie, refuse, doublon)' },
      topic: { description: 'Theme slug' },
      commune: { description: 'INSEE code (988xx)' },
      sort: { description: 'supports (default), recent, answered (answered wishes, latest answer first)' },
      page: { description: 'From 1' },
      limit: { description: '1 to 50 (default 20)' },
    },
    responses: {
      200: {
        description: 'Wishes',
        schema: {
          type: 'object',
          required: ['total', 'wishes', 'formToken'],
          properties: {
            total: { type: 'integer' },
            page: { type: 'integer' },
            limit: { type: 'integer' },
            wishes: { type: 'array', items: WISH_SCHEMA },
            formToken: { type: 'string' },
          },
        },
      },
      400: { description: 'invalid_input' },
    },
  },
  create: {
    method: 'post',
    path: '/api/v1/wishes',
    tag,
    summary: 'Propose a wish (no account; pre-moderated by default)',
    headers: VISITOR_HEADER_DOC,
    body: 'WishInput',
    responses: {
      201: {
        description: 'Stored, pending or published; followUp tells whether the confirmation mail left',
        schema: {
          type: 'object',
          required: ['id', 'moderation', 'status'],
          properties: {
            id: { type: 'string' },
            moderation: { type: 'string', enum: ['pending', 'published'] },
            status: { type: 'string' },
            wish: WISH_SCHEMA,
            followUp: { type: 'string', enum: ['confirmation-sent', 'not-sent'] },
          },
        },
      },
      400: { description: 'visitor_required, invalid_input, honeypot, form_token_invalid' },
      403: { description: 'origin_not_allowed' },
      409: { description: 'duplicate_wish' },
      422: { description: 'too_fast, form_token_expired' },
      429: { description: 'rate_limited (Retry-After)' },
    },
  },
  similar: {
    method: 'get',
    path: '/api/v1/wishes/similar',
    tag,
    summary: 'Items and open wishes that may already answer what is being typed',
    query: { q: { description: 'The title being typed (3 characters or more; cut at 200)' } },
    responses: {
      200: {
        description: 'Suggestions',
        schema: {
          type: 'object',
          properties: { items: { type: 'array', items: { type: 'object' } }, wishes: { type: 'array' } },
        },
      },
      429: { description: 'rate_limited' },
    },
  },
  responseTimes: {
    method: 'get',
    path: '/api/v1/wishes/response-times',
    tag,
    summary: 'Per partner: median days to a first answer, share answered within 30 days',
    responses: { 200: { description: 'Partners, fastest first', schema: { type: 'object' } } },
  },
  read: {
    method: 'get',
    path: '/api/v1/wishes/:id',
    tag,
    summary: 'One published wish with its signed, dated history',
    headers: OPTIONAL_VISITOR,
    responses: {
      200: { description: 'The wish', schema: WISH_SCHEMA },
      404: { description: 'Unknown or unpublished' },
    },
  },
  support: {
    method: 'post',
    path: '/api/v1/wishes/:id/supports',
    tag,
    summary: '« Moi aussi » (once per visitor; idempotent)',
    headers: VISITOR_HEADER_DOC,
    responses: {
      200: { description: 'Exact count', schema: SUPPORTS },
      ...WRITE_REFUSALS,
      409: { description: 'wish_closed' },
    },
  },
  withdraw: {
    method: 'delete',
    path: '/api/v1/wishes/:id/supports',
    tag,
    summary: 'Withdraw « moi aussi » (idempotent)',
    headers: VISITOR_HEADER_DOC,
    responses: { 200: { description: 'Exact count', schema: SUPPORTS }, ...WRITE_REFUSALS },
  },
  flag: {
    method: 'post',
    path: '/api/v1/wishes/:id/flags',
    tag,
    summary: 'Report a wish (once per visitor); 3 reports hide it until reviewed',
    headers: VISITOR_HEADER_DOC,
    body: 'FlagInput',
    responses: { 201: { description: 'Recorded' }, ...WRITE_REFUSALS, 409: { description: 'already_flagged' } },
  },
} satisfies Record<string, RouteDoc>;
