import { INestApplication, RequestMethod } from '@nestjs/common';
import {
  EXCEPTION_FILTERS_METADATA,
  GUARDS_METADATA,
  HEADERS_METADATA,
  HOST_METADATA,
  HTTP_CODE_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PARAMTYPES_METADATA,
  PATH_METADATA,
  PIPES_METADATA,
  REDIRECT_METADATA,
  RENDER_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
  VERSION_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DIRECT_READ_KEY } from './direct-read.decorator';

type Handler = (...args: unknown[]) => unknown;
type Controller = abstract new (...args: never[]) => unknown;

/** One argument of a direct read's handler, as Nest would have filled it in. */
export interface DirectReadArgument {
  index: number;
  type: 'param' | 'query';
  /** `@Param(name)`'s name; undefined for `@Query()` (the whole query object). */
  name: string | undefined;
  /** The parameter's declared type, for the global pipes (as Nest passes it). */
  metatype: unknown;
}

export type PathSegment = { literal: string } | { param: string };

export interface DirectReadRoute {
  /** Express's route template, e.g. `/api/stores/:storeSlug/products` (what the access line and metrics report). */
  template: string;
  segments: PathSegment[];
  handler: Handler;
  args: DirectReadArgument[];
}

/** Whether every global guard lets a request without an Authorization header through unread. */
export type AnonymousAccess = (handler: Handler, controller: Controller, template: string) => boolean;

/** What Nest's pipeline would run or apply for a route: a direct read may declare none of it. */
const REFUSED_METADATA: Record<string, string> = {
  [GUARDS_METADATA]: '@UseGuards',
  [INTERCEPTORS_METADATA]: '@UseInterceptors',
  [PIPES_METADATA]: '@UsePipes',
  [EXCEPTION_FILTERS_METADATA]: '@UseFilters',
  [HTTP_CODE_METADATA]: '@HttpCode',
  [HEADERS_METADATA]: '@Header',
  [REDIRECT_METADATA]: '@Redirect',
  [RENDER_METADATA]: '@Render',
  [SSE_METADATA]: '@Sse',
  [VERSION_METADATA]: '@Version',
  [HOST_METADATA]: 'a controller host',
  [RESPONSE_PASSTHROUGH_METADATA]: '@Res({ passthrough })',
};

/**
 * The app's `@DirectRead()` routes, read from the controllers' Nest metadata (the same that Nest
 * builds its Express routes from), each checked: a route the direct path could not answer exactly
 * as Nest would is a start-up error, never a silent difference.
 */
export function findDirectReadRoutes(
  app: INestApplication,
  prefix: string,
  anonymousAccess: AnonymousAccess,
): DirectReadRoute[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: DirectReadRoute[] = [];
  for (const wrapper of app.get(DiscoveryService, { strict: false }).getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    const controller = wrapper.metatype as Controller | undefined;
    if (!instance || !controller) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = instance[name] as Handler;
      if (reflector.get<boolean>(DIRECT_READ_KEY, method) !== true) continue;
      routes.push(directReadRoute(controller, name, method.bind(instance), method, prefix, anonymousAccess));
    }
  }
  return routes;
}

function directReadRoute(
  controller: Controller,
  name: string,
  handler: Handler,
  method: Handler,
  prefix: string,
  anonymousAccess: AnonymousAccess,
): DirectReadRoute {
  const where = `@DirectRead() on ${controller.name}.${name}`;
  const refuse = (why: string): never => {
    throw new Error(`${where}: ${why}; remove @DirectRead() or the other declaration`);
  };
  if (Reflect.getMetadata(METHOD_METADATA, method) !== RequestMethod.GET) refuse('not a @Get() route');
  for (const [key, decorator] of Object.entries(REFUSED_METADATA)) {
    if (Reflect.getMetadata(key, method) !== undefined || Reflect.getMetadata(key, controller) !== undefined)
      refuse(`it declares ${decorator}, which the direct path does not run`);
  }
  const template = routeTemplate(
    [prefix, Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, method)],
    refuse,
  );
  if (!anonymousAccess(method, controller, template))
    refuse('a global guard would not let an anonymous caller through (is it @Public(), without @Roles?)');
  return {
    template,
    segments: template
      .split('/')
      .slice(1)
      .map((segment) => (segment.startsWith(':') ? { param: segment.slice(1) } : { literal: segment })),
    handler,
    args: routeArguments(controller, name, refuse),
  };
}

function routeTemplate(parts: unknown[], refuse: (why: string) => never): string {
  const segments: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') refuse('its path is not one string');
    segments.push(...part.split('/').filter((segment) => segment !== ''));
  }
  for (const segment of segments) {
    // Express would read these as patterns (optional, wildcard, regexp groups): not a plain template.
    if (!/^:?[A-Za-z0-9_.~-]+$/.test(segment)) refuse(`its path segment ${segment} is not a plain one`);
  }
  return `/${segments.join('/')}`;
}

function routeArguments(
  controller: Controller,
  name: string,
  refuse: (why: string) => never,
): DirectReadArgument[] {
  const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
    string,
    { index: number; data: unknown; pipes: unknown[] }
  >;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype as object, name) ??
    []) as unknown[];
  const args: DirectReadArgument[] = [];
  for (const [key, { index, data, pipes }] of Object.entries(declared)) {
    const paramtype = Number(key.split(':')[0]) as RouteParamtypes;
    if (pipes.length > 0) refuse(`parameter ${index} has its own pipes`);
    if (paramtype === RouteParamtypes.PARAM && typeof data === 'string') {
      args.push({ index, type: 'param', name: data, metatype: types[index] });
    } else if (paramtype === RouteParamtypes.QUERY && data === undefined) {
      args.push({ index, type: 'query', name: undefined, metatype: types[index] });
    } else {
      refuse(`parameter ${index} is neither @Param(name) nor @Query()`);
    }
  }
  if (args.length !== types.length) refuse('a parameter has no @Param(name) or @Query() decorator');
  return args.sort((a, b) => a.index - b.index);
}
