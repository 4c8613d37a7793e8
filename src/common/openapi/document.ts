import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { OPTIONAL_AUTH_EXTENSION, PUBLIC_EXTENSION } from './security';

export const BEARER_SCHEME = 'bearer';
/** Reusable header parameters: documented once under components, referenced by each route. */
const SHARED_HEADERS: Readonly<Record<string, { name: string; description: string }>> = {
  CartSession: {
    name: 'X-Cart-Session',
    description:
      'Guest cart id, as handed out in a cart response (`sessionId`). Optional: a signed-in customer ' +
      'is found by token; sent on register or login, the guest cart merges into the customer’s cart.',
  },
};

const TAGS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'health', description: 'Liveness and database reachability' },
  { name: 'auth', description: 'Register, log in, refresh and log out; invitations' },
  { name: 'me', description: 'The signed-in customer’s profile and address book' },
  { name: 'stores', description: 'Stores (public list; super admin management)' },
  { name: 'storefront', description: 'Public catalog reads of a store' },
  { name: 'cart', description: 'The guest or customer cart of a store' },
  { name: 'checkout', description: 'Turning a cart into an order' },
  { name: 'orders', description: 'A customer’s orders' },
  { name: 'payments', description: 'Payment provider webhooks' },
  { name: 'admin: catalog', description: 'Categories, tags, products, variants and images of a store' },
  { name: 'admin: inventory', description: 'Stock levels' },
  { name: 'admin: orders', description: 'Order management, refunds and manual payments' },
  { name: 'admin: fulfillments', description: 'Parcels of an order: carrier, tracking, delivery' },
  { name: 'admin: returns', description: 'Returns: approve, reject, receive (refund, restock)' },
  { name: 'admin: discounts', description: 'Discount codes of a store' },
  { name: 'admin: shipping', description: 'Shipping zones and methods of a store' },
  { name: 'admin: tax', description: 'Tax rates of a store by country, region and tax class' },
  { name: 'admin: webhooks', description: 'Outgoing webhooks of a store: endpoints, deliveries, pings' },
  { name: 'admin: customers', description: 'Customers, store customers and the audit log' },
  { name: 'admin: staff', description: 'Store staff: members, roles and invitations of a store' },
  { name: 'admin: invitations', description: 'Invitations for new admins' },
  { name: 'admin: events', description: 'Domain event dispatch: lag and failed deliveries' },
  { name: 'loyalty', description: 'Loyalty points (the example extension): own balance, admin reads' },
];

export function buildOpenApiConfig(): Omit<OpenAPIObject, 'paths'> {
  const builder = new DocumentBuilder()
    .setTitle('Multi-store commerce API')
    .setDescription(
      'REST API for storefronts and admin frontends. Money is a decimal string with two places ' +
        '("19.99"); errors share one `ErrorResponse` body with a stable `code`; every response ' +
        'carries `X-Request-Id`.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://example.com/license')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME);
  for (const tag of TAGS) {
    builder.addTag(tag.name, tag.description);
  }
  return builder.build();
}

/** The document the app serves at /api/docs-json (and `npm run openapi` writes to openapi.json). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, buildOpenApiConfig(), {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return finishOpenApiDocument(document);
}

type Operation = Record<string, unknown> & {
  security?: Array<Record<string, string[]>>;
  parameters?: Array<Record<string, unknown>>;
};

/**
 * What decorators cannot say: `security` from the public/optional-auth markers (protected is the
 * default, as in the guards), shared headers as `$ref`s to one component.
 */
export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.security = [{ [BEARER_SCHEME]: [] }];
  document.components ??= {};
  const parameters = (document.components.parameters ??= {});
  for (const [key, header] of Object.entries(SHARED_HEADERS)) {
    parameters[key] = {
      name: header.name,
      in: 'header',
      required: false,
      description: header.description,
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,128}$' },
    };
  }
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = pathItem[method] as Operation | undefined;
      if (!operation) continue;
      if (operation[OPTIONAL_AUTH_EXTENSION]) {
        operation.security = [{}, { [BEARER_SCHEME]: [] }];
      } else if (operation[PUBLIC_EXTENSION]) {
        operation.security = [];
      } else {
        operation.security = [{ [BEARER_SCHEME]: [] }];
      }
      delete operation[OPTIONAL_AUTH_EXTENSION];
      delete operation[PUBLIC_EXTENSION];
      if (operation.parameters) {
        operation.parameters = operation.parameters.map((parameter) => {
          const shared = Object.entries(SHARED_HEADERS).find(
            ([, header]) =>
              parameter.in === 'header' &&
              typeof parameter.name === 'string' &&
              parameter.name.toLowerCase() === header.name.toLowerCase(),
          );
          return shared ? { $ref: `#/components/parameters/${shared[0]}` } : parameter;
        });
      }
    }
  }
  return document;
}
