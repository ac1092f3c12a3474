import type { Route } from './http.js';

/**
 * The OpenAPI document the demo's docs pages give their explorers: the Wunder Platform's
 * sign-in (public) and two customer calls that answer 401 without a valid access token.
 * Its server is this stand-in, so Try-it reaches the same API the widget signs in to.
 */
export function wunderOpenApiDocument(serverUrl: string) {
  const unauthorized = { $ref: '#/components/responses/Unauthorized' };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Wunder Platform API (demo)',
      version: '1.0.0',
      description:
        'Sign in with the widget at the top of the page: every Try-it request then carries its access token, through refreshes, until you sign out.',
    },
    servers: [{ url: serverUrl, description: 'Stand-in, tenant acme' }],
    tags: [
      { name: 'Customers', description: 'The signed-in customer.' },
      { name: 'Auth', description: 'Sign-in (what the widget calls for you).' },
    ],
    security: [{ bearerAuth: [] }],
    paths: {
      '/front/customers/me': {
        get: {
          tags: ['Customers'],
          operationId: 'getCurrentCustomer',
          summary: 'Get the signed-in customer',
          responses: {
            '200': { description: 'The customer', content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } },
            '401': unauthorized,
          },
        },
      },
      '/front/customers/me/orders': {
        get: {
          tags: ['Customers'],
          operationId: 'listOrders',
          summary: "List the signed-in customer's orders",
          responses: {
            '200': {
              description: 'The orders, newest first',
              content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Order' } } } },
            },
            '401': unauthorized,
          },
        },
      },
      '/auth/sign-in-email': {
        post: {
          tags: ['Auth'],
          operationId: 'signInWithEmail',
          summary: 'Sign in with e-mail and password',
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['email', 'password'],
                  properties: { email: { type: 'string', format: 'email' }, password: { type: 'string', format: 'password' } },
                },
              },
            },
          },
          responses: {
            '200': { description: 'Tokens', content: { 'application/json': { schema: { $ref: '#/components/schemas/Tokens' } } } },
            '401': unauthorized,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from the widget.' },
      },
      responses: {
        Unauthorized: {
          description: 'Missing, invalid or expired access token',
          content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } },
        },
      },
      schemas: {
        Customer: {
          type: 'object',
          properties: {
            sub: { type: 'string' },
            name: { type: 'string' },
            email: { type: 'string' },
            phoneNumber: { type: 'string' },
            tenant: { type: 'string' },
          },
        },
        Order: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            placedAt: { type: 'string', format: 'date-time' },
            total: { type: 'string' },
            status: { type: 'string', enum: ['placed', 'shipped', 'delivered'] },
          },
        },
        Tokens: { type: 'object', properties: { accessToken: { type: 'string' }, refreshToken: { type: 'string' } } },
      },
    },
  };
}

/** `GET /openapi.json`: the document, its server pointing at the host that was asked. */
export const wunderOpenApiRoute: Route = {
  method: 'GET',
  path: '/openapi.json',
  handle: (context) => ({
    status: 200,
    body: wunderOpenApiDocument(`http://${context.headers.host ?? 'localhost'}/wunder/v1/acme`),
  }),
};
