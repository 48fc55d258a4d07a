import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PORTAL_ROUTE_KEY, PUBLIC_KEY, ROLES_KEY, type StaffRole } from '@app/auth';
import type { TestApp } from './test-app';

export interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  /** A client portal route (`@PortalRoute()`): a portal session's token, never a staff one. */
  isPortal: boolean;
  roles: StaffRole[] | undefined;
}

/** Every route the API serves, read from the controllers Nest registered. */
export function discoverRoutes(t: TestApp): Route[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) {
      continue;
    }
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) {
        continue;
      }
      const full = `/api/${[prefix, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      routes.push({
        method: RequestMethod[method].toLowerCase(),
        path: full,
        isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, metatype]) === true,
        isPortal: reflector.getAllAndOverride<boolean>(PORTAL_ROUTE_KEY, [handler, metatype]) === true,
        roles: reflector.getAllAndOverride<StaffRole[]>(ROLES_KEY, [handler, metatype]),
      });
    }
  }
  return routes;
}

/** A route's path with every parameter set to `value`. */
export function pathWith(route: Route, value: string): string {
  return route.path.replace(/:[A-Za-z]+/g, value);
}
