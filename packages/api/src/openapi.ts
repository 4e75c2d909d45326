import {
  AccountCreateRequest,
  AccountResponse,
  AccountUpdateRequest,
  AnalyzeRequest,
  AnalyzeResponse,
  ErrorResponse,
  InstrumentListItem,
  JobResponse,
  JobsResponse,
  MessageResponse,
  PopulateTestDataResponse,
  PositionCreateRequest,
  PositionResponse,
  PositionsResponse,
  PositionUpdateRequest,
  ResetAccountsResponse,
  UserResponse,
  UserUpdateRequest,
  UserWithCreatedResponse,
} from '@alex/contracts';
import { z } from 'zod';

type Schema = Record<string, unknown>;

// Requests as clients send them (before trimming and upper-casing), responses as the API writes them.
const schema = (type: z.ZodType, io: 'input' | 'output' = 'input'): Schema =>
  z.toJSONSchema(type, { io, unrepresentable: 'any' }) as Schema;

const errors = {
  '401': { description: 'No valid bearer token', content: json(schema(ErrorResponse)) },
  '404': { description: 'No such row of the caller', content: json(schema(ErrorResponse)) },
  '422': { description: 'The body does not match the schema', content: json(schema(ErrorResponse)) },
  '429': {
    description: "Over the caller's rate limit; retry after `Retry-After` seconds",
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: json(schema(ErrorResponse)),
  },
};

function json(body: Schema) {
  return { 'application/json': { schema: body } };
}

function operation(summary: string, response: z.ZodType, body?: z.ZodType) {
  return {
    summary,
    security: [{ bearer: [] }],
    ...(body ? { requestBody: { required: true, content: json(schema(body)) } } : {}),
    responses: { '200': { description: 'OK', content: json(schema(response, 'output')) }, ...errors },
  };
}

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

/** The API's OpenAPI 3.1 document, generated from the contracts' request and response schemas. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Alex API', version: '1.0.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths: {
      '/health': { get: { summary: 'Liveness', responses: { '200': { description: 'OK' } } } },
      '/api/user': {
        get: operation('The caller, created on the first call', UserWithCreatedResponse),
        put: operation('Update the caller', UserResponse, UserUpdateRequest),
      },
      '/api/accounts': {
        get: operation('The caller’s accounts, newest first', z.array(AccountResponse)),
        post: operation('Create an account', AccountResponse, AccountCreateRequest),
      },
      '/api/accounts/{id}': {
        parameters: [idParameter],
        put: operation('Update an account', AccountResponse, AccountUpdateRequest),
        delete: operation('Delete an account and its positions', MessageResponse),
      },
      '/api/accounts/{id}/positions': {
        parameters: [idParameter],
        get: operation('An account’s positions', PositionsResponse),
      },
      '/api/positions': {
        post: operation('Hold a quantity of a symbol in an account', PositionResponse, PositionCreateRequest),
      },
      '/api/positions/{id}': {
        parameters: [idParameter],
        put: operation('Change a position’s quantity', PositionResponse, PositionUpdateRequest),
        delete: operation('Delete a position', MessageResponse),
      },
      '/api/instruments': { get: operation('Every instrument', z.array(InstrumentListItem)) },
      '/api/analyze': {
        post: operation('Start an analysis (or return the one under way)', AnalyzeResponse, AnalyzeRequest),
      },
      '/api/jobs': { get: operation('The caller’s newest jobs, without payloads', JobsResponse) },
      '/api/jobs/{id}': { parameters: [idParameter], get: operation('One whole job', JobResponse) },
      '/api/populate-test-data': { post: operation('Add the demo accounts', PopulateTestDataResponse) },
      '/api/reset-accounts': {
        delete: operation('Delete every account of the caller', ResetAccountsResponse),
      },
    },
  };
}
